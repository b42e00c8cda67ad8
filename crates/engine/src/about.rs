//! What a report is about: its place and the kind of violence, so that the
//! ledger can group reports into events when no known event names them.
//!
//! In: a document's text. Out: an [`About`]: the place it names most (a
//! place of the gazetteer, `data/places.toml`, by its id, so that Arabic
//! and English names of one place meet; or a name the gazetteer lacks,
//! by a transliteration key, so that `Kelvar` and `كلفار` meet; an Arabic
//! name of a place the gazetteer writes only in Latin letters meets it by
//! that key, `بن قردان` and Ben Gardane) and the kind whose cues
//! (`data/kinds.toml`) it uses most.
//!
//! A name the gazetteer lacks counts only where it stands as a place's name
//! does: after a place word in Arabic (مدينة، سجن، مخيم …), before one in
//! English (`Kelvar prison`) or capitalised after a preposition of place
//! (`in Kelvar`), and it must occur twice in the report. A word of the
//! stop list (function words, verbs, adjectives: سجن يقع، سجن كشف) is never
//! a name. A country is the place only when the report names no city or
//! region.
//!
//! ```
//! use isnad_engine::about::AboutRules;
//! let rules = AboutRules::builtin();
//! let a = rules.about("Two car bombs hit the market in Tamrit. Police in Tamrit said 40 died.");
//! assert_eq!(a.place(), Some("~tmrt"));
//! assert_eq!(a.kind(), Some("bombing"));
//! ```

use isnad_text::normalize::key;
use isnad_text::phrase::PhraseSet;
use isnad_text::token::tokenize;
use isnad_text::{Normalized, TokenKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The built-in `data/kinds.toml`.
pub const DEFAULT_KINDS: &str = include_str!("../data/kinds.toml");
/// The built-in `data/places.toml`.
pub const DEFAULT_PLACES: &str = include_str!("../data/places.toml");

/// What a report is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct About {
    /// The places it names, the likeliest first: at most [`MAX_PLACES`].
    pub places: Vec<PlaceSeen>,
    /// The kinds whose cues it uses, with how often, the most used first.
    pub kinds: Vec<(String, usize)>,
    /// The first date its opening gives (`YYYY-MM-DD`; see
    /// [`AboutRules::about_report`]): the ledger dates the report's event by
    /// it when it is earlier than the report (a trial's report dated by
    /// the attack it follows up).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The stretches of the report that each name their own place (see
    /// [`AboutRules::parts`]), when it has two or more: the ledger makes a
    /// roundup's fronts events of their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

/// A stretch of a report about one place: a paragraph that names a place
/// (a gazetteer city or region, or a name the whole report shows to be a
/// place) and the paragraphs after it that name none (`كما قتل …`, `Later
/// that day …` go on about the same front).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// Its bytes, `[start, end)`: offsets into the text given to
    /// [`AboutRules::parts`], which the caller maps to the original bytes.
    pub span: (usize, usize),
    /// The places it names (key, name as written), the likeliest first;
    /// empty for an opening that names none.
    pub places: Vec<(String, String)>,
    /// The kinds whose cues it uses, with how often, the most used first.
    pub kinds: Vec<(String, usize)>,
}

/// The paragraphs of a text: its stretches between line breaks or runs of
/// three spaces or more (wires that lose their line breaks keep the
/// paragraph's indent, often with a no-break space), blank ones left out.
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut push = |r: std::ops::Range<usize>| {
        if text.get(r.clone()).is_some_and(|p| !p.trim().is_empty()) {
            out.push(r);
        }
    };
    let mut start = 0;
    // The run of white space being read: where it began, how many
    // characters, whether it holds a line break.
    let mut run: Option<(usize, usize, bool)> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            let r = run.get_or_insert((i, 0, false));
            r.1 += 1;
            r.2 |= c == '\n' || c == '\r';
            continue;
        }
        if let Some((at, n, broken)) = run.take()
            && (broken || n >= 3)
        {
            push(start..at);
            start = i;
        }
    }
    push(start..run.map_or(text.len(), |(at, _, _)| at));
    out
}

/// The opening of a report whose first date dates its event: about two
/// sentences.
pub const OPENING_BYTES: usize = 600;

/// The first [`OPENING_BYTES`] of `text`, cut at a character boundary.
pub fn opening(text: &str) -> &str {
    let mut end = OPENING_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last day of `weekday` (1 Monday … 7 Sunday) on or before
/// `published` (`YYYY-MM-DD…`), as `YYYY-MM-DD`: the day a report means by
/// `on Thursday night` or `مساء الخميس` when it gives no full date.
pub fn last_weekday(published: &str, weekday: u8) -> Option<String> {
    let day = isnad_ledger::events::day_number(published)?;
    // 1970-01-01 was a Thursday (4).
    let today = (day + 3).rem_euclid(7) + 1;
    let back = (today - i64::from(weekday)).rem_euclid(7);
    (1..=7)
        .contains(&weekday)
        .then(|| isnad_ledger::events::civil(day - back))
}

/// A place this many tokens or fewer after the words of a press
/// appearance (في إقليم شانلي أورفا after تحدث لصحافيين) is where
/// someone spoke.
const SPOKEN_IN: usize = 3;

/// At most this many two-word names of a report are counted.
const MAX_COMPOUNDS: usize = 8;

/// At most this many places are kept of a report.
pub const MAX_PLACES: usize = 6;

/// A place a report names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceSeen {
    /// Its key: a gazetteer id (`gn:110690`, `SY.04`) or `~` and a
    /// transliteration key (`~klfr`).
    pub key: String,
    /// Its name as the report writes it.
    pub name: String,
    /// How much the report speaks of it (mentions).
    pub score: usize,
    /// True for a gazetteer place, or a name found where a place's name
    /// stands and twice in the report; a weak one counts only where
    /// another report has it strong.
    pub strong: bool,
    /// True for a country (the place only when nothing smaller is named).
    pub country: bool,
}

impl About {
    /// The likeliest place's key.
    pub fn place(&self) -> Option<&str> {
        self.places.first().map(|p| p.key.as_str())
    }

    /// The kind it speaks of most.
    pub fn kind(&self) -> Option<&str> {
        self.kinds.first().map(|(k, _)| k.as_str())
    }

    /// The form the store keeps in a document's `target`: this, as JSON
    /// (`{"places":[…],"kinds":[…]}`); `None` when it names no place.
    pub fn to_target(&self) -> Option<String> {
        if self.places.is_empty() {
            return None;
        }
        serde_json::to_string(self).ok()
    }
}

/// A bad kinds or places file.
#[derive(Debug, thiserror::Error)]
#[error("{reason}")]
pub struct AboutError {
    file: &'static str,
    reason: String,
}

impl AboutError {
    fn new(file: &'static str, reason: impl std::fmt::Display) -> AboutError {
        AboutError {
            file,
            reason: reason.to_string(),
        }
    }

    /// The file at fault (`kinds.toml`, `places.toml`).
    pub fn file(&self) -> &'static str {
        self.file
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindsFile {
    kind: Vec<KindDef>,
    #[serde(default)]
    total: Vec<TotalDef>,
    places: PlaceWords,
}

/// A total and its parts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalDef {
    /// The total's facet.
    pub facet: String,
    /// The facets that are parts of it.
    pub parts: Vec<String>,
}

