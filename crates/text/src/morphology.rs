//! The one inventory of Arabic clitics and affixes.
//!
//! Every place that matches an inflected word takes its affixes from here:
//! the clitic readings ([`crate::clitic`]), the search analyzer
//! ([`crate::analyze`]), the month names ([`crate::calendar`]), the phrase
//! tables ([`crate::phrase`]) and the number vocabulary (`isnad-extract`).
//! Each of them wants a different part of the inventory, so each has its own
//! [`Rules`] (which proclitic sequences it accepts) and [`SuffixRules`]
//! (which endings), written below as data, side by side, with the reason for
//! every exception.
//!
//! A proclitic sequence is, in this order and each part optional:
//!
//! 1. a conjunction ([`CONJUNCTIONS`]: و ف);
//! 2. a preposition ([`PREPOSITIONS`]: ب ل ك), or the future prefix س
//!    ([`FUTURE`]) for the readers that take verbs;
//! 3. the article ([`ARTICLE`]: ال), which after ل loses its alef
//!    ([`LAM_ARTICLE`]: ل + ال = لل).
//!
//! Behind the stem stand the attached pronouns ([`PRONOUNS`]), and on nouns
//! and verbs their endings ([`NOUN_ENDINGS`], [`VERB_ENDINGS`]).
//!
//! The sets are built once, at first use, in a fixed order ([`Proclitics`]):
//! the order each user's lists had before they shared this inventory, where
//! that user's output could depend on it. The tests hold every use to its
//! old list.
//!
//! ```
//! use isnad_text::morphology::{self, NUMBERS};
//! let all: Vec<&str> = NUMBERS.iter().map(|p| p.text()).collect();
//! assert!(all.contains(&"وبال"));
//! assert!(!all.iter().any(|p| p.contains('ك'))); // كمية is no ك + مئة
//! assert_eq!(morphology::PHRASE_VERBS.iter().count(), 3); // "", و, ف
//! ```

use std::sync::LazyLock;

/// The conjunctions that open a proclitic sequence.
pub const CONJUNCTIONS: &[&str] = &["و", "ف"];
/// The prepositions that follow a conjunction.
pub const PREPOSITIONS: &[&str] = &["ب", "ل", "ك"];
/// The future prefix of a verb, in a preposition's place (وسيخرج).
pub const FUTURE: &str = "س";
/// The article.
pub const ARTICLE: &str = "ال";
/// ل + ال as Arabic writes it, the alef elided (للسجناء).
pub const LAM_ARTICLE: &str = "لل";
/// The attached pronouns: third, second and first person.
pub const PRONOUNS: &[&str] = &["ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "نا"];
/// The endings of the sound plurals and of the dual, with the ت of a
/// feminine (سيارتين) and the ي of a nisba (سوريين) before them.
pub const NOUN_ENDINGS: &[&str] = &["ات", "ون", "ين", "ان", "تان", "تين", "يين"];
/// Endings of the past verb: the dual ا, the plural وا, and ت.
pub const VERB_ENDINGS: &[&str] = &["ا", "وا", "ت"];

/// Whether a use takes the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Article {
    /// Never: verbs, and words that are never definite.
    Never,
    /// With or without it.
    Optional,
}

/// When a conjunction may stand before a preposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stacking {
    /// Always (وب، وبال).
    Always,
    /// Only together with the article (وبال, not وب).
    WithArticle,
}

/// Which proclitic sequences one use accepts.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// The conjunctions it takes (of [`CONJUNCTIONS`]).
    pub conjunctions: &'static [&'static str],
    /// What it takes in the preposition's place (of [`PREPOSITIONS`],
    /// [`FUTURE`] and, for a reader that also splits an article after it,
    /// [`LAM_ARTICLE`]).
    pub prepositions: &'static [&'static str],
    /// Whether it takes the article.
    pub article: Article,
    /// When a conjunction and a preposition go together.
    pub stacking: Stacking,
    /// ل + ال is written لل, as Arabic writes it. When false, ل and ال are
    /// two parts like any others (لال), for a reader that splits loosely.
    pub elide_lam: bool,
    /// Sequences the rules make that this use refuses.
    pub except: &'static [&'static str],
    /// Sequences the rules do not make that this use accepts.
    pub extra: &'static [&'static str],
}

