//! Table-driven tests of claims on short reports written for these tests.

use super::*;
use crate::claims::view::lower_contains;
use isnad_text::Reader;
use std::sync::Arc;

struct Want {
    facet: &'static str,
    value: &'static str,
    chain: &'static [&'static str],
    anonymous: bool,
    stance: &'static str,
}

fn show(v: &Value, vague: &Option<Arc<str>>) -> String {
    match v {
        Value::Number(x) if x.fract() == 0.0 => format!("{}", *x as i64),
        Value::Number(x) => format!("{x}"),
        Value::Range(a, b) => format!("{a}-{b}"),
        Value::None => vague.as_deref().unwrap_or("?").to_string(),
    }
}

fn check(text: &str, want: &[Want]) {
    let doc = Reader::builtin().plain("t", "t.txt", text.as_bytes().to_vec());
    let claims: Vec<Claim> = Extractor::builtin()
        .extract(&doc)
        .into_iter()
        .filter(|c| !c.facet.starts_with("other:"))
        .collect();
    let got: Vec<String> = claims
        .iter()
        .map(|c| {
            let chain: Vec<&str> = c.source.iter().map(|s| s.name.as_str()).collect();
            format!(
                "{} {} [{}] anon={} {}",
                c.facet,
                show(&c.value, &c.vague),
                chain.join(" > "),
                c.anonymous,
                c.stance.as_str()
            )
        })
        .collect();
    let expected: Vec<String> = want
        .iter()
        .map(|w| {
            format!(
                "{} {} [{}] anon={} {}",
                w.facet,
                w.value,
                w.chain.join(" > "),
                w.anonymous,
                w.stance
            )
        })
        .collect();
    assert_eq!(got, expected, "\n{text}");
}

macro_rules! w {
    ($facet:expr, $value:expr, [$($c:expr),*], $anon:expr) => {
        Want { facet: $facet, value: $value, chain: &[$($c),*], anonymous: $anon, stance: "asserted" }
    };
    ($facet:expr, $value:expr, [$($c:expr),*], $anon:expr, denied) => {
        Want { facet: $facet, value: $value, chain: &[$($c),*], anonymous: $anon, stance: "denied" }
    };
}

#[test]
fn a_monitor_bulletin_with_a_breakdown_and_a_carried_verb() {
    check(
        "عنب بلدي\n\nهجوم على سجن\n\nقال المرصد السوري لحقوق الإنسان إن 41 شخصاً قتلوا، بينهم 20 من عناصر الأمن و16 من مسلحي التنظيم و5 مدنيين.\n\nوأضاف المرصد أن نحو 20 سجيناً فروا.\n",
        &[
            w!("killed_total", "41", ["Enab Baladi", "SOHR"], false),
            w!("killed_sdf_or_security", "20", ["Enab Baladi", "SOHR"], false),
            w!("killed_attackers_or_isis", "16", ["Enab Baladi", "SOHR"], false),
            w!("killed_civilians", "5", ["Enab Baladi", "SOHR"], false),
            w!("prisoners_escaped", "20", ["Enab Baladi", "SOHR"], false),
        ],
    );
}

#[test]
fn a_trailing_citation_nests_under_the_speaker_and_unnamed_sources_are_flagged() {
    check(
        "الحسكة - أ ف ب\n\nأفاد المرصد السوري بأن ما لا يقل عن 140 سجيناً فروا، نقلاً عن مصادر محلية.\n\nوذكر ناشطون أن عشرات المسلحين شاركوا في الهجوم.\n",
        &[
            w!("prisoners_escaped", "140", ["AFP", "SOHR", "مصادر محلية"], true),
            w!("attackers_count", "dozens", ["AFP", "ناشطون"], true),
        ],
    );
}

#[test]
fn a_denial_and_a_claim_of_zero() {
    check(
        "المصدر: نورث برس\n\nنفت قوات سوريا الديمقراطية فرار 140 سجيناً، مؤكدة أن أي سجين لم يتمكن من الفرار.\n",
        &[
            w!("prisoners_escaped", "140", ["North Press", "SDF"], false, denied),
            w!("prisoners_escaped", "0", ["North Press", "SDF"], false),
        ],
    );
}

#[test]
fn the_outlets_own_voice_and_a_duration_and_non_claims() {
    check(
        "سوريا على طول\n\nاستمرت المعارك نحو 9 أيام، وقتل فيها أكثر من 180 شخصاً على بعد 6 كيلومترات من المدينة منذ عام 2019.\n\nوذكرت صحيفة النبأ في عددها 323 أن 12 مقاتلاً نفذوا الهجوم.\n",
        &[
            w!("duration_days", "9", ["Syria Direct"], false),
            w!("killed_total", "180", ["Syria Direct"], false),
            w!("attackers_count", "12", ["Syria Direct", "al-Naba"], false),
        ],
    );
}