/// One kind of event, with its labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    /// Its id.
    pub id: String,
    /// Its English label.
    pub en: String,
    /// Its Arabic label.
    pub ar: String,
    /// Words that mark a report as being about it.
    pub cues: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceWords {
    before_ar: Vec<String>,
    after_en: Vec<String>,
    before_en: Vec<String>,
    prepositions_en: Vec<String>,
    weak_before_ar: Vec<String>,
    weak_after_en: Vec<String>,
    stops: Vec<String>,
    #[serde(default)]
    name_heads_ar: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PlacesFile {
    place: Vec<PlaceDef>,
}

#[derive(Debug, Deserialize)]
struct PlaceDef {
    id: String,
    kind: String,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    region: Option<String>,
    names: Vec<String>,
}

/// The loaded rules.
#[derive(Debug, Clone)]
pub struct AboutRules {
    kinds: Vec<KindDef>,
    totals: Vec<TotalDef>,
    cues: PhraseSet<usize>,
    /// Gazetteer names: place index.
    places: PhraseSet<usize>,
    /// Each place: id, true for a country.
    place_ids: Vec<(String, bool, String)>,
    before_ar: PhraseSet<()>,
    after_en: PhraseSet<()>,
    before_en: PhraseSet<()>,
    prepositions_en: PhraseSet<()>,
    /// Words of a press appearance: a place named just after one is
    /// where someone spoke (told reporters in Ankara).
    speech: PhraseSet<()>,
    weak_before_ar: PhraseSet<()>,
    weak_after_en: PhraseSet<()>,
    /// Words never a name, by match key.
    stops: std::collections::HashSet<String>,
    /// Arabic words that begin a two-word name (بن قردان، رأس جدير), by
    /// match key.
    name_heads: rustc_hash::FxHashSet<String>,
    /// The first two letters of each head word: most words start with
    /// none of them, and are no glued name.
    head_starts: rustc_hash::FxHashSet<[Option<char>; 2]>,
    /// The first words of the gazetteer's names, by match key: a place
    /// is matched only where the text's word (without its proclitics) is
    /// one, never a form with a pronoun suffix (أبها is Abha, not إب + ها).
    first_words: std::collections::HashSet<String>,
    /// The cities and regions the gazetteer names in Latin letters only,
    /// by the [`skeleton`] of each name without its article: an Arabic
    /// name found where a place's name stands meets them (بن قردان, Ben
    /// Gardane).
    latin_only: HashMap<String, Vec<usize>>,
    /// The one-word names of countries, by match key: a city or region
    /// named only by one of them beside another place of that country is
    /// the country ([`as_countries`]).
    country_names: std::collections::HashSet<String>,
}

impl AboutRules {
    /// The rules of the shipped data.
    pub fn builtin() -> AboutRules {
        match AboutRules::parse(DEFAULT_KINDS, DEFAULT_PLACES) {
            Ok(r) => r,
            // The shipped files are checked by this crate's tests.
            Err(e) => panic!("the built-in kinds.toml or places.toml is broken: {e}"),
        }
    }

    /// Rules from a kinds file and a places file, checked.
    pub fn parse(kinds: &str, places: &str) -> Result<AboutRules, AboutError> {
        let kf: KindsFile = toml::from_str(kinds).map_err(|e| AboutError::new("kinds.toml", e.message()))?;
        let mut seen = std::collections::HashSet::new();
        let mut cues = PhraseSet::new();
        for (i, k) in kf.kind.iter().enumerate() {
            if k.id.trim().is_empty() || k.en.trim().is_empty() || k.ar.trim().is_empty() {
                return Err(AboutError::new(
                    "kinds.toml",
                    format!(
                        "kind {:?}: an id, an English and an Arabic label are required",
                        k.id
                    ),
                ));
            }
            if !seen.insert(k.id.as_str()) {
                return Err(AboutError::new(
                    "kinds.toml",
                    format!("kind {:?} is listed twice", k.id),
                ));
            }
            if k.cues.is_empty() {
                return Err(AboutError::new(
                    "kinds.toml",
                    format!("kind {:?} has no cues", k.id),
                ));
            }
            for c in &k.cues {
                cues.add(c, i);
            }
        }
        let pf: PlacesFile =
            toml::from_str(places).map_err(|e| AboutError::new("places.toml", e.message()))?;
        let mut table = PhraseSet::new();
        let mut place_ids = Vec::with_capacity(pf.place.len());
        for p in &pf.place {
            if !["country", "region", "city"].contains(&p.kind.as_str()) {
                return Err(AboutError::new(
                    "places.toml",
                    format!(
                        "place {}: kind \"{}\" is not one of country, region, city",
                        p.id, p.kind
                    ),
                ));
            }
            // A city is grouped with its region: reports of Abha and of
            // Asir meet.
            place_ids.push((
                p.region.clone().unwrap_or_else(|| p.id.clone()),
                p.kind == "country",
                p.country.clone().unwrap_or_else(|| p.id.clone()),
            ));
        }
        let first_words = pf
            .place
            .iter()
            .flat_map(|p| p.names.iter())
            .filter_map(|n| key(n).split_whitespace().next().map(String::from))
            .collect();
        let latin_only = latin_only(&pf.place);
        let country_names = pf
            .place
            .iter()
            .filter(|p| p.kind == "country")
            .flat_map(|p| p.names.iter())
            .map(|n| key(n))
            .filter(|n| !n.contains(' '))
            .collect();
        // A name several places share is the smallest's: cities first.
        for kind in ["city", "region", "country"] {
            for (i, p) in pf.place.iter().enumerate().filter(|(_, p)| p.kind == kind) {
                for n in &p.names {
                    table.add(n, i);
                }
            }
        }
        let set = |l: &[String]| {
            let mut s = PhraseSet::new();
            for w in l {
                s.add(w, ());
            }
            s
        };
        Ok(AboutRules {
            cues,
            places: table,
            place_ids,
            before_ar: set(&kf.places.before_ar),
            after_en: set(&kf.places.after_en),
            before_en: set(&kf.places.before_en),
            prepositions_en: set(&kf.places.prepositions_en),
            speech: set(&kf.places.speech),
            weak_before_ar: set(&kf.places.weak_before_ar),
            weak_after_en: set(&kf.places.weak_after_en),
            stops: kf.places.stops.iter().map(|w| key(w)).collect(),
            name_heads: kf.places.name_heads_ar.iter().map(|w| key(w)).collect(),
            head_starts: kf
                .places
                .name_heads_ar
                .iter()
                .map(|w| {
                    let k = key(w);
                    let mut cs = k.chars();
                    [cs.next(), cs.next()]
                })
                .collect(),
            first_words,
            latin_only,
            country_names,
            kinds: kf.kind,
            totals: kf.total,
        })
    }

    /// The totals and their parts, in file order.
    pub fn totals(&self) -> &[TotalDef] {
        &self.totals
    }

    /// The kinds, in file order.
    pub fn kinds(&self) -> &[KindDef] {
        &self.kinds
    }

    /// True for a word of the stop list, with or without its proclitics.
    fn is_stop(&self, w: &str) -> bool {
        self.stops.contains(w) || self.stops.contains(bare(w))
    }

    /// True for a word of origin made from a gazetteer name (Pakistani,
    /// Iranian, Lebanese; تركية، ليبي، العراقيين): a people or an
    /// adjective, not a place.
    fn is_demonym(&self, w: &str) -> bool {
        if !w.is_ascii() {
            let w = bare(w);
            return ["يه", "ي", "يين", "يون"].iter().any(|suffix| {
                w.strip_suffix(suffix)
                    .filter(|stem| stem.chars().count() >= 2)
                    .is_some_and(|stem| {
                        ["", "ا", "يا", "يه"].iter().any(|end| {
                            let name = format!("{stem}{end}");
                            self.first_words.contains(&name)
                                || self.first_words.contains(&format!("ال{name}"))
                        })
                    })
            });
        }
        ["i", "ian", "n", "an", "ese", "ish"].iter().any(|suffix| {
            w.strip_suffix(suffix)
                .filter(|stem| stem.len() >= 3)
                .is_some_and(|stem| {
                    self.first_words.contains(stem)
                        || ["a", "e", "y"]
                            .iter()
                            .any(|v| self.first_words.contains(&format!("{stem}{v}")))
                })
        })
    }

    /// True when `w` is a head word with three letters or more glued to
    /// it (بنقردان).
    fn glued_head(&self, w: &str) -> bool {
        let mut cs = w.chars();
        let start = [cs.next(), cs.next()];
        // Heads are two to four letters long.
        self.head_starts.contains(&start)
            && w.char_indices().skip(2).take(3).any(|(at, _)| {
                w.get(..at).is_some_and(|h| self.name_heads.contains(h))
                    && w.get(at..).is_some_and(|r| r.chars().count() >= 3)
            })
    }

    /// The head of a two-word name that `w` is, without a proclitic
    /// (ببن → بن).
    fn name_head<'w>(&self, w: &'w str) -> Option<&'w str> {
        std::iter::once(w)
            .chain(["و", "ب", "ل", "ف"].iter().filter_map(|p| w.strip_prefix(p)))
            .find(|h| self.name_heads.contains(*h))
    }

    /// The token of a place's name opened by a head word at token `i`:
    /// after في or the proclitic ب "in", any two-word name (في بن قردان،
    /// ببن قردان، في رأس العين) and a name glued to its head that is a
    /// gazetteer place's Latin name (ببنقردان); anywhere else, a two-word
    /// or glued name that is one, of five letters or more (أحداث بنقردان).
    fn head_name_at(&self, k: &str, toks: &[isnad_text::Token], i: usize) -> Option<usize> {
        let w = toks.get(i)?.text(k);
        let word = |j: usize| {
            toks.get(j)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(k))
        };
        let head = |h: &str| self.name_heads.contains(h);
        let glued = |name: &str| self.glued_head(name) && self.latin_place(name).is_some();
        // Anywhere, a name of five letters or more: fewer, and a word with
        // a proclitic would pass (بنظري "in my view" is no بن ظري).
        let long = |name: &str| latin_key(name).chars().count() >= 5;
        let known_pair = |name: &str, j: usize| {
            head(name)
                && word(j + 1).is_some_and(|second| {
                    let pair = format!("{name} {}", bare(second));
                    long(&pair) && self.latin_place(&pair).is_some()
                })
        };
        if w == "في" {
            let name = word(i + 1)?;
            return (head(name) || glued(name)).then_some(i + 1);
        }
        if w.strip_prefix('ب').is_some_and(|name| head(name) || glued(name)) {
            return Some(i);
        }
        [w, strip_proclitic(w)]
            .iter()
            .any(|name| known_pair(name, i) || (self.glued_head(name) && long(name) && glued(name)))
            .then_some(i)
    }

    /// How often a two-word name (`head second`) occurs in the tokens:
    /// as two words, the head with or without a proclitic, or glued
    /// (بنقردان).
    fn compound_times(&self, k: &str, toks: &[isnad_text::Token], name: &str) -> usize {
        let Some((head, second)) = name.split_once(' ') else {
            return 0;
        };
        let glued = format!("{head}{second}");
        (0..toks.len())
            .filter(|&p| {
                let w = toks[p].text(k);
                let pair = self.name_head(w) == Some(head)
                    && toks.get(p + 1).is_some_and(|n| bare(n.text(k)) == second);
                pair || w == glued || w.strip_prefix(['و', 'ب', 'ل', 'ف']) == Some(glued.as_str())
            })
            .count()
    }

    /// The gazetteer place (its key) that an Arabic name it lacks
    /// transliterates, when just one does (بن قردان, Ben Gardane).
    fn latin_place(&self, w: &str) -> Option<&str> {
        if w.is_ascii() {
            return None;
        }
        let mut found: Vec<&str> = Vec::new();
        for &i in self.latin_only.get(&latin_key(w)).into_iter().flatten() {
            if let Some((id, _, _)) = self.place_ids.get(i)
                && !found.contains(&id.as_str())
            {
                found.push(id);
            }
        }
        match found[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    /// True when the word at `j` may be a place's name: a word, not of
    /// the stop list, the gazetteer or the place words.
    fn may_name(&self, k: &str, toks: &[isnad_text::Token], j: usize) -> bool {
        toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.is_stop(toks[j].text(k))
            && !self.is_demonym(toks[j].text(k))
            && !self.places.starts_at(k, toks, j)
            && !self.before_ar.starts_at(k, toks, j)
            && !self.weak_before_ar.starts_at(k, toks, j)
            && !self.after_en.starts_at(k, toks, j)
            && !self.before_en.starts_at(k, toks, j)
            && !self.prepositions_en.starts_at(k, toks, j)
    }

    /// What `text` is about.
    pub fn about(&self, text: &str) -> About {
        self.about_report(text, None)
    }

    /// What a report is about, given its outlet's name: a masthead (a
    /// line among the first three that is the outlet's name, `The Kelvar
    /// Courier`) names the outlet, not where anything happened, so its
    /// words count for nothing.
    pub fn about_report(&self, text: &str, outlet: Option<&str>) -> About {
        let n = Normalized::new(text);
        let toks = tokenize(n.as_str());
        self.about_report_of(text, outlet, &n, &toks)
    }

    /// As [`AboutRules::about_report`], for a text already normalised (`n`,
    /// from `text`) and tokenised (`toks`, from `n`): what ingesting reads
    /// again from the extraction's scratch.
    pub fn about_report_of(
        &self,
        text: &str,
        outlet: Option<&str>,
        n: &Normalized,
        toks: &[isnad_text::Token],
    ) -> About {
        let masthead = outlet.and_then(|o| masthead(text, o)).unwrap_or(0..0);
        let k = n.as_str();
        let word = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Word);
        let orig = |i: usize| -> &str {
            toks.get(i)
                .and_then(|t| text.get(n.to_input(t.range())))
                .unwrap_or("")
        };
        let capitalised = |i: usize| orig(i).starts_with(|c: char| c.is_uppercase());
        let mut kind_hits = vec![0usize; self.kinds.len()];
        // Gazetteer places: key -> (count, name as written, country, first
        // token, named only by its country's name: تونس, Tunisia or Tunis).
        let mut places: HashMap<String, (usize, String, bool, usize, bool)> = HashMap::new();
        // Other names: word key -> (strong spots, weak spots, name as written, first token).
        let mut unknown: HashMap<String, (usize, usize, String, usize)> = HashMap::new();
        // A dateline's place: the first word of a line, before a comma or
        // a dash ("KELVAR, Qarsan (Corvane) —", "كلفار - قرنا").
        for j in self.datelines(text, n, toks) {
            if self.may_name(k, toks, j)
                && let Some(t) = word(j)
            {
                let w = bare(t.text(k));
                let e = unknown
                    .entry(w.to_string())
                    .or_insert_with(|| (0, 0, title_case(orig(j)), j));
                e.0 += 1;
            }
        }
        // Counted for every word and only looked up: a fast hash.
        let mut occurrences: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        let mut compounds: Vec<String> = Vec::new();
        // Gazetteer places: key -> its country's code.
        let mut country_of: HashMap<String, String> = HashMap::new();
        // Where the last words of a press appearance end: a place within
        // SPOKEN_IN tokens after is where someone spoke.
        let mut speech_end: Option<usize> = None;
        let mut i = 0;
        while i < toks.len() {
            if !masthead.is_empty() && masthead.contains(&n.to_input(toks[i].range()).start) {
                i += 1;
                continue;
            }
            if let Some(t) = word(i) {
                *occurrences.entry(bare(t.text(k))).or_default() += 1;
            }
            if let Some(f) = self.speech.at(k, toks, i) {
                speech_end = Some(f.end);
            }
            let spoken = |j: usize| speech_end.is_some_and(|e| j >= e && j - e < SPOKEN_IN);
            if let Some(f) = self.cues.at(k, toks, i)
                && let Some(h) = kind_hits.get_mut(*f.value)
            {
                *h += 1;
            }
            if let Some(f) = self.places.at(k, toks, i)
                && !self.is_stop(toks[i].text(k))
                && toks[i].text(k).get(f.prefix..).is_some_and(|w| {
                    self.first_words.contains(w) || self.first_words.contains(&format!("ال{w}"))
                })
                && !(f.acronym && orig(i).chars().any(|c| c.is_lowercase()))
                && let Some((id, country, code)) = self.place_ids.get(*f.value)
            {
                let name = toks
                    .get(i)
                    .zip(toks.get(f.end.saturating_sub(1)))
                    .and_then(|(a, b)| text.get(n.to_input(a.range().start..b.range().end)))
                    .unwrap_or("");
                if !spoken(i) {
                    let shared = !*country
                        && f.end == i + 1
                        && toks[i]
                            .text(k)
                            .get(f.prefix..)
                            .is_some_and(|w| self.country_names.contains(w));
                    let e = places
                        .entry(id.clone())
                        .or_insert_with(|| (0, name.to_string(), *country, i, true));
                    e.0 += 1;
                    e.4 &= shared;
                    country_of.entry(id.clone()).or_insert_with(|| code.clone());
                }
                i = f.end.max(i + 1);
                continue;
            }
            // A name the gazetteer lacks, where a place's name stands:
            // (the token, strong).
            // The capitalised word before, past capitalised stop words
            // ("Kelvar Central Prison").
            let prev_cap = || {
                let mut j = i.checked_sub(1)?;
                while capitalised(j) && self.is_stop(toks[j].text(k)) {
                    j = j.checked_sub(1)?;
                }
                Some(j).filter(|&j| capitalised(j))
            };
            let cand = if let Some(f) = self.before_ar.at(k, toks, i) {
                Some((f.end, true))
            } else if let Some(f) = self.weak_before_ar.at(k, toks, i) {
                Some((f.end, false))
            } else if let Some(j) = self.head_name_at(k, toks, i) {
                Some((j, false))
            } else if self.prepositions_en.starts_at(k, toks, i) || self.before_en.starts_at(k, toks, i) {
                Some(i + 1).filter(|&j| capitalised(j)).map(|j| (j, true))
            } else if self.after_en.starts_at(k, toks, i) {
                prev_cap().map(|j| (j, true))
            } else if self.weak_after_en.starts_at(k, toks, i) {
                prev_cap().map(|j| (j, false))
            } else {
                None
            };
            // A name joined to this one by a dash names a place too (the
            // Ushtar–Kelvar road, طريق أوشتار-كلفار).
            let dash = |j: usize| toks.get(j).is_some_and(|t| matches!(t.text(k), "-" | "–" | "—"));
            let partner = cand.and_then(|(j, strong)| {
                let other = if j > i {
                    (dash(j + 1)).then_some(j + 2)
                } else {
                    j.checked_sub(2).filter(|_| dash(j - 1))
                }?;
                let latin = orig(other).is_ascii();
                (!latin || capitalised(other)).then_some((other, strong))
            });
            for (j, strong) in cand.into_iter().chain(partner) {
                if spoken(j) || !self.may_name(k, toks, j) {
                    continue;
                }
                let Some(t) = word(j) else { continue };
                // A name glued to the preposition "in" or to a
                // conjunction (ببنقردان، وبنقردان) is the name.
                let raw = match t.text(k) {
                    w if j == i && self.name_head(w).is_none() && !self.glued_head(w) => strip_proclitic(w),
                    w => w,
                };
                // A two-word name: its head and the word after it.
                let head = self.name_head(raw).filter(|_| j >= i);
                let second = head
                    .and_then(|_| word(j + 1))
                    .filter(|n| !self.is_stop(n.text(k)));
                let (w, name) = match (head, second) {
                    (Some(h), Some(n)) => (
                        format!("{h} {}", bare(n.text(k))),
                        format!("{} {}", orig(j), orig(j + 1)),
                    ),
                    _ => (bare(raw).to_string(), orig(j).to_string()),
                };
                // An Arabic word with the article is a common noun
                // (الحادث، المقاومة), unless it is a gazetteer place's
                // Latin name (محافظة الدوادمي, Ad Dawadimi).
                let definite = head.is_none()
                    && w.len() < raw.len()
                    && raw.ends_with(&w)
                    && !raw.is_ascii()
                    && self.latin_place(&w).is_none();
                if w.chars().count() >= 3 && !definite {
                    if head.is_some() {
                        compounds.push(w.clone());
                    }
                    let e = unknown.entry(w).or_insert_with(|| (0, 0, name, j));
                    if strong {
                        e.0 += 1;
                    } else {
                        e.1 += 1;
                    }
                }
            }
            i += 1;
        }
        let shared_only: std::collections::HashSet<String> = places
            .iter()
            .filter(|(_, e)| !e.2 && e.4)
            .map(|(key, _)| key.clone())
            .collect();
        let mut seen: Vec<(PlaceSeen, usize)> = places
            .into_iter()
            .map(|(key, (score, name, country, at, _))| {
                let p = PlaceSeen {
                    key,
                    name: name.trim().to_string(),
                    score,
                    strong: true,
                    country,
                };
                (p, at)
            })
            .collect();
        compounds.sort_unstable();
        compounds.dedup();
        let compound_times: HashMap<&str, usize> = compounds
            .iter()
            .take(MAX_COMPOUNDS)
            .map(|c| (c.as_str(), self.compound_times(k, toks, c)))
            .collect();
        // In text order: of two names with one skeleton, the first named
        // gives the place its name, whatever the hash map's order.
        let mut unknown: Vec<_> = unknown.into_iter().collect();
        unknown.sort_unstable_by(|(w, e), (v, f)| (e.3, w).cmp(&(f.3, v)));
        for (w, (strong, weak, name, at)) in unknown {
            let times = occurrences
                .get(w.as_str())
                .or_else(|| compound_times.get(w.as_str()))
                .copied()
                .unwrap_or(0)
                .max(strong + weak);
            // Found only after a weak word (هجوم بنظري), a name of five
            // letters or more.
            let bridged = self
                .latin_place(&w)
                .filter(|_| strong >= 1 || latin_key(&w).chars().count() >= 5);
            let (key, strong) = match bridged {
                Some(id) => {
                    if let Some((_, _, code)) = self.place_ids.iter().find(|p| p.0 == id) {
                        country_of.entry(id.to_string()).or_insert_with(|| code.clone());
                    }
                    (id.to_string(), true)
                }
                None => (format!("~{}", skeleton(&w)), strong >= 1 && times >= 2),
            };
            // A skeleton of two letters is too many words' (منع، أمن، يمين).
            if key.chars().count() < 4 {
                continue;
            }
            match seen.iter_mut().find(|(p, _)| p.key == key) {
                Some((p, first)) => {
                    p.score += times;
                    p.strong |= strong;
                    *first = (*first).min(at);
                }
                None => seen.push((
                    PlaceSeen {
                        key,
                        name: name.trim().to_string(),
                        score: times,
                        strong,
                        country: false,
                    },
                    at,
                )),
            }
        }
        as_countries(&mut seen, &shared_only, &mut country_of);
        // Smaller places first, then the most named, then strong ones, then
        // the first named.
        // A place in a country the report never names, where it names
        // others, is likelier a namesake (Omran in Yemen, in a report of
        // Iraq and Iran): one mention less.
        let named: std::collections::HashSet<&str> = seen
            .iter()
            .filter(|(p, _)| p.country)
            .filter_map(|(p, _)| country_of.get(&p.key).map(String::as_str))
            .collect();
        let foreign = |p: &PlaceSeen| {
            !p.country
                && !named.is_empty()
                && country_of
                    .get(&p.key)
                    .is_some_and(|c| !named.contains(c.as_str()))
        };
        let rank = |p: &PlaceSeen| p.score.saturating_sub(usize::from(foreign(p)));
        seen.sort_by(|(a, at), (b, bt)| {
            (a.country, std::cmp::Reverse(rank(a)), foreign(a), !a.strong, at).cmp(&(
                b.country,
                std::cmp::Reverse(rank(b)),
                foreign(b),
                !b.strong,
                bt,
            ))
        });
        let mut seen: Vec<PlaceSeen> = seen.into_iter().map(|(p, _)| p).collect();
        seen.truncate(MAX_PLACES);
        let mut kinds: Vec<(String, usize)> = kind_hits
            .iter()
            .zip(&self.kinds)
            .filter(|(h, _)| **h > 0)
            .map(|(h, k)| (k.id.clone(), *h))
            .collect();
        kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
        About {
            places: seen,
            kinds,
            date: None,
            parts: Vec::new(),
        }
    }

    /// The stretches of `text` that each name their own place ([`Part`]),
    /// given what the whole report is about (`whole`: a paragraph's place
    /// counts when it is one of the report's places, or named twice in the
    /// paragraph).
    /// A country opens no stretch: it names a war, not a front. Empty when
    /// the report has fewer than two stretches.
    pub fn parts(&self, text: &str, whole: &About) -> Vec<Part> {
        // The places the whole report names; a paragraph's other places
        // count when it names them twice (a pronoun that spells a town's
        // name once, عنه, is no front).
        let known: std::collections::HashSet<&str> = whole
            .places
            .iter()
            .filter(|p| p.strong && !p.country)
            .map(|p| p.key.as_str())
            .collect();
        let mut parts: Vec<Part> = Vec::new();
        for r in paragraphs(text) {
            let Some(p) = text.get(r.clone()) else { continue };
            let a = self.about(p);
            let places: Vec<(String, String)> = a
                .places
                .into_iter()
                .filter(|q| !q.country && (known.contains(q.key.as_str()) || (q.strong && q.score >= 2)))
                .map(|q| (q.key, q.name))
                .collect();
            let opens = match (parts.last(), places.first()) {
                (None, _) => true,
                (Some(last), Some(q)) => last.places.first().map(|l| &l.0) != Some(&q.0),
                (Some(_), None) => false,
            };
            if opens {
                parts.push(Part {
                    span: (r.start, r.end),
                    places,
                    kinds: a.kinds,
                });
            } else if let Some(last) = parts.last_mut() {
                last.span.1 = r.end;
                for q in places {
                    if !last.places.iter().any(|l| l.0 == q.0) {
                        last.places.push(q);
                    }
                }
                for (k, n) in a.kinds {
                    match last.kinds.iter_mut().find(|(id, _)| *id == k) {
                        Some((_, m)) => *m += n,
                        None => last.kinds.push((k, n)),
                    }
                }
                last.kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
            }
        }
        if parts.len() < 2 {
            parts.clear();
        }
        parts
    }
}

