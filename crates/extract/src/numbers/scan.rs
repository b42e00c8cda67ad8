//! The scanning pass of the number recogniser: one walk over the tokens.

use super::lexicon::{Cardinal, Cue, Fraction, Lexicon, Qualifier, Role, WordInfo};
use super::{Kind, Mention, Value};
use isnad_text::{Token, TokenKind};

pub(crate) struct Scan<'a> {
    lex: &'a Lexicon,
    cal: &'a isnad_text::Calendar,
    key: &'a str,
    t: &'a [Token],
    infos: Vec<Option<&'a WordInfo>>,
    /// Token index after the last year mention, for year lists (2014 و2019).
    last_year_end: Option<usize>,
    /// Whether the text is written in Arabic script, once asked.
    arabic: std::cell::OnceCell<bool>,
}

#[derive(Debug, Clone, Copy)]
enum AtomKind {
    Digits {
        value: f64,
        integer: bool,
        ndigits: usize,
    },
    Card(Cardinal),
    Frac(Fraction),
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    kind: AtomKind,
    /// Key offset where the atom starts (after any proclitic).
    start: usize,
    /// Token index after the atom.
    next: usize,
    /// Joined to what came before by و.
    conj: bool,
    /// Joined by "and" (English), not a hyphen or و.
    and: bool,
    /// Joined by a hyphen (twenty-five, one-eighth).
    hyphen: bool,
    /// An English word.
    english: bool,
    /// What the word is where its first reading cannot continue the number
    /// (خمسين: two fifths where fifty cannot follow).
    alt: Option<Fraction>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    None,
    Unit(f64),
    TeenHead,
    Teen,
    Tens,
    Hundreds,
    Scale,
    Digits,
    Dozen,
    Frac,
}

/// Composition of a compound number, atom by atom.
#[derive(Clone)]
struct Compose {
    total: f64,
    current: f64,
    last: Last,
    last_order: f64,
    min_scale: f64,
    group_start: f64,
    atoms: usize,
    fraction: bool,
    first_is_one_word: bool,
    /// English: the value before the last group joined by "and".
    and_start: Option<f64>,
    /// The group after the last "and" follows a scale (five billion and
    /// three quarters: quarters of a billion).
    and_after_scale: bool,
    english: bool,
    /// The group since the last scale has its hundreds already (three
    /// hundred and two hundred are two numbers).
    hundreds: bool,
    /// A fraction joined by "and" after a scale, as (the number before it,
    /// the fraction): a smaller scale after it takes the fraction (one
    /// billion and a half million).
    scale_fraction: Option<(f64, f64)>,
}

fn order_of(v: f64) -> f64 {
    let v = v.abs();
    if v < 10.0 {
        1.0
    } else if v < 100.0 {
        10.0
    } else if v < 1000.0 {
        100.0
    } else {
        10f64.powi(v.log10().floor() as i32)
    }
}

