//! Table-driven tests of claims: one row a behaviour, each a short report
//! in our own words and every claim it gives, grouped by the stage they
//! exercise. A claim is written `facet value [chain]`, the chain outermost
//! first (`unknown` is a report with no outlet), then `anon` when the
//! innermost source is unnamed and `denied` when it denies the figure.
//! A failing row names its line.

use super::*;
use crate::claims::view::lower_contains;
use isnad_text::Reader;
use std::sync::Arc;

/// A report and the claims it gives, in text order.
struct Row {
    line: u32,
    text: &'static str,
    want: &'static [&'static str],
}

macro_rules! t {
    ($text:expr $(, $want:expr)* $(,)?) => {
        Row { line: line!(), text: $text, want: &[$($want),*] }
    };
}

fn show_value(v: &Value, vague: &Option<Arc<str>>) -> String {
    match v {
        Value::Number(x) if x.fract() == 0.0 => format!("{}", *x as i64),
        Value::Number(x) => format!("{x}"),
        Value::Range(a, b) => format!("{a}-{b}"),
        Value::None => vague.as_deref().unwrap_or("?").to_string(),
    }
}

fn show(c: &Claim) -> String {
    let chain: Vec<&str> = c.source.iter().map(|s| s.name.as_str()).collect();
    let mut out = format!(
        "{} {} [{}]",
        c.facet,
        show_value(&c.value, &c.vague),
        chain.join(" > ")
    );
    if c.anonymous {
        out.push_str(" anon");
    }
    if c.stance == Stance::Denied {
        out.push_str(" denied");
    }
    out
}