impl AboutRules {
    /// The tokens that open a dateline: the first word of one of the first
    /// lines, followed by a comma or a dash, written in capitals when Latin;
    /// or a headline's topic, the first word of a line before a colon.
    fn datelines(&self, text: &str, n: &Normalized, toks: &[isnad_text::Token]) -> Vec<usize> {
        let k = n.as_str();
        let mut out = Vec::new();
        let mut line_start = true;
        for (i, t) in toks.iter().enumerate() {
            let start = n.to_input(t.range()).start;
            if i > 0 {
                let prev_end = toks.get(i - 1).map_or(0, |p| n.to_input(p.range()).end);
                line_start = text.get(prev_end..start).is_some_and(|gap| gap.contains('\n'));
            }
            if start > 2000 {
                break;
            }
            if !line_start || t.kind != TokenKind::Word {
                continue;
            }
            let w = text.get(n.to_input(t.range())).unwrap_or("");
            let latin = w.chars().any(|c| c.is_ascii_alphabetic());
            let next = toks.get(i + 1).map(|t| t.text(k));
            // A headline's topic: "Harbash: what we know", "كلفار: …".
            if next == Some(":") && (!latin || w.starts_with(|c: char| c.is_uppercase())) {
                out.push(i);
                continue;
            }
            if latin && !(w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase())) {
                continue;
            }
            if matches!(next, Some("," | "-" | "—" | "–" | "،")) {
                out.push(i);
            }
        }
        out
    }
}