impl Compose {
    fn new() -> Compose {
        Compose {
            total: 0.0,
            current: 0.0,
            last: Last::None,
            last_order: f64::INFINITY,
            min_scale: f64::INFINITY,
            group_start: 0.0,
            atoms: 0,
            fraction: false,
            first_is_one_word: false,
            and_start: None,
            and_after_scale: false,
            english: false,
            hundreds: false,
            scale_fraction: None,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    /// The number becomes the fraction `v` (a numerator over its
    /// denominator).
    fn take_fraction(&mut self, v: f64) {
        self.total = 0.0;
        self.current = v;
        self.last = Last::Frac;
        self.last_order = 0.1;
        self.fraction = true;
        self.atoms += 1;
    }

    /// A proper fraction joined to the whole number (three and one fourth).
    fn add_fraction(&mut self, q: f64) {
        self.group_start = self.value();
        self.current += q;
        self.last = Last::Frac;
        self.last_order = 0.1;
        self.fraction = true;
        self.atoms += 1;
    }

    /// Adds a component of order `order` joined by و (or first).
    fn add(&mut self, v: f64, order: f64, last: Last) {
        self.group_start = self.value();
        self.current += v;
        self.last_order = order;
        self.last = last;
    }

    /// Tries to take `a`; false when it does not continue this number.
    fn step(&mut self, a: &Atom) -> bool {
        let first = self.atoms == 0;
        if first {
            self.english = a.english;
        }
        let before = self.value();
        let after_scale = self.last == Last::Scale;
        let ok = match a.kind {
            AtomKind::Card(c) => self.card(c, a.conj, first),
            AtomKind::Digits { value, integer, .. } => self.digits(value, integer, a.conj, first),
            // one-eighth: after a hyphen a fraction word is a denominator.
            AtomKind::Frac(f) => self.frac(f, a.conj && !a.hyphen, first),
        };
        if ok {
            if matches!(a.kind, AtomKind::Card(c) if c.role == Role::Scale) {
                self.hundreds = false;
            }
            if a.and && !matches!(a.kind, AtomKind::Frac(_)) {
                self.and_start = Some(before);
                self.and_after_scale = after_scale;
            }
            if first {
                self.first_is_one_word =
                    matches!(a.kind, AtomKind::Card(c) if c.role == Role::Unit && c.value == 1.0);
            }
            self.atoms += 1;
        }
        ok
    }

    fn card(&mut self, c: Cardinal, conj: bool, first: bool) -> bool {
        let v = c.value;
        match c.role {
            Role::Zero if !first => false,
            Role::Zero | Role::Unit => {
                // fifty two, two million three, two hundred three: English
                // joins without "and".
                let english = !conj
                    && !first
                    && (self.last == Last::Scale
                        || (self.english && self.last == Last::Tens)
                        || (self.english && self.last == Last::Hundreds && c.role == Role::Unit))
                    && !self.fraction;
                if first || (conj && self.last_order > 1.0 && !self.fraction) || english {
                    self.add(v, 1.0, Last::Unit(v));
                    true
                } else {
                    false
                }
            }
            Role::TeenHead => {
                if first || (conj && self.last_order > 10.0) {
                    self.group_start = self.value();
                    self.last = Last::TeenHead;
                    self.current += v;
                    self.last_order = 1.0;
                    true
                } else {
                    false
                }
            }
            Role::Ten => match self.last {
                Last::Unit(_) | Last::TeenHead if !conj && !first => {
                    self.current += 10.0;
                    self.last = Last::Teen;
                    self.last_order = 10.0;
                    true
                }
                _ if first || (conj && self.last_order > 10.0) => {
                    self.add(10.0, 10.0, Last::Tens);
                    true
                }
                _ => false,
            },
            Role::Tens => {
                // First, or after a scale without "and" (two million fifty),
                // or in English after the hundreds (two hundred fifty).
                if first
                    || (!conj && self.last == Last::Scale)
                    || (!conj && self.english && self.last == Last::Hundreds && !self.fraction)
                {
                    self.add(v, 10.0, Last::Tens);
                    true
                } else if !conj {
                    false
                } else if let Last::Unit(_) = self.last {
                    // واحد وعشرون: the unit and the tens make one group.
                    let before_unit = self.group_start;
                    self.current += v;
                    self.group_start = before_unit;
                    self.last = Last::Tens;
                    self.last_order = 10.0;
                    true
                } else if self.last_order > 10.0 {
                    self.add(v, 10.0, Last::Tens);
                    true
                } else {
                    false
                }
            }
            Role::Hundred => match self.last {
                // fifteen hundred, ninety-five hundred: a number under a
                // hundred before "hundred" counts hundreds whole.
                Last::Unit(_) | Last::Tens
                    if !conj
                        && !first
                        && !self.hundreds
                        && !self.fraction
                        && self.total == 0.0
                        && (11.0..100.0).contains(&self.current) =>
                {
                    self.current *= 100.0;
                    self.last = Last::Hundreds;
                    self.last_order = 100.0;
                    self.hundreds = true;
                    true
                }
                Last::Unit(u) if !conj && !first && !self.hundreds => {
                    self.current += u * 100.0 - u;
                    self.last = Last::Hundreds;
                    self.last_order = 100.0;
                    self.hundreds = true;
                    true
                }
                Last::Digits if !conj && !first && !self.hundreds => {
                    let d = self.current - (self.group_start - self.total).max(0.0);
                    self.current += d * 100.0 - d;
                    self.last = Last::Hundreds;
                    self.last_order = 100.0;
                    self.hundreds = true;
                    true
                }
                _ if first || (conj && self.last_order > 100.0) => {
                    self.add(100.0, 100.0, Last::Hundreds);
                    self.hundreds = true;
                    true
                }
                _ => false,
            },
            Role::Hundreds => {
                if first || (conj && self.last_order > 100.0) {
                    self.add(v, 100.0, Last::Hundreds);
                    self.hundreds = true;
                    true
                } else {
                    false
                }
            }
            Role::Scale => {
                let scale = c.scale;
                if c.is_multiple() {
                    if first || (conj && scale < self.min_scale) {
                        self.group_start = self.value();
                        self.total += v;
                        self.min_scale = scale;
                        self.last_order = scale;
                        self.last = Last::Scale;
                        return true;
                    }
                    return false;
                }
                if first {
                    if c.plural {
                        return false;
                    }
                    self.total = v;
                    self.min_scale = scale;
                    self.last_order = scale;
                    self.last = Last::Scale;
                    return true;
                }
                if conj {
                    if !c.plural && scale < self.min_scale {
                        self.group_start = self.value();
                        self.total += scale;
                        self.min_scale = scale;
                        self.last_order = scale;
                        self.last = Last::Scale;
                        return true;
                    }
                    return false;
                }
                if self.last == Last::Frac
                    && let Some((whole, q)) = self.scale_fraction.take()
                    && scale < self.min_scale
                {
                    // one billion and a half million, مليار ونصف مليون.
                    self.fraction = false;
                    self.total = whole + q * scale;
                    self.current = 0.0;
                    self.group_start = 0.0;
                    self.min_scale = scale;
                    self.last_order = scale;
                    self.last = Last::Scale;
                    return true;
                }
                if self.last == Last::Frac {
                    // نصف مليون: a fraction of a scale is a count.
                    self.fraction = false;
                }
                if self.current > 0.0 && scale < self.min_scale {
                    self.total += self.current * scale;
                } else if self.current == 0.0 && self.total > 0.0 && scale > self.min_scale {
                    self.total *= scale;
                } else if self.current > 0.0 {
                    self.total = (self.total + self.current) * scale;
                } else {
                    return false;
                }
                self.current = 0.0;
                self.group_start = 0.0;
                self.min_scale = scale;
                self.last_order = scale;
                self.last = Last::Scale;
                true
            }
            Role::Dozen => {
                if c.dual {
                    if first || (conj && self.last_order > 10.0) {
                        self.add(v, 10.0, Last::Dozen);
                        return true;
                    }
                    return false;
                }
                if first && !c.plural {
                    self.add(12.0, 10.0, Last::Dozen);
                    return true;
                }
                if !conj && !first && self.last != Last::Scale {
                    // ثلاث دزينات, نصف دزينة; after a unit joined by and,
                    // the unit alone counts dozens (three hundred and two dozens).
                    self.fraction = false;
                    let (whole, n) = match self.last {
                        Last::Unit(_) => (self.group_start, self.value() - self.group_start),
                        _ => (0.0, self.value()),
                    };
                    self.total = 0.0;
                    self.current = whole + n * 12.0;
                    self.last = Last::Dozen;
                    self.last_order = 10.0;
                    return true;
                }
                false
            }
        }
    }

    fn digits(&mut self, v: f64, integer: bool, conj: bool, first: bool) -> bool {
        if first {
            self.add(v, order_of(v), Last::Digits);
            return true;
        }
        if !integer || self.fraction || v == 0.0 {
            return false;
        }
        let o = order_of(v);
        if (conj && o < self.last_order) || (!conj && self.last == Last::Scale && o < self.min_scale) {
            self.add(v, o, Last::Digits);
            return true;
        }
        false
    }

    fn frac(&mut self, f: Fraction, conj: bool, first: bool) -> bool {
        let q = f.numerator / f.denominator;
        if first {
            if f.plural {
                return false;
            }
            self.add(q, 0.1, Last::Frac);
            self.fraction = true;
            return true;
        }
        if self.fraction {
            return false;
        }
        if conj {
            if f.plural {
                return false;
            }
            // two million and a half: a fraction of the last scale.
            let q = if self.last == Last::Scale {
                q * self.min_scale
            } else {
                q
            };
            if self.last == Last::Scale {
                self.group_start = self.value();
                self.scale_fraction = Some((self.value(), f.numerator / f.denominator));
                self.total += q;
                self.last = Last::Frac;
                self.last_order = 0.1;
                return true;
            }
            self.group_start = self.value();
            self.current += q;
            self.last = Last::Frac;
            self.last_order = 0.1;
            self.fraction = true;
            return true;
        }
        // A denominator after a numerator. After a unit joined by و the unit
        // alone is the numerator (مئة وثلاثة أرباع = 100¾); after anything
        // else the whole number is (ثلاث وعشرون خمس = 23/5).
        // In English the numerator is what follows the last "and" (two and
        // fifty-four hundredths = 2.54), else the whole number (twenty-three
        // fifths = 23/5).
        let (whole, numerator) = match (self.english, self.last) {
            (true, _) => {
                let w = self.and_start.unwrap_or(0.0);
                let n = self.value() - w;
                if self.and_after_scale && n < self.min_scale {
                    // five billion and three quarters: of a billion.
                    let v = w + n * q * self.min_scale;
                    self.scale_fraction = Some((w, n * q));
                    self.total = 0.0;
                    self.current = v;
                    self.last = Last::Frac;
                    self.last_order = 0.1;
                    return true;
                }
                // After "and" a proper fraction is the fractional part of a
                // mixed number (one hundred and three quarters); an
                // improper one cannot be, so the whole is its numerator
                // (one hundred and thirty fifths: 130/5).
                let (w, n) = if n * f.numerator >= f.denominator {
                    (0.0, self.value())
                } else {
                    (w, n)
                };
                // A singular denominator takes a numerator of one (one
                // fifth, a hundredth); "two millionth" is an ordinal.
                if !f.plural && n != 1.0 {
                    return false;
                }
                (w, n)
            }
            (false, Last::Unit(_)) => (self.group_start, self.value() - self.group_start),
            _ => (0.0, self.value()),
        };
        if numerator <= 0.0 || numerator.fract() != 0.0 {
            return false;
        }
        let v = whole + numerator * q;
        self.total = 0.0;
        self.current = v;
        self.last = Last::Frac;
        self.last_order = 0.1;
        self.fraction = true;
        true
    }
}

/// A composed number.
struct Composed {
    value: f64,
    fraction: bool,
    /// Key offset of its first atom.
    start: usize,
    /// Token after it.
    next: usize,
    comp: Compose,
    /// For a number that is one run of digits: integer?, digits before the point.
    lone: Option<(bool, usize)>,
}

fn qualify(m: &mut Mention, q: Qualifier, hedge: (usize, usize)) {
    m.qualifier = q;
    m.hedge = Some(match m.hedge {
        Some((s, e)) => (s.min(hedge.0), e.max(hedge.1)),
        None => hedge,
    });
}

impl<'a> Scan<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        cal: &'a isnad_text::Calendar,
        key: &'a str,
        t: &'a [Token],
    ) -> Scan<'a> {
        let infos = t
            .iter()
            .map(|tok| match tok.kind {
                TokenKind::Word => lex.word(tok.text(key)),
                _ => None,
            })
            .collect();
        Scan::with_infos(lex, cal, key, t, infos)
    }

    /// A scan whose caller has looked every token up already: `infos[i]`
    /// is what token `i` is (`lex.word`), `None` for numbers and marks.
    pub(crate) fn with_infos(
        lex: &'a Lexicon,
        cal: &'a isnad_text::Calendar,
        key: &'a str,
        t: &'a [Token],
        infos: Vec<Option<&'a WordInfo>>,
    ) -> Scan<'a> {
        debug_assert_eq!(infos.len(), t.len());
        Scan {
            lex,
            cal,
            key,
            t,
            infos,
            last_year_end: None,
            arabic: std::cell::OnceCell::new(),
        }
    }

    /// Whether the text being read is Arabic: more of its letters are
    /// Arabic than Latin. Counted once, when a number's reading depends on
    /// it (the dot of 1.500).
    fn arabic_text(&self) -> bool {
        *self.arabic.get_or_init(|| {
            // Lead bytes of U+0600..U+06FF, and ASCII letters (the key is
            // lower case): counted without branches.
            let (mut arabic, mut latin) = (0usize, 0usize);
            for &b in self.key.as_bytes() {
                arabic += usize::from(b.wrapping_sub(0xD8) < 4);
                latin += usize::from(b.wrapping_sub(b'a') < 26);
            }
            arabic > latin
        })
    }

    fn text(&self, i: usize) -> &'a str {
        self.t.get(i).map(|t| t.text(self.key)).unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.t.get(i).map(|t| t.kind)
    }

    fn punct(&self, i: usize) -> Option<char> {
        let t = self.t.get(i)?;
        if t.kind == TokenKind::Punct {
            t.text(self.key).chars().next()
        } else {
            None
        }
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn info(&self, i: usize) -> Option<&'a WordInfo> {
        self.infos.get(i).copied().flatten()
    }

    fn number_len(&self, i: usize) -> Option<usize> {
        let t = self.t.get(i)?;
        (t.kind == TokenKind::Number).then(|| t.len())
    }

    fn number_value(&self, i: usize) -> Option<f64> {
        self.number_len(i)?;
        self.text(i).parse().ok()
    }

    fn start_of(&self, i: usize) -> usize {
        let t = &self.t[i];
        t.start as usize + self.info(i).map(|w| w.prefix as usize).unwrap_or(0)
    }

    fn end_of(&self, next: usize) -> usize {
        self.t[next - 1].end as usize
    }

    /// The longest phrase starting at `i` whose cue passes `pred`.
    fn phrase(&self, i: usize, pred: impl Fn(&Cue) -> bool) -> Option<(&'a Cue, usize)> {
        let w = self.info(i)?;
        let cands = w.phrases.iter().map(|&id| (id, w.prefix));
        let f = self.lex.phrases.longest(cands, self.key, self.t, i, pred)?;
        Some((f.value, f.end))
    }

    fn has_cue(&self, i: usize, pred: impl Fn(&Cue) -> bool) -> Option<usize> {
        self.phrase(i, pred).map(|(_, e)| e)
    }

    /// A phrase of the given cue that ends right before token `i`.
    fn cue_before(&self, i: usize, pred: impl Fn(&Cue) -> bool + Copy) -> bool {
        (i.saturating_sub(3)..i).any(|s| self.phrase(s, pred).is_some_and(|(_, e)| e == i))
    }

    pub(crate) fn run(&mut self, out: &mut Vec<Mention>) {
        let n = self.t.len();
        let mut i = 0;
        let mut pending: Option<(usize, Qualifier, (usize, usize))> = None;
        while i < n {
            let tok = self.t[i];
            let relevant = match tok.kind {
                TokenKind::Number => true,
                TokenKind::Word => match self.info(i) {
                    // A number word, or the start of a vague quantity or a dual.
                    Some(w) if w.cardinal.is_some() || w.fraction.is_some() || w.ordinal.is_some() => true,
                    Some(w)
                        if w.phrases.iter().any(|&p| {
                            matches!(*self.lex.cue(p), Cue::Vague(..) | Cue::Dual | Cue::OneUnit)
                        }) =>
                    {
                        true
                    }
                    // A cue (نحو، بين، الساعة، هاتف …) matters only before a
                    // number (or a time unit: more than an hour).
                    Some(_) => (i + 1..(i + 5).min(n)).any(|k| {
                        self.number_len(k).is_some()
                            || self.info(k).is_some_and(|w| {
                                w.cardinal.is_some() || w.fraction.is_some() || w.ordinal.is_some() || w.unit
                            })
                    }),
                    None => {
                        (self.number_len(i + 1).is_some() || self.number_len(i + 2).is_some())
                            && self.month(i).is_some()
                    }
                },
                TokenKind::Punct => matches!(self.punct(i), Some('-' | '+' | '.' | '٫')),
            };
            if !relevant {
                // A web address: nothing in it is a number.
                if tok.kind == TokenKind::Word
                    && matches!(self.key.as_bytes().get(tok.start as usize), Some(b'h' | b'w'))
                    && matches!(self.text(i), "http" | "https" | "www")
                    && matches!(self.punct(i + 1), Some(':' | '.'))
                    && self.glued(i + 1)
                {
                    i += 1;
                    while i < n && !self.t[i].space_before {
                        i += 1;
                    }
                    continue;
                }
                i += 1;
                continue;
            }
            if let Some((Cue::HedgeBefore(q), j)) = self.phrase(i, |c| matches!(c, Cue::HedgeBefore(_)))
                && j < n
                && self.starts_quantity(j)
            {
                pending = Some((j, *q, (self.start_of(i), self.end_of(j))));
                i = j;
                continue;
            }
            if let Some((mut m, j)) = self.mention_at(i) {
                if let Some((at, q, h)) = pending.take()
                    && at == i
                    && m.kind.is_quantity()
                {
                    qualify(&mut m, q, h);
                }
                let mut next = j;
                if m.kind.is_quantity() {
                    // twenty-odd, 20-plus: a hedge after a glued hyphen.
                    let hyphen = self.punct(j) == Some('-') && self.glued(j) && self.glued(j + 1);
                    for k in [j, j + 1] {
                        if k > j
                            && !hyphen
                            && (self.kind(j) != Some(TokenKind::Word) || self.info(j).is_some())
                        {
                            break;
                        }
                        if let Some((Cue::HedgeAfter(q), e)) =
                            self.phrase(k, |c| matches!(c, Cue::HedgeAfter(_)))
                        {
                            let h = (self.start_of(k), self.end_of(e));
                            if m.qualifier == Qualifier::Exact {
                                qualify(&mut m, *q, h);
                            }
                            if k == j || hyphen {
                                next = e;
                            }
                            break;
                        }
                    }
                }
                if m.kind == Kind::Year {
                    self.last_year_end = Some(j);
                }
                out.push(m);
                i = next;
                continue;
            }
            pending = None;
            // Digits glued to a word (١مليون, 180ميلي): neither is a number.
            if tok.kind == TokenKind::Number && self.kind(i + 1) == Some(TokenKind::Word) && self.glued(i + 1)
            {
                i += 1;
            }
            i += 1;
        }
    }

    /// True when a quantity can start at token `i`.
    fn starts_quantity(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Number) => true,
            Some(TokenKind::Word) => {
                self.info(i).is_some_and(|w| {
                    w.cardinal.is_some()
                        || w.fraction.is_some()
                        || w.phrases.iter().any(|&p| {
                            matches!(
                                *self.lex.cue(p),
                                Cue::Vague(..) | Cue::Negative | Cue::RangeOpen | Cue::Dual | Cue::Part
                            )
                        })
                }) || (matches!(self.text(i), "a" | "an")
                    && self.has_cue(i + 1, |c| *c == Cue::OneUnit).is_some())
            }
            Some(TokenKind::Punct) => matches!(self.punct(i), Some('-' | '.' | '٫')),
            None => false,
        }
    }

    fn mention(&self, start: usize, next: usize, kind: Kind, value: Value) -> Mention {
        Mention {
            start,
            end: self.end_of(next),
            kind,
            value,
            qualifier: Qualifier::Exact,
            hedge: None,
            vague: None,
            band: None,
        }
    }

    fn mention_at(&self, i: usize) -> Option<(Mention, usize)> {
        if let Some(r) = self.temporal_at(i) {
            return Some(r);
        }
        if let Some(r) = self.phone_at(i) {
            return Some(r);
        }
        if let Some(r) = self.range_open_at(i) {
            return Some(r);
        }
        if let Some((v, j)) = self.english_ordinal_at(i) {
            return Some((
                self.mention(self.start_of(i), j, Kind::Ordinal, Value::Number(v)),
                j,
            ));
        }
        if let Some(r) = self.quantity_mention_at(i) {
            return Some(r);
        }
        if let Some(r) = self.ordinal_at(i) {
            return Some(r);
        }
        if let Some(r) = self.vague_at(i) {
            return Some(r);
        }
        if let Some((Cue::Dual, j)) = self.phrase(i, |c| *c == Cue::Dual) {
            return Some((
                self.mention(self.start_of(i), j, Kind::Cardinal, Value::Number(2.0)),
                j,
            ));
        }
        if let Some(r) = self.one_unit_at(i) {
            return Some(r);
        }
        None
    }

    /// A time unit that stands for one of it: the first part of a compound
    /// adjective (a week-old offensive, a day-long strike; not the year of
    /// 12-year-old), or "a"/"an" and the unit after a hedge (more than an
    /// hour). The mention is the unit's word, or the article, with the
    /// value one: what is counted is the unit, as after "one".
    fn one_unit_at(&self, i: usize) -> Option<(Mention, usize)> {
        let unit = |k: usize| self.info(k).is_some_and(|w| w.unit);
        if matches!(self.text(i), "a" | "an") {
            if !unit(i + 1) {
                return None;
            }
            self.has_cue(i + 1, |c| *c == Cue::OneUnit)?;
            if !self.cue_before(i, |c| matches!(c, Cue::HedgeBefore(_))) {
                return None;
            }
            return Some((
                self.mention(self.start_of(i), i + 1, Kind::Cardinal, Value::Number(1.0)),
                i + 1,
            ));
        }
        if !unit(i) {
            return None;
        }
        let j = self.has_cue(i, |c| *c == Cue::OneUnit)?;
        let joined = |k: usize| self.punct(k) == Some('-') && self.glued(k) && self.glued(k + 1);
        if !joined(j)
            || self.has_cue(j + 1, |c| *c == Cue::OneUnitAfter).is_none()
            || (i > 0 && joined(i - 1))
        {
            return None;
        }
        Some((
            self.mention(self.start_of(i), j, Kind::Cardinal, Value::Number(1.0)),
            j,
        ))
    }

    fn vague_at(&self, i: usize) -> Option<(Mention, usize)> {
        let (cue, j) = self.phrase(i, |c| matches!(c, Cue::Vague(..)))?;
        let Cue::Vague(gloss, band) = cue else { return None };
        let article = self.info(i).map(|w| w.article as usize).unwrap_or(0);
        let mut m = self.mention(self.start_of(i) - article, j, Kind::Vague, Value::None);
        m.vague = Some(gloss.clone());
        m.band = Some(*band);
        Some((m, j))
    }

    /// Digits, with their separators: value, integer?, digits before the
    /// decimal point, token after.
    fn digits_at(&self, i: usize) -> Option<(f64, bool, usize, usize)> {
        // .25, ٫٥
        if matches!(self.punct(i), Some('.' | '٫'))
            && self.number_len(i + 1).is_some()
            && self.glued(i + 1)
            && (i == 0 || self.t[i].space_before)
        {
            let v: f64 = format!("0.{}", self.text(i + 1)).parse().ok()?;
            return Some((v, false, 0, i + 2));
        }
        self.number_len(i)?;
        // The tail of a dotted run that was not one number (192.168.1.2).
        if i >= 2
            && self.glued(i)
            && matches!(self.punct(i - 1), Some(',' | '.'))
            && self.glued(i - 1)
            && self.number_len(i - 2).is_some()
        {
            return Some((self.text(i).parse().ok()?, true, self.text(i).len(), i + 1));
        }
        let mut groups = vec![i];
        let mut seps: Vec<char> = Vec::new();
        let mut j = i + 1;
        while let Some(c) = self.punct(j) {
            if matches!(c, ',' | '.' | '٫' | '٬')
                && self.glued(j)
                && self.number_len(j + 1).is_some()
                && self.glued(j + 1)
            {
                seps.push(c);
                groups.push(j + 1);
                j += 2;
            } else {
                break;
            }
        }
        // 1 234 567: groups of three after a single space.
        if seps.is_empty() && self.number_len(i)? <= 3 {
            let mut k = i;
            while self.number_len(k + 1) == Some(3)
                && &self.key[self.t[k].end as usize..self.t[k + 1].start as usize] == " "
                && !(self.number_len(k + 2).is_some() && self.glued(k + 2))
                && self.punct(k + 2) != Some('/')
            {
                groups.push(k + 1);
                seps.push(' ');
                k += 1;
            }
            j = k + 1;
            // 1 234 567.89
            if groups.len() > 1
                && matches!(self.punct(j), Some('.' | ',' | '٫'))
                && self.glued(j)
                && self.number_len(j + 1).is_some_and(|l| l != 3)
                && self.glued(j + 1)
            {
                let whole: f64 = groups
                    .iter()
                    .map(|&k| self.text(k))
                    .collect::<String>()
                    .parse()
                    .ok()?;
                let frac: f64 = format!("0.{}", self.text(j + 1)).parse().ok()?;
                let digits: usize = groups.iter().map(|&k| self.text(k).len()).sum();
                return Some((whole + frac, false, digits, j + 2));
            }
        }
        let g: Vec<&str> = groups.iter().map(|&k| self.text(k)).collect();
        let int_value = |parts: &[&str]| -> Option<f64> { parts.concat().parse().ok() };
        if seps.is_empty() {
            return Some((int_value(&g)?, true, g[0].len(), j));
        }
        let decimal_at = |k: usize| -> Option<(f64, bool, usize, usize)> {
            // groups[..k] thousands, groups[k] decimals
            let whole = int_value(&g[..k])?;
            let frac: f64 = format!("0.{}", g[k]).parse().ok()?;
            let digits: usize = g[..k].iter().map(|s| s.len()).sum();
            Some((whole + frac, false, digits, groups[k] + 1))
        };
        let thousands_ok = |upto: usize| g[0].len() <= 3 && g[1..upto].iter().all(|s| s.len() == 3);
        // 12,34,567: Indian grouping (lakhs, crores), commas only.
        let indian_ok = |upto: usize| {
            upto >= 3
                && seps[..upto - 1].iter().all(|&c| c == ',')
                && (1..=2).contains(&g[0].len())
                && g[1..upto - 1].iter().all(|s| s.len() == 2)
                && g[upto - 1].len() == 3
        };
        let last = seps.len();
        if seps.contains(&'٫') {
            let k = seps.iter().position(|&c| c == '٫')? + 1;
            if k == last && (k == 1 || thousands_ok(k)) {
                return decimal_at(k);
            }
            return Some((int_value(&g[..1])?, true, g[0].len(), groups[0] + 1));
        }
        let distinct_last = seps[..last - 1].iter().all(|&c| c != seps[last - 1]) && last >= 2;
        if distinct_last && (thousands_ok(last) || indian_ok(last)) {
            return decimal_at(last);
        }
        let all_same = seps.iter().all(|&c| c == seps[0]);
        if all_same {
            if last == 1 {
                // A dot before three digits: a thousands separator in Arabic
                // (and European) reporting (1.500 قتيل), a decimal point in
                // English (4.800 km) and in text without letters.
                if g[1].len() == 3
                    && g[0] != "0"
                    && g[0].len() <= 3
                    && seps[0] != ' '
                    && (seps[0] != '.' || self.arabic_text())
                {
                    return Some((int_value(&g)?, true, g[0].len() + 3, j));
                }
                if seps[0] == ' ' {
                    return Some((int_value(&g)?, true, g[0].len() + 3, j));
                }
                return decimal_at(1);
            }
            if thousands_ok(last + 1) || indian_ok(last + 1) {
                let d: usize = g.iter().map(|s| s.len()).sum();
                return Some((int_value(&g)?, true, d, j));
            }
            if thousands_ok(last) && seps[0] != ' ' {
                return decimal_at(last);
            }
        }
        // Not one number (an address like 192.168.1.2): the first group alone.
        Some((int_value(&g[..1])?, true, g[0].len(), groups[0] + 1))
    }

    /// The atom at token `i`: digits, a number word or a fraction word.
    fn atom_at(&self, i: usize, first: bool) -> Option<Atom> {
        let mut conj = false;
        let mut and = false;
        let mut hyphen = false;
        let mut k = i;
        if !first && self.kind(i) == Some(TokenKind::Word) && matches!(self.text(i), "و" | "and") {
            conj = true;
            and = self.text(i) == "and";
            k = i + 1;
        } else if !first
            && self.punct(i) == Some('-')
            && (self.glued(i) && self.glued(i + 1) || i > 0 && self.kind(i - 1) == Some(TokenKind::Word))
            && self.kind(i + 1) == Some(TokenKind::Word)
            && self.text(i + 1).is_ascii()
        {
            // twenty-five, fifty - two (between words only)
            conj = true;
            hyphen = true;
            k = i + 1;
        }
        let english = self.text(k).is_ascii() && self.kind(k) == Some(TokenKind::Word);
        // "a half", "and a quarter", "half a dozen", "a hundred": the
        // article stands for one.
        let mut article = None;
        if self.kind(k) == Some(TokenKind::Word)
            && matches!(self.text(k), "a" | "an")
            && self.info(k + 1).is_some_and(|w| {
                w.fraction.is_some_and(|f| !f.plural)
                    || w.cardinal.is_some_and(|c| {
                        !c.plural && matches!(c.role, Role::Hundred | Role::Scale | Role::Dozen)
                    })
            })
        {
            article = Some(self.start_of(k));
            k += 1;
        }
        match self.kind(k)? {
            TokenKind::Number | TokenKind::Punct => {
                if !first && !conj && !self.t.get(k).is_some_and(|t| t.space_before) {
                    return None;
                }
                let (value, integer, ndigits, next) = self.digits_at(k)?;
                // 10k, 2.5bn: a scale letter glued to the digits.
                let (value, integer, next) = match self.scale_suffix(next) {
                    Some((m, after)) => (value * m, integer || (value * m).fract() == 0.0, after),
                    None => (value, integer, next),
                };
                // Digits glued to a following word are not a number (180ميلي).
                if self.kind(next) == Some(TokenKind::Word)
                    && self.glued(next)
                    && !self.glued_suffix_ok(next)
                    && !self.times_ten(next)
                {
                    return None;
                }
                // Powers: 1e10, 1.1^23
                let (value, next) = self.power(value, next).unwrap_or((value, next));
                Some(Atom {
                    kind: AtomKind::Digits {
                        value,
                        integer,
                        ndigits,
                    },
                    start: self.t[k].start as usize,
                    next,
                    conj,
                    and,
                    hyphen,
                    english,
                    alt: None,
                })
            }
            TokenKind::Word => {
                let w = self.info(k)?;
                if w.definite && !(first && self.definite_teen(k, w)) {
                    return None;
                }
                if !first && !conj && w.prefix > 0 && !w.conj {
                    return None;
                }
                if !first && w.prefix > 0 && !w.conj {
                    return None;
                }
                let conj = conj || (w.conj && !first);
                if !first && w.conj && conj && k != i {
                    // "و وعشرون": two conjunctions.
                    return None;
                }
                let start = article.unwrap_or_else(|| self.start_of(k));
                if let Some(f) = w
                    .fraction
                    .filter(|f| !f.fallback && !f.compound_only && !(f.after_number && (first || !conj)))
                {
                    let as_fraction =
                        !f.ambiguous || !first || article.is_some() || self.ambiguous_fraction_reads(k);
                    if as_fraction || w.cardinal.is_none() {
                        if !as_fraction {
                            return None;
                        }
                        return Some(Atom {
                            kind: AtomKind::Frac(f),
                            start,
                            next: k + 1,
                            conj,
                            and,
                            hyphen,
                            english,
                            alt: None,
                        });
                    }
                }
                let c = w.cardinal?;
                // ميت ألف: a construct form stands only before a scale.
                if c.construct
                    && !self
                        .info(k + 1)
                        .is_some_and(|n| n.prefix == 0 && n.cardinal.is_some_and(|c| c.role == Role::Scale))
                {
                    return None;
                }
                // خمسة ميتين: after a number, a word that is also a noun is
                // the noun.
                if c.ambiguous && first && k > 0 && self.is_number_at(k - 1) {
                    return None;
                }
                Some(Atom {
                    kind: AtomKind::Card(c),
                    start,
                    next: k + 1,
                    conj,
                    and,
                    hyphen,
                    english,
                    alt: w.fraction.filter(|f| f.fallback),
                })
            }
        }
    }

    /// An English compound ordinal at `k`, as a denominator: its value,
    /// whether it is plural, the token after it. Tens and a unit's ordinal
    /// (twenty-first, thirty fifths), or a unit, a hundred or a scale, and
    /// an ordinal under a hundred (one hundred fifth, one thousand and
    /// fifths). A single word is no compound.
    fn compound_ordinal(&self, k: usize) -> Option<(f64, bool, usize)> {
        if !self.text(k).is_ascii() {
            return None;
        }
        let c = self.info(k)?.cardinal?;
        let ordinal = |j: usize| -> Option<Fraction> {
            let t = self.text(j);
            let f = self.info(j)?.fraction?;
            let ordinal_form = t.ends_with("th")
                || t.ends_with("ths")
                || matches!(t, "first" | "firsts" | "third" | "thirds");
            (ordinal_form && f.numerator == 1.0).then_some(f)
        };
        match c.role {
            Role::Tens if c.value >= 20.0 && c.value % 10.0 == 0.0 => {
                let j = if self.punct(k + 1) == Some('-') && self.glued(k + 1) && self.glued(k + 2) {
                    k + 2
                } else {
                    k + 1
                };
                let f = ordinal(j)?;
                (f.denominator < 10.0).then_some((c.value + f.denominator, f.plural, j + 1))
            }
            Role::Unit => {
                let s = self.info(k + 1)?.cardinal?;
                if !matches!(s.role, Role::Hundred | Role::Scale) || s.plural || s.is_multiple() {
                    return None;
                }
                let j = if self.text(k + 2) == "and" { k + 3 } else { k + 2 };
                let f = ordinal(j)?;
                (f.denominator < 100.0).then_some((c.value * s.value + f.denominator, f.plural, j + 1))
            }
            _ => None,
        }
    }

    /// An English compound ordinal at `i`: tens and a unit's ordinal
    /// (twenty-first, the thirty fifth day), its value and the token after.
    fn english_ordinal_at(&self, i: usize) -> Option<(f64, usize)> {
        let c = self.info(i).filter(|_| self.text(i).is_ascii())?.cardinal?;
        if c.role != Role::Tens || c.value < 20.0 || c.value % 10.0 != 0.0 {
            return None;
        }
        let j = if self.punct(i + 1) == Some('-') && self.glued(i + 1) && self.glued(i + 2) {
            i + 2
        } else {
            i + 1
        };
        // Not "second": a twenty-second clip lasts twenty seconds. Not
        // before a hyphen: twenty first-time voters.
        let w = self.info(j)?;
        let u = match (w.ordinal, w.fraction) {
            (Some((u, _)), _) if matches!(self.text(j), "first" | "third") => u,
            (_, Some(f)) if !f.plural && self.text(j).ends_with("th") => f.denominator,
            _ => return None,
        };
        let hyphen_after = self.punct(j + 1) == Some('-') && self.glued(j + 1);
        (u < 10.0 && !hyphen_after).then_some((c.value + u, j + 1))
    }

    /// Whether a fraction ending before token `k` stands alone: at the end,
    /// before punctuation or before "of".
    fn ends_fraction(&self, k: usize) -> bool {
        matches!(self.kind(k), None | Some(TokenKind::Punct)) || self.text(k) == "of"
    }

    /// "الخمسة عشر", "الاثني عشر": the article on the unit of a compound
    /// teen, the ten right after it, is the number (the ordinal would be
    /// الخامس عشر). A definite unit alone (الخمسة, "the five") is not.
    fn definite_teen(&self, k: usize, w: &WordInfo) -> bool {
        let unit = w
            .cardinal
            .is_some_and(|c| matches!(c.role, Role::Unit | Role::TeenHead) && c.value >= 1.0);
        let ten = self
            .info(k + 1)
            .is_some_and(|n| n.prefix == 0 && n.cardinal.is_some_and(|c| c.role == Role::Ten));
        unit && ten
    }

    /// A fraction word and the definite number it takes (خمس العشرين = 4,
    /// نصف المليون = 500000, خمس خمس العشرين), or a chain of them: the
    /// value and the token after.
    fn fraction_of_definite(&self, k: usize) -> Option<(f64, usize)> {
        let w = self.info(k)?;
        let f = w
            .fraction
            .filter(|f| !f.plural && !f.fallback && !f.compound_only)?;
        if w.definite || self.text(k).is_ascii() {
            return None;
        }
        let q = f.numerator / f.denominator;
        let n = self.info(k + 1)?;
        if let Some(c) = n.cardinal
            && n.definite
            && n.prefix == n.article
            && !c.plural
            && matches!(c.role, Role::Tens | Role::Hundred | Role::Hundreds | Role::Scale)
        {
            return Some((q * c.value, k + 2));
        }
        let (v, after) = self.fraction_of_definite(k + 1)?;
        Some((q * v, after))
    }

    /// Decimals spelled digit by digit after "point" (point zero three,
    /// فاصلة صفر خمسة): at least two digit words, or one that is zero.
    /// Returns the fraction and the token after.
    fn spoken_digits(&self, j: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut k = j;
        while let Some(c) = self.info(k).filter(|w| w.prefix == 0).and_then(|w| w.cardinal) {
            if !matches!(c.role, Role::Zero | Role::Unit) || c.value >= 10.0 {
                break;
            }
            digits.push(char::from(b'0' + c.value as u8));
            k += 1;
        }
        if digits.len() >= 2 || digits == "0" && k > j {
            let v: f64 = format!("0.{digits}").parse().ok()?;
            return Some((v, k));
        }
        None
    }

    /// Whether a definite noun (a word with the article that is no number
    /// word) stands right before token `k` > 0.
    fn after_definite(&self, k: usize) -> bool {
        self.text(k - 1).starts_with("ال") && self.info(k - 1).is_none()
    }

    /// Whether token `k` is a number: digits or a cardinal word.
    fn is_number_at(&self, k: usize) -> bool {
        self.number_len(k).is_some() || self.info(k).is_some_and(|w| w.cardinal.is_some())
    }

    /// A scale letter right after digits (10k, 1.2b, 2.5bn, and "10 k" at
    /// the end of a phrase): its multiplier and the token after it.
    fn scale_suffix(&self, next: usize) -> Option<(f64, usize)> {
        if self.kind(next) != Some(TokenKind::Word) {
            return None;
        }
        let m = match self.text(next) {
            "k" => 1e3,
            "b" | "bn" => 1e9,
            _ => return None,
        };
        let alone = matches!(self.kind(next + 1), None | Some(TokenKind::Punct));
        (self.glued(next) || (alone && self.text(next) == "k")).then_some((m, next + 1))
    }

    /// An ambiguous fraction word (خمس, ثمن) reads as a fraction before a
    /// definite noun, before punctuation, or at the end. An English one
    /// (fifth, eighth) is also an ordinal: alone it stays one.
    fn ambiguous_fraction_reads(&self, k: usize) -> bool {
        if self.text(k).is_ascii() {
            return false;
        }
        match self.kind(k + 1) {
            None | Some(TokenKind::Punct) => true,
            Some(TokenKind::Word) => {
                let next = self.text(k + 1);
                next.starts_with("ال") && self.info(k + 1).is_none_or(|w| w.cardinal.is_none())
            }
            Some(TokenKind::Number) => false,
        }
    }

    fn glued_suffix_ok(&self, next: usize) -> bool {
        self.has_cue(next, |c| {
            matches!(c, Cue::YearAfter | Cue::PercentAfter | Cue::TimeAfter)
        })
        .is_some()
            || matches!(self.text(next), "st" | "nd" | "rd" | "th" | "e")
    }

    /// "x10^" (or "×10^") glued after digits at `k`: scientific notation.
    fn times_ten(&self, k: usize) -> bool {
        (self.text(k) == "x" || self.punct(k) == Some('×'))
            && self.glued(k)
            && self.text(k + 1) == "10"
            && self.glued(k + 1)
            && self.punct(k + 2) == Some('^')
            && self.glued(k + 2)
    }

    fn power(&self, base: f64, next: usize) -> Option<(f64, usize)> {
        let mut k = next;
        // 1.3x10^6: the base times ten to the power.
        let times = self.times_ten(k);
        if times {
            k += 2;
        }
        let is_e = self.kind(k) == Some(TokenKind::Word) && self.glued(k) && self.text(k) == "e";
        let is_caret = self.punct(k) == Some('^') && self.glued(k);
        if !(is_e || is_caret || times) {
            return None;
        }
        k += 1;
        let mut sign = 1.0;
        while let Some(c @ ('+' | '-')) = self.punct(k) {
            if c == '-' {
                sign = -sign;
            }
            k += 1;
        }
        let (exp, _, _, after) = self.digits_at(k)?;
        let v = if is_e || times {
            base * 10f64.powf(sign * exp)
        } else {
            base.powf(sign * exp)
        };
        v.is_finite().then_some((v, after))
    }

    /// A composed number starting at `i`: value, is-fraction, first atom's
    /// start offset, token after, number of atoms, a lone digit token?
    fn compose_at(&self, i: usize) -> Option<Composed> {
        // "a twenty-first": the article, and a compound ordinal as the
        // denominator.
        if matches!(self.text(i), "a" | "an")
            && let Some((d, false, after)) = self.compound_ordinal(i + 1)
            && self.ends_fraction(after)
        {
            let mut c = Compose::new();
            c.english = true;
            c.take_fraction(1.0 / d);
            return Some(Composed {
                value: c.value(),
                fraction: true,
                start: self.start_of(i),
                next: after,
                comp: c,
                lone: None,
            });
        }
        let first = self.atom_at(i, true)?;
        let mut c = Compose::new();
        if !c.step(&first) {
            return None;
        }
        let digit_info = match first.kind {
            AtomKind::Digits { integer, ndigits, .. } => Some((integer, ndigits)),
            _ => None,
        };
        let mut next = first.next;
        // The state before the last atom, to take it back.
        let mut before: Option<(Compose, usize)> = None;
        while let Some(a) = self.atom_at(next, false) {
            // one twenty-fifth, three twenty firsts, one hundred thirty
            // fifths (100/35): a compound ordinal after a whole number is
            // its denominator, singular after one, plural after more.
            if a.english
                && !a.conj
                && !c.fraction
                && c.value() >= 1.0
                && c.value().fract() == 0.0
                && let Some((d, plural, after)) = self.compound_ordinal(next)
                && plural == (c.value() != 1.0)
                && (plural || self.ends_fraction(after))
            {
                c.take_fraction(c.value() / d);
                next = after;
                break;
            }
            let saved = (c.clone(), next);
            let after_scale = c.last == Last::Scale;
            if c.step(&a) {
                before = Some(saved);
                next = a.next;
                // مليون ونصف المليون: the half of that million.
                if after_scale
                    && matches!(a.kind, AtomKind::Frac(_))
                    && let Some(w) = self.info(next)
                    && w.definite
                    && w.prefix == w.article
                    && w.cardinal
                        .is_some_and(|s| s.role == Role::Scale && s.value == c.min_scale)
                {
                    next += 1;
                }
                continue;
            }
            // three hundred and two hundred: the second "two" starts a
            // number of its own, not the first's units.
            if c.hundreds
                && !a.conj
                && matches!(a.kind, AtomKind::Card(h) if h.role == Role::Hundred)
                && matches!(c.last, Last::Unit(_) | Last::Digits)
                && let Some((b, n)) = before.take()
                && b.last == Last::Hundreds
            {
                c = b;
                next = n;
                break;
            }
            // مئة وثلاثون وخمسين: where fifty cannot follow, two fifths.
            if let Some(f) = a.alt {
                let b = Atom {
                    kind: AtomKind::Frac(f),
                    alt: None,
                    ..a
                };
                if c.step(&b) {
                    next = b.next;
                    continue;
                }
            }
            // one hundred and three and two thirds, three and one fourth:
            // after a whole number, "and" and a proper fraction.
            if a.and
                && !c.fraction
                && let Some(sub) = self.compose_at(next + 1)
                && sub.fraction
                && sub.value > 0.0
                && sub.value < 1.0
            {
                c.add_fraction(sub.value);
                next = sub.next;
            }
            break;
        }
        if c.last == Last::TeenHead {
            return None;
        }
        let lone = (c.atoms == 1).then_some(digit_info).flatten();
        Some(Composed {
            value: c.value(),
            fraction: c.fraction,
            start: first.start,
            next,
            comp: c,
            lone,
        })
    }

    /// A quantity at `i`, with what follows it: fraction connectors,
    /// percent, range. Returns the mention and the token after it.
    fn quantity_mention_at(&self, i: usize) -> Option<(Mention, usize)> {
        let mut k = i;
        let mut negative = false;
        let mut start_override = None;
        // A dash and a space at the head of a line: a minus only if the
        // number is all the line holds ("- 12 attackers" is a list item).
        let mut line_minus = false;
        if let Some(j) = self.has_cue(k, |c| *c == Cue::Negative)
            && self.starts_number(j)
        {
            negative = true;
            start_override = Some(self.start_of(k));
            k = j;
        } else if self.punct(k) == Some('-')
            && self.number_len(k + 1).is_some()
            // Glued: "- 12 attackers" at the head of a line is a list's
            // bullet, not a minus.
            && self.glued(k + 1)
            && (k == 0 || self.t[k].space_before)
            && (k == 0 || self.kind(k - 1) != Some(TokenKind::Number))
        {
            negative = true;
            start_override = Some(self.t[k].start as usize);
            k += 1;
        } else if self.punct(k) == Some('-')
            && self.number_len(k + 1).is_some()
            && (k == 0 || self.t[k].newline_before)
        {
            negative = true;
            line_minus = true;
            start_override = Some(self.t[k].start as usize);
            k += 1;
        }
        // خمس العشرين, نصف المليون: a fraction of a definite number.
        if !negative && let Some((v, after)) = self.fraction_of_definite(k) {
            let start = start_override.unwrap_or(self.start_of(k));
            let kind = if v.fract() == 0.0 {
                Kind::Cardinal
            } else {
                Kind::Fraction
            };
            return Some((self.mention(start, after, kind, Value::Number(v)), after));
        }
        // قرابة المئة, تجاوز الألف: a round number with the article, where
        // no definite noun comes before it (الذكرى المئة is an ordinal) and
        // it is no percent (في المئة, بالمئة).
        if let Some(w) = self.info(k)
            && let Some(c) = w.cardinal
            && w.definite
            && w.prefix == w.article
            && matches!(c.role, Role::Hundred | Role::Scale)
            && !c.plural
            && !c.is_multiple()
            && !c.ambiguous
            && !c.construct
            && !(k > 0
                && (self.after_definite(k)
                    || self.text(k - 1) == "في"
                    || self.info(k - 1).is_some_and(|p| p.fraction.is_some())))
        {
            let start = start_override.unwrap_or(self.start_of(k) - w.article as usize);
            let v = if negative { -c.value } else { c.value };
            return Some((
                self.mention(start, k + 1, Kind::Cardinal, Value::Number(v)),
                k + 1,
            ));
        }
        let mut percent = false;
        if let Some(j) = self.has_cue(k, |c| *c == Cue::PercentBefore)
            && self.starts_number(j)
        {
            percent = true;
            start_override.get_or_insert(self.start_of(k));
            k = j;
        }
        // جزء من مئة
        if let Some(j) = self.has_cue(k, |c| *c == Cue::Part)
            && let Some(j2) = self.has_cue(j, |c| *c == Cue::Of)
            && let Some(Composed {
                value: y,
                fraction: false,
                next: after,
                ..
            }) = self.compose_at(j2)
            && y != 0.0
        {
            let start = start_override.unwrap_or(self.start_of(k));
            let v = if negative { -1.0 / y } else { 1.0 / y };
            return Some((
                self.mention(start, after, Kind::Fraction, Value::Number(v)),
                after,
            ));
        }
        let Composed {
            mut value,
            mut fraction,
            start: number_start,
            mut next,
            comp,
            lone,
        } = self.compose_at(k)?;
        let mut start = start_override.unwrap_or(number_start);
        // أي واحد, كل واحد, the one: a pronoun; but "the one-day strike"
        // counts days.
        // Right after a number, Arabic واحد is the one counted (تلاتين
        // واحد: thirty people), not a number of its own.
        if comp.first_is_one_word
            && comp.atoms == 1
            && !negative
            && k > 0
            && self.is_number_at(k - 1)
            && !self.text(k).is_ascii()
        {
            return None;
        }
        if comp.first_is_one_word
            && comp.atoms == 1
            && !negative
            && k > 0
            && self.cue_before(k, |c| *c == Cue::OnePronoun)
            && !(self.punct(next) == Some('-')
                && self.glued(next)
                && self.has_cue(next + 1, |c| *c == Cue::OneUnit).is_some())
        {
            return None;
        }
        // Fraction connectors.
        if !fraction {
            if let Some(j) = self.has_cue(next, |c| *c == Cue::Over)
                && let Some(Composed {
                    value: y,
                    fraction: false,
                    next: after,
                    lone: ylone,
                    ..
                }) = self.compose_at(j)
                && y != 0.0
                && value.fract() == 0.0
                // "12 over two days", "over 2021": in English, X over Y is a
                // fraction only when nothing follows Y and Y is no year.
                && (!self.text(next).is_ascii()
                    || (matches!(self.kind(after), None | Some(TokenKind::Punct))
                        && !matches!(ylone, Some((true, 4)))))
            {
                value /= y;
                fraction = true;
                next = after;
            } else if let Some(j) = self.has_cue(next, |c| *c == Cue::Part) {
                let j = self.has_cue(j, |c| *c == Cue::Of).unwrap_or(j);
                if let Some(Composed {
                    value: y,
                    fraction: false,
                    next: after,
                    ..
                }) = self.compose_at(j)
                    && y != 0.0
                {
                    let whole = comp.group_start;
                    value = whole + (value - whole) / y;
                    fraction = true;
                    next = after;
                }
            } else if comp.first_is_one_word
                && comp.atoms == 1
                && let Some(j) = self.has_cue(next, |c| *c == Cue::Of)
                && let Some(Composed {
                    value: y,
                    fraction: false,
                    next: after,
                    ..
                }) = self.compose_at(j)
                && y != 0.0
            {
                value /= y;
                fraction = true;
                next = after;
            } else if let Some(j) = self.has_cue(next, |c| *c == Cue::Point)
                && let Some((digits, after)) = self.spoken_digits(j)
            {
                // point zero three: the decimals spelled digit by digit.
                value += digits;
                next = after;
            } else if let Some(j) = self.has_cue(next, |c| *c == Cue::Point)
                && let Some(Composed {
                    value: y,
                    fraction: false,
                    next: after,
                    lone: ylone,
                    ..
                }) = self.compose_at(j)
            {
                if let Some(j2) = self.has_cue(after, |c| *c == Cue::Of)
                    && let Some(Composed {
                        value: z,
                        fraction: false,
                        next: after2,
                        ..
                    }) = self.compose_at(j2)
                    && z != 0.0
                {
                    value += y / z;
                    next = after2;
                } else {
                    let places = ylone
                        .map(|(_, d)| d as i32)
                        .unwrap_or_else(|| (y.log10().floor() as i32 + 1).max(1));
                    value += y / 10f64.powi(places);
                    next = after;
                }
            }
        }
        // Digit fractions and mixed numbers: 3/4, 1 4/5, and the
        // hyphenated 6-1/2 of older wire copy.
        let hyphen_mixed = self.punct(next) == Some('-') && self.glued(next) && self.glued(next + 1);
        if !fraction && let Some((true, _)) = lone {
            let part = if hyphen_mixed { next + 1 } else { next };
            if self.punct(next) == Some('/')
                && self.glued(next)
                && let Some(d) = self.number_value(next + 1)
                && self.glued(next + 1)
                && d != 0.0
            {
                value /= d;
                fraction = true;
                next += 2;
            } else if let Some(num) = self.number_value(part)
                && (hyphen_mixed || self.t[part].space_before)
                && self.punct(part + 1) == Some('/')
                && self.glued(part + 1)
                && let Some(den) = self.number_value(part + 2)
                && self.glued(part + 2)
                && num < den
                && den != 0.0
            {
                value += num / den;
                fraction = true;
                next = part + 3;
            }
        }
        // two thirds of a million: a fraction of a scale is a count.
        if fraction
            && self.text(next) == "of"
            && matches!(self.text(next + 1), "a" | "an")
            && let Some(c) = self.info(next + 2).and_then(|w| w.cardinal)
            && c.role == Role::Scale
            && !c.plural
            && !c.is_multiple()
        {
            value *= c.value;
            fraction = false;
            next += 3;
        }
        if line_minus && !(next >= self.t.len() || self.t[next].newline_before) {
            negative = false;
            start = number_start;
        }
        if negative {
            value = -value;
        }
        // Percent after (it wins over نسبة before, which then stays outside).
        let after_sign = if self.punct(next) == Some('%') {
            Some(next + 1)
        } else {
            self.has_cue(next, |c| *c == Cue::PercentAfter)
        };
        if let Some(j) = after_sign {
            if percent && !negative {
                start = number_start;
            }
            percent = true;
            next = j;
        }
        // Years.
        if !percent
            && !negative
            && let Some((true, 4)) = lone
            && (1000.0..=2100.0).contains(&value)
            && self.is_year(k, next)
        {
            let mut next = next;
            if let Some(j) = self.has_cue(next, |c| *c == Cue::YearAfter) {
                next = j;
            }
            return Some((self.mention(start, next, Kind::Year, Value::Number(value)), next));
        }
        // Ranges: X-Y, X إلى Y; not digits spelled one by one (three-nought-four).
        let spelled = k >= 2
            && self.punct(k - 1) == Some('-')
            && self.glued(k)
            && self.glued(k - 1)
            && self.kind(k - 2) == Some(TokenKind::Word)
            && self.is_number_at(k - 2);
        if !fraction
            && !spelled
            && let Some((hi, after)) = self.range_tail(next, value, false)
        {
            let kind = if percent { Kind::Percent } else { Kind::Range };
            let _ = kind;
            return Some((
                self.mention(start, after, Kind::Range, Value::Range(value, hi)),
                after,
            ));
        }
        let kind = if percent {
            Kind::Percent
        } else if fraction {
            Kind::Fraction
        } else {
            Kind::Cardinal
        };
        Some((self.mention(start, next, kind, Value::Number(value)), next))
    }

    fn starts_number(&self, i: usize) -> bool {
        self.atom_at(i, true).is_some()
    }

    /// After a low value ending before token `next`: a range connector and a
    /// higher value. `and_ok` allows و / and (after بين).
    fn range_tail(&self, next: usize, lo: f64, and_ok: bool) -> Option<(f64, usize)> {
        let j = if self.punct(next) == Some('-') {
            next + 1
        } else if let Some(j) = self.has_cue(next, |c| *c == Cue::RangeTo) {
            if self.text(next) == "and" && !and_ok {
                return None;
            }
            j
        } else if and_ok && self.kind(next) == Some(TokenKind::Word) && self.text(next) == "و" {
            next + 1
        } else if and_ok
            && self
                .info(next)
                .is_some_and(|w| w.conj && w.prefix as usize == "و".len())
        {
            // بين ثلاثمئة وأربعمئة: the second number carries the و.
            let c = self.compose_at(next)?;
            return (!c.fraction && c.value > lo).then_some((c.value, c.next));
        } else {
            return None;
        };
        let Composed {
            value: hi,
            fraction: frac,
            next: after,
            lone,
            ..
        } = self.compose_at(j)?;
        if frac || hi <= lo {
            return None;
        }
        // A hyphen between two years is a span of years, not a quantity.
        if matches!(lone, Some((true, 4)))
            && (1900.0..=2100.0).contains(&lo)
            && (1900.0..=2100.0).contains(&hi)
        {
            return None;
        }
        Some((hi, after))
    }

    /// بين X و Y, من X إلى Y, between X and Y.
    fn range_open_at(&self, i: usize) -> Option<(Mention, usize)> {
        let j = self.has_cue(i, |c| *c == Cue::RangeOpen)?;
        // بين عامي ...: years, not a range.
        if self.has_cue(j, |c| *c == Cue::YearBefore).is_some() {
            return None;
        }
        let Composed {
            value: lo,
            fraction: frac,
            start,
            next,
            lone,
            ..
        } = self.compose_at(j)?;
        if frac || matches!(lone, Some((true, 4))) && (1900.0..=2100.0).contains(&lo) {
            return None;
        }
        let (hi, after) = self.range_tail(next, lo, true)?;
        let mut percent = false;
        let mut end = after;
        if self.punct(after) == Some('%') {
            percent = true;
            end += 1;
        }
        let _ = percent;
        Some((self.mention(start, end, Kind::Range, Value::Range(lo, hi)), end))
    }

    fn is_year(&self, k: usize, next: usize) -> bool {
        self.cue_before(k, |c| *c == Cue::YearBefore)
            || self.has_cue(next, |c| *c == Cue::YearAfter).is_some()
            || (self.last_year_end.is_some_and(|e| e + 1 == k || e + 2 == k)
                && (self.text(k - 1) == "و"
                    || self.punct(k - 1) == Some('-')
                    || self.punct(k - 1) == Some(',')))
            || (k > 0 && self.punct(k - 1) == Some('-') && k >= 2 && self.number_len(k - 2) == Some(4))
            || (self.punct(next) == Some('-') && self.number_len(next + 1) == Some(4))
    }

    fn ordinal_at(&self, i: usize) -> Option<(Mention, usize)> {
        let w = self.info(i)?;
        let start = self.start_of(i) - w.article as usize;
        let after_definite = i == 0 || self.after_definite(i);
        let (mut v, teen_head, mut next) = if let Some((v, th)) = w.ordinal {
            (v, th, i + 1)
        } else if let Some(c) = w.cardinal
            && w.definite
            && matches!(c.role, Role::Tens | Role::Hundred | Role::Hundreds | Role::Scale)
            && !c.plural
            && after_definite
        {
            // الكتاب الثلاثون, العام المئة
            (c.value, false, i + 1)
        } else {
            return None;
        };
        // The next word of a compound ordinal, joined by و (attached or not).
        let joined = |k: usize| -> Option<(&WordInfo, usize)> {
            if self.text(k) == "و" {
                Some((self.info(k + 1)?, k + 2))
            } else {
                self.info(k).filter(|w| w.conj).map(|w| (w, k + 1))
            }
        };
        if v >= 100.0
            && let Some((nw, after)) = joined(next)
            && let Some((u, _)) = nw.ordinal.filter(|(u, _)| *u < 10.0)
        {
            // المئة والخامسة والعشرون
            v += u;
            next = after;
        }
        if v % 100.0 < 10.0
            && let Some(nw) = self.info(next)
            && nw.prefix == 0
            && nw.cardinal.is_some_and(|c| c.role == Role::Ten)
        {
            // الحادي عشر, الثالث عشر
            v += 10.0;
            next += 1;
        } else if v % 100.0 < 10.0
            && let Some((nw, after)) = joined(next)
            && let Some(c) = nw.cardinal.filter(|c| c.role == Role::Tens)
        {
            // الخامسة والعشرون, الخامسة و عشرون
            v += c.value;
            next = after;
        } else if teen_head {
            return None;
        }
        // An ordinal day before a month is a date.
        if let Some(r) = self.month_after(start, next, v) {
            return Some(r);
        }
        Some((self.mention(start, next, Kind::Ordinal, Value::Number(v)), next))
    }

    /// A day `day` ending before `next`, followed by \[من\] month \[year\]: a date.
    fn month_after(&self, start: usize, next: usize, day: f64) -> Option<(Mention, usize)> {
        if !(1.0..=31.0).contains(&day) || day.fract() != 0.0 {
            return None;
        }
        let mut k = next;
        if self.has_cue(k, |c| *c == Cue::Of).is_some() && self.text(k) == "من" {
            k += 1;
        }
        let m = self.month(k)?;
        let mut end = k + m;
        if self.punct(end) == Some(',') && self.number_len(end + 1) == Some(4) {
            end += 1;
        }
        if self.number_len(end) == Some(4) {
            end += 1;
        }
        Some((self.mention(start, end, Kind::Date, Value::None), end))
    }

    fn month(&self, i: usize) -> Option<usize> {
        self.cal.month_at(self.key, self.t, i).map(|m| m.tokens)
    }

    /// Dates and times written with digits or month names.
    fn temporal_at(&self, i: usize) -> Option<(Mention, usize)> {
        // الساعة 10, الساعة العاشرة
        if let Some(j) = self.has_cue(i, |c| *c == Cue::TimeBefore)
            && self.text(i) != "at"
        {
            if let Some(len) = self.number_len(j)
                && len <= 2
            {
                let end = self.time_digits(j).unwrap_or(j + 1);
                let end = self.has_cue(end, |c| *c == Cue::TimeAfter).unwrap_or(end);
                return Some((
                    self.mention(self.t[j].start as usize, end, Kind::Time, Value::None),
                    end,
                ));
            }
            if let Some(w) = self.info(j)
                && w.ordinal.is_some()
            {
                // الساعة الحادية عشرة: the whole compound ordinal.
                let end = self.ordinal_at(j).map_or(j + 1, |(_, e)| e);
                let end = self.has_cue(end, |c| *c == Cue::TimeAfter).unwrap_or(end);
                return Some((self.mention(self.start_of(j), end, Kind::Time, Value::None), end));
            }
        }
        let len = self.number_len(i);
        // 2 a.m., 9 p.m.
        if let Some(l) = len
            && l <= 2
            && matches!(self.text(i + 1), "a" | "p")
            && self.punct(i + 2) == Some('.')
            && self.text(i + 3) == "m"
        {
            let end = if self.punct(i + 4) == Some('.') {
                i + 5
            } else {
                i + 4
            };
            return Some((
                self.mention(self.t[i].start as usize, end, Kind::Time, Value::None),
                end,
            ));
        }
        if let Some(len) = len {
            // 10:30
            if len <= 2
                && let Some(end) = self.time_digits(i)
            {
                let end = self.has_cue(end, |c| *c == Cue::TimeAfter).unwrap_or(end);
                return Some((
                    self.mention(self.t[i].start as usize, end, Kind::Time, Value::None),
                    end,
                ));
            }
            // 23.01.2022, 2022-01-23, 5/17/2018
            if let Some(end) = self.numeric_date(i) {
                return Some((
                    self.mention(self.t[i].start as usize, end, Kind::Date, Value::None),
                    end,
                ));
            }
            // 23 يناير 2022
            if len <= 2
                && !self.glued(i + 1)
                && let Some(d) = self.number_value(i)
                && let Some(r) = self.month_after(self.t[i].start as usize, i + 1, d)
            {
                return Some(r);
            }
        }
        // يناير 2022, January 27, 2022 (a month is looked up only when digits follow it)
        if self.kind(i) == Some(TokenKind::Word)
            && (self.number_len(i + 1).is_some() || self.number_len(i + 2).is_some())
            && let Some(m) = self.month(i)
        {
            let mut k = i + m;
            // Jan. 27, Feb. 3: an abbreviated English month and its point.
            if self.text(i).is_ascii() && self.punct(k) == Some('.') && self.glued(k) {
                k += 1;
            }
            if self.number_len(k) == Some(4) {
                return Some((
                    self.mention(self.start_of(i), k + 1, Kind::Date, Value::None),
                    k + 1,
                ));
            }
            if let Some(l) = self.number_len(k)
                && l <= 2
                && self.text(i).is_ascii()
            {
                let mut end = k + 1;
                if self.punct(end) == Some(',') && self.number_len(end + 1) == Some(4) {
                    end += 2;
                } else if self.number_len(end) == Some(4) {
                    end += 1;
                }
                return Some((self.mention(self.start_of(i), end, Kind::Date, Value::None), end));
            }
        }
        None
    }

    fn time_digits(&self, i: usize) -> Option<usize> {
        if self.punct(i + 1) == Some(':')
            && self.glued(i + 1)
            && self.number_len(i + 2) == Some(2)
            && self.glued(i + 2)
        {
            let mut end = i + 3;
            if self.punct(end) == Some(':')
                && self.glued(end)
                && self.number_len(end + 1) == Some(2)
                && self.glued(end + 1)
            {
                end += 2;
            }
            return Some(end);
        }
        None
    }

    fn numeric_date(&self, i: usize) -> Option<usize> {
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '.' | '-') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let a = self.number_len(i)?;
        let b = self.number_len(i + 2)?;
        let three = self.punct(i + 3) == Some(sep) && self.glued(i + 3) && self.glued(i + 4);
        if three && let Some(c) = self.number_len(i + 4) {
            let dmy = a <= 2 && b <= 2 && (c == 4 || c == 2);
            let ymd = a == 4 && b <= 2 && c <= 2;
            if dmy || ymd {
                return Some(i + 5);
            }
            return None;
        }
        // d/m without a year: a date when it is not a proper fraction.
        if sep == '/' && a <= 2 && b <= 2 {
            let x = self.number_value(i)?;
            let y = self.number_value(i + 2)?;
            let day_month = (1.0..=31.0).contains(&x) && (1.0..=12.0).contains(&y);
            if x >= y && day_month && !(self.kind(i + 3) == Some(TokenKind::Word) && self.glued(i + 3)) {
                return Some(i + 3);
            }
        }
        None
    }

    fn phone_at(&self, i: usize) -> Option<(Mention, usize)> {
        let plus = self.punct(i) == Some('+');
        let first = if plus { i + 1 } else { i };
        if plus && !self.glued(first) {
            return None;
        }
        let len0 = self.number_len(first)?;
        let mut digits = len0;
        let mut groups = 1;
        let mut k = first + 1;
        // +963 11 2222222: groups after a plus sign may stand apart.
        while plus && self.punct(k).is_none() && self.number_len(k).is_some() && !self.glued(k) {
            digits += self.number_len(k)?;
            groups += 1;
            k += 1;
        }
        while let Some(c) = self.punct(k) {
            if matches!(c, '-' | '/')
                && self.glued(k)
                && self.number_len(k + 1).is_some()
                && self.glued(k + 1)
            {
                digits += self.number_len(k + 1)?;
                groups += 1;
                k += 2;
            } else {
                break;
            }
        }
        let cue = self.cue_before(i, |c| *c == Cue::PhoneBefore);
        let long_zero = groups == 1 && len0 >= 9 && self.text(first).starts_with('0');
        let dashed = groups >= 3 && digits >= 8 && self.punct(first + 1) == Some('-');
        if (plus && digits >= 7) || (cue && digits >= 6) || long_zero || dashed {
            let start = self.t[i].start as usize;
            return Some((self.mention(start, k, Kind::Phone, Value::None), k));
        }
        None
    }
}