/// One proclitic sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proclitic {
    text: String,
    article: u8,
    conjunction: Option<char>,
}

impl Proclitic {
    fn new(text: String) -> Proclitic {
        let article = if text.ends_with(ARTICLE) {
            ARTICLE.len()
        } else if text.ends_with(LAM_ARTICLE) {
            // The second ل stands for the article.
            "ل".len()
        } else {
            0
        };
        let conjunction = text
            .chars()
            .next()
            .filter(|c| CONJUNCTIONS.iter().any(|k| k.starts_with(*c)));
        Proclitic {
            text,
            article: article as u8,
            conjunction,
        }
    }

    /// The sequence as written (`وبال`), empty for the bare word.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Bytes of the article at its end (ال, or the second ل of لل), 0 when
    /// it has none.
    pub fn article(&self) -> usize {
        self.article as usize
    }

    /// True when it ends with the article.
    pub fn is_definite(&self) -> bool {
        self.article > 0
    }

    /// Bytes before the article (all of it when there is none).
    pub fn before_article(&self) -> usize {
        self.text.len() - self.article()
    }

    /// The conjunction it opens with, if any.
    pub fn conjunction(&self) -> Option<char> {
        self.conjunction
    }
}

/// The proclitic sequences of one use, in a fixed order: those without the
/// article first, then by the number of parts, conjunctions before
/// prepositions, each in inventory order.
#[derive(Debug, Clone)]
pub struct Proclitics(Vec<Proclitic>);

impl Proclitics {
    /// Every sequence, the bare word (empty) first.
    pub fn iter(&self) -> std::slice::Iter<'_, Proclitic> {
        self.0.iter()
    }

    /// The sequences as written, longest first, without the empty one:
    /// the order in which a stripper tries them.
    pub fn longest_first(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .0
            .iter()
            .map(|p| p.text())
            .filter(|t| !t.is_empty())
            .collect();
        v.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        v
    }
}

impl Rules {
    /// The sequences these rules accept.
    pub fn build(&self) -> Proclitics {
        // (has the article, number of parts, conjunction, preposition)
        let mut out: Vec<((bool, usize, usize, usize), String)> = Vec::new();
        let conj = std::iter::once(None).chain(self.conjunctions.iter().copied().enumerate().map(Some));
        for c in conj {
            let preps = std::iter::once(None).chain(self.prepositions.iter().copied().enumerate().map(Some));
            for p in preps {
                let articles: &[bool] = match self.article {
                    Article::Never => &[false],
                    Article::Optional => &[false, true],
                };
                for &a in articles {
                    if c.is_some() && p.is_some() && self.stacking == Stacking::WithArticle && !a {
                        continue;
                    }
                    let mut text = String::new();
                    if let Some((_, c)) = c {
                        text.push_str(c);
                    }
                    match p {
                        // The article's alef elided after ل: لل.
                        Some((_, "ل")) if a && self.elide_lam => text.push_str(LAM_ARTICLE),
                        Some((_, p)) => {
                            text.push_str(p);
                            if a {
                                text.push_str(ARTICLE);
                            }
                        }
                        None if a => text.push_str(ARTICLE),
                        None => {}
                    }
                    if self.except.contains(&text.as_str()) {
                        continue;
                    }
                    let parts = usize::from(c.is_some()) + usize::from(p.is_some()) + usize::from(a);
                    let order = (
                        a,
                        parts,
                        c.map_or(usize::MAX, |(i, _)| i),
                        p.map_or(usize::MAX, |(i, _)| i),
                    );
                    out.push((order, text));
                }
            }
        }
        out.sort_by_key(|(o, _)| *o);
        let mut v: Vec<Proclitic> = Vec::with_capacity(out.len() + self.extra.len());
        for (_, text) in out {
            if !v.iter().any(|p| p.text == text) {
                v.push(Proclitic::new(text));
            }
        }
        for e in self.extra {
            if !v.iter().any(|p| p.text == *e) {
                v.push(Proclitic::new(e.to_string()));
            }
        }
        Proclitics(v)
    }
}