fn run(rows: &[Row]) {
    let x = Extractor::builtin();
    let reader = Reader::builtin();
    let mut failed = Vec::new();
    for row in rows {
        let doc = reader.plain("t", "t.txt", row.text.as_bytes().to_vec());
        let got: Vec<String> = x.extract(&doc).iter().map(show).collect();
        if got != row.want {
            failed.push(format!(
                "line {}: {}\n  want {:?}\n  got  {:?}",
                row.line, row.text, row.want, got
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} rows failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Where a chain starts: the outlet, and a wire it carries.
const OUTLET: &[Row] = &[
    // A masthead line of a few words names the outlet.
    t!(
        "عنب بلدي\n\nهجوم على سجن\n\nقال المرصد السوري لحقوق الإنسان إن 41 شخصاً قتلوا.",
        "killed_total 41 [Enab Baladi > SOHR]"
    ),
    // A sentence with no attribution is the outlet's own voice.
    t!(
        "سوريا على طول\n\nاستمرت المعارك نحو 9 أيام.\n\nوقتل فيها أكثر من 180 شخصاً.",
        "duration_days 9 [Syria Direct]",
        "killed_total 180 [Syria Direct]"
    ),
    // A closing "المصدر: outlet" line names the outlet.
    t!(
        "المصدر: نورث برس\n\nقال المرصد السوري لحقوق الإنسان إن 41 شخصاً قتلوا.",
        "killed_total 41 [North Press > SOHR]"
    ),
    // A "Place - Agency" dateline puts the agency at the head.
    t!(
        "الحسكة - أ ف ب\n\nقال المرصد السوري لحقوق الإنسان إن 41 شخصاً قتلوا.",
        "killed_total 41 [AFP > SOHR]"
    ),
    // A rule of dashes between the stories of a digest names no outlet.
    t!(
        "Troops moved into the camp, witnesses said.\n    - - - -\n    CAIRO - Police said 4 people were killed.",
        "killed_total 4 [unknown > Police]"
    ),
    // A newsletter masthead with an issue number is the outlet.
    t!(
        "HARBOUR CONFLICT LETTER — Issue 12\n\nThe toll so far\n\nThe SDF said no inmate escaped from the prison.",
        "prisoners_escaped 0 [HARBOUR CONFLICT LETTER > SDF]"
    ),
    // "PLACE (Agency) —" opening the text is the agency's dateline.
    t!(
        "Nine hostages freed\n\nMIREFIELD (Lanyard) — Police said they had detained 14 suspects.",
        "hostages_released 9 [Lanyard]",
        "arrested 14 [Lanyard > Police]"
    ),
];

/// Who is named, and who a name refers to.
const SOURCES: &[Row] = &[
    // A number word opening a quote is no speaker's name.
    t!(
        "\"Five people died,\" the ministry said on Sunday.",
        "killed_total 5 [unknown > ministry]"
    ),
    // A nation's nisba after a title is the title's adjective, not a body.
    t!(
        "واتهم الرئيس الأفغاني أشرف غني أمس الحركة بقتل 30 مدنيا.",
        "killed_civilians 30 [unknown > الرئيس الأفغاني أشرف غني]"
    ),
    // A name by a son's (أبو and the word after it) speaks.
    t!(
        "وقال أبو خالد للصحيفة إن المسلحين خطفوا 40 شخصا.",
        "hostages_taken 40 [unknown > أبو خالد]"
    ),
    // A description before such a name is the named person's, nisba and
    // all; the description alone stays unnamed.
    t!(
        "ونقل المكتب عن الناشط الإعلامي المعارض أبو سالم الحلبي، أن مسلحين خطفوا 16 مقاتلا.",
        "hostages_taken 16 [unknown > المكتب > أبو سالم الحلبي]"
    ),
    t!(
        "وقال الناشط أبو محمد المتابع لنشاط التنظيم للصحيفة إن مسلحين خطفوا 220 شخصا.",
        "hostages_taken 220 [unknown > أبو محمد]"
    ),
    // A theophoric name is a person's, with the plain words after it.
    t!(
        "وقال ذبيح الله مجاهد المتحدث باسم الحركة إن 5 مدنيين قتلوا.",
        "killed_civilians 5 [unknown > ذبيح الله مجاهد]"
    ),
    t!(
        "وقال عبد الرحمن رحيمي للصحيفة إن 5 مدنيين قتلوا.",
        "killed_civilians 5 [unknown > عبد الرحمن رحيمي]"
    ),
    // A time between a verb and its subject is skipped, and never speaks.
    t!(
        "وأعلنت أمس الشرطة الكينية أن مسلحين قتلوا خمسة أشخاص.",
        "killed_total 5 [unknown > Kenya Police Service]"
    ),
    t!(
        "وكانت الأمم المتحدة قد أعلنت الأسبوع الماضي أن 5 مدنيين قتلوا.",
        "killed_civilians 5 [unknown > UN]"
    ),
    t!(
        "وأعلنت مساء الخميس وزارة الداخلية أن 5 مدنيين قتلوا.",
        "killed_civilians 5 [unknown > وزارة الداخلية]"
    ),
    // A communiqué speaks for its issuer, joined by ل as well (بلاغ
    // لوزارة الداخلية, بيان للجيش).
    t!(
        "وأكد بلاغ لوزارة الداخلية أن الانفجار خلف 22 جريحا.",
        "wounded 22 [unknown > وزارة الداخلية]"
    ),
    t!(
        "وقال بيان للجيش إن الانفجار خلف 22 جريحا.",
        "wounded 22 [unknown > الجيش]"
    ),
    t!(
        "وقال ناشط معارض للصحيفة إن مسلحين خطفوا 16 مقاتلا.",
        "hostages_taken 16 [unknown > ناشط معارض] anon"
    ),
    // An item's marker before a colon is no speaker; the item goes on in
    // the voice of the statement's speaker.
    t!("ثالثا: أسفر الاعتداء عن إصابة 6 مصلين.", "wounded 6 [unknown]"),
    t!(
        "وقالت الوزارة في بيانها ما يلي:\n\nأولا: ألقي القبض على 4 مطلوبين.\n\nثانيا: أسفر الاعتداء عن إصابة 6 مصلين.",
        "arrested 4 [unknown > الوزارة]",
        "wounded 6 [unknown > الوزارة]"
    ),
    // "said" takes its subject after it only with none before it: after
    // "a commander said" comes the report, not its speaker.
    t!(
        "A Chadian field commander said Libyan troops lost 40 men in the raid.",
        "killed_total 40 [unknown > A Chadian field commander] anon"
    ),
    t!(
        "Forty soldiers were killed, said Colonel Smith.",
        "killed_sdf_or_security 40 [unknown > Colonel Smith]"
    ),
    // A vehicle carries the wounded; it never speaks.
    t!(
        "ونقلت المروحيات أمس تسعة جرحى إلى المستشفى.",
        "wounded 9 [unknown]"
    ),
    // A body no gazetteer knows is named as written, and its definite head refers back.
    t!(
        "أعلنت هيئة الرصد المستقلة أن 33 شخصاً أصيبوا.\n\nوأوضحت الهيئة أن 7 حراس في عداد المفقودين.",
        "wounded 33 [unknown > هيئة الرصد المستقلة]",
        "missing 7 [unknown > هيئة الرصد المستقلة]"
    ),
    // Unnamed activists are an anonymous source.
    t!(
        "وذكر ناشطون أن عشرات المسلحين شاركوا في الهجوم.",
        "attackers_count dozens [unknown > ناشطون] anon"
    ),
    // An indefinite speaker opening an English sentence is unnamed.
    t!(
        "A shopkeeper said dozens of people were killed.",
        "killed_total dozens [unknown > A shopkeeper] anon"
    ),
    // A clause about the speaker ("who asked not to be named") stays outside the name.
    t!(
        "A prison employee who asked not to be named said the facility held 4,000 inmates.",
        "prisoners_held 4000 [unknown > A prison employee] anon"
    ),
    // A definite unnamed source refers back to the one of that head named
    // before, or to the last speaker; "the same" too; البعض does not.
    t!(
        "أفادت مصادر طبية بارتفاع حصيلة القتلى.\n\nوقالت المصادر إن 40 شخصا قتلوا.",
        "killed_total 40 [unknown > مصادر طبية] anon"
    ),
    t!(
        "قال المرصد السوري لحقوق الإنسان إن الهجوم وقع ليلا.\n\nوأوضح المصدر ذاته أن 43 شخصا أصيبوا.",
        "wounded 43 [unknown > SOHR]"
    ),
    t!(
        "وقال البعض إن 40 شخصا قتلوا.",
        "killed_total 40 [unknown > البعض] anon"
    ),
    // A title with its adjectives and the body it serves, and the
    // official's name: the body when known, else the phrase as written.
    t!(
        "وقال المستشار الأمني في حكومة الوفاق الليبية إن 52 شخصا قتلوا.",
        "killed_total 52 [unknown > حكومة الوفاق الليبية]"
    ),
    t!(
        "وأوضح المتحدث الإعلامي لصحة عسير سعيد النقير أن خمسة مصابين ما زالوا يتلقون العلاج.",
        "wounded 5 [unknown > المتحدث الإعلامي لصحة عسير سعيد النقير]"
    ),
    // The official named by his title or his last name again; "the official"
    // is the one a speaker cited.
    t!(
        "ونقلت مصادر إعلامية عن المستشار الأمني في حكومة الوفاق الليبية، هاشم بشر، أن 52 شخصا قتلوا.\n\nوأوضح المسؤول الليبي أن 9 جنود قتلوا.\n\nوأضاف المستشار بشر أن 30 شخصا أصيبوا.",
        "killed_total 52 [unknown > مصادر إعلامية > حكومة الوفاق الليبية]",
        "killed_sdf_or_security 9 [unknown > حكومة الوفاق الليبية]",
        "wounded 30 [unknown > حكومة الوفاق الليبية]"
    ),
    t!(
        "وأعلن المدير الطبي حسن بوسنين أن الجرحى بلغوا 200.\n\nوقال بوسنين إن 100 شخص قتلوا.",
        "wounded 200 [unknown > المدير الطبي حسن بوسنين]",
        "killed_total 100 [unknown > المدير الطبي حسن بوسنين]"
    ),
    // Unnamed sources joined by و are one voice.
    t!(
        "وقال مسعفون ومسؤولون عسكريون إن عشرة جنود قتلوا.",
        "killed_sdf_or_security 10 [unknown > مسعفون ومسؤولون عسكريون] anon"
    ),
    // Events reveal, they never speak: no speaker to carry on.
    t!(
        "كشفت العمليات الإرهابية التي وقعت مؤخرا عن وجود اتفاق.\n\nوقتل 7 من المواطنين.",
        "killed_civilians 7 [unknown]"
    ),
    // The same source is the one a citation named.
    t!(
        "قال المرصد إن الاشتباكات متواصلة، وفق ما أكده المدير الجهوي للصحة.\n\nوأوضح المصدر ذاته وصول 43 مصابا إلى المستشفى.",
        "wounded 43 [unknown > المدير الجهوي للصحة]"
    ),
    // An unnamed speaker after "said" speaks for the quote before it.
    t!(
        "\"No more than four men carried out the attack,\" said a guard who asked not to be named.",
        "attackers_count 4 [unknown > a guard] anon"
    ),
    // After a subject, what follows "said" is the report, not its speaker.
    t!(
        "A war communique said an infantry brigade, backed by tanks, attacked and 40 soldiers were killed.",
        "killed_sdf_or_security 40 [unknown > A war communique] anon"
    ),
    // An acronym alias counts only in capitals ("IS", not "is").
    t!(
        "A guard said 12 inmates escaped from the prison, which is in the north.\n\nIS fighters said 30 inmates escaped.",
        "prisoners_escaped 12 [unknown > A guard] anon",
        "prisoners_escaped 30 [unknown > ISIS]"
    ),
    // A described group is the one the report names next; "the network" refers back.
    t!(
        "Monday's blast at the depot has now killed 61 people, a local documentation group said.\n\nThe River Network for Documentation said 15 of the injured had died. Seven people were still missing, the network said.",
        "killed_total 61 [unknown > River Network for Documentation]",
        "killed_total 15 [unknown > River Network for Documentation]",
        "missing 7 [unknown > River Network for Documentation]"
    ),
    // "The source" refers back to the unnamed source named before.
    t!(
        "A source in the prison service, who declined to be named, told reporters that 50 inmates got out.\n\nSome of them crossed the river, the source said, and 30 inmates escaped later.",
        "prisoners_escaped 50 [unknown > A source] anon",
        "prisoners_escaped 30 [unknown > A source] anon"
    ),
    // An acronym of a name's initials, with a spokesman's title, is the body.
    t!(
        "The Greyhill Defence Forces said 14 of their own fighters had died.\n\nGDF spokesman Tomas Reyne said 1,300 inmates had turned themselves in.",
        "killed_sdf_or_security 14 [unknown > Greyhill Defence Forces]",
        "prisoners_surrendered 1300 [unknown > Greyhill Defence Forces]"
    ),
    // "A rights monitor" is the monitor the report names next.
    t!(
        "A rights monitor based in Westmoor put the death toll at 95 on Wednesday. The Northmoor Rights Monitor, which has informants in the jail, said that 30 of the wounded had died overnight.",
        "killed_total 95 [unknown > Northmoor Rights Monitor]",
        "killed_total 30 [unknown > Northmoor Rights Monitor]"
    ),
    // "The group" is the group named, not the council that spoke.
    t!(
        "Nine aid workers held by the Order of the Ash were freed on Sunday, the Westmoor Relief Council said.\n\nThe group had denied taking 15 people.",
        "hostages_released 9 [unknown > Westmoor Relief Council]",
        "hostages_taken 15 [unknown > Order of the Ash] denied"
    ),
    // "The monitor" refers back to the monitor named before.
    t!(
        "The Syrian Observatory for Human Rights said at least 154 people had been killed.\n\nHundreds of IS militants stormed the jail, the monitor said, freeing dozens of their comrades.",
        "killed_total 154 [unknown > SOHR]",
        "attackers_count hundreds [unknown > SOHR]",
        "prisoners_escaped dozens [unknown > SOHR]"
    ),
    // A possessive name with the words that say what it is.
    t!(
        "Chad's military high command said troops killed 1,269 Libyan soldiers.",
        "killed_sdf_or_security 1269 [unknown > Chad's military high command]"
    ),
    // A hyphenated alias matches across its hyphen.
    t!(
        "Kurdish-led forces said they had killed 20 militants.",
        "killed_attackers_or_isis 20 [unknown > SDF]"
    ),
];

/// Attribution frames and what they cover.
const FRAMES: &[Row] = &[
    // An Arabic reporting verb covers the numbers after it; a verb with no subject continues the speaker.
    t!(
        "قال المرصد السوري لحقوق الإنسان إن 41 شخصاً قتلوا.\n\nوأضاف المرصد أن 33 شخصاً أصيبوا.",
        "killed_total 41 [unknown > SOHR]",
        "wounded 33 [unknown > SOHR]"
    ),
    // A participle after a common noun reports nothing: the noun was
    // reported; a speaker's kind, a pronoun or an adverb before it speaks.
    t!(
        "It was the worst toll of Freedonian casualties reported since May, when 40 soldiers were killed.",
        "killed_sdf_or_security 40 [unknown]"
    ),
    t!(
        "The assault involved the 40 attackers cited by the Interior Ministry.",
        "attackers_count 40 [unknown > Interior Ministry]"
    ),
    t!(
        "Police reported that 40 soldiers were killed.",
        "killed_sdf_or_security 40 [unknown > Police]"
    ),
    t!(
        "The ministry reported that 40 soldiers were killed.",
        "killed_sdf_or_security 40 [unknown > ministry]"
    ),
    t!(
        "Officials later confirmed that 40 soldiers were killed.",
        "killed_sdf_or_security 40 [unknown > Officials] anon"
    ),
    // A citation after the number nests under the speaker.
    t!(
        "أفاد المرصد السوري بأن ما لا يقل عن 140 سجيناً فروا من السجن، نقلاً عن مصادر محلية.",
        "prisoners_escaped 140 [unknown > SOHR > مصادر محلية] anon"
    ),
    // What a named paper reported is the paper's; its issue number counts nothing known.
    t!(
        "وذكرت صحيفة النبأ في عددها 323 أن 12 مقاتلاً نفذوا الهجوم.",
        "other:unknown 323 [unknown > al-Naba]",
        "attackers_count 12 [unknown > al-Naba]"
    ),
    // An Arabic verb reports what follows it: a clause after the number
    // opened by one is no trailing attribution.
    t!(
        "قتل 5 أشخاص في الهجوم، فيما قال المرصد السوري لحقوق الإنسان إن 3 مسلحين قتلوا.",
        "killed_total 5 [unknown]",
        "killed_attackers_or_isis 3 [unknown > SOHR]"
    ),
    // كما / حسبما before the verb make it trail.
    t!(
        "قتل 5 أشخاص في الهجوم، كما أعلنت الشرطة المحلية.",
        "killed_total 5 [unknown > الشرطة المحلية]"
    ),
    t!(
        "أصيب 7 أشخاص بجروح، حسبما أفاد المرصد السوري لحقوق الإنسان.",
        "wounded 7 [unknown > SOHR]"
    ),
    // A relative clause between subject and verb keeps the subject.
    t!(
        "The Border Monitor for Human Rights, which relies on informants inside the city, said 124 militants were killed.",
        "killed_attackers_or_isis 124 [unknown > Border Monitor for Human Rights]"
    ),
    // A trailing "officials said" covers the sentence before it.
    t!(
        "Twelve guards were briefly held hostage in the prison, officials said.",
        "hostages_taken 12 [unknown > officials] anon"
    ),
    // "According to X" carries X to "he said" in the next sentence.
    t!(
        "The prison holds 2,400 inmates, according to the Justice Ministry. He said 260 inmates surrendered.",
        "prisoners_held 2400 [unknown > Justice Ministry]",
        "prisoners_surrendered 260 [unknown > Justice Ministry]"
    ),
    // A trailing "the UN said" covers a displacement figure.
    t!(
        "At least 27,000 people have fled villages in the valley since the offensive began, the UN said.",
        "displaced_people 27000 [unknown > UN]"
    ),
    // "citing local sources" nests unnamed sources under the speaker.
    t!(
        "At least 40 inmates escaped from the jail last year, the Northmoor Rights Monitor said, citing local sources.",
        "prisoners_escaped 40 [unknown > Northmoor Rights Monitor > local sources] anon"
    ),
    // A list bullet before a figure is no minus sign.
    t!(
        "- 12 attackers stormed the prison, the ministry said.",
        "attackers_count 12 [unknown > ministry]"
    ),
    // The figures a source issued ("X's latest toll") are its own.
    t!(
        "The Mirefield Health Office's latest toll was 23 dead and 61 wounded.",
        "killed_total 23 [unknown > Mirefield Health Office]",
        "wounded 61 [unknown > Mirefield Health Office]"
    ),
    // A participle before its noun reports nothing; the outlet's voice.
    t!(
        "Officials said the toll was high.\nThe toll rose from a previously reported 85.",
        "killed_total 85 [unknown]"
    ),
    // A relative clause's verb speaks only for a source named right before it.
    t!(
        "A bureau spokesman said the device was unknown.\nThe unrest, which has claimed some 2,400 lives, goes on.",
        "killed_total 2400 [unknown]"
    ),
    // "first reports" are unnamed; a verb form after a determiner is a noun.
    t!(
        "The bomb exploded but first reports said 5 people were injured.",
        "wounded 5 [unknown > first reports] anon"
    ),
    // A present-tense verb ("estimates") opens a frame.
    t!(
        "The Westmoor Aid Office estimates that some 30,500 people had to leave their homes and were displaced.",
        "displaced_people 30500 [unknown > Westmoor Aid Office]"
    ),
];

/// What a number counts.
const FACETS: &[Row] = &[
    // A count whose noun is an event keeps it over a cue in a phrase of
    // circumstance after it.
    t!(
        "وقال المستشفى إنه استقبل خمسة جرحى في أعقاب التفجير.",
        "wounded 5 [unknown > المستشفى]"
    ),
    t!(
        "Rescuers said 12 dead in the explosion were still unnamed.",
        "killed_total 12 [unknown > Rescuers]"
    ),
    // Bombs defused went off nowhere: no explosions (and in a sentence
    // naming no event, no claim).
    t!("وقالت الشرطة إنها تمكنت من تفكيك 6 عبوات ناسفة قرب الجسر.",),
    t!(
        "Police said they defused two car bombs.",
        "other:car 2 [unknown > Police]"
    ),
    // A list between commas inside the noun phrase: the predicate after it
    // is the count's and its members'.
    t!(
        "Nine people, including two policemen, were wounded in the blast.",
        "wounded 9 [unknown]",
        "wounded 2 [unknown]"
    ),
    t!(
        "وقال الدفاع المدني إن 15 شخصا، بينهم ثلاثة أطفال، قتلوا في القصف.",
        "killed_total 15 [unknown > الدفاع المدني]",
        "killed_civilians 3 [unknown > الدفاع المدني]"
    ),
    // A bare count before a coordinated verb shares that verb's partitive.
    t!(
        "وقتل 11 وأصيب 20 من المسلحين في الاشتباكات.",
        "killed_attackers_or_isis 11 [unknown]",
        "wounded 20 [unknown]"
    ),
    // ... also past the count's own noun and the other count's "others".
    t!(
        "وقالت الشرطة إن القصف أدى إلى سقوط 6 قتلى وإصابة 14 آخرين من المتمردين.",
        "killed_attackers_or_isis 6 [unknown > الشرطة]",
        "wounded 14 [unknown > الشرطة]"
    ),
    // The abducted counted are hostages, before or after their number.
    t!(
        "وقال الأسقف إن 40 مختطفا لا يزالون أحياء.",
        "hostages_taken 40 [unknown > الأسقف]"
    ),
    t!(
        "وقال الأسقف إن المختطفين الـ40 لا يزالون أحياء.",
        "hostages_taken 40 [unknown > الأسقف]"
    ),
    t!(
        "وأفضت الوساطة إلى الإفراج عن أربعة من المختطفين.",
        "hostages_released 4 [unknown]"
    ),
    // The dead and the wounded in one figure count neither alone.
    t!(
        "وقال مسعفون إن القصف خلف عشرات القتلى والجرحى في السوق.",
        "other:قتلي dozens [unknown > مسعفون] anon"
    ),
    // With no partitive to share, the count keeps no side.
    t!(
        "وقتل 11 وأصيب 20 في الاشتباكات.",
        "killed_total 11 [unknown]",
        "wounded 20 [unknown]"
    ),
    // The dual of a unit of time counts no one.
    t!("وكان قد أوقف قبل عامين لتورطه في الهجوم."),
    // Money is no count of people.
    t!(
        "The quake killed 80 people and caused 300 mln dlrs in damage.",
        "killed_total 80 [unknown]"
    ),
    // An adverb after a count is not what it counts.
    t!("وبلغ عدد الجرحى 75 حاليا.", "wounded 75 [unknown]"),
    // "عدد آخر": a vague count of others.
    t!(
        "وقتل ثلاثة من الحراس وجرح عدد آخر.",
        "killed_guards_staff 3 [unknown]",
        "wounded a number of [unknown]"
    ),
    // A count opening a conjunct after a comma belongs to the list before
    // it, not to the next conjunct's event.
    t!(
        "أسفر التفجير عن مقتل 9 جنود، وأربعة من المدنيين وإصابة آخرين.",
        "killed_sdf_or_security 9 [unknown]",
        "killed_civilians 4 [unknown]"
    ),
    t!(
        "أسفر التفجير عن مقتل 9 جنود، إضافة إلى أربعة من المدنيين وإصابة آخرين.",
        "killed_sdf_or_security 9 [unknown]",
        "killed_civilians 4 [unknown]"
    ),
    // A breakdown after بينهم gives each side its own facet.
    t!(
        "قال المرصد السوري لحقوق الإنسان إن 41 شخصاً قتلوا، بينهم 20 من عناصر الأمن و16 من مسلحي التنظيم و5 مدنيين.",
        "killed_total 41 [unknown > SOHR]",
        "killed_sdf_or_security 20 [unknown > SOHR]",
        "killed_attackers_or_isis 16 [unknown > SOHR]",
        "killed_civilians 5 [unknown > SOHR]"
    ),
    // Distances and years are no claims.
    t!(
        "وقتل أكثر من 180 شخصاً على بعد 6 كيلومترات من المدينة منذ عام 2019.",
        "killed_total 180 [unknown]"
    ),
    // The verb right before a number governs it over a cue further on.
    t!(
        "قالت الشرطة إن 12 شخصاً أصيبوا، وأصيب 5 حراس في انفجار قرب البوابة.",
        "wounded 12 [unknown > الشرطة]",
        "wounded 5 [unknown > الشرطة]"
    ),
    // A hyphenated unit with a cue after it is a duration.
    t!(
        "The guards retook the prison after a 36-hour riot, the ministry said.",
        "duration_hours 36 [unknown > ministry]"
    ),
    // A count joined to its unit by a hyphen is an attributive measure: a
    // duration with no other cue.
    t!(
        "Dozens were arrested during a two-day strike, police said.",
        "arrested dozens [unknown > police] anon",
        "duration_days 2 [unknown > police] anon"
    ),
    t!(
        "The army said its week-old push into the hills had stalled.",
        "duration_days 7 [unknown > army]"
    ),
    // A code with a leading zero, or a number after "numbered", counts nothing.
    t!(
        "The attack killed 150 people, the station numbered 07 reported.",
        "killed_total 150 [unknown]"
    ),
    t!(
        "Police said the bus 012 was hit and 3 people were killed.",
        "killed_total 3 [unknown > Police]"
    ),
    // A unit counted apart, with no cue, is no duration.
    t!("The army said 3 days ago that the road was open."),
    // The length of a detention or a sentence is no duration of the event.
    t!("وقالت الوزارة إن المنفذ سبق أن تم توقيفه عام 2012 لمدة 30 يوما."),
    t!("Police said the bomber had been jailed for 60 days in 2010."),
    // Nor is a meeting's.
    t!("وقال المتحدث إن المجلس سيناقش خلال اجتماعاته المستمرة لثلاثة أيام خطة السلام."),
    t!("The talks, which lasted two days, ended without agreement."),
    // ... while a siege's length still is, in a prison too.
    t!(
        "وقال الجيش إن الحصار استمر لمدة 12 يوما.",
        "duration_days 12 [unknown > الجيش]"
    ),
    t!(
        "وقال الجيش إن المعارك داخل السجن استمرت عشرة أيام.",
        "duration_days 10 [unknown > الجيش]"
    ),
    // Land and repetitions are measures, not counts.
    t!("Soldiers cleared 120 acres of farmland, the army said."),
    t!("The terminal has been attacked 40 times since May, officials said."),
    // "Its own soldiers" lost are the speaker's own side.
    t!(
        "The army said on Monday that it had lost 26 of its own soldiers.",
        "killed_sdf_or_security 26 [unknown > army]"
    ),
    // A partitive counts the noun after "of".
    t!(
        "The army said on Monday that it had recalled 26 of its own soldiers.",
        "other:soldiers 26 [unknown > army]"
    ),
    t!(
        "The minister dismissed five of the members of the board.",
        "other:members 5 [unknown]"
    ),
    // A count of no people and no event, in a sentence naming no event,
    // is no claim.
    t!("لم يجدد رئيس الحكومة ثقته في 5 من أعضاء الحكومة.",),
    t!("The committee received 12 delegates on Monday.",),
    // A number with no noun in such a sentence counts nothing either.
    t!("The vote passed 34 to 20 in the assembly."),
    // A noun cue yields to the verb after its auxiliary: escapees who were caught were recaptured.
    t!(
        "Another 212 would-be escapees were caught at the outer gate of the jail, the Greyhill Defence Forces said.",
        "prisoners_recaptured 212 [unknown > Greyhill Defence Forces]"
    ),
    // "Kurdish fighters" are security though "fighters" alone are the attackers'.
    t!(
        "The Syrian Observatory for Human Rights said at least 154 people had been killed, including 102 IS fighters, 45 Kurdish fighters and seven civilians.",
        "killed_total 154 [unknown > SOHR]",
        "killed_attackers_or_isis 102 [unknown > SOHR]",
        "killed_sdf_or_security 45 [unknown > SOHR]",
        "killed_civilians 7 [unknown > SOHR]"
    ),
    // Surrendered inmates, the force's dead and the prison staff apart.
    t!(
        "SDF spokesman Farhad Shami said 3,000 inmates had surrendered and that 40 SDF fighters and 77 prison staff had been killed.",
        "prisoners_surrendered 3000 [unknown > SDF]",
        "killed_sdf_or_security 40 [unknown > SDF]",
        "killed_guards_staff 77 [unknown > SDF]"
    ),
    // A six-day battle is a duration; the toll of it is a total.
    t!(
        "Kurdish-led forces said they had regained control of the prison, ending a six-day battle that killed more than 180 people.",
        "duration_days 6 [unknown > SDF]",
        "killed_total 180 [unknown > SDF]"
    ),
    // "Soldiers killed one man": the killers are not the side of the dead.
    t!(
        "Soldiers killed one man near the church.",
        "killed_total 1 [unknown]"
    ),
    t!(
        "Almost 200 people seem certain to have perished.",
        "killed_total 200 [unknown]"
    ),
    // Whose dead: the noun says the side.
    t!(
        "قتل 7 إرهابيين في اشتباك مع الجيش.",
        "killed_attackers_or_isis 7 [unknown]"
    ),
    t!(
        "قتل 6 حوثيين في المواجهات.",
        "killed_attackers_or_isis 6 [unknown]"
    ),
    t!(
        "Troops killed 30 rebels in the clash.",
        "killed_attackers_or_isis 30 [unknown]"
    ),
    t!(
        "أسفر الهجوم عن مقتل جنديين.",
        "killed_sdf_or_security 2 [unknown]"
    ),
    t!("قتل 12 طفلا في القصف.", "killed_civilians 12 [unknown]"),
    // Workers are a prison's staff in a report on a prison, else civilians.
    t!("قتل 3 من العاملين في السجن.", "killed_guards_staff 3 [unknown]"),
    t!("قتل 3 من العاملين في الموقع.", "killed_civilians 3 [unknown]"),
    t!(
        "Three workers were killed in the blast.",
        "killed_civilians 3 [unknown]"
    ),
    // An arrest of escapees is their recapture; of others, an arrest.
    t!(
        "وأعلنت الشرطة القبض على 5 من الفارين من السجن.",
        "prisoners_recaptured 5 [unknown > الشرطة]"
    ),
    t!(
        "وأعلنت الشرطة القبض على 77 شخصا يشكلون شبكة.",
        "arrested 77 [unknown > الشرطة]"
    ),
    t!(
        "Six people suspected of sheltering escapees from the prison had been arrested.",
        "arrested 6 [unknown]"
    ),
    // "The sons of the town" are people.
    t!(
        "اختطف تنظيم داعش أكثر من 220 من أبناء المدينة.",
        "hostages_taken 220 [unknown]"
    ),
    // Gunmen an abduction follows did it; a group after the verb did it to them.
    t!(
        "وكان ثلاثة مقنعين اختطفوا الأب جاك في مايو الماضي.",
        "attackers_count 3 [unknown]"
    ),
    t!(
        "ولا يزال مصير 227 مسيحيا اختطفهم التنظيم مجهولا.",
        "hostages_taken 227 [unknown]"
    ),
    // The accused by their legal status: in custody is an arrest; free
    // pending trial or at large is neither an arrest nor an escape.
    t!(
        "وتشمل القضية 30 متهما منهم 12 بحالة إيقاف و10 بحالة سراح و8 بحالة فرار.",
        "other:متهما 30 [unknown]",
        "arrested 12 [unknown]",
        "other:بحاله 10 [unknown]",
        "other:بحاله 8 [unknown]"
    ),
    // A count asked in exchange is a demand; مقابل alone sets two counts
    // side by side.
    t!(
        "The gang said it would let the pilot go in return for 40 of its jailed members.",
        "other:jailed 40 [unknown]"
    ),
    t!(
        "وعرض الخاطفون إطلاق سراحه مقابل الإفراج عن 100 معتقل.",
        "other:معتقل 100 [unknown]"
    ),
    t!(
        "وقتل 5 جنود مقابل 20 مسلحا في الاشتباكات.",
        "killed_sdf_or_security 5 [unknown]",
        "killed_attackers_or_isis 20 [unknown]"
    ),
    // Killed and wounded in one figure is neither a toll nor a count of
    // the wounded.
    t!("وأسفر الهجوم عن مقتل وإصابة 20 شخصا.", "other:شخصا 20 [unknown]"),
    // Nouns of things count no people; a place's name is no dual.
    t!(
        "وسيطر المسلحون على عدد من المدن.",
        "other:مدن a number of [unknown]"
    ),
    // A count of people is no count of blasts.
    t!(
        "وقع الانفجار في حافلة كانت تنقل عددا من الحراس إلى الثكنة.",
        "other:حراس a number of [unknown]"
    ),
    t!(
        "The blast hit a truck carrying dozens of soldiers.",
        "other:soldiers dozens [unknown]"
    ),
    // Nor of mosques, churches, schools or hospitals.
    t!(
        "وأحبطت القوات عمليات كانت تستهدف عددا آخر من المساجد.",
        "other:مساجد a number of [unknown]"
    ),
    // So with عدة before its noun, after a count of the wounded; a count
    // of groups or factions is no count of people.
    t!(
        "وتمت إصابة عنصرين، واكتشاف عدة مواقع للمسلحين.",
        "wounded 2 [unknown]",
        "other:مواقع several [unknown]"
    ),
    t!(
        "سقط تسعة جنود قتلى حين هاجمت عدة جماعات مسلحة الثكنة فجرا.",
        "killed_sdf_or_security 9 [unknown]",
        "other:جماعات several [unknown]"
    ),
    t!(
        "اختطف التنظيم عشرات المدنيين من بلدة القريتين.",
        "hostages_taken dozens [unknown]"
    ),
    // Elimination and execution are deaths; the executor is no side of the dead.
    t!(
        "وأسفرت العملية عن القضاء على 7 إرهابيين.",
        "killed_attackers_or_isis 7 [unknown]"
    ),
    t!(
        "أعدم التنظيم 10 أشخاص في الساحة العامة.",
        "killed_total 10 [unknown]"
    ),
    // Soldiers counted with nothing said of them are a force's strength.
    t!(
        "ويخدم حاليا 3500 جندي كيني في الصومال.",
        "forces_deployed 3500 [unknown]"
    ),
    // فيما opens a clause of its own: its cue is not the number's before it.
    t!(
        "قتل 57 شخصا فيما أصيب أكثر من 100 آخرين.",
        "killed_total 57 [unknown]",
        "wounded 100 [unknown]"
    ),
    // Killed and wounded in one figure, or casualties, count neither.
    t!(
        "Iran said 1,200 Iraqis were killed or wounded in fighting.",
        "other:iraqis 1200 [unknown > Iran]"
    ),
    t!(
        "Iraqi troops suffered 3,000 casualties.",
        "other:casualties 3000 [unknown]"
    ),
    // The whole of a partitive is no claim; the part takes the predicate.
    t!(
        "Officials said 32 of the 543 passengers were confirmed dead.",
        "killed_total 32 [unknown > Officials] anon"
    ),
    // The attacked, in the passive, are no attackers.
    t!(
        "The army said 70 soldiers on patrol were attacked by guerrillas.",
        "forces_deployed 70 [unknown > army]"
    ),
    // "Kidnappers of four professors": the four are hostages.
    t!(
        "Kidnappers of four professors said they were well.",
        "hostages_taken 4 [unknown]"
    ),
    // An age, a population and a year are no claims.
    t!(
        "Ms Reyne, 44, runs the jail's clinic. The town, home to about 40,000 people, last saw unrest in a 2019 bus strike."
    ),
];

/// Numbers that count nothing of the event.
const NOT_CLAIMS: &[Row] = &[
    // A count a verb of dwelling governs is a population: right before it,
    // past a hedge, or after it in its clause.
    t!("وقال الكاهن إنه يعيش نحو 40 عائلة في القرية اليوم.",),
    t!("وتقع البلدة التي يقيم فيها ما يقارب من 900 شخص على التلة.",),
    t!("Some 12,000 villagers, most of them farmers, lived in the valley before the war.",),
    // A toll of people who lived somewhere is still a toll, so are lives.
    t!(
        "Three years of unrest have claimed some 2,400 lives. Policemen live in compounds.",
        "killed_total 2400 [unknown]"
    ),
    t!(
        "The shelling killed 7 civilians living near the border.",
        "killed_civilians 7 [unknown]"
    ),
    // The day of a month in words is a date.
    t!(
        "The last raid took place on March eight, when 5 soldiers were killed.",
        "killed_sdf_or_security 5 [unknown]"
    ),
    t!(
        "In October 2027, nine gunmen stormed the jail.",
        "attackers_count 9 [unknown]"
    ),
    // An official of a body, unnamed, before his verb stays unnamed.
    t!(
        "وكان مسؤول في الإدارة المحلية ذكر أن الهجوم أسفر عن 5 قتلى.",
        "killed_total 5 [unknown > مسؤول في الإدارة المحلية] anon"
    ),
    // The subject before a clause set off by commas speaks, whatever
    // names the clause holds.
    t!(
        "Activists in Marwan, a hamlet near the Ostra–Bellin road, said gunmen held 12 passengers.",
        "hostages_taken 12 [unknown > Activists in Marwan] anon"
    ),
    // A headline's label before a colon is no speaker; a source is.
    t!(
        "ANALYSIS: Why the 1,000 attackers story doesn't add up",
        "attackers_count 1000 [unknown]"
    ),
    t!(
        "Health ministry: 5 killed in the attack",
        "killed_total 5 [unknown > Health ministry]"
    ),
    // An attempt to leave is no escape.
    t!(
        "وفيما يسعى كثير من المقاتلين إلى الخروج من السجن، قال مصدر إن الوضع هادئ.",
        "other:مقاتلين many [unknown]"
    ),
    t!(
        "Police said 30 inmates tried to escape from the prison.",
        "other:inmates 30 [unknown > Police]"
    ),
    // Digits with the article glued before them: an ordinal or a set
    // named by its size.
    t!("وانطلقت اجتماعات الهيئة بدورتها الـ23 صباح الجمعة."),
    t!("وقال المصدر إن قائمة المطلوبين الـ16 لم تتغير."),
    // A body joined to a title by ب is named without it.
    t!(
        "وصرح المتحدث الأمني بوزارة الداخلية أن التفجير أسفر عن إصابة 9 أشخاص.",
        "wounded 9 [unknown > وزارة الداخلية]"
    ),
    // A citation after an Arabic word of contrast covers its own clause.
    t!(
        "وقالت الصحيفة إن القوات قتلت 5 مسلحين، غير أن 3 مدنيين أصيبوا وفق شهود عيان.",
        "killed_attackers_or_isis 5 [unknown > الصحيفة]",
        "wounded 3 [unknown > الصحيفة > شهود عيان] anon"
    ),
    // A count of attackers right after a verb of killing, with its
    // victims counted after it, is the verb's subject.
    t!(
        "وفي عام 2013 قتل أربعة مسلحين من الحركة 67 شخصا على الأقل في هجوم على مركز تجاري.",
        "attackers_count 4 [unknown]",
        "killed_total 67 [unknown]"
    ),
    t!(
        "وقتل أربعة مسلحين في الاشتباكات.",
        "killed_attackers_or_isis 4 [unknown]"
    ),
    // A dual noun counts what it names; the unit after من is where they
    // are from.
    t!(
        "وقال المسؤول إن القتلى شملوا فردين من الفرقة الأمنية التاسعة.",
        "killed_sdf_or_security 2 [unknown > المسؤول] anon"
    ),
    // A thing counted behind an English compound modifier, or included
    // in a noun of things, counts no people.
    t!(
        "The army said it captured three Soviet MI-24 fighter helicopters.",
        "other:helicopters 3 [unknown > army]"
    ),
    t!(
        "The army said it captured weaponry, including 11 Czech-made L-39 bombers.",
        "other:weaponry 11 [unknown > army]"
    ),
    t!(
        "Police said they arrested 40 people, including 11 women.",
        "arrested 40 [unknown > Police]",
        "arrested 11 [unknown > Police]"
    ),
    // A unit's number is no count; the soldiers of the unit are.
    t!(
        "قتل 5 جنود من الفرقة 17 في الهجوم.",
        "killed_sdf_or_security 5 [unknown]"
    ),
    // A label heads every number of the list after it.
    t!("أحيل المتهمون إلى القضاء طبق الفصول 3 و7 و12 من القانون."),
    t!("Brigade 604 was shattered, the ministry said."),
    // So does a class in brackets: an ambulance of class (1).
    t!("وتحول فريق طبي في سيارة إسعاف مجهزة صنف (1) لإسعاف المصابين."),
    // Item numbers opening lines number a list.
    t!("وقتل في الهجوم كل من:\n1 - أحمد علي.\n2 - محمد سعيد."),
    // Ordinals written in digits.
    t!("The 96th Brigade repelled the attack on the 21st day."),
    // A word that names a unit before a number may be a rank before a name.
    t!(
        "وقال اللواء منصور التركي إن 12 شخصا قتلوا.",
        "killed_total 12 [unknown > منصور التركي]"
    ),
    // A hyphenated count opening a line is no item number.
    t!(
        "A\n5,000-strong force attacked the town, the army said.",
        "forces_deployed 5000 [unknown > army]"
    ),
    // A number glued to the word before it names an operation or a model.
    t!("The army said the Badr-3 offensive had ended."),
    // Distances, weights and clock times are measures, not counts.
    t!("The convoy drove 60 kms and was hit at 0900 GMT, police said."),
    // A sentence passed is no death, nor a count of anything the event did.
    t!("A court sentenced 7 men to death for the bombing, the agency said."),
    t!("وحكمت المحكمة على 4 متهمين بالسجن عشر سنوات."),
];

/// Whose dead a count names: one side, both together, or things.
const SIDES: &[Row] = &[
    // Martyrs are never the attackers: with no side of their own they are
    // the one side, security or civilians, their sentence names.
    t!(
        "انفجرت عبوة ناسفة في حافلة لنقل رجال الأمن وخلفت 9 شهداء.",
        "killed_sdf_or_security 9 [unknown]"
    ),
    t!(
        "سقطت قذيفة على حي يسكنه مواطنون عزل فسقط 5 شهداء.",
        "killed_civilians 5 [unknown]"
    ),
    t!(
        "واستهدف القصف رجال الأمن والمواطنين معا وخلف 3 شهداء.",
        "killed_total 3 [unknown]"
    ),
    // Those who retreat leave their own dead.
    t!(
        "The gunmen withdrew from the village after the clashes, leaving 14 dead.",
        "killed_attackers_or_isis 14 [unknown]"
    ),
    t!(
        "وانسحب المسلحين من القرية بعد الاشتباكات تاركين 14 قتيلا.",
        "killed_attackers_or_isis 14 [unknown]"
    ),
    // Gunmen who open fire leave the dead of others.
    t!(
        "The gunmen opened fire on the market, leaving 14 dead.",
        "killed_total 14 [unknown]"
    ),
    // A count picked from a side's dead is of that side.
    t!(
        "وقال المرصد إن من بين قتلى المسلحين أربعة من قادة الخلايا.",
        "killed_attackers_or_isis 4 [unknown > المرصد]"
    ),
    // A whole whose parts follow it is of no one side.
    t!(
        "وأسفر الهجوم الذي استهدف مقر الشرطة أمس عن 11 شهيدا منهم 8 من رجال الأمن وثلاثة من العمال.",
        "killed_total 11 [unknown]",
        "killed_sdf_or_security 8 [unknown]",
        "killed_civilians 3 [unknown]"
    ),
    // Dead that are not called martyrs keep no side of the sentence's.
    t!(
        "انفجرت عبوة ناسفة في حافلة لنقل رجال الأمن وقتل فيها 9.",
        "killed_total 9 [unknown]"
    ),
    // The Tunisian prosecution's statement speaks for it.
    t!(
        "وأكد بلاغ لوكالة الجمهورية أن الانفجار خلف 6 شهداء من أعوان الأمن.",
        "killed_sdf_or_security 6 [unknown > Tunisian Public Prosecutor]"
    ),
    // A nation's troops taken prisoner are prisoners of war, not arrested;
    // suspects captured are.
    t!(
        "The army said 120 Iraqi soldiers were taken prisoner in the battle.",
        "other:iraqi 120 [unknown > army]"
    ),
    t!(
        "Police said 12 suspects were captured in the raid.",
        "arrested 12 [unknown > Police]"
    ),
    // Arabic أسر is captured in battle, not abducted (اختطف).
    t!(
        "وطردت القوات المسلحين من البلدة وأسرت 15 منهم.",
        "arrested 15 [unknown]"
    ),
    // An armed group's arrest is an abduction; troops' after its raid is not.
    t!(
        "وأعلنت حركة الشباب أنها قامت باعتقال 12 شخصا في القرية.",
        "hostages_taken 12 [unknown > al-Shabaab]"
    ),
    t!(
        "After the Boko Haram raid, troops arrested 12 suspects.",
        "arrested 12 [unknown]"
    ),
    // Soldiers or police captured are captives taken, whoever holds them.
    t!(
        "Rebels said they captured 15 soldiers in the ambush.",
        "hostages_taken 15 [unknown > Rebels]"
    ),
    // The whole of a partitive after the verb names the side of a
    // generic people noun.
    t!(
        "وقال المرصد السوري لحقوق الإنسان إن 9 أشخاص قتلوا من «جبهة النصرة» في الغارات.",
        "killed_attackers_or_isis 9 [unknown > SOHR]"
    ),
    // A group's short name counts once the report has named it in full.
    t!(
        "هاجمت جبهة النصرة المقر. وقال المرصد السوري لحقوق الإنسان إن 9 أشخاص قتلوا من «النصرة».",
        "killed_attackers_or_isis 9 [unknown > SOHR]"
    ),
    t!(
        "وقالت الوزارة إن 4 أشخاص قتلوا أمس من الشرطة.",
        "killed_sdf_or_security 4 [unknown > الوزارة]"
    ),
    t!(
        "وقال المرصد السوري لحقوق الإنسان إن 9 أشخاص قتلوا من سكان القرية.",
        "killed_civilians 9 [unknown > SOHR]"
    ),
    // Fighters of both sides counted together are no side.
    t!(
        "The army said 25 rebels and soldiers died in the clashes.",
        "killed_total 25 [unknown > army]"
    ),
    // A second number counts its own side.
    t!(
        "Officials said 14 rebels and 6 soldiers were killed.",
        "killed_attackers_or_isis 14 [unknown > Officials] anon",
        "killed_sdf_or_security 6 [unknown > Officials] anon"
    ),
    // Civilians and security forces counted together are no side either;
    // a number word starts a count of its own.
    t!(
        "وقال مسؤولون إن 30 شخصا من المدنيين ورجال الشرطة قتلوا في الهجوم.",
        "killed_total 30 [unknown > مسؤولون] anon"
    ),
    t!(
        "Gunmen killed four soldiers and three farmers, the governor said.",
        "killed_sdf_or_security 4 [unknown > governor]",
        "killed_civilians 3 [unknown > governor]"
    ),
    // A list opened by a comma may run to the predicate unclosed.
    t!(
        "وقال الدفاع المدني إن سبعة أشخاص، بينهم ثلاثة أطفال لقوا حتفهم في القصف.",
        "killed_total 7 [unknown > الدفاع المدني]",
        "killed_civilians 3 [unknown > الدفاع المدني]"
    ),
    // A noun of things after the count is no count of people, whoever owns them.
    t!(
        "وقالت الشرطة إن المسلحين أحرقوا 4 مواقع للجيش في الهجوم.",
        "other:مواقع 4 [unknown > الشرطة]"
    ),
    // "مسلحين وجنود": joined by و.
    t!(
        "وقال مصدر طبي إن 9 من المسلحين والجنود قتلوا في الاشتباكات.",
        "killed_total 9 [unknown > مصدر طبي] anon"
    ),
    t!(
        "Police said rebels destroyed 3 army bases in the attack.",
        "other:bases 3 [unknown > Police]"
    ),
    // In a war between states, the attacking nation's dead are the
    // attacking side, bound before the count or in its own sentence.
    t!(
        "A Syrian assault on the border post failed. Turkey said hundreds of Syrians died.",
        "killed_attackers_or_isis hundreds [unknown > Turkey]"
    ),
    t!(
        "Egypt said its troops killed 300 Libyans while stopping a new Tripoli offensive.",
        "killed_attackers_or_isis 300 [unknown > Egypt]"
    ),
    // The nation that repelled the attack defends, also when the report
    // says so after the count; its soldiers too.
    t!(
        "Armenia said its army killed 150 Azeris. Baku said its troops repelled the attack.",
        "killed_sdf_or_security 150 [unknown > Armenia]"
    ),
    t!(
        "وقالت بغداد إن قواتها صدت هجوما إيرانيا وقتلت 70 جنديا إيرانيا.",
        "killed_attackers_or_isis 70 [unknown > Iraqi government]"
    ),
    // The attacker's own losses, when the attacker is named with them.
    t!(
        "Kenyan troops overran the camp with the loss of 12 Somali soldiers.",
        "killed_sdf_or_security 12 [unknown]"
    ),
    // A nation counted is bound to nothing, and its civilians stay civilians.
    t!(
        "Officials said 40 Iraqis were killed as they repelled the raid.",
        "killed_total 40 [unknown > Officials] anon"
    ),
    t!(
        "An Israeli offensive began on Monday. Medics said 40 Lebanese civilians were killed.",
        "killed_civilians 40 [unknown > Medics] anon"
    ),
    // A nation fighting insurgents is no side of a war between states: its
    // soldiers stay the security side.
    t!(
        "شنت أنقرة هجوما تركيا على مواقع المتمردين. وقالت مصادر إن 4 جنود أتراك قتلوا في كمين نصبه المتمردون.",
        "killed_sdf_or_security 4 [unknown > مصادر] anon"
    ),
    // Enemies taken prisoner in a war between states are no arrest; a
    // capture anywhere else is one.
    t!(
        "Ethiopia said its forces repulsed an Eritrean offensive and captured 85 soldiers.",
        "other:soldiers 85 [unknown > Ethiopia]"
    ),
    t!(
        "Police said they captured 4 suspects after the raid.",
        "arrested 4 [unknown > Police]"
    ),
    // With no nation bound, a nation's dead keep their plain facet.
    t!(
        "The ministry said 20 Chadians were killed in the fighting.",
        "killed_total 20 [unknown > ministry]"
    ),
];

/// Claims of zero.
/// Figures no count can be make no claim: `max_value` in facets.toml (a
/// billion) caps every facet; a negative figure and a run of digits too
/// long for a number are none either. See: issue 23.
const OUT_OF_RANGE: &[Row] = &[
    // Up to the cap, a claim as any other.
    t!(
        "Officials said 1,000,000,000 people were displaced.",
        "displaced_people 1000000000 [unknown > Officials] anon"
    ),
    t!(
        "Officials said 0.5 billion people were displaced.",
        "displaced_people 500000000 [unknown > Officials] anon"
    ),
    t!(
        "قال المرصد إن 900 مليون شخص نزحوا.",
        "displaced_people 900000000 [unknown > المرصد]"
    ),
    t!(
        "Officials said between 5 and 1,000,000 people were displaced.",
        "displaced_people 5-1000000 [unknown > Officials] anon"
    ),
    // Beyond it: no claim.
    t!("Officials said 1,000,000,001 people were displaced."),
    t!("Officials said 5 billion people were displaced."),
    t!("قال المرصد إن 2000 مليون شخص نزحوا."),
    // A range reaching past it: no claim.
    t!("Officials said between 5 and 2,000,000,000 people were displaced."),
];

const ZEROS: &[Row] = &[
    // أي سجين in a negated clause is a claim of zero.
    t!(
        "قالت قوات سوريا الديمقراطية إن أي سجين لم يتمكن من الفرار من السجن.",
        "prisoners_escaped 0 [unknown > SDF]"
    ),
    // "no inmate" is its own negation.
    t!(
        "The SDF said no inmate escaped from the prison.",
        "prisoners_escaped 0 [unknown > SDF]"
    ),
    // "none of its men had been killed".
    t!(
        "The Order of the Ash said that none of its men had been killed.",
        "killed_total 0 [unknown > Order of the Ash]"
    ),
    // A denied escape of "any prisoners" is a claim of zero.
    t!(
        "SDF spokesman Farhad Shami said the prison was calm. He denied that any prisoners had escaped.",
        "prisoners_escaped 0 [unknown > SDF]"
    ),
];

/// More claims of zero: what did not happen, named by its noun.
const ZEROS_BY_NOUN: &[Row] = &[
    // A negated word of result before an event's noun: nothing came of it.
    t!(
        "وقال مسؤول محلي إن القصف لم يسفر عن ضحايا.",
        "killed_total 0 [unknown > مسؤول محلي] anon"
    ),
    t!(
        "وانفجرت عبوة قرب دورية عسكرية دون وقوع إصابات.",
        "wounded 0 [unknown]"
    ),
    // Without its negation the same words claim nothing.
    t!("وأسفر القصف عن ضحايا بين المدنيين."),
    // Nor as an aim: used tear gas to prevent casualties; prevented them
    // is a claim of zero.
    t!("وطوقت الشرطة الحي بأكمله للحيلولة دون سقوط ضحايا بين المارة."),
    t!("وحال تدخل الوحدات دون سقوط ضحايا.", "killed_total 0 [unknown]"),
    t!(
        "قال مصدر أمني إن القصف لم يخلف أية إصابات.",
        "wounded 0 [unknown > مصدر أمني] anon"
    ),
    t!(
        "A bureau spokesman said no arrests had been made.",
        "arrested 0 [unknown > A bureau spokesman] anon"
    ),
    // A zero counts what its words name, whatever noun follows (من أفراد أسرته).
    t!(
        "وقال المواطن محمد حسين إنه لم يصب أحد من أفراد أسرته.",
        "wounded 0 [unknown > المواطن محمد حسين]"
    ),
    // "A number of residents" after the verb are who speak, no claim.
    t!(
        "وقال عدد من السكان إنه لم يصب أحد من الأهالي.",
        "wounded 0 [unknown > السكان] anon"
    ),
    // آل and the word after it are a family's name.
    t!(
        "وأكد آل فرج أنه لم ينجم عن الهجوم أي إصابات.",
        "wounded 0 [unknown > آل فرج]"
    ),
    // A passive report with no agent is the writer's own.
    t!(
        "An Interior Ministry statement said the tower was damaged.\nNo injuries were reported.",
        "wounded 0 [unknown]"
    ),
];

/// Asserted or denied.
const STANCE: &[Row] = &[
    // A denying verb denies the figures in its scope; its zero is asserted.
    t!(
        "نفت قوات سوريا الديمقراطية فرار 140 سجيناً، مؤكدة أن أي سجين لم يتمكن من الفرار.",
        "prisoners_escaped 140 [unknown > SDF] denied",
        "prisoners_escaped 0 [unknown > SDF]"
    ),
    // "denied reports that" denies the figure; "reports" is no verb.
    t!(
        "The ministry denied reports that 140 inmates had escaped from the prison.",
        "prisoners_escaped 140 [unknown > ministry] denied"
    ),
    // A figure set against the speaker's own is denied; a passive agent
    // after it gave it, but the speaker denies it.
    t!(
        "The governor said the siege lasted four days, not 60 hours.",
        "duration_days 4 [unknown > governor]",
        "duration_hours 60 [unknown > governor] denied"
    ),
    t!(
        "قالت الشرطة إن الحصار استمر أربعة أيام لا 60 ساعة.",
        "duration_days 4 [unknown > الشرطة]",
        "duration_hours 60 [unknown > الشرطة] denied"
    ),
    t!(
        "A guard told us that 90 inmates escaped, not the 20 announced by the ministry.",
        "prisoners_escaped 90 [unknown > A guard] anon",
        "prisoners_escaped 20 [unknown > A guard] anon denied"
    ),
    // Words after a figure that call it false deny it.
    t!(
        "Talk of 500 escaped inmates was \"baseless\", the police said.",
        "prisoners_escaped 500 [unknown > police] denied"
    ),
    t!(
        "Police arrested 3 men carrying fake passports.",
        "arrested 3 [unknown]"
    ),
    // A relative clause that takes a figure back: the denier holds it.
    t!(
        "وأعلنت الجماعة أسر 9 جنود، وهو ما نفته وزارة الدفاع.",
        "hostages_taken 9 [unknown > وزارة الدفاع] denied"
    ),
    t!(
        "The rebels said they had abducted 9 soldiers, a claim the army denied.",
        "hostages_taken 9 [unknown > army] denied"
    ),
    // What a denying verb's object says a source issued stays the denial;
    // a verb joined to it shares its subject; a participle after it asserts.
    t!(
        "The militia denied the attack and rejected the ministry's toll of 30 dead, saying 12 fighters had died.",
        "killed_total 30 [unknown > militia] denied",
        "killed_attackers_or_isis 12 [unknown > militia]"
    ),
];

#[test]
fn outlet_rows() {
    run(OUTLET);
}

#[test]
fn source_rows() {
    run(SOURCES);
}

#[test]
fn frame_rows() {
    run(FRAMES);
}

#[test]
fn facet_rows() {
    run(FACETS);
}

#[test]
fn not_claim_rows() {
    run(NOT_CLAIMS);
}

#[test]
fn side_rows() {
    run(SIDES);
}

#[test]
fn out_of_range_rows() {
    run(OUT_OF_RANGE);
}

#[test]
fn figures_beyond_any_count_are_not_plausible() {
    let lex = ClaimsLexicon::builtin();
    let rows: &[(Value, bool)] = &[
        (Value::Number(0.0), true),
        (Value::Number(1e9), true),
        (Value::Range(10.0, 1e9), true),
        (Value::None, true),
        (Value::Number(1e9 + 1.0), false),
        (Value::Number(-5.0), false),
        (Value::Number(f64::INFINITY), false),
        (Value::Number(f64::NAN), false),
        (Value::Range(-1.0, 5.0), false),
        (Value::Range(5.0, f64::INFINITY), false),
    ];
    for (i, (v, want)) in rows.iter().enumerate() {
        assert_eq!(lex.plausible(v), *want, "row {i}: {v:?}");
    }
}

#[test]
fn a_hundred_thousand_digits_make_no_claim() {
    let x = Extractor::builtin();
    let text = format!("Officials said {} people were killed.", "9".repeat(100_000));
    let doc = Reader::builtin().plain("t", "t.txt", text.into_bytes());
    assert!(x.extract(&doc).is_empty());
}

#[test]
fn zero_rows() {
    run(ZEROS);
    run(ZEROS_BY_NOUN);
}

#[test]
fn stance_rows() {
    run(STANCE);
}

#[test]
fn a_claim_about_another_event_gets_its_subject() {
    let text = "النهار العربي\n\nهاجم التنظيم سجن الصناعة في الحسكة. وكان قد شارك في تنفيذ الهجوم على سجن ننغرهار 11 مقاتلاً.\n";
    let doc = Reader::builtin().plain("t", "t.txt", text.as_bytes().to_vec());
    let claims = Extractor::builtin().extract(&doc);
    let c = claims
        .iter()
        .find(|c| c.facet == "attackers_count")
        .expect("a claim");
    assert_eq!(c.subject.as_deref(), Some("nangarhar_prison_attack_2020"));
}

#[test]
fn spans_parse_back_to_their_values() {
    let text =
        "المصدر: الجزيرة\n\nقال المرصد إن ما يقارب ٩٠ عنصراً يتحصنون، وإن ثلاثة وعشرين قتلوا وأصيب قتيلان.\n";
    let doc = Reader::builtin().plain("t", "t.txt", text.as_bytes().to_vec());
    let numbers = Numbers::builtin();
    for c in Extractor::builtin().extract(&doc) {
        let piece = std::str::from_utf8(&doc.original[c.span.range()]).unwrap();
        let back = numbers.find(piece);
        assert!(
            back.iter()
                .any(|m| m.value == c.value || (c.value == Value::Number(0.0))),
            "{piece:?} does not give {:?}",
            c.value
        );
        assert!(c.sentence.contains(c.span));
    }
}

#[test]
fn lower_contains_matches_the_lower_cased_text_with_or_without_capitals() {
    for (hay, needle, want) in [
        ("The River Network", "river network", true),
        ("the river network", "river network", true),
        ("RIVER", "river", true),
        ("المرصد السوري", "السوري", true),
        ("المرصد السوري", "river", false),
        ("ǅemal Group", "ǆemal", true),
        ("Σ Monitor", "σ monitor", true),
        ("Network", "Network", false),
    ] {
        assert_eq!(lower_contains(hay, needle), want, "{hay} / {needle}");
        assert_eq!(hay.to_lowercase().contains(needle), want, "{hay} / {needle}");
    }
}

#[test]
fn a_prison_named_once_deep_in_a_report_does_not_make_it_a_prison_report() {
    // A bombing's report: its workers are civilians, whether or not a
    // prison is recalled in passing long after the lead. A report whose
    // lead names the prison counts the same workers as its staff.
    let filler =
        "وتحدث السكان عن لحظات صعبة عاشوها في الحي القديم حيث تتجاور البيوت والأسواق والمدارس والحدائق. "
            .repeat(8);
    let bombing = "هز انفجار مسجدا في مدينة ساحلية ظهر الجمعة.\n\n";
    let recalled = "وكانت الشرطة قد أحبطت قبل شهر هجوما على سجن المدينة.\n\n";
    let toll = "وأسفر الانفجار عن مقتل 3 من العاملين في المكان.";
    let rows = [
        (
            format!("{bombing}{filler}\n\n{recalled}{toll}"),
            "killed_civilians 3 [unknown]",
        ),
        (
            format!("{bombing}{recalled}{filler}\n\n{toll}"),
            "killed_guards_staff 3 [unknown]",
        ),
        (
            format!("هاجم مسلحون سجن المدينة.\n\n{filler}\n\n{toll}"),
            "killed_guards_staff 3 [unknown]",
        ),
    ];
    let x = Extractor::builtin();
    for (text, want) in rows {
        let doc = Reader::builtin().plain("t", "t.txt", text.clone().into_bytes());
        let got: Vec<String> = x.extract(&doc).iter().map(show).collect();
        assert_eq!(got, [want], "{text}");
    }
}