/// The bytes of `text`'s masthead: a line among its first three that is
/// `outlet`'s name (compared by match key).
fn masthead(text: &str, outlet: &str) -> Option<std::ops::Range<usize>> {
    let want = key(outlet);
    if want.trim().is_empty() {
        return None;
    }
    let mut start = 0;
    for line in text
        .split_inclusive('\n')
        .filter(|l| !l.trim().is_empty())
        .take(3)
    {
        let at = text.get(start..)?.find(line)? + start;
        if key(line.trim()) == want.trim() {
            return Some(at..at + line.len());
        }
        start = at + line.len();
    }
    None
}

/// The index of [`AboutRules`]' `latin_only`: skeletons of four letters
/// or more, of the names of the cities and regions that have no Arabic
/// name, each without a leading article (`Ad Dawādimī`, `Al-Khārijah`).
fn latin_only(places: &[PlaceDef]) -> HashMap<String, Vec<usize>> {
    const ARTICLES: [&str; 12] = [
        "al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ag",
    ];
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    let arabic = |n: &str| n.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
    for (i, p) in places.iter().enumerate() {
        if p.kind == "country" || p.names.iter().any(|n| arabic(n)) {
            continue;
        }
        for n in &p.names {
            let rest = n
                .split_once([' ', '-'])
                .filter(|(a, _)| ARTICLES.contains(&a.to_lowercase().as_str()))
                .map_or(n.as_str(), |(_, r)| r);
            let s = latin_key(rest);
            if s.chars().count() >= 4 {
                let e = index.entry(s).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        }
    }
    index
}

/// Named only by its country's name (`shared_only`), beside another place
/// of that country, a city or region is the country: تونس in a report of
/// بن قردان is Tunisia, not Tunis.
fn as_countries(
    seen: &mut Vec<(PlaceSeen, usize)>,
    shared_only: &std::collections::HashSet<String>,
    country_of: &mut HashMap<String, String>,
) {
    let inside: std::collections::HashSet<String> = seen
        .iter()
        .filter(|(p, _)| !p.country && !shared_only.contains(&p.key))
        .filter_map(|(p, _)| country_of.get(&p.key).cloned())
        .collect();
    let mut i = 0;
    while i < seen.len() {
        let code = Some(&seen[i].0)
            .filter(|p| shared_only.contains(&p.key))
            .and_then(|p| country_of.get(&p.key))
            .filter(|c| inside.contains(*c))
            .cloned();
        let Some(code) = code else {
            i += 1;
            continue;
        };
        let (p, at) = seen.remove(i);
        match seen.iter_mut().find(|(q, _)| q.key == code) {
            Some((q, first)) => {
                q.score += p.score;
                *first = (*first).min(at);
            }
            None => seen.push((
                PlaceSeen {
                    key: code.clone(),
                    country: true,
                    ..p
                },
                at,
            )),
        }
        country_of.entry(code.clone()).or_insert(code);
    }
}

/// A word without one proclitic (و، ب، ل، ف) when three letters or more
/// remain; other words as they are.
fn strip_proclitic(w: &str) -> &str {
    w.strip_prefix(['و', 'ب', 'ل', 'ف'])
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w)
}