/// Which endings one use strips or adds.
#[derive(Debug, Clone, Copy)]
pub struct SuffixRules {
    /// The pronouns it takes (of [`PRONOUNS`]).
    pub pronouns: &'static [&'static str],
    /// The endings it takes (of [`NOUN_ENDINGS`] and [`VERB_ENDINGS`]).
    pub endings: &'static [&'static str],
    /// An ending (or the construct ي) with a pronoun after it (اه: ا + ه).
    pub joined: &'static [&'static str],
}

impl SuffixRules {
    /// The endings: the pronouns, then each ending followed by the joined
    /// forms that start with it, then the other joined forms.
    pub fn build(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.pronouns.to_vec();
        let after = |e: &str, j: &str| j.strip_prefix(e).is_some_and(|p| PRONOUNS.contains(&p));
        for e in self.endings {
            v.push(e);
            v.extend(self.joined.iter().filter(|j| after(e, j)));
        }
        v.extend(
            self.joined
                .iter()
                .filter(|j| !self.endings.iter().any(|e| after(e, j))),
        );
        v
    }

    /// [`SuffixRules::build`], longest first: the order in which a stripper
    /// tries them.
    pub fn longest_first(&self) -> Vec<&'static str> {
        let mut v = self.build();
        v.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        v
    }
}

/// The clitic readings ([`crate::clitic`]): a loose reader, for lookups
/// that only count a reading whose stem the lexicon knows. Everything
/// stacks, the future س stands in a preposition's place, and ل + ال is read
/// both as written in full and elided (لل, itself followed by the article
/// or not).
pub const CLITIC_RULES: Rules = Rules {
    conjunctions: CONJUNCTIONS,
    prepositions: &["ب", "ل", "ك", "س", "لل"],
    article: Article::Optional,
    stacking: Stacking::Always,
    elide_lam: false,
    except: &[],
    extra: &[],
};

/// Every pronoun, for the clitic readings.
pub const CLITIC_SUFFIXES: SuffixRules = SuffixRules {
    pronouns: PRONOUNS,
    endings: &[],
    joined: &[],
};

/// The search analyzer ([`crate::analyze`]): a conjunction and a
/// preposition stack only before the article (وبال, not وب), and not فكال.
/// The stored search indexes hold these terms: a change here is a change
/// of index format.
pub const ANALYZER_RULES: Rules = Rules {
    conjunctions: CONJUNCTIONS,
    prepositions: PREPOSITIONS,
    article: Article::Optional,
    stacking: Stacking::WithArticle,
    elide_lam: true,
    except: &["فكال"],
    extra: &[],
};

/// The search analyzer's endings: the pronouns but ك and كن (too many
/// stems end in them: ملك، شريك), the plural and dual endings, and the
/// construct ي before ه.
pub const ANALYZER_SUFFIXES: SuffixRules = SuffixRules {
    pronouns: &["ه", "ها", "هما", "هم", "هن", "كما", "كم", "ي", "نا"],
    endings: NOUN_ENDINGS,
    joined: &["يه"],
};

/// The first word of a phrase-table entry ([`crate::phrase`]) that can be
/// definite: any conjunction and preposition, with or without the article,
/// but not فك, nor ك after a conjunction before the article (وكال، فكال).
pub const PHRASE_NOUN_RULES: Rules = Rules {
    conjunctions: CONJUNCTIONS,
    prepositions: PREPOSITIONS,
    article: Article::Optional,
    stacking: Stacking::Always,
    elide_lam: true,
    except: &["فك", "وكال", "فكال"],
    extra: &[],
};

