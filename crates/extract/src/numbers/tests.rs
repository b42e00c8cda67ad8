//! Table-driven tests of the number recogniser.
//!
//! Each row: input, then the mentions expected as (text, kind, value),
//! value written as in `isnad numbers` output.

use super::*;

fn show(v: &Value) -> String {
    match v {
        Value::Number(x) => fmt(*x),
        Value::Range(a, b) => format!("{}-{}", fmt(*a), fmt(*b)),
        Value::None => "null".into(),
    }
}

fn fmt(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn found(input: &str) -> Vec<(String, Kind, String)> {
    Numbers::builtin()
        .find(input)
        .into_iter()
        .map(|m| (input[m.start..m.end].to_string(), m.kind, show(&m.value)))
        .collect()
}

macro_rules! t {
    ($name:ident, $input:expr, [$(($text:expr, $kind:ident, $value:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, Kind, String)> = vec![$(($text.to_string(), Kind::$kind, $value.to_string())),*];
            assert_eq!(found($input), want, "input: {}", $input);
        }
    };
}

// Digits
t!(digits_plain, "قتل 12 مقاتلاً", [("12", Cardinal, "12")]);
t!(arabic_indic_digits, "قتل ١٢ مقاتلاً", [("١٢", Cardinal, "12")]);
t!(
    thousands_with_comma,
    "نزح 1,500 شخص",
    [("1,500", Cardinal, "1500")]
);
t!(thousands_with_dot, "نزح 1.500 شخص", [("1.500", Cardinal, "1500")]);
t!(
    thousands_with_arabic_separator,
    "نزح ١٬٥٠٠ شخص",
    [("١٬٥٠٠", Cardinal, "1500")]
);
t!(
    decimal_with_arabic_separator,
    "١٫٥ مليون",
    [("١٫٥ مليون", Cardinal, "1500000")]
);
t!(decimal_comma, "وزنه ٠,٠٨", [("٠,٠٨", Cardinal, "0.08")]);
t!(
    thousands_with_spaces,
    "1 234 567 نسمة",
    [("1 234 567", Cardinal, "1234567")]
);
t!(
    digits_and_scale,
    "1.5 مليون نازح",
    [("1.5 مليون", Cardinal, "1500000")]
);
t!(
    english_scale,
    "some 1.5 million people",
    [("1.5 million", Cardinal, "1500000")]
);
t!(glued_letters_are_not_numbers, "أريد ١٨٠ميلي لتر", []);
t!(
    address_splits,
    "192.168.1.2",
    [
        ("192", Cardinal, "192"),
        ("168", Cardinal, "168"),
        ("1", Cardinal, "1"),
        ("2", Cardinal, "2")
    ]
);
t!(negative_digits, "درجة الحرارة -5", [("-5", Cardinal, "-5")]);

// Words
t!(unit_word, "لديها ثلاثة اقلام", [("ثلاثة", Cardinal, "3")]);
t!(teen, "يوجد ستة عشر تفاحاً", [("ستة عشر", Cardinal, "16")]);
t!(teen_eleven, "أحد عشر مقاتلاً", [("أحد عشر", Cardinal, "11")]);
t!(
    unit_and_tens,
    "ثلاثة وعشرون قتيلاً",
    [("ثلاثة وعشرون", Cardinal, "23")]
);
t!(
    hundreds_and_tens,
    "مئتان وخمسون عنصراً",
    [("مئتان وخمسون", Cardinal, "250")]
);
t!(compound_hundreds, "ثلاثمئة سجين", [("ثلاثمئة", Cardinal, "300")]);
t!(split_hundreds, "ثلاث مئة سجين", [("ثلاث مئة", Cardinal, "300")]);
t!(
    both_spellings_of_hundred,
    "مائة وستة عشر",
    [("مائة وستة عشر", Cardinal, "116")]
);
t!(dual_thousand, "ألفان", [("ألفان", Cardinal, "2000")]);
t!(ten_thousand, "عشرة آلاف نازح", [("عشرة آلاف", Cardinal, "10000")]);
t!(
    thousands_and_hundreds,
    "ثلاثة آلاف وخمسمائة معتقل",
    [("ثلاثة آلاف وخمسمائة", Cardinal, "3500")]
);
t!(
    separate_conjunction,
    "مائة و ستة عشر",
    [("مائة و ستة عشر", Cardinal, "116")]
);
t!(
    two_numbers_of_the_same_order_stay_apart,
    "ثلاثمائة و مائتين",
    [("ثلاثمائة", Cardinal, "300"), ("مائتين", Cardinal, "200")]
);
t!(
    proclitic_preposition_is_outside_the_span,
    "بألفين ومائتين درهم",
    [("ألفين ومائتين", Cardinal, "2200")]
);
t!(dual_noun, "سقط قتيلان وجرح آخرون", [("قتيلان", Cardinal, "2")]);
t!(dual_feminine_noun, "انفجرت سيارتان", [("سيارتان", Cardinal, "2")]);
t!(sound_plural_is_not_a_dual, "قتل مقاتلين", []);
t!(hundred_thousand, "مائة ألف", [("مائة ألف", Cardinal, "100000")]);
t!(
    hundreds_times_thousand,
    "مائتين وإثنين ألف",
    [("مائتين وإثنين ألف", Cardinal, "202000")]
);

// Counted-noun agreement leaves the number alone.
t!(
    accusative_counted_noun,
    "شارك 12 مقاتلاً و90 عنصراً",
    [("12", Cardinal, "12"), ("90", Cardinal, "90")]
);

// Ordinals
t!(
    ordinals_are_kept_apart,
    "في اليوم الثاني والمرحلة الرابعة",
    [("الثاني", Ordinal, "2"), ("الرابعة", Ordinal, "4")]
);
t!(compound_ordinal, "الحادي عشر", [("الحادي عشر", Ordinal, "11")]);
t!(
    ordinal_tens,
    "الخامسة والعشرون",
    [("الخامسة والعشرون", Ordinal, "25")]
);

// Fractions and percentages
t!(half, "شربت نصف العصير", [("نصف", Fraction, "0.5")]);
t!(three_quarters, "ثلاثة أرباع", [("ثلاثة أرباع", Fraction, "0.75")]);
t!(
    fifth_before_a_definite_noun,
    "اكلت خمس الفطيرة",
    [("خمس", Fraction, "0.2")]
);
t!(
    five_before_an_indefinite_noun,
    "خمس سنوات",
    [("خمس", Cardinal, "5")]
);
t!(
    price_is_not_an_eighth,
    "كان ثمن حجرة الالماس اثني عشر مليار ريال",
    [("اثني عشر مليار", Cardinal, "12000000000")]
);
t!(
    one_over_three,
    "واحد على ثلاثة",
    [("واحد على ثلاثة", Fraction, "0.3333333333333333")]
);
t!(
    half_million,
    "نصف مليون نازح",
    [("نصف مليون", Cardinal, "500000")]
);
t!(percent_sign, "نسبة ٢٠٪ من", [("٢٠٪", Percent, "20")]);
t!(percent_words, "٢٠ في المئة", [("٢٠ في المئة", Percent, "20")]);
t!(
    percent_after_bil,
    "عشرون بالمائة",
    [("عشرون بالمائة", Percent, "20")]
);

// Ranges
t!(hyphen_range, "قتل 300-400 شخص", [("300-400", Range, "300-400")]);
t!(
    between_range,
    "بين 300 و400 مقاتل",
    [("300 و400", Range, "300-400")]
);
t!(
    from_to_range,
    "من 20 إلى 30 قتيلا",
    [("20 إلى 30", Range, "20-30")]
);
t!(
    word_range,
    "بين ثلاثمئة وأربعمئة",
    [("ثلاثمئة وأربعمئة", Range, "300-400")]
);

// Vague quantities
t!(dozens, "عشرات القتلى", [("عشرات", Vague, "null")]);
t!(
    the_hundreds,
    "استسلام المئات من عناصر داعش",
    [("المئات", Vague, "null")]
);
t!(
    thousands_definite,
    "تحرير الآلاف من مقاتليه",
    [("الآلاف", Vague, "null")]
);
t!(
    tens_of_thousands,
    "نزوح عشرات الآلاف",
    [("عشرات الآلاف", Vague, "null")]
);
t!(several_after_noun, "خروج مجموعات عدة", [("عدة", Vague, "null")]);
t!(
    a_number_of,
    "تهريب عدد من قيادات داعش",
    [("عدد من", Vague, "null")]
);
t!(many, "تأمين الكثير من الأسرى", [("الكثير من", Vague, "null")]);
t!(
    large_numbers_with_clitic,
    "لأعداد كبيرة من مقاتليها",
    [("أعداد كبيرة من", Vague, "null")]
);

// Not quantities
t!(year_after_cue, "منذ عام 2019", [("2019", Year, "2019")]);
t!(
    years_between,
    "بين عامي 2014 و2019",
    [("2014", Year, "2014"), ("2019", Year, "2019")]
);
t!(year_with_suffix, "في 2019م", [("2019م", Year, "2019")]);
t!(numeric_date, "سامر | 30.03.2024", [("30.03.2024", Date, "null")]);
t!(
    month_date,
    "في 23 كانون الثاني 2022 قتل",
    [("23 كانون الثاني 2022", Date, "null")]
);
t!(time_of_day, "عند 10:30 صباحا", [("10:30 صباحا", Time, "null")]);
t!(
    phone_with_plus,
    "اتصل +963-11-2222222",
    [("+963-11-2222222", Phone, "null")]
);
t!(
    phone_after_cue,
    "رقم الهاتف 0933123456",
    [("0933123456", Phone, "null")]
);
t!(
    a_plain_four_digit_count_is_not_a_year,
    "قتل 2000 شخص",
    [("2000", Cardinal, "2000")]
);

#[test]
fn hedges_become_qualifiers_with_their_span() {
    let n = Numbers::builtin();
    let cases = [
        ("بقاء ما يقارب 90 عنصراً", Qualifier::Approx, "ما يقارب"),
        ("اسراهم وعددهم نحو 25", Qualifier::Approx, "نحو"),
        ("قتل أكثر من 180 شخصا", Qualifier::MoreThan, "أكثر من"),
        ("ما لا يقل عن 41 قتيلا", Qualifier::AtLeast, "ما لا يقل عن"),
        ("أقل من عشرة", Qualifier::LessThan, "أقل من"),
        ("بنحو 200 عنصر", Qualifier::Approx, "نحو"),
        ("12 مقاتلاً فقط", Qualifier::Exact, "فقط"),
        ("at least 41 people", Qualifier::AtLeast, "at least"),
    ];
    for (input, q, hedge) in cases {
        let m = n.find(input);
        assert_eq!(m.len(), 1, "{input}: {m:?}");
        assert_eq!(m[0].qualifier, q, "{input}");
        let (s, e) = m[0].hedge.unwrap_or_else(|| panic!("{input}: no hedge"));
        assert_eq!(&input[s..e], hedge, "{input}");
    }
}

#[test]
fn vague_quantities_carry_gloss_and_band() {
    let m = Numbers::builtin().find("مئات المقاتلين");
    assert_eq!(m[0].vague.as_deref(), Some("hundreds"));
    assert_eq!(m[0].band, Some([200.0, 999.0]));
}

// English compounds, fractions and scale letters.
t!(
    english_tens_then_unit_without_and,
    "fifty two inmates",
    [("fifty two", Cardinal, "52")]
);
t!(
    english_and_inside_a_compound,
    "three hundred and thirty one",
    [("three hundred and thirty one", Cardinal, "331")]
);
t!(
    english_scale_then_hundreds,
    "two million three hundred thousand",
    [("two million three hundred thousand", Cardinal, "2300000")]
);
t!(english_article_half, "a half", [("a half", Fraction, "0.5")]);
t!(
    english_and_a_half,
    "one and a half",
    [("one and a half", Fraction, "1.5")]
);
t!(
    english_half_a_dozen,
    "half a dozen",
    [("half a dozen", Cardinal, "6")]
);
t!(
    english_two_thirds,
    "two thirds of the inmates",
    [("two thirds", Fraction, "0.6666666666666666")]
);
t!(
    english_million_and_a_half,
    "3 million and a half",
    [("3 million and a half", Cardinal, "3500000")]
);
t!(
    english_billion_and_three_quarters,
    "five billion and three quarters",
    [("five billion and three quarters", Cardinal, "5750000000")]
);
t!(english_k_suffix, "10k people", [("10k", Cardinal, "10000")]);
t!(
    english_bn_suffix,
    "2.5bn dollars",
    [("2.5bn", Cardinal, "2500000000")]
);
t!(english_ordinal_stays_ordinal, "on the fifth day", []);
t!(english_the_one_is_a_pronoun, "the one you mentioned", []);
t!(
    english_over_as_fraction_at_the_end,
    "one over three",
    [("one over three", Fraction, "0.3333333333333333")]
);
t!(
    english_over_a_span_of_days_is_no_fraction,
    "12 killed over two days",
    [("12", Cardinal, "12"), ("two", Cardinal, "2")]
);

#[test]
fn a_dash_and_a_space_at_a_lines_head_is_a_bullet_not_a_minus() {
    let n = Numbers::builtin();
    for (text, want) in [
        ("- 12 attackers stormed the prison", 12.0),
        ("- 10,138 articles", 10138.0),
        ("fell to -5 degrees", -5.0),
    ] {
        let found = n.find(text);
        assert_eq!(
            found.first().map(|m| m.value),
            Some(Value::Number(want)),
            "{text}"
        );
    }
}

// Issue 22: numbers as people write them.
// See: `issues show 22`.

// Colloquial Arabic numerals (Egyptian, Levantine), in sentences of our own.
t!(
    colloquial_teen_egyptian,
    "اتقبض على حداشر شاب امبارح",
    [("حداشر", Cardinal, "11")]
);
t!(
    colloquial_teen_with_taa,
    "خمسطاشر عربية اتحرقت",
    [("خمسطاشر", Cardinal, "15")]
);
t!(
    colloquial_teen_levantine,
    "انقتل تلتعش شخص",
    [("تلتعش", Cardinal, "13")]
);
t!(colloquial_three, "وصلوا تلاتة عساكر", [("تلاتة", Cardinal, "3")]);
t!(colloquial_eight, "في تمانية مصابين", [("تمانية", Cardinal, "8")]);
// The article on a compound teen: the unit carries it, the ten follows.
t!(
    definite_compound_teen,
    "تعرفوا على هويات الإثني عشر قتيلا",
    [("إثني عشر", Cardinal, "12")]
);
t!(
    definite_teens_in_a_range,
    "كانوا بين الخمسة عشر وعشرين عنصرا",
    [("خمسة عشر وعشرين", Range, "15-20")]
);
t!(
    hyphenated_mixed_number,
    "the 6-1/2-year-old war",
    [("6-1/2", Fraction, "6.5")]
);
t!(
    another_number_is_vague,
    "وجرح عدد آخر",
    [("عدد آخر", Vague, "null")]
);
t!(definite_unit_alone_is_no_count, "وصل الخمسة إلى المدينة", []);
t!(
    colloquial_tens_and_a_counted_one,
    "مات حوالي تلاتين واحد",
    [("تلاتين", Cardinal, "30")]
);
t!(
    colloquial_unit_and_tens_with_a_space,
    "خمسة و تلاتين جريح",
    [("خمسة و تلاتين", Cardinal, "35")]
);
t!(
    colloquial_hundreds_and_teen,
    "مية وتلتاشر معتقل",
    [("مية وتلتاشر", Cardinal, "113")]
);
t!(
    colloquial_hundreds_unit_and_tens,
    "خمسمية وتلاتة وعشرين بيت",
    [("خمسمية وتلاتة وعشرين", Cardinal, "523")]
);
t!(
    colloquial_dual_hundred,
    "ميتين جندي",
    [("ميتين", Cardinal, "200")]
);
t!(
    colloquial_dual_hundred_after_a_number_is_dead,
    "لقينا خمسة ميتين",
    [("خمسة", Cardinal, "5")]
);
t!(
    colloquial_construct_hundred_before_thousand,
    "ميت ألف جنيه",
    [("ميت ألف", Cardinal, "100000")]
);
t!(colloquial_construct_alone_is_no_number, "لقوه ميت", []);
t!(the_dead_is_no_hundred, "دفنوا الميت أمس", []);
t!(
    colloquial_hundreds_before_thousand,
    "تلتميت ألف لاجئ",
    [("تلتميت ألف", Cardinal, "300000")]
);
t!(
    colloquial_plural_thousands,
    "تلات تلاف وخمسمية متظاهر",
    [("تلات تلاف وخمسمية", Cardinal, "3500")]
);
t!(
    colloquial_thousands_in_one_word,
    "خمستلاف عسكري",
    [("خمستلاف", Cardinal, "5000")]
);
t!(
    colloquial_number_before_million,
    "اتنين مليون نازح",
    [("اتنين مليون", Cardinal, "2000000")]
);
t!(
    colloquial_half_after_a_number,
    "نزح مليون ونص",
    [("مليون ونص", Cardinal, "1500000")]
);
t!(colloquial_half_alone_is_a_text, "نص البيان واضح", []);
t!(
    stipulated_after_a_number_is_no_half,
    "المادة 5 نص على ذلك",
    [("5", Cardinal, "5")]
);
t!(
    colloquial_two_thirds,
    "تلتين الناس",
    [("تلتين", Fraction, "0.6666666666666666")]
);
t!(colloquial_ordinal, "في اليوم التاني", [("التاني", Ordinal, "2")]);
t!(
    colloquial_teen_before_thousand,
    "ستاشر ألف شخص",
    [("ستاشر ألف", Cardinal, "16000")]
);

/// Every colloquial teen, ten, hundred and their compounds, in each
/// spelling the vocabulary lists.
#[test]
fn colloquial_paradigms_read_whole() {
    let n = Numbers::builtin();
    let units: [(&[&str], f64); 9] = [
        (&["واحد"], 1.0),
        (&["اتنين", "إتنين", "تنين"], 2.0),
        (&["تلاتة", "تلات"], 3.0),
        (&["أربعة", "اربعة"], 4.0),
        (&["خمسة"], 5.0),
        (&["ستة"], 6.0),
        (&["سبعة"], 7.0),
        (&["تمانية", "تماني", "تمنية"], 8.0),
        (&["تسعة"], 9.0),
    ];
    let teens: [(&[&str], f64); 9] = [
        (&["حداشر", "احداشر", "حدعش", "احدعش"], 11.0),
        (&["اتناشر", "اطناشر", "طناشر", "اتنعش", "تنعش"], 12.0),
        (&["تلتاشر", "تلاتاشر", "تلطاشر", "تلتعش", "تلطعش"], 13.0),
        (&["اربعتاشر", "أربعطاشر", "اربعتعش", "اربعطعش"], 14.0),
        (&["خمستاشر", "خمسطاشر", "خمستعش", "خمسطعش"], 15.0),
        (&["ستاشر", "سطاشر", "ستعش", "سطعش"], 16.0),
        (&["سبعتاشر", "سبعطاشر", "سبعتعش", "سبعطعش"], 17.0),
        (&["تمنتاشر", "تمنطاشر", "طمنطاشر", "تمنتعش", "تمنطعش"], 18.0),
        (&["تسعتاشر", "تسعطاشر", "تسعتعش", "تسعطعش"], 19.0),
    ];
    let tens: [(&[&str], f64); 8] = [
        (&["عشرين"], 20.0),
        (&["تلاتين", "ثلاتين"], 30.0),
        (&["اربعين"], 40.0),
        (&["خمسين"], 50.0),
        (&["ستين"], 60.0),
        (&["سبعين"], 70.0),
        (&["تمانين", "تمنين"], 80.0),
        (&["تسعين"], 90.0),
    ];
    let hundreds: [(&[&str], f64); 9] = [
        (&["مية"], 100.0),
        (&["ميتين"], 200.0),
        (&["تلتمية", "تلاتمية", "تلتميت"], 300.0),
        (&["ربعمية", "اربعمية", "ربعميت"], 400.0),
        (&["خمسمية", "خمسميت"], 500.0),
        (&["ستمية", "ستميت"], 600.0),
        (&["سبعمية", "سبعميت"], 700.0),
        (&["تمنمية", "تمانمية", "تمنميت"], 800.0),
        (&["تسعمية", "تسعميت"], 900.0),
    ];
    let mut cases: Vec<(String, f64)> = Vec::new();
    for (forms, v) in teens.iter().chain(&tens).chain(&hundreds) {
        for f in *forms {
            cases.push((f.to_string(), *v));
            cases.push((format!("{f} ألف"), v * 1000.0));
        }
    }
    for (tf, t) in &tens {
        for (uf, u) in &units {
            for (a, b) in [(uf[0], tf[0]), (uf[uf.len() - 1], tf[tf.len() - 1])] {
                cases.push((format!("{a} و{b}"), u + t));
                cases.push((format!("{a} و {b}"), u + t));
            }
        }
    }
    for (hf, h) in &hundreds {
        for (ff, f) in teens.iter().chain(&tens) {
            cases.push((format!("{} و{}", hf[0], ff[0]), h + f));
        }
        for (uf, u) in &units {
            cases.push((format!("{} و{} وعشرين", hf[hf.len() - 1], uf[0]), h + u + 20.0));
        }
    }
    for (uf, u) in &units[2..] {
        cases.push((format!("{} تلاف", uf[0]), u * 1000.0));
        cases.push((format!("{} مليون", uf[0]), u * 1e6));
    }
    let mut bad = Vec::new();
    for (text, want) in &cases {
        let m = n.find(text);
        let ok =
            m.len() == 1 && m[0].start == 0 && m[0].end == text.len() && m[0].value == Value::Number(*want);
        if !ok {
            bad.push(format!("{text} = {want}: {m:?}"));
        }
    }
    assert_none_bad(&bad, cases.len());
}

/// Fails with every bad case of a paradigm listed.
fn assert_none_bad(bad: &[String], total: usize) {
    assert!(
        bad.is_empty(),
        "{} of {} cases:\n{}",
        bad.len(),
        total,
        bad.join("\n")
    );
}

// Compound ordinals, 11 to 99, both genders, with الحادي / الحادية.
t!(
    ordinal_teen_feminine_indefinite,
    "فاز للمرة حادية عشرة",
    [("حادية عشرة", Ordinal, "11")]
);
t!(ordinal_teen_indefinite, "حادي عشر", [("حادي عشر", Ordinal, "11")]);
t!(
    ordinal_twenty_one_feminine_with_wahida,
    "الدورة الواحدة والعشرون",
    [("الواحدة والعشرون", Ordinal, "21")]
);
t!(
    ordinal_teen_hour_is_one_time,
    "وقع الانفجار الساعة الحادية عشرة ليلا",
    [("الحادية عشرة ليلا", Time, "null")]
);

/// Every compound ordinal from 11 to 99, masculine and feminine, with the
/// tens in either case and the conjunction attached or apart.
#[test]
fn compound_ordinals_read_whole() {
    let n = Numbers::builtin();
    let m = [
        "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
    ];
    let f = [
        "حادية",
        "ثانية",
        "ثالثة",
        "رابعة",
        "خامسة",
        "سادسة",
        "سابعة",
        "ثامنة",
        "تاسعة",
    ];
    let tn = [
        "عشرون",
        "ثلاثون",
        "أربعون",
        "خمسون",
        "ستون",
        "سبعون",
        "ثمانون",
        "تسعون",
    ];
    let tg = [
        "عشرين",
        "ثلاثين",
        "أربعين",
        "خمسين",
        "ستين",
        "سبعين",
        "ثمانين",
        "تسعين",
    ];
    let mut cases: Vec<(String, f64)> = Vec::new();
    for u in 0..9 {
        let v = 11.0 + u as f64;
        cases.push((format!("ال{} عشر", m[u]), v));
        cases.push((format!("ال{} عشرة", f[u]), v));
        cases.push((format!("{} عشر", m[u]), v));
        cases.push((format!("{} عشرة", f[u]), v));
        for t in 0..8 {
            let v = (t as f64 + 2.0) * 10.0 + u as f64 + 1.0;
            cases.push((format!("ال{} وال{}", m[u], tn[t]), v));
            cases.push((format!("ال{} و ال{}", f[u], tg[t]), v));
            cases.push((format!("ال{} وال{}", f[u], tg[t]), v));
            cases.push((format!("{} و{}", m[u], tg[t]), v));
        }
    }
    let mut bad = Vec::new();
    for (text, want) in &cases {
        let found = n.find(&format!("اليوم {text}"));
        let ok = found.len() == 1 && found[0].kind == Kind::Ordinal && found[0].value == Value::Number(*want);
        if !ok {
            bad.push(format!("{text} = {want}: {found:?}"));
        }
    }
    assert_none_bad(&bad, cases.len());
}

// A decimal fraction with the Arabic decimal separator and no leading digit.
t!(
    arabic_decimal_without_leading_digit,
    "نزح ٫٥ مليون شخص",
    [("٫٥ مليون", Cardinal, "500000")]
);
t!(arabic_decimal_alone, "بلغت ٫٧٥", [("٫٧٥", Cardinal, "0.75")]);

// The dot of 1.500: by the text's language.
t!(
    dot_before_three_digits_in_english_is_decimal,
    "a 4.800 km front",
    [("4.800", Cardinal, "4.8")]
);
t!(
    dot_before_three_digits_in_arabic_is_thousands,
    "سقط 4.800 قتيل",
    [("4.800", Cardinal, "4800")]
);
t!(
    two_dots_are_thousands_in_english_too,
    "some 1.500.000 people",
    [("1.500.000", Cardinal, "1500000")]
);
t!(
    english_quote_in_an_arabic_report_follows_the_report,
    "قال البيان إن 2.500 شخص فروا، ونقل عنه: 2.500 people fled",
    [("2.500", Cardinal, "2500"), ("2.500", Cardinal, "2500")]
);

// English hyphenated words, units alone, one of.
t!(
    english_one_hour_battle,
    "The one-hour battle ended",
    [("one", Cardinal, "1")]
);
t!(
    english_the_one_day_strike,
    "during the one-day strike",
    [("one", Cardinal, "1")]
);
t!(
    english_week_old_offensive,
    "in the week-old offensive",
    [("week", Cardinal, "1")]
);
t!(
    english_day_long_siege,
    "a day-long siege",
    [("day", Cardinal, "1")]
);
t!(
    english_an_age_is_no_unit,
    "a 12-year-old boy",
    [("12", Cardinal, "12")]
);
t!(english_unit_alone_is_nothing, "a week later", []);
t!(
    english_one_of,
    "one of its soldiers was killed",
    [("one", Cardinal, "1")]
);
t!(english_the_one_off_stays_a_pronoun, "the one-off payment", []);

#[test]
fn english_hedged_units_and_odd_counts() {
    let n = Numbers::builtin();
    for (input, text, value, q, hedge) in [
        (
            "fighting raged for more than an hour",
            "an",
            1.0,
            Qualifier::MoreThan,
            "more than",
        ),
        (
            "less than a day after the raid",
            "a",
            1.0,
            Qualifier::LessThan,
            "less than",
        ),
        ("twenty-odd fighters", "twenty", 20.0, Qualifier::MoreThan, "odd"),
        ("30-odd guards", "30", 30.0, Qualifier::MoreThan, "odd"),
    ] {
        let m = n.find(input);
        assert_eq!(m.len(), 1, "{input}: {m:?}");
        assert_eq!(&input[m[0].start..m[0].end], text, "{input}");
        assert_eq!(m[0].value, Value::Number(value), "{input}");
        assert_eq!(m[0].qualifier, q, "{input}");
        let (s, e) = m[0].hedge.unwrap_or_else(|| panic!("{input}: no hedge"));
        assert_eq!(&input[s..e], hedge, "{input}");
    }
}

// English compounds and fractions.
t!(
    english_hundreds_then_tens_without_and,
    "two hundred fifty people",
    [("two hundred fifty", Cardinal, "250")]
);
t!(
    english_hundreds_then_unit_without_and,
    "one hundred three inmates",
    [("one hundred three", Cardinal, "103")]
);
t!(
    english_fifteen_hundred,
    "fifteen hundred troops",
    [("fifteen hundred", Cardinal, "1500")]
);
t!(
    english_two_hundreds_are_two_numbers,
    "3 hundred and 2 hundred",
    [("3 hundred", Cardinal, "300"), ("2 hundred", Cardinal, "200")]
);
t!(
    english_and_a_proper_fraction,
    "three and one fourth miles",
    [("three and one fourth", Fraction, "3.25")]
);
t!(
    english_improper_fraction_after_and,
    "one hundred and thirty fifths",
    [("one hundred and thirty fifths", Fraction, "26")]
);
t!(
    english_compound_ordinal_denominator,
    "one twenty-fifth of the budget",
    [("one twenty-fifth", Fraction, "0.04")]
);
t!(
    english_twenty_first_century_is_no_fraction,
    "one twenty-first century war",
    [("one", Cardinal, "1"), ("twenty-first", Ordinal, "21")]
);
t!(
    english_compound_ordinal,
    "on the thirty fifth day",
    [("thirty fifth", Ordinal, "35")]
);
t!(
    english_two_millionth_is_an_ordinal,
    "the two millionth visitor",
    [("two", Cardinal, "2")]
);
t!(
    english_fraction_of_a_million,
    "two thirds of a million",
    [("two thirds of a million", Cardinal, "666666.6666666666")]
);
t!(
    english_billion_and_a_half_million,
    "one billion and a half million",
    [("one billion and a half million", Cardinal, "1000500000")]
);
t!(
    english_spoken_decimals,
    "nine point zero four",
    [("nine point zero four", Cardinal, "9.04")]
);
t!(
    english_vulgar_fraction,
    "¾ of the town",
    [("¾", Fraction, "0.75")]
);
t!(
    english_mixed_vulgar_fraction,
    "1½ tonnes",
    [("1½", Fraction, "1.5")]
);
t!(
    english_times_ten,
    "1.3x10^6 cells",
    [("1.3x10^6", Cardinal, "1300000")]
);
t!(
    english_indian_grouping,
    "Rs 12,34,567 in cash",
    [("12,34,567", Cardinal, "1234567")]
);
t!(
    digits_spelled_with_hyphens,
    "code three-nought-four",
    [
        ("three", Cardinal, "3"),
        ("nought", Cardinal, "0"),
        ("four", Cardinal, "4")
    ]
);
t!(
    a_dash_before_a_number_alone_on_its_line,
    "- 12",
    [("- 12", Cardinal, "-12")]
);

// Fractions of a definite number; a round number with the article.
t!(
    fraction_of_a_definite_million,
    "نزح نصف المليون",
    [("نصف المليون", Cardinal, "500000")]
);
t!(
    fifth_of_the_twenty,
    "خمس العشرين",
    [("خمس العشرين", Cardinal, "4")]
);
t!(
    a_million_and_half_the_million,
    "أكثر من مليون ونصف المليون شخص",
    [("مليون ونصف المليون", Cardinal, "1500000")]
);
t!(about_the_hundred, "قتل قرابة المئة", [("المئة", Cardinal, "100")]);
t!(
    the_hundredth_anniversary,
    "الذكرى المئة",
    [("المئة", Ordinal, "100")]
);
t!(percent_alone_is_no_hundred, "في المئة", []);
t!(
    dual_of_a_fraction_where_fifty_cannot_stand,
    "مئة وثلاثون وخمسين",
    [("مئة وثلاثون وخمسين", Fraction, "130.4")]
);
t!(fifty_stays_fifty, "مئة وخمسين", [("مئة وخمسين", Cardinal, "150")]);

// Duals of counted nouns.
t!(dual_of_man, "قتل رجلين", [("رجلين", Cardinal, "2")]);
t!(dual_with_conjunction, "واعتقل وفردين", [("فردين", Cardinal, "2")]);
t!(
    dual_written_with_its_fatha,
    "أصيب مسلحَين",
    [("مسلحَين", Cardinal, "2")]
);
t!(dual_of_soldier, "مقتل جنديين", [("جنديين", Cardinal, "2")]);
t!(
    dual_of_device,
    "انفجار عبوتين ناسفتين",
    [("عبوتين", Cardinal, "2")]
);
t!(dual_of_shell, "سقطت قذيفتين", [("قذيفتين", Cardinal, "2")]);
t!(sound_plural_without_fatha_is_plural, "قتل مواطنين", []);
t!(
    nominative_dual_of_citizen,
    "قتل مواطنان",
    [("مواطنان", Cardinal, "2")]
);

// Look-alike letters from other scripts.
t!(
    greek_omicron,
    "Twenty οne people",
    [("Twenty οne", Cardinal, "21")]
);
t!(
    cyrillic_letters,
    "оnе hundrеd prisoners",
    [("оnе hundrеd", Cardinal, "100")]
);