/// The key a name meets the Latin-only places by: its [`skeleton`]
/// without a final h, which one spelling writes and another does not
/// (ترهونة, Tarhuna; الخارجة, Al-Khārijah).
fn latin_key(name: &str) -> String {
    let mut s = skeleton(name);
    if s.ends_with('h') {
        s.pop();
    }
    s
}

/// `KELVAR` as `Kelvar`; other words as they are.
fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) if w.chars().all(|c| c.is_uppercase()) => f.to_string() + &cs.as_str().to_lowercase(),
        _ => w.to_string(),
    }
}

/// A word without the Arabic article and the proclitics before it
/// (والكلفار → كلفار); other words as they are.
fn bare(w: &str) -> &str {
    for p in ["وال", "فال", "بال", "كال", "لل", "ال"] {
        if let Some(r) = w.strip_prefix(p)
            && r.chars().count() >= 3
        {
            return r;
        }
    }
    w
}

/// A transliteration key: the consonants of a name, Arabic or Latin, each
/// folded to one Latin letter, long vowels and doubled letters left out, so
/// that `Kelvar` and `كلفار`, `Harbash` and `حربش` meet (`klfr`, `hrbs`).
pub fn skeleton(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w
        .strip_prefix("al-")
        .or_else(|| w.strip_prefix("el-"))
        .unwrap_or(&w)
        .to_string();
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // Latin digraphs for one Arabic letter.
        let (folded, used) = match (c, next) {
            ('s' | 'c', Some('h')) => (Some('s'), 2),
            ('k', Some('h')) => (Some('k'), 2),
            ('t' | 'd', Some('h')) => (Some(c), 2),
            ('g', Some('h')) => (Some('k'), 2),
            ('p', Some('h')) => (Some('f'), 2),
            _ => (fold(c), 1),
        };
        // n before b is said, and often written, m (شعانبي, Chaambi).
        if folded == Some('b') && out.ends_with('n') {
            out.pop();
            out.push('m');
        }
        if let Some(f) = folded
            && !out.ends_with(f)
        {
            out.push(f);
        }
        i += used;
    }
    out
}