/// The first word of a verb or a negation in a phrase table: only the
/// conjunctions و and ف, no preposition, no article.
pub const PHRASE_VERB_RULES: Rules = Rules {
    conjunctions: CONJUNCTIONS,
    prepositions: &[],
    article: Article::Never,
    stacking: Stacking::Always,
    elide_lam: true,
    except: &[],
    extra: &[],
};

/// The endings of a one-word phrase: the third-person pronouns but the
/// dual هما, and the past verb's endings (قتلوا، قتلته، قتلاه).
pub const PHRASE_SUFFIXES: SuffixRules = SuffixRules {
    pronouns: &["ه", "ها", "هم", "هن"],
    endings: VERB_ENDINGS,
    joined: &["اه"],
};

/// The number vocabulary (`isnad-extract`'s numbers lexicon): every
/// conjunction and preposition but ك, which would read كمية (quantity) as
/// ك + مئة once the hamza seats are folded. The article only on the
/// entries marked definite.
pub const NUMBER_RULES: Rules = Rules {
    conjunctions: CONJUNCTIONS,
    prepositions: &["ب", "ل"],
    article: Article::Optional,
    stacking: Stacking::Always,
    elide_lam: true,
    except: &[],
    extra: &[],
};

/// A month name ([`crate::calendar`]): و ب ف ل, و before ب, and وف; as the
/// calendar has always read them.
pub const CALENDAR_RULES: Rules = Rules {
    conjunctions: CONJUNCTIONS,
    prepositions: &["ب", "ل"],
    article: Article::Never,
    stacking: Stacking::Always,
    elide_lam: true,
    except: &["ول", "فب", "فل"],
    extra: &["وف"],
};