#[test]
fn an_unknown_named_source_is_reported_by_its_surface_name() {
    check(
        "شبكة الخبر\n\nأعلنت هيئة الرصد المستقلة أن 33 شخصاً أصيبوا.\n\nوأوضحت الهيئة أن 7 حراس في عداد المفقودين.\n",
        &[
            w!("wounded", "33", ["شبكة الخبر", "هيئة الرصد المستقلة"], false),
            w!("missing", "7", ["شبكة الخبر", "هيئة الرصد المستقلة"], false),
        ],
    );
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
fn an_english_newsletter_masthead_and_a_subject_before_a_relative_clause() {
    check(
        "HARBOUR CONFLICT LETTER — Issue 12\n\nThe toll so far\n\nThe Border Monitor for Human Rights, which relies on informants inside the city, said 124 militants were killed.\n\nThe SDF said no inmate escaped from the prison.\n",
        &[
            w!(
                "killed_attackers_or_isis",
                "124",
                ["HARBOUR CONFLICT LETTER", "Border Monitor for Human Rights"],
                false
            ),
            w!(
                "prisoners_escaped",
                "0",
                ["HARBOUR CONFLICT LETTER", "SDF"],
                false
            ),
        ],
    );
}

#[test]
fn english_unnamed_speakers_and_denied_reports() {
    check(
        "Attack on Mirefield prison\n\nA prison employee who asked not to be named said the facility held 4,000 inmates.\n\nA shopkeeper said dozens of people were killed.\n\nThe ministry denied reports that 140 inmates had escaped from the prison.\n\n\"No more than four men carried out the attack,\" said a guard who asked not to be named.\n",
        &[
            w!("prisoners_held", "4000", ["unknown", "A prison employee"], true),
            w!("killed_total", "dozens", ["unknown", "A shopkeeper"], true),
            w!("prisoners_escaped", "140", ["unknown", "ministry"], false, denied),
            w!("attackers_count", "4", ["unknown", "a guard"], true),
        ],
    );
}

#[test]
fn an_acronym_alias_matches_only_in_capitals() {
    check(
        "Attack on Mirefield prison\n\nA guard said 12 inmates escaped from the prison, which is in the north.\n\nIS fighters said 30 inmates escaped.\n",
        &[
            w!("prisoners_escaped", "12", ["unknown", "A guard"], true),
            w!("prisoners_escaped", "30", ["unknown", "ISIS"], false),
        ],
    );
}

#[test]
fn english_he_said_after_according_to_and_held_hostage() {
    check(
        "Riot at Mirefield prison\n\nTwelve guards were briefly held hostage in the prison, officials said.\n\nThe prison holds 2,400 inmates, according to the Justice Ministry. He said 260 inmates surrendered inside the prison.\n",
        &[
            w!("hostages_taken", "12", ["unknown", "officials"], true),
            w!("prisoners_held", "2400", ["unknown", "Justice Ministry"], false),
            w!(
                "prisoners_surrendered",
                "260",
                ["unknown", "Justice Ministry"],
                false
            ),
        ],
    );
}

#[test]
fn english_displacement_and_forces_taking_part() {
    check(
        "Fighting in the valley\n\nAt least 27,000 people have fled villages in the valley since the offensive began, the UN said.\n\nThe Northern Command said about 3,000 troops were taking part in the operation.\n",
        &[
            Want {
                facet: "displaced_people",
                value: "27000",
                chain: &["unknown", "UN"],
                anonymous: false,
                stance: "asserted",
            },
            w!("forces_deployed", "3000", ["unknown", "Northern Command"], false),
        ],
    );
}

#[test]
fn english_hyphenated_durations_and_present_tense_reports() {
    check(
        "Riot at Mirefield prison\n\nThe guards retook the prison after a 36-hour riot, the ministry said.\n\nThe Westmoor Aid Office estimates that some 30,500 people had to leave their homes and were displaced.\n",
        &[
            w!("duration_hours", "36", ["unknown", "ministry"], false),
            w!(
                "displaced_people",
                "30500",
                ["unknown", "Westmoor Aid Office"],
                false
            ),
        ],
    );
}

#[test]
fn english_a_described_group_is_the_one_named_next_and_the_network_refers_back() {
    check(
        "Blast at the Westmoor bus depot\n\nMonday's blast at the Westmoor depot has now killed 61 people, a local documentation group said.\n\nThe River Network for Documentation said 15 of the injured had died in the night. Seven people were still missing, the network said.\n",
        &[
            w!(
                "killed_total",
                "61",
                ["unknown", "River Network for Documentation"],
                false
            ),
            w!(
                "killed_total",
                "15",
                ["unknown", "River Network for Documentation"],
                false
            ),
            w!(
                "missing",
                "7",
                ["unknown", "River Network for Documentation"],
                false
            ),
        ],
    );
}

#[test]
fn english_the_source_refers_back_to_the_unnamed_speaker_and_a_quoted_figure_counts_its_noun() {
    check(
        "Breakout at Mirefield prison\n\nA source in the prison service, who declined to be named, told reporters that \"about 50\" inmates got out on the first night.\n\nSome of them crossed into Westmoor province, the source said, and 30 inmates escaped later.\n",
        &[
            w!("prisoners_escaped", "50", ["unknown", "A source"], true),
            w!("prisoners_escaped", "30", ["unknown", "A source"], true),
        ],
    );
}

#[test]
fn a_list_bullet_before_a_figure_is_no_minus_sign() {
    check(
        "Attack on Mirefield prison\n\n- 12 attackers stormed the prison, the ministry said.\n",
        &[w!("attackers_count", "12", ["unknown", "ministry"], false)],
    );
}

#[test]
fn a_partitive_counts_the_noun_after_of_and_its_possessive() {
    for (text, want) in [
        (
            "The army said on Monday that it had recalled 26 of its own soldiers.",
            "other:soldiers",
        ),
        (
            "The army said on Monday that it had lost 26 of its own soldiers.",
            "killed_sdf_or_security",
        ),
        (
            "The minister dismissed five of the members of the board.",
            "other:members",
        ),
        ("لم يجدد رئيس الحكومة ثقته في 5 من أعضاء الحكومة.", "other:اعضاء"),
        ("The vote passed 34 to 20 in the assembly.", "other:unknown"),
    ] {
        let doc = Reader::builtin().plain("t", "t.txt", text.as_bytes().to_vec());
        let facets: Vec<String> = Extractor::builtin()
            .extract(&doc)
            .into_iter()
            .map(|c| c.facet)
            .collect();
        assert_eq!(
            facets.first().map(String::as_str),
            Some(want),
            "{text}: {facets:?}"
        );
    }
}

#[test]
fn english_local_news_speaker_sides_predicates_zeros_and_a_described_monitor() {
    // "their own fighters" are the speaking force's; rioters are the
    // insurgent side; "would-be escapees were caught" were recaptured; the
    // acronym is the force named before; "A rights monitor" is the one the
    // report names next; an age, a population and a year are no claims.
    check(
        LOCAL,
        &[
            w!(
                "killed_sdf_or_security",
                "14",
                ["unknown", "Greyhill Defence Forces"],
                false
            ),
            w!(
                "killed_attackers_or_isis",
                "60",
                ["unknown", "Greyhill Defence Forces"],
                false
            ),
            w!(
                "prisoners_recaptured",
                "212",
                ["unknown", "Greyhill Defence Forces"],
                false
            ),
            w!(
                "prisoners_escaped",
                "0",
                ["unknown", "Greyhill Defence Forces"],
                false
            ),
            w!(
                "prisoners_surrendered",
                "1300",
                ["unknown", "Greyhill Defence Forces"],
                false
            ),
            w!(
                "killed_total",
                "95",
                ["unknown", "Northmoor Rights Monitor"],
                false
            ),
            w!(
                "killed_total",
                "30",
                ["unknown", "Northmoor Rights Monitor"],
                false
            ),
            w!("wounded", "100", ["unknown", "Northmoor Rights Monitor"], false),
        ],
    );
}

#[test]
fn english_wire_hostages_freed_a_trailing_citation_and_a_possessive_toll() {
    // Hostages freed were released; "the group" is the group named, not the
    // council that spoke; "citing local sources" nests under the monitor;
    // "the Health Office's toll" is the office's; "none of its men" is zero.
    check(
        WIRE,
        &[
            w!("hostages_released", "9", ["Lanyard"], false),
            w!(
                "hostages_released",
                "9",
                ["Lanyard", "Westmoor Relief Council"],
                false
            ),
            w!(
                "hostages_taken",
                "15",
                ["Lanyard", "Order of the Ash"],
                false,
                denied
            ),
            w!(
                "prisoners_escaped",
                "40",
                ["Lanyard", "Northmoor Rights Monitor", "local sources"],
                true
            ),
            w!(
                "killed_total",
                "23",
                ["Lanyard", "Mirefield Health Office"],
                false
            ),
            w!("wounded", "61", ["Lanyard", "Mirefield Health Office"], false),
            w!("killed_total", "0", ["Lanyard", "Order of the Ash"], false),
            w!("arrested", "14", ["Lanyard", "Police"], false),
        ],
    );
}

const LOCAL: &str = "Riot at Mirefield jail ends\n\nThe Greyhill Defence Forces said on Tuesday that 14 of their own fighters and \"about 60\" rioters had died at Mirefield jail. Another 212 would-be escapees were caught at the outer gate, they said.\n\nGDF spokesman Tomas Reyne dismissed the figures of a rights group. \"Not a single inmate left the perimeter,\" he told reporters. He added that 1,300 inmates had turned themselves in.\n\nA rights monitor based in Westmoor put the death toll at 95 on Wednesday. The Northmoor Rights Monitor, which has informants in the jail, said that 30 of the wounded had died overnight and that more than 100 people remained in hospital.\n\nMs Reyne, 44, runs the jail's clinic. The town, home to about 40,000 people, last saw unrest in a 2019 bus strike.\n";

const WIRE: &str = "Last nine hostages from Westmoor convoy freed\n\nMIREFIELD (Lanyard) — Nine aid workers held by the Order of the Ash since a raid on the Westmoor road were freed on Sunday, the Westmoor Relief Council said.\n\nThe group had denied taking 15 people. At least 40 inmates escaped from Mirefield jail last year, the Northmoor Rights Monitor said, citing local sources. The Mirefield Health Office's latest toll was 23 dead and 61 wounded.\n\nThe Order of the Ash said that none of its men had been killed. Police later said they had detained 14 suspects, among them a 23-year-old driver.\n";

#[test]
fn english_wire_on_the_prison_attack_kurdish_led_forces_are_the_sdf_and_their_fighters_security() {
    // A hyphenated alias matches across the hyphen; "Kurdish fighters" are
    // on the security side though "fighters" alone are the attackers'.
    check(
        REAL,
        &[
            w!("duration_days", "6", ["Reuters"], false),
            w!("duration_days", "6", ["Reuters", "SDF"], false),
            w!("killed_total", "180", ["Reuters", "SDF"], false),
            w!("killed_total", "154", ["Reuters", "SOHR"], false),
            w!("killed_attackers_or_isis", "102", ["Reuters", "SOHR"], false),
            w!("killed_sdf_or_security", "45", ["Reuters", "SOHR"], false),
            w!("killed_civilians", "7", ["Reuters", "SOHR"], false),
            w!("prisoners_surrendered", "3000", ["Reuters", "SDF"], false),
            w!("killed_sdf_or_security", "40", ["Reuters", "SDF"], false),
            w!("killed_guards_staff", "77", ["Reuters", "SDF"], false),
            w!("prisoners_escaped", "0", ["Reuters", "SDF"], false),
            w!("attackers_count", "hundreds", ["Reuters", "SOHR"], false),
            w!("prisoners_escaped", "dozens", ["Reuters", "SOHR"], false),
        ],
    );
}

const REAL: &str = "Kurdish forces retake Syria prison after six-day battle\n\nBEIRUT (Reuters) - Kurdish-led forces said on Wednesday they had regained full control of a prison in northeast Syria, ending a six-day battle with Islamic State militants that killed more than 180 people.\n\nThe Syrian Observatory for Human Rights, a Britain-based war monitor, said at least 154 people had been killed, including 102 IS fighters, 45 Kurdish fighters and seven civilians.\n\nSDF spokesman Farhad Shami said 3,000 inmates had surrendered and that 40 SDF fighters and 77 prison staff had been killed. He denied that any prisoners had escaped.\n\nHundreds of IS militants stormed the jail on Thursday night, the monitor said, freeing dozens of their comrades.\n";

#[test]
fn the_verb_right_before_a_number_governs_it_over_a_cue_further_on() {
    // "أصيب 5 حراس في انفجار" is wounded, not explosions; "اعتقلت 6 أشخاص
    // يشتبه في تأمينهم مخابئ" is arrested, not escaped.
    check(
        "هجوم على سجن ميرفيلد\n\nقالت الشرطة إن 12 شخصاً أصيبوا، وأصيب 5 حراس في انفجار قرب البوابة.\n\nوأضافت الشرطة أنها اعتقلت 6 أشخاص يشتبه في تأمينهم مخابئ للفارين.\n",
        &[
            w!("wounded", "12", ["unknown", "الشرطة"], false),
            w!("wounded", "5", ["unknown", "الشرطة"], false),
            w!("arrested", "6", ["unknown", "الشرطة"], false),
        ],
    );
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