/// One letter folded: consonants to a Latin class, vowels and letters that
/// write vowels (ا و ي, a e i o u w y, and ع ء) to nothing.
fn fold(c: char) -> Option<char> {
    Some(match c {
        'b' | 'p' | 'ب' | 'پ' => 'b',
        't' | 'ت' | 'ط' | 'ث' => 't',
        'd' | 'د' | 'ض' | 'ذ' => 'd',
        'h' | 'ح' | 'ه' => 'h',
        // One class for the letters that spellings trade: ج is j, g
        // (Egypt) and c (Turkey, Suruç, Ceylanpınar); ق is q, k and g
        // (the Maghreb and the Gulf, Ben Gardane); غ is gh and g.
        'k' | 'q' | 'c' | 'ç' | 'g' | 'j' | 'ك' | 'ق' | 'خ' | 'ج' | 'غ' | 'گ' | 'ğ' | 'ǧ' => 'k',
        'r' | 'ر' => 'r',
        'z' | 'ز' | 'ظ' => 'z',
        's' | 'س' | 'ش' | 'ص' => 's',
        'f' | 'v' | 'ف' | 'ڤ' => 'f',
        'l' | 'ل' => 'l',
        'm' | 'م' => 'm',
        'n' | 'ن' => 'n',
        'x' => 's',
        'ţ' | 'ṭ' => 't',
        'ḩ' | 'ḥ' => 'h',
        'ş' | 'ṣ' | 'š' | 'č' => 's',
        'ḑ' | 'ḍ' => 'd',
        'ẓ' | 'ž' => 'z',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_load() {
        assert!(!rules().kinds().is_empty());
    }

    #[test]
    fn a_bad_kinds_file_is_refused_with_the_reason() {
        let places = "[[place]]\nid = \"x\"\nkind = \"city\"\nnames = [\"X\"]\n";
        let words = "[places]\nbefore_ar = []\nafter_en = []\nbefore_en = []\nprepositions_en = []\n\
                     weak_before_ar = []\nweak_after_en = []\nstops = []\n";
        let rows: &[(&str, &str)] = &[
            (
                "[[kind]]\nid = \"a\"\nen = \"A\"\nar = \"\"\ncues = [\"x\"]\n",
                "Arabic label",
            ),
            (
                "[[kind]]\nid = \"a\"\nen = \"A\"\nar = \"ا\"\ncues = []\n",
                "no cues",
            ),
            (
                "[[kind]]\nid = \"a\"\nen = \"A\"\nar = \"ا\"\ncues = [\"x\"]\n[[kind]]\nid = \"a\"\nen = \"A\"\nar = \"ا\"\ncues = [\"y\"]\n",
                "twice",
            ),
            (
                "[[kind]]\nid = \"a\"\nen = \"A\"\nar = \"ا\"\ncue = [\"x\"]\n",
                "cue",
            ),
        ];
        for (i, (kinds, why)) in rows.iter().enumerate() {
            let e = AboutRules::parse(&format!("{kinds}{words}"), places).err();
            assert!(
                e.as_ref().is_some_and(|e| e.to_string().contains(why)),
                "row {i}: {e:?}"
            );
        }
        let bad_place = "[[place]]\nid = \"x\"\nkind = \"planet\"\nnames = [\"X\"]\n";
        let kinds = "[[kind]]\nid = \"a\"\nen = \"A\"\nar = \"ا\"\ncues = [\"x\"]\n";
        let e = AboutRules::parse(&format!("{kinds}{words}"), bad_place).err();
        assert!(e.is_some_and(|e| e.file() == "places.toml"));
    }

    #[test]
    fn arabic_and_latin_spellings_of_a_name_share_a_key() {
        let rows: &[(&str, &str)] = &[
            ("Kelvar", "كلفار"),
            ("Harbash", "حربش"),
            ("Tamrit", "تمريت"),
            ("Zaftun", "زفتون"),
            ("Ushtar", "أوشتار"),
            ("Sardun", "سردون"),
            ("al-Qaryatain", "القريتين"),
        ];
        for (i, (en, ar)) in rows.iter().enumerate() {
            assert_eq!(skeleton(en), skeleton(bare(ar)), "row {i}: {en} / {ar}");
        }
    }

    static RULES: std::sync::LazyLock<AboutRules> = std::sync::LazyLock::new(AboutRules::builtin);

    fn rules() -> &'static AboutRules {
        &RULES
    }

    #[test]
    fn a_verb_adjective_or_function_word_after_a_place_word_is_never_a_place() {
        // Each row: a report, and the word after a place word that is no name.
        let rows: &[(&str, &str)] = &[
            (
                "قال مسؤول إن سجن يقع تحت الحراسة. وأضاف أن سجن يقع قرب الحدود ولا يقع الحادث.",
                "يقع",
            ),
            ("سجن كشف عن فرار 20 سجينا، وكشف مدير سجن كشف الأمر.", "كشف"),
            (
                "هاجم مسلحون سجن المركزي ليلا. وقتل 5 حراس في السجن المركزي.",
                "المركزي",
            ),
            (
                "Gunmen attacked the prison in March. In March the prison held 300 inmates.",
                "March",
            ),
            (
                "Fighters stormed the Central Prison. Central Prison guards fled, Central officials said.",
                "Central",
            ),
            (
                "سقط 12 قتيلا في مدينة التي شهدت قتالا. وقالت مصادر في مدينة التي تحاصرها القوات.",
                "التي",
            ),
            (
                "Police in The capital said the prison and the camp were attacked, in The end.",
                "The",
            ),
        ];
        for (i, (text, not_a_place)) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert!(a.places.iter().all(|p| p.name != *not_a_place), "row {i}: {a:?}");
        }
    }

    #[test]
    fn a_report_names_its_place_in_either_language() {
        let rows: &[(&str, &str)] = &[
            // A gazetteer city, in Arabic and in English: one id.
            ("قتل 15 شخصا في تفجير انتحاري استهدف مسجدا في أبها.", "SA."),
            ("A suicide bomber killed 15 people at a mosque in Abha.", "SA."),
            // A name the gazetteer lacks, twice, once after a place word.
            (
                "هاجم مسلحون سجن كلفار المركزي فجرا. وفر من كلفار 200 سجين.",
                "~klfr",
            ),
            (
                "Gunmen attacked Kelvar prison at dawn. In Kelvar, 200 inmates fled.",
                "~klfr",
            ),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert!(a.place().is_some_and(|p| p.starts_with(want)), "row {i}: {a:?}");
        }
        let ar = rules().about(rows[0].0);
        let en = rules().about(rows[1].0);
        assert_eq!(ar.place(), en.place());
    }

    #[test]
    fn names_joined_by_a_dash_to_a_place_name_are_places_and_a_masthead_is_none() {
        // Each row: a report, its outlet, the place it is about.
        let rows: &[(&str, Option<&str>, &str)] = &[
            (
                "The Kelvar Courier\n\nGunmen ambushed a convoy on the Ushtar–Kelvar road. Ushtar elders said 9 died.",
                Some("The Kelvar Courier"),
                "~str",
            ),
            (
                "نصب مسلحون كمينا على طريق أوشتار-كلفار. وقال شيوخ أوشتار إن 9 قتلوا.",
                None,
                "~str",
            ),
        ];
        for (i, (text, outlet, want)) in rows.iter().enumerate() {
            let a = rules().about_report(text, *outlet);
            assert_eq!(a.place(), Some(*want), "row {i}: {a:?}");
        }
        // Without its outlet, the masthead is one more mention of Kelvar.
        let kelvar = |outlet| {
            let a = rules().about_report(rows[0].0, outlet);
            a.places.iter().find(|p| p.key == "~klfr").map(|p| p.score)
        };
        assert_eq!((kelvar(None), kelvar(rows[0].1)), (Some(2), Some(1)));
    }

    #[test]
    fn of_two_spellings_of_one_name_the_first_written_names_the_place() {
        // "Kelvar" and "Khelvar" share the key ~klfr: the report's first
        // spelling is the place's name on every run, whatever the order of
        // a hash map (each map is seeded afresh, so repeating shows it).
        let text = "Gunmen attacked a checkpoint in Kelvar on Monday. Police in Khelvar said 5 were killed. Kelvar is calm.";
        for _ in 0..32 {
            let a = rules().about_report(text, None);
            let p = a.places.iter().find(|p| p.key == "~klfr").expect("~klfr");
            assert_eq!(p.name, "Kelvar", "{a:?}");
        }
    }

    #[test]
    fn a_headlines_topic_before_a_colon_is_a_place_and_a_label_is_not() {
        // Each row: a report, the place it is about.
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Harbash: what we know\n\nA source said 60 detainees got out of the camp.",
                Some("~hrbs"),
            ),
            ("حربش: ما نعرفه\n\nقال مصدر إن 60 محتجزا فروا.", Some("~hrbs")),
            (
                "Exclusive: what we know\n\nA source said 60 detainees got out.",
                None,
            ),
            (
                "Analysis: what we know\n\nA source said 60 detainees got out.",
                None,
            ),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert_eq!(a.places.first().map(|p| p.key.as_str()), *want, "row {i}: {a:?}");
        }
    }

    #[test]
    fn a_two_word_arabic_name_is_one_place_however_it_is_written() {
        let a = rules().about("اشتباكات وسط مدينة بن سلوقة، وسجل مستشفى ببن سلوقة 3 قتلى في أحداث بنسلوقة.");
        let p = a.places.first();
        assert_eq!(
            p.map(|p| (p.key.as_str(), p.name.as_str(), p.score)),
            Some(("~bnslkh", "بن سلوقة", 3)),
            "{a:?}"
        );
    }

    #[test]
    fn an_arabic_name_meets_the_place_the_gazetteer_writes_only_in_latin_letters() {
        // Each row: an Arabic report, an English one about the same place.
        let rows: &[(&str, &str)] = &[
            (
                "اشتباكات عنيفة وسط مدينة بن قردان، وقال مسؤول إن 5 قتلوا.",
                "Clashes in Ben Gardane left 5 dead, an official said.",
            ),
            (
                "قتل 3 أشخاص في بن قردان حسب مصدر طبي.",
                "Three people were killed in Ben Gardane, a medical source said.",
            ),
            (
                "أصيب شرطيان في هجوم على دورية في مدينة سنورس.",
                "Two policemen were hurt in an attack on a patrol in Sinnuris.",
            ),
            (
                "قتل 9 مسلحين في وادي الربايع ببنقردان حسب بلاغ مشترك.",
                "Nine gunmen were killed near Ben Gardane, a joint statement said.",
            ),
            (
                "بدأت محاكمة المتهمين في أحداث بنقردان التي قتل فيها 12 عسكريا.",
                "The trial began of those accused in the Ben Gardane attack that killed 12 soldiers.",
            ),
            (
                "قتل مدني في قصف على مدينة ترهونة.",
                "A civilian was killed in shelling of Tarhuna.",
            ),
        ];
        for (i, (ar, en)) in rows.iter().enumerate() {
            let a = rules().about(ar);
            let e = rules().about(en);
            let key = |x: &About| x.places.first().map(|p| p.key.clone());
            assert_eq!(key(&a), key(&e), "row {i}: {a:?} {e:?}");
            assert!(key(&a).is_some_and(|k| !k.starts_with('~')), "row {i}: {a:?}");
        }
        // A name no Latin-only place transliterates keeps its own key.
        let a = rules().about("قتل 3 أشخاص في مدينة بن سلوقة وفي مدينة بن سلوقة جرح آخرون.");
        assert_eq!(a.places.first().map(|p| p.key.as_str()), Some("~bnslkh"), "{a:?}");
    }

    #[test]
    fn spellings_of_one_name_across_languages_share_a_skeleton() {
        // Each row: spellings of one place's name, in Arabic and Latin letters.
        let rows: &[&[&str]] = &[
            &["Kelvar", "كلفار", "KELVAR"],
            &["Harbash", "حربش"],
            &["Suruc", "Suruç", "سروج"],
            &["Ghwayran", "غويران", "Guweiran"],
            &["Gafsa", "قفصة", "Qafsa"],
            &["Chaambi", "Shaambi", "شعانبي"],
        ];
        for (i, names) in rows.iter().enumerate() {
            let keys: Vec<String> = names.iter().map(|n| latin_key(n)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "row {i}: {keys:?}");
        }
        assert_ne!(skeleton("Kelvar"), skeleton("Harbash"));
    }

    #[test]
    fn a_country_s_name_beside_a_place_of_that_country_is_the_country() {
        let medenine = rules().about("ولاية مدنين").places[0].key.clone();
        let tunis = rules().about("Tunis").places[0].key.clone();
        // Each row: a report, the place it is about.
        let rows: &[(&str, &str)] = &[
            (
                "قالت تونس إن 12 قتلوا في بنقردان. وأكدت السلطات في تونس أن الهجوم على بنقردان فشل، وتونس تحقق.",
                medenine.as_str(),
            ),
            // Alone, the name is the capital's.
            (
                "انفجرت حافلة في تونس وقتل 12. وأعلنت تونس الحداد.",
                tunis.as_str(),
            ),
            // Beside a place of another country, too.
            ("قال مسؤول في الكويت إن 5 من الموصل قتلوا.", "KW.02"),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert_eq!(
                a.places.first().map(|p| p.key.as_str()),
                Some(*want),
                "row {i}: {a:?}"
            );
        }
    }

    #[test]
    fn where_someone_spoke_to_the_press_is_not_where_it_happened() {
        let homs = rules().about("Homs").places[0].key.clone();
        let damascus = rules().about("Damascus").places[0].key.clone();
        // Each row: a report about Homs.
        let rows: &[&str] = &[
            "قتل 12 في تفجير في مدينة حمص. وتحدث الوزير لصحافيين في دمشق عن التحقيق، وقال للصحفيين في دمشق إن الحصيلة سترتفع.",
            "A car bomb killed 12 in Homs. The minister told reporters in Damascus the toll would rise, \
             and at a news conference in Damascus he blamed the rebels.",
        ];
        for (i, text) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert_eq!(a.places.first().map(|p| &p.key), Some(&homs), "row {i}: {a:?}");
            assert!(a.places.iter().all(|p| p.key != damascus), "row {i}: {a:?}");
        }
    }

    #[test]
    fn function_words_and_adjectives_of_origin_are_no_places() {
        // Each row: a report that names no place.
        let rows: &[&str] = &[
            "قتل شرطيان في بلدة تركية قرب الحدود، وفي بلدة تركية أخرى جرح ثالث.",
            "وقال إن الهجوم بنظري عمل جبان قتل فيه 3.",
            "نقل عنه مصدر أن 3 قتلوا، وكشف عنه آخر أن 5 جرحوا.",
            "قتل 4 في منطقة ومنع التجول في منطقة ومنع السفر.",
        ];
        for (i, text) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert!(a.places.iter().all(|p| !p.strong), "row {i}: {a:?}");
        }
    }

    #[test]
    fn peoples_are_no_places_and_namesakes_abroad_lose_to_places_of_named_countries() {
        // Each row: a report, the place it is about.
        let rows: &[(&str, &str)] = &[
            // "Pakistani" and "Afghan" name peoples; Waziristan is the place.
            (
                "Afghan jets hit Pakistani villages in North Waziristan. Pakistani officials in Pakistani towns said 20 died.",
                "hand:waziristan",
            ),
            // Omran of Yemen, in a report of Iraq and Iran: Iraqi Kurdistan.
            (
                "Iran said its forces took heights near Omran in Iraqi Kurdistan. Iraq denied it; Iran said 200 died.",
                "hand:kurdistan-region",
            ),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            let a = rules().about(text);
            assert_eq!(a.place(), Some(*want), "row {i}: {a:?}");
        }
    }

    #[test]
    fn a_city_wins_over_the_country_around_it() {
        let a = rules().about("Saudi Arabia said a bomb in Abha killed 15. Saudi Arabia mourned.");
        // Abha, grouped with its region (Asir), not Saudi Arabia.
        assert_eq!(a.place(), Some("SA.11"), "{a:?}");
    }

    #[test]
    fn the_kind_is_the_one_whose_cues_the_report_uses_most() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "A suicide bomber blew himself up; the blast killed 15.",
                Some("bombing"),
            ),
            ("هاجم مسلحون السجن وفر 200 سجين من السجن.", Some("prison_attack")),
            (
                "Gunmen abducted 14 aid workers; the hostages were freed.",
                Some("abduction"),
            ),
            ("اشتباكات عنيفة ومعارك في محيط المدينة.", Some("battle")),
            (
                "Artillery shelling and mortar rounds hit the town.",
                Some("shelling"),
            ),
            ("The council met on Monday.", None),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            assert_eq!(rules().about(text).kind(), *want, "row {i}");
        }
    }

    #[test]
    fn a_weekday_is_the_last_such_day_on_or_before_publication() {
        // Each row: the publication, the weekday, the day meant.
        let rows: &[(&str, u8, Option<&str>)] = &[
            // 2031-07-18 is a Friday.
            ("2031-07-18", 4, Some("2031-07-17")),
            ("2031-07-18", 5, Some("2031-07-18")),
            ("2031-07-18", 6, Some("2031-07-12")),
            ("2031-07-18T09:00:00Z", 1, Some("2031-07-14")),
            ("2031-07-18", 0, None),
            ("July 18", 4, None),
        ];
        for (i, (published, weekday, want)) in rows.iter().enumerate() {
            assert_eq!(last_weekday(published, *weekday).as_deref(), *want, "row {i}");
        }
    }

    #[test]
    fn paragraphs_end_at_line_breaks_and_at_wide_gaps() {
        // Each row: a text, its paragraphs.
        let rows: &[(&str, &[&str])] = &[
            ("One. Two.\nThree.", &["One. Two.", "Three."]),
            ("One.   Two.  Still two.", &["One.", "Two.  Still two."]),
            ("One. \u{a0} Two.", &["One.", "Two."]),
            ("\n\nOne.\r\n\r\nTwo.\n", &["One.", "Two."]),
            ("", &[]),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            let got: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, *want, "row {i}");
        }
    }

    #[test]
    fn a_roundups_parts_each_name_their_place() {
        // Each row: a report, and the first place of each of its parts
        // ("" for an opening that names none); no parts for a report of
        // one place.
        let rows: &[(&str, &[&str])] = &[
            (
                "Fighting went on across the country on Sunday.\n\
                 In Marib, tribesmen said 12 fighters died.\n\
                 Another 4 were wounded there.\n\
                 In Aden, shelling killed 3 civilians.",
                &["", "YE.", "YE."],
            ),
            (
                "قتل 9 مسلحين في مواجهات بمحافظة مأرب.   كما أصيب 5 آخرون.   \
                 وفي عدن، قتل 3 مدنيين في قصف.",
                &["YE.", "YE."],
            ),
            (
                "A bomb hit a market in Kirkuk.\nPolice in Kirkuk said 9 died.",
                &[],
            ),
        ];
        for (i, (text, want)) in rows.iter().enumerate() {
            let whole = rules().about(text);
            let parts = rules().parts(text, &whole);
            let got: Vec<&str> = parts
                .iter()
                .map(|p| p.places.first().map_or("", |(k, _)| k.as_str()))
                .collect();
            assert_eq!(got.len(), want.len(), "row {i}: {parts:?}");
            for (g, w) in got.iter().zip(want.iter()) {
                assert!(g.starts_with(w), "row {i}: {parts:?}");
            }
        }
        // The parts of the first row: Marib's runs on to the paragraph
        // that names no place; the opening holds no place.
        let text = rows[0].0;
        let parts = rules().parts(text, &rules().about(text));
        let texts: Vec<&str> = parts.iter().map(|p| &text[p.span.0..p.span.1]).collect();
        assert!(texts[1].starts_with("In Marib") && texts[1].ends_with("wounded there."));
        assert_ne!(parts[1].places.first(), parts[2].places.first());
    }

    #[test]
    fn the_stored_target_is_json_of_places_and_kinds() {
        let a = rules().about("Gunmen attacked Kelvar prison. Inmates fled Kelvar.");
        let t = a.to_target().unwrap_or_default();
        assert!(
            t.starts_with(r#"{"places":[{"key":"~klfr","name":"Kelvar""#),
            "{t}"
        );
        assert!(t.contains(r#""kinds":[["prison_attack","#), "{t}");
        assert_eq!(About::default().to_target(), None);
    }
}