/// The clitic readings' sequences.
pub static CLITIC: LazyLock<Proclitics> = LazyLock::new(|| CLITIC_RULES.build());
/// The search analyzer's sequences.
pub static ANALYZER: LazyLock<Proclitics> = LazyLock::new(|| ANALYZER_RULES.build());
/// The phrase tables' sequences for words that take the article.
pub static PHRASE_NOUNS: LazyLock<Proclitics> = LazyLock::new(|| PHRASE_NOUN_RULES.build());
/// The phrase tables' sequences for verbs and negations.
pub static PHRASE_VERBS: LazyLock<Proclitics> = LazyLock::new(|| PHRASE_VERB_RULES.build());
/// The number vocabulary's sequences.
pub static NUMBERS: LazyLock<Proclitics> = LazyLock::new(|| NUMBER_RULES.build());
/// The month names' sequences.
pub static CALENDAR: LazyLock<Proclitics> = LazyLock::new(|| CALENDAR_RULES.build());

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Proclitics) -> Vec<&str> {
        p.iter().map(|p| p.text()).collect()
    }

    fn sorted(mut v: Vec<&str>) -> Vec<&str> {
        v.sort_unstable();
        v
    }

    // The lists each user kept before they shared this inventory, as they
    // were written (issue 17): the rules must make exactly these.

    #[test]
    fn phrase_forms_are_the_old_lists_in_their_order() {
        let old_plain = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"];
        let old_article = [
            "ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل",
        ];
        let want: Vec<&str> = old_plain.iter().chain(&old_article).copied().collect();
        assert_eq!(texts(&PHRASE_NOUNS), want);
        assert_eq!(texts(&PHRASE_VERBS), ["", "و", "ف"]);
        assert_eq!(
            PHRASE_SUFFIXES.build(),
            ["ه", "ها", "هم", "هن", "ا", "اه", "وا", "ت"]
        );
    }

    #[test]
    fn number_forms_are_the_old_lists() {
        let old_plain = ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"];
        let old_definite = ["ال", "وال", "فال", "بال", "لل", "وبال", "ولل", "فبال", "فلل"];
        let plain: Vec<&str> = NUMBERS
            .iter()
            .filter(|p| !p.is_definite())
            .map(|p| p.text())
            .collect();
        let definite: Vec<&str> = NUMBERS
            .iter()
            .filter(|p| p.is_definite())
            .map(|p| p.text())
            .collect();
        assert_eq!(plain, old_plain);
        assert_eq!(definite, old_definite);
    }

    #[test]
    fn analyzer_affixes_are_the_old_lists() {
        let old_prefixes = [
            "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل",
            "ك",
        ];
        let old_suffixes = [
            "هما", "كما", "تين", "تان", "يين", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه",
            "ه", "ي",
        ];
        let p = ANALYZER.longest_first();
        assert_eq!(sorted(p.clone()), sorted(old_prefixes.to_vec()));
        let s = ANALYZER_SUFFIXES.longest_first();
        assert_eq!(sorted(s.clone()), sorted(old_suffixes.to_vec()));
        // Longest first, as the old lists were: two affixes of one length
        // cannot both end (or start) one word, so that order is the whole
        // of the old order that matters.
        for v in [&p, &s] {
            assert!(v.windows(2).all(|w| w[0].chars().count() >= w[1].chars().count()));
        }
    }

    #[test]
    fn clitic_forms_are_those_the_old_reader_walked() {
        // The old reader: an optional conjunction, then one of ب ل ك س لل,
        // then the article, each optional.
        let mut old = Vec::new();
        for c in ["", "و", "ف"] {
            for p in ["", "ب", "ل", "ك", "س", "لل"] {
                for a in ["", "ال"] {
                    old.push([c, p, a].concat());
                }
            }
        }
        let got: Vec<String> = CLITIC.iter().map(|p| p.text().to_string()).collect();
        let mut old_sorted = old.clone();
        old_sorted.sort();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        assert_eq!(got_sorted, old_sorted);
        assert_eq!(
            sorted(CLITIC_SUFFIXES.build()),
            sorted(vec![
                "هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ي", "ك"
            ])
        );
    }

    #[test]
    fn calendar_forms_are_the_old_list() {
        assert_eq!(
            sorted(texts(&CALENDAR)),
            sorted(vec!["", "و", "ب", "ف", "ل", "وب", "وف"])
        );
    }

    #[test]
    fn proclitics_know_their_parts() {
        let p = |t: &str| Proclitic::new(t.to_string());
        let rows: &[(&str, usize, usize, Option<char>)] = &[
            ("", 0, 0, None),
            ("و", 0, "و".len(), Some('و')),
            ("فبال", "ال".len(), "فب".len(), Some('ف')),
            ("ولل", "ل".len(), "ول".len(), Some('و')),
            ("لل", "ل".len(), "ل".len(), None),
            ("بال", "ال".len(), "ب".len(), None),
        ];
        for &(t, article, before, conj) in rows {
            let x = p(t);
            assert_eq!(
                (x.article(), x.before_article(), x.conjunction()),
                (article, before, conj),
                "{t}"
            );
        }
    }

    #[test]
    fn every_use_takes_its_parts_from_the_inventory() {
        let rules = [
            CLITIC_RULES,
            ANALYZER_RULES,
            PHRASE_NOUN_RULES,
            PHRASE_VERB_RULES,
            NUMBER_RULES,
            CALENDAR_RULES,
        ];
        for r in rules {
            assert!(r.conjunctions.iter().all(|c| CONJUNCTIONS.contains(c)));
            assert!(
                r.prepositions
                    .iter()
                    .all(|p| PREPOSITIONS.contains(p) || *p == FUTURE || *p == LAM_ARTICLE)
            );
        }
        let endings: Vec<&str> = NOUN_ENDINGS.iter().chain(VERB_ENDINGS).copied().collect();
        for s in [CLITIC_SUFFIXES, ANALYZER_SUFFIXES, PHRASE_SUFFIXES] {
            assert!(s.pronouns.iter().all(|p| PRONOUNS.contains(p)));
            assert!(s.endings.iter().all(|e| endings.contains(e)));
            for j in s.joined {
                let split = endings
                    .iter()
                    .chain(PRONOUNS)
                    .any(|e| j.strip_prefix(e).is_some_and(|p| PRONOUNS.contains(&p)));
                assert!(split, "{j} is no ending followed by a pronoun");
            }
        }
    }
}
