//! The facet of a quantity: what the number counts.
//!
//! In: a quantity, its sentence, the event cues of the sentence and the
//! other quantities in it. Out: a facet of `data/facets.toml` (the first
//! `[[facet]]` row whose event and people-word match the nearest event cue
//! and the people the number counts), a duration (a count of days or hours
//! after a duration cue), or `other:<noun>` for a quantity that fits none,
//! with a factor for the value (weeks in days). Refused, as no claim at
//! all: issue and page numbers, ages, years, shares (fractions and
//! percentages), a partitive one ("one of the largest"), counts of units
//! that are never claims (km, dollars), a count of days or hours with no
//! duration cue.

use super::*;

impl<'a> Run<'a> {
    /// "34 of its fighters died", "lost 26 of its own soldiers": the
    /// speaker's own dead, counted with the speaker's side.
    pub(super) fn own_side(
        &self,
        facet: String,
        q: &Quantity,
        end: usize,
        speaker: Option<&SourceRef>,
    ) -> String {
        let lex = self.lex();
        let Some(e) = lex.facets.iter().find(|f| f.name == facet).map(|f| f.event) else {
            return facet;
        };
        let own =
            (q.toks.end..(q.toks.end + 3).min(end)).any(|k| matches!(self.word(k), "its" | "their" | "our"));
        if e != lex.roles.killed || !own {
            return facet;
        }
        let Some(side) = speaker.and_then(|s| self.side_of(s)) else {
            return facet;
        };
        lex.facets
            .iter()
            .find(|f| f.event == e && f.who == Some(side))
            .map_or(facet, |f| f.name.clone())
    }

    /// The facet of a quantity and a factor for its value (weeks → days).
    pub(super) fn facet(
        &self,
        sent: Range<usize>,
        q: &Quantity,
        others: &[Range<usize>],
        sent_cues: &[(usize, u16)],
    ) -> Option<(String, f64)> {
        let lex = self.lex();
        let a = q.toks.start;
        let b = self.after_quote(q.toks.end);
        if self.not_a_count(sent.clone(), q, b, others) {
            return None;
        }
        if let Some(unit) = self.unit(a, b) {
            return self.duration(unit, (a, sent.start), sent_cues);
        }
        if let Some(vague) = self.vague_count(sent.clone(), q, b) {
            return vague;
        }
        if self.demanded(a, sent.start) {
            return Some(self.other_noun(b));
        }
        let is_duration_cue = |e: u16| e == lex.roles.duration;
        let cues = self.cues_of(q, b, sent.start, others, sent_cues);
        let event = self.nearest_event(&cues, a, b, sent.start, &is_duration_cue);
        // "القبض على 5 من الفارين", "arrested 5 escapees": an arrest of those
        // who escaped is their recapture.
        let r = &lex.roles;
        let event = event.map(|e| {
            if (e == r.arrested || e == r.captured) && self.counts_escapees(b) {
                r.recaptured
            } else {
                e
            }
        });
        // Those sentenced are no count of the event: a court's decision.
        if event == Some(r.sentenced) {
            return None;
        }
        // Enemies taken prisoner in a war between states are no arrest, nor
        // is a nation's people or troops taken prisoner ("120 Iraqis were
        // taken prisoner"), unless insurgents are near.
        let nations_people = || !self.insurgents_near(b) && self.counted_nation(b, sent.end).is_some();
        if event == Some(r.captured) && (!self.facts.nations.is_empty() || nations_people()) {
            return Some(self.other_noun(b));
        }
        // A nation's people or troops take its side in the report, in what
        // befell them; its civilians stay civilians.
        let who = self.who_of(q, sent.clone());
        let who = who.or_else(|| event.and_then(|_| self.left_behind_by(a, sent.clone())));
        let who = match event.and_then(|_| self.nation_side(b, sent.end)) {
            Some(side) if who.is_none_or(|w| [r.attackers, r.security, r.members].contains(&w)) => Some(side),
            _ => who,
        };
        let who = who.or_else(|| (event == Some(r.killed)).then(|| self.martyrs_side(q, sent.clone()))?);
        // An armed group's arrest is an abduction.
        let event = match event {
            Some(e) if e == r.arrested && self.arrest_by_attackers(&cues, a, sent.start) => {
                Some(r.hostage_taken)
            }
            _ => event,
        };
        // Soldiers or police captured are captives taken, not arrested:
        // the counted noun says so, not a speaker before the count
        // ("Police said 12 suspects were captured").
        let event = match event {
            Some(e)
                if e == r.captured
                    && who == Some(r.security)
                    && self.who_after(b, sent.end).contains(&r.security) =>
            {
                Some(r.hostage_taken)
            }
            _ => event,
        };
        // "ثلاثة مقنعين اختطفوا": gunmen whom an abduction follows did it.
        let abductors = event == Some(r.hostage_taken)
            && who == Some(r.attackers)
            && cues
                .iter()
                .any(|&(k, e)| e == r.hostage_taken && k >= b && self.words_between(b, k) <= 2);
        if abductors || self.counted_agent(q, b, event, who, &cues, others) {
            return Some((r.attackers_count.clone(), 1.0));
        }
        // Postposed عدة counts the noun before it (مجموعات عدة من المنطقة).
        let postposed = self.postposed(q, b);
        // A dual noun (فردين من الفرقة) names what it counts itself: the
        // partitive after it is where they are from.
        let dual = q.toks.len() == 1
            && self.toks[a].kind == TokenKind::Word
            && !self.x.numbers_word(self.word(a))
            && self.word(b) == "من";
        let thing_noun = (!dual)
            .then(|| self.thing_noun(b, sent.end))
            .flatten()
            .or_else(|| self.things_included(a, sent.start))
            .filter(|_| !postposed);
        if let Some(e) = event {
            // A claim of zero (لم يصب أحد من ساكنيه) counts what its own
            // words name, whatever noun follows.
            let things = q.m.value != Value::Number(0.0) && self.counts_things(q, b, sent.end);
            let people = self.counts_people(b);
            for f in &lex.facets {
                if f.event == e && f.who.is_none_or(|w| Some(w) == who) {
                    // A count of people cannot be followed by a noun that names none.
                    if (things && who.is_none() || thing_noun.is_some()) && !lex.things.contains(&f.name) {
                        break;
                    }
                    // Nor a count of things by a noun of people (a bus
                    // carrying a number of guards is no count of blasts).
                    if people && lex.things.contains(&f.name) {
                        break;
                    }
                    // A prison's row holds only in a report on a prison; a
                    // later row may (workers elsewhere are civilians).
                    if !self.facts.prison && f.prison {
                        continue;
                    }
                    return Some((f.name.clone(), 1.0));
                }
            }
        }
        // Gunmen counted with nothing said of them are the attackers.
        let counted_attackers = (a..=b).any(|k| {
            self.at(&lex.who, k)
                .is_some_and(|f| *f.value == lex.roles.attackers)
        });
        if let Some(noun) = thing_noun {
            return Some(other(self.word(noun)));
        }
        if event.is_none() && counted_attackers && who == Some(lex.roles.attackers) {
            return Some((lex.roles.attackers_count.clone(), 1.0));
        }
        // So are soldiers counted with nothing said of them a force's
        // strength (يخدم 3500 جندي في الصومال).
        let counted_security = (a..=b).any(|k| {
            self.at(&lex.who, k)
                .is_some_and(|f| *f.value == lex.roles.security)
        });
        if event.is_none() && counted_security && who == Some(lex.roles.security) {
            return Some((lex.roles.forces_deployed.clone(), 1.0));
        }
        // A count of what names no side and no people, in a sentence that
        // names no event at all ("asked four countries", "the vote passed
        // 34 to 20", an issue number), says nothing of the event; "defused
        // two car bombs" stays a count of things.
        let names_event = (b..(b + 2).min(sent.end)).any(|k| self.starts(&lex.events, k));
        if sent_cues.is_empty()
            && event.is_none()
            && who.is_none()
            && !names_event
            && !self.starts(&lex.people_words, b)
        {
            return None;
        }
        Some(self.other_noun(b))
    }

    /// Where the noun after a quantity ending before `b` starts: past a
    /// quote that closes on the figure ("nearly 60" detainees, «نحو 90»
    /// مسلحا).
    fn after_quote(&self, b: usize) -> usize {
        let closes = self.toks.get(b).is_some_and(|t| {
            t.kind == TokenKind::Punct && !t.space_before && matches!(t.text(self.key), "\"" | "”" | "»")
        });
        if closes
            && self.toks.get(b + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&self.lex().stops, b + 1)
        {
            b + 1
        } else {
            b
        }
    }

    /// "قتل أربعة مسلحين من حركة الشباب 67 شخصا": right after an Arabic
    /// verb of killing or abduction, a count of attackers followed in its
    /// clause by another count (the victims, the verb's object) is the
    /// verb's subject: the attackers, not the dead.
    fn counted_agent(
        &self,
        q: &Quantity,
        b: usize,
        event: Option<u16>,
        who: Option<u16>,
        cues: &[(usize, u16)],
        others: &[Range<usize>],
    ) -> bool {
        let r = &self.lex().roles;
        let a = q.toks.start;
        let verb_before = cues
            .iter()
            .any(|&(k, e)| Some(e) == event && k < a && self.words_between(k, a) == 1);
        let object_after = others.iter().any(|o| {
            o.start >= b
                && self.words_between(b, o.start) <= 4
                && !(b..o.start).any(|k| {
                    self.is_punct(k)
                        || self.starts(&self.lex().verbs, k)
                        || (self.word(k).starts_with('و') && self.word(k).chars().count() > 2)
                })
        });
        who == Some(r.attackers)
            && event.is_some_and(|e| e == r.killed || e == r.hostage_taken)
            && self.lang(a) == Lang::Arabic
            && verb_before
            && object_after
    }

    /// True for a number that counts nothing of the event: an issue, page,
    /// unit or article number or an age (after العدد, الفرقة, الفصل, page,
    /// Brigade, aged), also for each number of a list it heads ("articles
    /// 1, 2 and 5"); an ordinal written in digits ("the 96th"); an item
    /// number opening a line ("1 - …"); a partitive one; a share; a year
    /// with no noun of people after it; an age set off by commas after a
    /// name ("Ms Reyne, 44, said"); a code written with a leading zero
    /// ("07", "003": no count is).
    fn not_a_count(&self, sent: Range<usize>, q: &Quantity, b: usize, others: &[Range<usize>]) -> bool {
        let lex = self.lex();
        let a = q.toks.start;
        // A place's name that reads as a dual (القريتين) counts nothing.
        if self.ordinal_suffix(b)
            || self.definite_digits(a)
            || self.item_number(a, b)
            || self.describes_speaker(a, b)
            || self.partitive_whole(a)
            || self.glued_to_name(a)
            || self.is_local_place(a..q.toks.end)
            || self.leading_zero(a)
        {
            return true;
        }
        // Read before the hedge (home to about 85,000), and before the
        // numbers of a list this one ends.
        let mut before = match q.m.hedge {
            Some((hs, _)) if hs < q.m.start => self.toks.partition_point(|t| (t.end as usize) <= hs).min(a),
            _ => self.list_head(a, others),
        };
        while before > sent.start && self.is_punct(before - 1) {
            before -= 1;
        }
        if a > sent.start && self.starts(&lex.day_after, a - 1) || self.dwellers(before, b, sent.clone()) {
            return true;
        }
        if (1..=2).any(|d| {
            before >= sent.start + d
                && (self.starts(&lex.never_after, before - d) || self.starts(&lex.labels, before - d))
        }) {
            return true;
        }
        // "one of the largest", "one of the blocks".
        if q.m.value == Value::Number(1.0) && self.word(b) == "of" && self.toks[a].kind == TokenKind::Word {
            return true;
        }
        if matches!(q.m.kind, Kind::Fraction | Kind::Percent) {
            return true;
        }
        let Value::Number(x) = q.m.value else {
            return false;
        };
        if q.m.hedge.is_some() {
            return false;
        }
        // A bare four-digit number from 1900 to 2099 with no noun after it
        // is a year the recogniser had no cue for (فبراير (شباط) 2015); so is
        // one before a word that names no people and no event ("a 2029 bus
        // station bombing", قسمت في 1947 بين البلدين).
        let year = (1900.0..2100.0).contains(&x)
            && x.fract() == 0.0
            && b == a + 1
            && self.toks[a].kind == TokenKind::Number
            && (b >= sent.end
                || self.toks[b].kind != TokenKind::Word
                || self.starts(&lex.stops, b)
                || !self.starts(&lex.who, b)
                    && !self.starts(&lex.people_words, b)
                    && !self.starts(&lex.events, b));
        let age = x < 120.0
            && a >= 2
            && self.is_comma(a - 1)
            && self.capitalised(a - 2)
            && self.lang(a - 2) == Lang::English
            && b < sent.end
            && self.is_comma(b);
        year || age
    }

    /// True for a count a verb of dwelling governs: right before it, past
    /// its hedge (يقيم فيها ما يقارب من 5000 عائلة), or after it in its
    /// clause with no event cue between ("18,000 Sunnis and 2,000
    /// Christians, Catholic and Orthodox, lived in the town") and none just
    /// before it ("killed 5 people living nearby" is a toll).
    fn dwellers(&self, before: usize, b: usize, sent: Range<usize>) -> bool {
        let lex = self.lex();
        if !self.in_doc(&lex.dwell) {
            return false;
        }
        if (1..=3).any(|d| before >= sent.start + d && self.starts(&lex.dwell, before - d)) {
            return true;
        }
        if (before.saturating_sub(6).max(sent.start)..before).any(|k| self.starts(&lex.events, k)) {
            return false;
        }
        let mut words = 0;
        for k in b..sent.end {
            if self.starts(&lex.dwell, k) {
                return true;
            }
            if self.starts(&lex.events, k) || self.starts(&lex.verbs, k) {
                return false;
            }
            if self.toks[k].kind != TokenKind::Punct {
                words += 1;
                if words > 10 {
                    break;
                }
            }
        }
        false
    }

    /// Whether the count at `a` is asked in exchange: a word of exchange
    /// ends at most four words before it ("in exchange for the release of
    /// 100 detainees", مقابل الإفراج عن 100 معتقل).
    fn demanded(&self, a: usize, start: usize) -> bool {
        let lex = self.lex();
        self.in_doc(&lex.exchange)
            && (a.saturating_sub(6).max(start)..a).any(|k| {
                self.at(&lex.exchange, k)
                    .is_some_and(|f| f.end <= a && self.words_between(f.end, a) <= 4)
            })
    }

    /// The first number of a list of bare numbers that ends with the one at
    /// `a` ("1، 2 و5"): each joined to the one before by و, "and" or a comma.
    fn list_head(&self, mut a: usize, others: &[Range<usize>]) -> usize {
        while a >= 2
            && (matches!(self.word(a - 1), "و" | "and") || self.is_comma(a - 1))
            && let Some(o) = others.iter().find(|o| o.end == a - 1 && o.len() == 1)
        {
            a = o.start;
        }
        a
    }

    /// "وقال عدد من السكان": a number right after a reporting verb that
    /// counts the unnamed people who speak, not what they say.
    fn describes_speaker(&self, a: usize, b: usize) -> bool {
        let lex = self.lex();
        let noun = if self.word(b) == "من" { b + 1 } else { b };
        a > 0 && self.starts(&lex.verbs, a - 1) && self.starts(&lex.anonymous, noun)
    }

    /// "Karbala-8", "L-39", "Khark-5": a number glued by a hyphen to the
    /// word before it is part of a name (an operation, a model, a ship).
    fn glued_to_name(&self, a: usize) -> bool {
        a >= 2
            && self.toks[a - 1].text(self.key) == "-"
            && !self.toks[a - 1].space_before
            && !self.toks[a].space_before
            && self.toks[a - 2].kind == TokenKind::Word
    }

    /// "32 of the 543 passengers", "5 من أصل 20": the whole a part is
    /// counted from is no claim of its own.
    pub(super) fn partitive_whole(&self, a: usize) -> bool {
        let number = |k: usize| self.toks[k].kind == TokenKind::Number || self.x.numbers_word(self.word(k));
        a >= 3
            && (self.word(a - 2) == "of" && matches!(self.word(a - 1), "the" | "its" | "their")
                || self.word(a - 2) == "من" && matches!(self.word(a - 1), "اصل" | "مجموع"))
            && number(a - 3)
    }

    /// "96th", "21st": digits with an ordinal's letters glued to them.
    fn ordinal_suffix(&self, b: usize) -> bool {
        self.toks
            .get(b)
            .is_some_and(|t| !t.space_before && matches!(self.word(b), "st" | "nd" | "rd" | "th"))
    }

    /// "بدورتها الـ23", "قائمة المطلوبين الـ16": digits with the article
    /// glued before them are an ordinal or a set named by its size, no
    /// count of the event; but after a noun of those the event befell
    /// ("المختطفين الـ227", "القتلى الـ12") they count them again.
    fn definite_digits(&self, a: usize) -> bool {
        let glued = self
            .toks
            .get(a)
            .is_some_and(|t| t.kind == TokenKind::Number && !t.space_before)
            && a > 0
            && matches!(self.word(a - 1), "ال" | "وال" | "بال" | "لل" | "فال");
        glued && !(a >= 2 && self.counts_the_event_again(a - 2))
    }

    /// Whether the word at `k` alone names people an event befell (the
    /// dead, the escaped, the arrested, the abducted).
    fn counts_the_event_again(&self, k: usize) -> bool {
        let r = &self.lex().roles;
        self.at(&self.lex().events, k).is_some_and(|f| {
            f.end == k + 1
                && [r.killed, r.escaped, r.recaptured, r.arrested, r.hostage_taken].contains(f.value)
        })
    }

    /// "1 - العريف …", "2) …": a number opening its line, before a list
    /// mark, numbers an item.
    fn item_number(&self, a: usize, b: usize) -> bool {
        let opens_line = a == 0 || {
            let gap = self.toks[a - 1].end as usize..self.toks[a].start as usize;
            self.key[gap].contains('\n')
        };
        // The mark stands apart from a word after it ("5,000-strong" is no item).
        let mark = self
            .toks
            .get(b)
            .is_some_and(|t| matches!(t.text(self.key), "-" | "–" | ")" | "." | ":"));
        let apart = self.toks.get(b + 1).is_none_or(|t| t.space_before) || self.toks[b].space_before;
        opens_line && mark && apart
    }

    /// Whether the tokens from `a` to `end` are joined by a hyphen with no
    /// space, inside or right after them ("36-hour", "week-old").
    fn hyphen_joined(&self, a: usize, end: usize) -> bool {
        let glued_hyphen = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.key) == "-" && !t.space_before)
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| !t.space_before && t.kind != TokenKind::Punct)
        };
        (a..=end).any(glued_hyphen)
    }

    /// The unit counted from `a` (the number) with its noun from `b`: the
    /// mention's own noun (يومين), the next word, or the word after a
    /// hyphen ("a 36-hour riot"); with where the unit ends.
    fn unit(&self, a: usize, b: usize) -> Option<(Unit, usize)> {
        let lex = self.lex();
        let hyphen = self
            .toks
            .get(b)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.key) == "-" && !t.space_before)
            && self.toks.get(b + 1).is_some_and(|t| !t.space_before);
        if let Some(f) = self.at(&lex.units, a).filter(|f| f.end >= b) {
            return Some((*f.value, b));
        }
        if let Some(f) = self.at(&lex.units, b) {
            return Some((*f.value, b + 1));
        }
        let f = self.at(&lex.units, b + 1).filter(|_| hyphen)?;
        Some((*f.value, b + 2))
    }

    /// A count of a unit: never a claim, or a duration when a duration cue
    /// comes before the number or right after the unit (بعد أسبوعين من
    /// المعارك), or when the count is an attributive measure joined by a
    /// hyphen ("a 36-hour riot", "a one-day strike", "a week-old offensive").
    fn duration(
        &self,
        (unit, unit_end): (Unit, usize),
        (a, sent_start): (usize, usize),
        cues: &[(usize, u16)],
    ) -> Option<(String, f64)> {
        let lex = self.lex();
        let Unit::Duration { facet, factor } = unit else {
            return None;
        };
        let term = |k: usize| (k.saturating_sub(4).max(sent_start)..k).any(|j| self.starts(&lex.terms, j));
        let cued = cues
            .iter()
            .any(|&(k, e)| e == lex.roles.duration && k < a && !term(k))
            || self.starts(&lex.duration_after, unit_end)
            || self.hyphen_joined(a, unit_end);
        cued.then(|| (lex.durations[facet as usize].clone(), factor))
    }

    /// Whether a vague عدة counts the noun before it (مجموعات عدة):
    /// preposed, it counts the noun after it (عدة أشخاص). A word after it
    /// that opens with a preposition (عدة لاستكمال) is no counted noun;
    /// عديدة always follows its noun.
    fn postposed(&self, q: &Quantity, b: usize) -> bool {
        let lex = self.lex();
        let a = q.toks.start;
        if q.m.kind != Kind::Vague || !matches!(self.word(a), "عده" | "عديده") {
            return false;
        }
        let preposed = self.toks.get(b).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, b)
            && !self.starts(&lex.events, b)
            && (!self.word(b).starts_with(['ل', 'ب']) || self.starts(&lex.who, b));
        !preposed || self.word(a) == "عديده"
    }

    /// The Arabic vague words that count no claim of people: postposed
    /// عدة after a noun that names no people (مجموعات عدة: other:noun), and
    /// عدد من before a verb ("the number of those who", not "a number
    /// of"). `Some(answer)` decides the quantity.
    fn vague_count(&self, sent: Range<usize>, q: &Quantity, b: usize) -> Option<Option<(String, f64)>> {
        let lex = self.lex();
        let a = q.toks.start;
        if a > sent.start && self.postposed(q, b) && self.at(&lex.who, a - 1).is_none() {
            return Some(Some(other(self.word(a - 1))));
        }
        // عدد من نزحوا.
        if q.m.vague.as_deref() == Some("a number of")
            && self.word(b).ends_with("وا")
            && self.starts(&lex.events, b)
        {
            return Some(None);
        }
        None
    }

    /// The sentence's event cues that may say what happened to the people
    /// of quantity `q` (noun from `b`): not the counted noun when it names
    /// people (45 محتجزاً), not a people-word after the number when a cue
    /// before it says what happened, not a cue inside another quantity
    /// (تفجيرين) nor the noun another quantity counts (17 من المحتجزين وثلاثة
    /// حراس).
    fn cues_of(
        &self,
        q: &Quantity,
        b: usize,
        sent_start: usize,
        others: &[Range<usize>],
        cues: &[(usize, u16)],
    ) -> Vec<(usize, u16)> {
        let lex = self.lex();
        let a = q.toks.start;
        let (soft, _) = self.clause_start(a, sent_start);
        let has_cue_before = cues
            .iter()
            .any(|&(k, e)| k < a && k >= soft && e != lex.roles.duration);
        let another_counts = |k: usize| {
            others.iter().any(|o| {
                o.start != a
                    && (o.contains(&k)
                        || k == o.end && self.starts(&lex.who, k)
                        || k == o.end + 1
                            && matches!(self.word(o.end), "من" | "of")
                            && self.starts(&lex.who, k))
            })
        };
        cues.iter()
            .copied()
            .filter(|&(k, _)| !(k == b && self.starts(&lex.who, k)))
            .filter(|&(k, _)| !(k >= b && self.starts(&lex.who, k) && has_cue_before))
            .filter(|&(k, _)| !another_counts(k))
            .collect()
    }

    /// True when the noun a number counts (from `b`, past من / of / ممن and
    /// an attempt) says they escaped: الفارين, escapees, ممن حاولوا الفرار.
    fn counts_escapees(&self, b: usize) -> bool {
        let lex = self.lex();
        let mut k = b;
        if matches!(self.word(k), "من" | "of" | "ممن" | "who") {
            k += 1;
        }
        if matches!(self.word(k), "the" | "those") {
            k += 1;
        }
        if self.starts(&lex.attempt, k) {
            k += 1;
        }
        self.at(&lex.events, k)
            .is_some_and(|f| *f.value == lex.roles.escaped)
    }

    /// "40 soldiers and guerrillas", "مسلحين وعناصر أمن", "من المدنيين
    /// ورجال الأمن": the noun phrase after a count joins two sides
    /// (attackers, security, civilians) by and / و, so it counts both
    /// together. A word for any side's forces (قوات صالح, "rebel forces") is
    /// no side of its own; a number starts a count of its own ("30
    /// guerrillas and 12 soldiers").
    fn both_sides(&self, b: usize, end: usize) -> bool {
        let lex = self.lex();
        let r = &lex.roles;
        let sides = [r.attackers, r.security, r.civilians];
        let mut seen: Option<u16> = None;
        let mut joined = false;
        for k in b..(b + 6).min(end) {
            let w = self.word(k);
            if self.toks[k].kind == TokenKind::Number || self.is_punct(k) || self.x.numbers_word(w) {
                break;
            }
            // و on a people noun joins the side word after it (ورجال الأمن).
            // و on a people noun that is no side word joins the side word
            // after it (ورجال الشرطة).
            let joiner = w.starts_with('و') && self.starts(&lex.people_words, k) && !self.starts(&lex.who, k);
            if matches!(w, "and" | "or" | "و" | "او") || joiner {
                joined = true;
                continue;
            }
            let Some(side) = self.at(&lex.who, k).map(|f| *f.value) else {
                continue;
            };
            if self.starts(&lex.any_forces, k) {
                continue;
            }
            if !sides.contains(&side) {
                continue;
            }
            let joins = joined || w.starts_with('و');
            if joins && seen.is_some_and(|s| s != side) {
                return true;
            }
            seen = seen.or(Some(side));
        }
        false
    }

    /// Where the noun phrase a number counts (from `b`, past من / of) has
    /// a noun that never counts people (مدن، مواقع، عائلات، "four
    /// oil sites", "120 acres", "3 army bases"), before a people-word, a
    /// function word, a verb or punctuation (or, in Arabic, a word for a
    /// side: the head comes first); in either language, after any quantity.
    fn thing_noun(&self, b: usize, end: usize) -> Option<usize> {
        let lex = self.lex();
        let from = if matches!(self.word(b), "من" | "of") {
            b + 1
        } else {
            b
        };
        let english = self.lang(from) == Lang::English;
        let mut k = from;
        let mut words = 0;
        // English stacks modifiers before its head (Soviet MI-24 fighter
        // helicopters).
        let limit = if english { 4 } else { 3 };
        while k < end && words < limit {
            if self.starts(&lex.thing_nouns, k) {
                return Some(k);
            }
            // An English compound joined by hyphens (MI-24, Czechoslovak-made)
            // is one modifier.
            if english && self.in_hyphen_compound(k) {
                k += 1;
                continue;
            }
            words += 1;
            // An English noun may modify the head after it ("army bases").
            let modifier = self.lang(k) == Lang::English;
            if self.toks[k].kind != TokenKind::Word
                || (self.starts(&lex.who, k) && !modifier)
                || self.starts(&lex.people_words, k)
                || self.starts(&lex.stops, k)
                || self.starts(&lex.adverbs, k)
                || self.starts(&lex.verbs, k)
                || self.starts(&lex.events, k)
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// True for a token of an English hyphenated compound past its first
    /// word: the hyphen, and the word or number glued after it (MI-24).
    fn in_hyphen_compound(&self, k: usize) -> bool {
        let glued = |a: usize, b: usize| {
            self.toks
                .get(a)
                .zip(self.toks.get(b))
                .is_some_and(|(x, y)| x.end == y.start)
        };
        let hyphen = |k: usize| self.toks.get(k).is_some_and(|t| t.text(self.key) == "-");
        (hyphen(k) && k > 0 && glued(k - 1, k)) || (k > 0 && hyphen(k - 1) && glued(k - 1, k))
    }

    /// "weaponry, including 11 … bombers": a count right after a word of
    /// inclusion (including, among them, منها، بينها) counts what the noun
    /// before it names; the thing noun there, if it is one.
    fn things_included(&self, a: usize, start: usize) -> Option<usize> {
        let lex = self.lex();
        let inc = a.checked_sub(1).filter(|&k| k > start)?;
        if !matches!(self.word(inc), "including" | "منها" | "بينها" | "ومنها") {
            return None;
        }
        (start..inc)
            .rev()
            .take(4)
            .filter(|&k| self.toks[k].kind == TokenKind::Word)
            .find(|&k| self.starts(&lex.thing_nouns, k))
    }

    /// Whether the noun a count ending before `b` counts, past من / "of",
    /// names people or a side (عددا من أعوان الأمن, "dozens of villagers").
    fn counts_people(&self, b: usize) -> bool {
        let lex = self.lex();
        let noun = if matches!(self.word(b), "من" | "of") {
            b + 1
        } else {
            b
        };
        noun < self.toks.len() && (self.starts(&lex.who, noun) || self.starts(&lex.people_words, noun))
    }

    /// True when the noun a number counts (from `b`, past من / of) names no
    /// people: an Arabic indefinite noun that is no people-word, unit, verb
    /// or name (43 مركز احتجاز). Sound plurals of agent nouns name people
    /// (مهندسين), and so does a noun followed by a pronoun for them (مشتبهاً
    /// بهم); English nouns are let through.
    fn counts_things(&self, q: &Quantity, b: usize, end: usize) -> bool {
        let lex = self.lex();
        let noun = if matches!(self.word(b), "من" | "of") {
            b + 1
        } else {
            b
        };
        let w = self.word(noun);
        let a_noun = self.toks.get(noun).is_some_and(|t| t.kind == TokenKind::Word) && noun < end;
        let names_something_else = self.starts(&lex.who, noun)
            || self.starts(&lex.people_words, noun)
            || self.starts(&lex.events, noun)
            || self.starts(&lex.stops, noun)
            || self.starts(&lex.units, noun)
            || lex.verbs.starts_at(self.key, self.toks, noun)
            || self.starts(&lex.none_words, noun)
            || self.starts(&lex.adverbs, noun)
            || self.starts(&lex.source_names, noun);
        let agent_plural = w.chars().count() >= 4 && (w.ends_with("ين") || w.ends_with("ون"));
        a_noun
            && !names_something_else
            && !w.starts_with(['و', 'ف', 'ب', 'ل', 'ك'])
            && !w.starts_with("ال")
            && self.lang(noun) != Lang::English
            && !agent_plural
            && !matches!(self.word(noun + 1), "بهم" | "منهم" | "عليهم" | "لهم")
            && q.m.kind != Kind::Vague
    }

    /// `other:<noun>` for a quantity that fits no facet: the noun it
    /// counts, past a partitive ("5 من أعضاء الحكومة", "five of the
    /// members", "of its own fighters"); none for a function word or a
    /// lone conjunction.
    fn other_noun(&self, b: usize) -> (String, f64) {
        let lex = self.lex();
        let mut k = b;
        if matches!(self.word(k), "من" | "of")
            && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
        {
            k += 1;
            while matches!(
                self.word(k),
                "the" | "its" | "their" | "our" | "his" | "her" | "own"
            ) && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
            {
                k += 1;
            }
        }
        // A function word (في, على, on, the…: the subject stops of
        // attribution.toml) or a lone conjunction is no counted noun.
        let noun = if matches!(self.word(k), "و" | "and") || self.starts(&lex.stops, k) {
            ""
        } else {
            self.word(k)
        };
        other(noun)
    }

    /// The side that left a count behind: right after a word of leaving,
    /// in a sentence where a side word or a nation's troops retreat a few
    /// words before it ("Iranian troops fled the battlefield, leaving 220
    /// men killed"): those who retreat leave their own dead.
    fn left_behind_by(&self, a: usize, sent: Range<usize>) -> Option<u16> {
        let lex = self.lex();
        if !self.in_doc(&lex.left_behind) || !self.in_doc(&lex.retreat) {
            return None;
        }
        let leaving = (a.saturating_sub(3).max(sent.start)..a).find(|&k| self.starts(&lex.left_behind, k))?;
        let from = leaving.saturating_sub(12).max(sent.start);
        let fled = (from..leaving).rev().find(|&k| self.starts(&lex.retreat, k))?;
        // The subject: before the verb in English, after it in Arabic
        // (انسحب المسلحون). A nation's troops are its side in the report,
        // before the word for troops.
        let subject = if self.lang(fled) == Lang::Arabic {
            fled + 1..(fled + 4).min(leaving)
        } else {
            fled.saturating_sub(4).max(sent.start)..fled
        };
        subject
            .clone()
            .find_map(|j| self.nation_side(j, sent.end))
            .or_else(|| {
                subject.rev().find_map(|j| {
                    self.at(&lex.who, j)
                        .map(|f| *f.value)
                        .filter(|&w| w != lex.roles.prisoners && w != lex.roles.groups)
                })
            })
    }

    /// "من بين قتلى المعارضة ثلاثة من قادة المجموعات", "among the rebels'
    /// dead were three commanders": the side whose dead (an event noun
    /// after بين / "among", then a side word) a count is picked from, a few
    /// words before it.
    fn among_the_dead_of(&self, a: usize, start: usize) -> Option<u16> {
        let lex = self.lex();
        let from = a.saturating_sub(6).max(start);
        let k = (from..a)
            .rev()
            .find(|&k| matches!(self.word(k), "بين" | "among"))?;
        let cue = (k + 1..a).find(|&j| self.starts(&lex.events, j))?;
        (k + 1..a)
            .filter(|&j| j != cue)
            .find_map(|j| self.at(&lex.who, j).map(|f| *f.value))
    }

    /// The side of a count of martyrs (a martyr word its noun or right
    /// after it: 12 شهيدا, سبع جثث للشهداء) that names none: the one side,
    /// security forces or civilians, its sentence names. Martyrs are never
    /// the attackers; a sentence naming both sides says nothing, nor does a
    /// whole whose parts follow it (استشهاد 15 منهم 12 من منسوبي القوات).
    fn martyrs_side(&self, q: &Quantity, sent: Range<usize>) -> Option<u16> {
        let lex = self.lex();
        if !self.in_doc(&lex.martyrs) {
            return None;
        }
        let (a, b) = (q.toks.start, q.toks.end);
        let after = (b + 3).min(sent.end);
        if !(a..after).any(|k| self.starts(&lex.martyrs, k))
            || (b..after).any(|k| self.starts(&lex.including, k))
        {
            return None;
        }
        let r = &lex.roles;
        let mut side = None;
        for k in sent {
            let Some(w) = self.at(&lex.who, k).map(|f| *f.value) else {
                continue;
            };
            if w != r.security && w != r.civilians || side.is_some_and(|s| s == w) {
                continue;
            }
            if side.is_some() {
                return None;
            }
            side = Some(w);
        }
        side
    }

    /// Whose count it is: the most specific people-word in the noun phrase
    /// after the number (or inside a claim of zero, or right before it:
    /// لقتلى القوات 39).
    pub(super) fn who_of(&self, q: &Quantity, sent: Range<usize>) -> Option<u16> {
        let lex = self.lex();
        let (a, b) = (q.toks.start, q.toks.end);
        let mut found: Vec<u16> = Vec::new();
        for k in a..b {
            if let Some(f) = self.at(&lex.who, k) {
                found.push(*f.value);
            }
        }
        found.extend(self.who_after(b, sent.end));
        found.extend(self.among_the_dead_of(a, sent.start));
        if found.is_empty() {
            found.extend(self.shared_partitive(b, sent.end));
        }
        if found.is_empty() {
            found.extend(self.partitive_after_verb(b, sent.end));
        }
        let after_a_count =
            (a.saturating_sub(3).max(sent.start)..a).any(|k| self.toks[k].kind == TokenKind::Number);
        // "أعدم التنظيم 10 أشخاص": a people noun after the number says
        // they are people; the group before it is the verb's subject.
        let counts_people = self.starts(&lex.people_words, b);
        // A claim of zero that names its event (لم يسفر عن ضحايا) says
        // what it counts itself.
        let names_event = (a..b).any(|k| self.starts(&lex.events, k));
        if found.is_empty() && a > sent.start && !after_a_count && !counts_people && !names_event {
            for k in a.saturating_sub(2).max(sent.start)..a {
                // "Soldiers killed one man": the subject of the deed before
                // the number is not the side of those it counts.
                let agent = (k + 1..a).any(|j| self.starts(&lex.events, j));
                if let Some(f) = self.at(&lex.who, k).filter(|_| !agent) {
                    found.push(*f.value);
                }
            }
        }
        // The most specific: a side (attackers, security, guards, civilians,
        // minors) over prisoners or groups.
        let r = &lex.roles;
        if self.both_sides(b, sent.end) {
            return None;
        }
        let rank = |w: u16| {
            if w == r.prisoners || w == r.groups {
                1
            } else if w == r.members {
                2
            } else {
                0
            }
        };
        found.into_iter().min_by_key(|&w| rank(w))
    }

    pub(super) fn cues(&self, sent: Range<usize>) -> Vec<(usize, u16)> {
        let lex = self.lex();
        let mut out = Vec::new();
        let mut i = sent.start;
        while i < sent.end {
            if let Some(f) = self.at(&lex.events, i) {
                let attempted = self.attempted(i, sent.start);
                // "70 soldiers were attacked": the attacked, not the attackers.
                let passive_attack = *f.value == lex.roles.attacked
                    && i > sent.start
                    && matches!(self.word(i - 1), "was" | "were" | "been" | "being");
                if !attempted && !passive_attack {
                    out.push((i, *f.value));
                }
                i = f.end;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Whether the cue at `i` follows a word of attempting, right before
    /// it or before the count of its noun (تفكيك 21 عبوة), or before "to"
    /// and the cue, its subject between them in the clause ("tried to
    /// escape", يسعى كثير من المقاتلين إلى الخروج).
    fn attempted(&self, i: usize, start: usize) -> bool {
        let number = |k: usize| self.toks[k].kind == TokenKind::Number || self.x.numbers_word(self.word(k));
        if i > start && matches!(self.word(i - 1), "to" | "الى" | "الي" | "إلى") {
            let attempt = (start..i - 1)
                .rev()
                .take(6)
                .take_while(|&k| !self.is_punct(k))
                .any(|k| self.starts(&self.lex().attempt, k));
            if attempt {
                return true;
            }
        }
        // Back over at most two tokens of a count.
        let mut k = i;
        for _ in 0..3 {
            if k == start {
                return false;
            }
            k -= 1;
            if self.starts(&self.lex().attempt, k) {
                return true;
            }
            if !number(k) {
                return false;
            }
        }
        false
    }

    pub(super) fn nearest_event(
        &self,
        cues: &[(usize, u16)],
        a: usize,
        b: usize,
        sent_start: usize,
        is_dur: &dyn Fn(u16) -> bool,
    ) -> Option<u16> {
        let inside = cues
            .iter()
            .find(|(k, e)| *k >= a && *k < b && !is_dur(*e))
            .map(|&(_, e)| e);
        if inside.is_some() {
            return inside;
        }
        let (soft, hard) = self.clause_start(a, sent_start);
        // How far a cue before the number ends from it: 1 when it ends
        // right before it (قتل 5، القبض على 5).
        let end_of = |k: usize| self.at(&self.lex().events, k).map_or(k + 1, |f| f.end).min(a);
        let before_in = |from: usize| {
            cues.iter()
                .filter(|(k, e)| *k < a && *k >= from && !is_dur(*e))
                .map(|&(k, e)| (a - end_of(k) + 1, e))
                .min_by_key(|x| x.0)
        };
        let before = before_in(soft);
        // A cue with و on it opens a conjunct of its own (وأصيب، وإصابة).
        let opens_clause = |k: usize| {
            self.word(k).starts_with('و')
                && self
                    .lex()
                    .events
                    .at(self.key, self.toks, k)
                    .is_some_and(|f| f.prefix > 0)
        };
        // A cue just after the noun (23 شخصاً قتلوا), not one opening a new
        // clause (وأصيب) and not past another number; nor, when the noun is
        // a cue itself, one past a preposition of circumstance (ثمانية
        // مصابين في حادث التفجير).
        let is_noun = |k: usize| k == b || k == b + 1 && matches!(self.word(b), "من" | "of");
        let noun_cue = cues.iter().any(|&(k, e)| is_noun(k) && !is_dur(e));
        let circumstance = |k: usize| {
            noun_cue && !is_noun(k) && (b + 1..k).any(|j| self.starts(&self.lex().circumstance, j))
        };
        let after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 3 && !is_dur(*e) && !circumstance(*k))
            .filter(|(k, _)| {
                !opens_clause(*k)
                    && (b..*k).all(|j| {
                        (self.toks[j].kind != TokenKind::Number || self.partitive_whole(j))
                            && !self.is_comma(j)
                            && !matches!(
                                self.word(j),
                                "and" | "but" | "while" | "whereas" | "فيما" | "بينما" | "حين"
                            )
                    })
            })
            // The counted noun itself (k == b, or after a partitive من / of)
            // only when nothing else follows.
            .map(|&(k, e)| (if is_noun(k) { usize::MAX } else { k - b }, k, e))
            .min_by_key(|x| x.0);
        // Cues that only count after the number (سلّم 9 أنفسهم).
        let after_only = (b..(b + 4).min(self.toks.len()))
            .find_map(|k| self.at(&self.lex().events_after, k).map(|f| *f.value));
        if let Some(e) = after_only {
            return Some(e);
        }
        // A count that is itself a conjunct (…، وثلاثة من العاملين وإصابة
        // آخرين) belongs to the list before it, not to the next conjunct.
        let conjunct = self.word(a).starts_with('و')
            || (a.saturating_sub(3)..a).any(|k| self.at(&self.lex().also, k).is_some_and(|f| f.end == a));
        let far_after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 8 && !is_dur(*e))
            .filter(|(k, _)| !(conjunct && opens_clause(*k)))
            .filter(|(k, _)| self.clear_to_predicate(a, b, *k))
            .map(|&(k, e)| (k - b, k, e))
            .min_by_key(|x| x.0);
        // "34 of its fighters and 300 militants had died": a predicate
        // shared by coordinated counts, past the other count.
        let shared_after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 12 && !is_dur(*e))
            .filter(|(k, _)| {
                (b..*k).any(|j| self.word(j) == "and")
                    && (b..*k).all(|j| {
                        !self.is_comma(j)
                            && (self.toks[j].kind != TokenKind::Number
                                || (b..j).any(|i| self.word(i) == "and"))
                    })
            })
            .map(|&(k, e)| (k - b, e))
            .min_by_key(|x| x.0);
        // "212 would-be escapees were caught", "12 of the wounded had died":
        // a noun cue is what they were; the verb after it, what happened.
        let predicate = |(_, k, e): (usize, usize, u16)| self.predicate_after(k, cues, is_dur).unwrap_or(e);
        // The verb right before the number governs it (اعتقلت 6 أشخاص يشتبه
        // في تأمينهم…, "arrested 5 escapees") over a cue further on; not a
        // cue that is another number's noun (3 قتلى وعدد من الجرحى), nor
        // one before a new conjunct.
        let counts_another = |k: usize| {
            k > 0 && (self.toks[k - 1].kind == TokenKind::Number || self.x.numbers_word(self.word(k - 1)))
        };
        // So does a verbal noun and its preposition (الإفراج عن ستة من
        // المخطوفين: a release, whatever the noun counted).
        let governs = |d: usize| d <= 1 || d == 2 && matches!(self.word(a - 1), "عن" | "على");
        if let Some((d, e)) = before
            && governs(d)
            && after.is_none_or(|x| x.0 > 1)
            && !counts_another(a - d)
            && !self.word(a).starts_with('و')
            && self.word(a) != "and"
        {
            return Some(e);
        }
        after
            .map(predicate)
            .or(before.map(|x| x.1))
            .or(far_after.map(predicate))
            .or(shared_after.map(|x| x.1))
            .or(before_in(hard).map(|x| x.1))
    }

    /// Whether the words from `b` (after the count at `a`) to the cue at `k`
    /// hold no other count and no comma, past a list between commas ("six
    /// people, including three soldiers, were wounded"), from inside one too.
    fn clear_to_predicate(&self, a: usize, b: usize, k: usize) -> bool {
        let inside = (a.saturating_sub(8)..a)
            .rev()
            .find(|&j| self.is_comma(j))
            .and_then(|j| self.parenthetical(j))
            .filter(|&c| c >= b);
        let mut j = b;
        while j < k {
            if Some(j) == inside {
                j += 1;
                continue;
            }
            if let Some(c) = self.parenthetical(j).filter(|&c| c < k) {
                j = c + 1;
                continue;
            }
            // A list left open up to the predicate (ستة أشخاص، من بينهم
            // انتحاري، لقوا is written without its closing comma too).
            let open_list = self.is_comma(j)
                && self.starts(&self.lex().including, j + 1)
                && (j + 1..k).all(|i| !self.is_comma(i) && self.toks[i].kind != TokenKind::Number);
            if open_list {
                return true;
            }
            if self.is_comma(j) || (self.toks[j].kind == TokenKind::Number && !self.partitive_whole(j)) {
                return false;
            }
            j += 1;
        }
        true
    }

    /// The closing comma of a list opened by the comma at `j` (", including
    /// three soldiers,", "، بينهم أربعة من رجال الأمن،").
    fn parenthetical(&self, j: usize) -> Option<usize> {
        if !self.is_comma(j) || !self.starts(&self.lex().including, j + 1) {
            return None;
        }
        (j + 2..(j + 14).min(self.toks.len())).find(|&c| self.is_comma(c))
    }

    /// The cue of a verb after the noun cue at `k` and an auxiliary
    /// ("escapees were caught", "the wounded had died").
    pub(super) fn predicate_after(
        &self,
        k: usize,
        cues: &[(usize, u16)],
        is_dur: &dyn Fn(u16) -> bool,
    ) -> Option<u16> {
        let end = self.at(&self.lex().events, k)?.end;
        // The auxiliary right after the noun, or after a participle's phrase
        // ("aid workers held by the group since March were freed").
        let aux = (end..(end + 16).min(self.toks.len()))
            .take_while(|&j| {
                !self.is_comma(j) && self.toks[j].kind != TokenKind::Number && self.word(j) != "and"
            })
            .find(|&j| {
                matches!(
                    self.word(j),
                    "were" | "was" | "had" | "have" | "has" | "are" | "is" | "remain" | "remained"
                )
            })?;
        cues.iter()
            .find(|(c, e)| *c > aux && self.words_between(aux, *c) <= 3 && !is_dur(*e))
            .filter(|(c, _)| (aux..*c).all(|j| self.toks[j].kind != TokenKind::Number && !self.is_comma(j)))
            .map(|&(_, e)| e)
    }

    /// Where the clause of token `a` starts: after the last comma before it
    /// (soft), unless what follows the comma continues a list (بينهم، منهم);
    /// and after the last comma that opens a new clause (، ما / ، فيما …) (hard).
    /// Only the sentence's own clauses matter to its cues: the search stops
    /// at `sent_start` (and says 0 when it found no break).
    pub(super) fn clause_start(&self, a: usize, sent_start: usize) -> (usize, usize) {
        let mut soft = None;
        let mut k = a;
        while k > sent_start.min(a) {
            let t = self.toks[k - 1];
            // A semicolon, or "and that" after a reporting verb, opens a
            // clause of its own.
            let semicolon = t.kind == TokenKind::Punct && matches!(t.text(self.key), ";" | "؛");
            let and_that = self.word(k - 1) == "that" && k >= 2 && matches!(self.word(k - 2), "and" | "but");
            if semicolon || and_that {
                return (soft.unwrap_or(k), k);
            }
            if t.kind == TokenKind::Punct && matches!(t.text(self.key), "," | ":") {
                let next = self.word(k);
                let list = matches!(
                    next,
                    "بينهم" | "منهم" | "بينها" | "منها" | "هم" | "وهم" | "هي" | "including" | "among"
                ) || (next == "من" && self.word(k + 1) == "بينهم");
                let opens = matches!(
                    next,
                    "ما" | "مما"
                        | "لكن"
                        | "ولكن"
                        | "بينما"
                        | "فيما"
                        | "وفيما"
                        | "حيث"
                        | "اذ"
                        | "غير"
                        | "while"
                        | "but"
                );
                if opens {
                    return (soft.unwrap_or(k), k);
                }
                if !list && soft.is_none() {
                    soft = Some(k);
                }
            }
            k -= 1;
        }
        (soft.unwrap_or(0), 0)
    }

    /// "قتل نحو 30 وأصيب العشرات من المتمردين", "13 were killed and 85
    /// wounded of the militia": a bare count followed by a coordinated
    /// verb of the event and its own count shares that count's partitive
    /// (من / of and the people after it), also past the count's own noun of
    /// the event and the other count's "others" ("سقوط 13 قتيلا وإصابة 23
    /// آخرين من المسلحين").
    fn shared_partitive(&self, b: usize, end: usize) -> Vec<u16> {
        let lex = self.lex();
        let own_noun = b + 1 < end
            && !self.word(b).starts_with('و')
            && self.word(b) != "and"
            && self.starts(&lex.events, b)
            && !self.starts(&lex.who, b);
        let b = if own_noun { b + 1 } else { b };
        let verb = self.word(b).starts_with('و') || self.word(b) == "and";
        let verb_at = if self.word(b) == "and" { b + 1 } else { b };
        if !verb || !self.starts(&lex.events, verb_at) {
            return Vec::new();
        }
        let count = (verb_at + 1..(verb_at + 3).min(end))
            .find(|&k| self.toks[k].kind == TokenKind::Number || self.x.numbers_word(self.word(k)));
        let others = |k: usize| k + usize::from(matches!(self.word(k), "اخرين" | "اخرون"));
        match count.map(|k| others(k + 1)) {
            Some(k) if matches!(self.word(k), "من" | "of") => self.who_after(k, end),
            _ => Vec::new(),
        }
    }

    /// Arabic puts the whole of a partitive after the verb of a generic
    /// people noun: "18 شخصا قتلوا من «النصرة»" counts the dead of the
    /// group named after من (the verb, then من within a word).
    fn partitive_after_verb(&self, b: usize, end: usize) -> Vec<u16> {
        let lex = self.lex();
        let verb = b + 1;
        if verb >= end
            || self.lang(b) == Lang::English
            || !self.starts(&lex.people_words, b)
            || !self.starts(&lex.events, verb)
        {
            return Vec::new();
        }
        match (verb + 1..(verb + 3).min(end)).find(|&k| self.word(k) == "من") {
            Some(k) => self.who_after(self.past_open_quote(k + 1), end),
            None => Vec::new(),
        }
    }

    /// True for digits written with a leading zero ("07"): a code or a
    /// number in a series, never a count ("0.5" and "0" are numbers).
    fn leading_zero(&self, a: usize) -> bool {
        let t = self.toks.get(a).filter(|t| t.kind == TokenKind::Number);
        let mut digits = t.map(|t| t.text(self.key)).unwrap_or("").chars();
        digits.next() == Some('0') && digits.next().is_some_and(|c| c.is_ascii_digit())
    }

    /// The token after an opening quote or guillemet, else `k`.
    fn past_open_quote(&self, k: usize) -> usize {
        if matches!(self.toks.get(k).map(|t| t.text(self.key)), Some("«" | "\"" | "“")) {
            k + 1
        } else {
            k
        }
    }

    pub(super) fn who_after(&self, b: usize, end: usize) -> Vec<u16> {
        let lex = self.lex();
        let mut out = Vec::new();
        let mut k = b;
        while k < end && k < b + 5 {
            // The noun phrase ends at a number or at a verb of the event
            // (227 مسيحيا اختطفهم التنظيم: the group is the verb's subject).
            if self.is_punct(k)
                || self.toks[k].kind == TokenKind::Number
                || (k > b && self.x.numbers_word(self.word(k)))
                || (k > b && self.starts(&lex.events, k) && !self.starts(&lex.who, k))
            {
                break;
            }
            if k > b
                && self.word(k).starts_with('و')
                && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
            {
                break;
            }
            if let Some(f) = self.at(&lex.who, k) {
                out.push(*f.value);
            }
            // An acronym stands for its name: عناصر «قسد» → قوات سوريا الديمقراطية.
            if let Some(name) = self.facts.acronyms.get(self.word(k))
                && !name.contains(&k)
                && let Some(w) = name.clone().find_map(|j| self.at(&lex.who, j).map(|f| *f.value))
            {
                out.push(w);
            }
            if let Some(w) = self.named_side(k) {
                out.push(w);
            }
            k += 1;
        }
        out
    }

    /// The side of a named group at token `k`, or of its short name
    /// (النصرة) once the document has named it in full.
    fn named_side(&self, k: usize) -> Option<u16> {
        let lex = self.lex();
        let named = self.at(&lex.source_names, k).map(|f| *f.value).or_else(|| {
            let id = *self.at(&lex.contextual, k)?.value;
            self.doc_has(Aliases::Doc, id).then_some(id)
        });
        named.and_then(|id| lex.sides[id])
    }

    /// Whether the arrest cued before `a` is made by an armed group: the
    /// group named nearest before the cue, a few words back in its
    /// sentence, is of the attackers' side, and no soldiers or police
    /// stand between them ("Boko Haram said it arrested 12 villagers";
    /// not "after the Boko Haram raid, troops arrested 12").
    fn arrest_by_attackers(&self, cues: &[(usize, u16)], a: usize, start: usize) -> bool {
        let lex = self.lex();
        let r = &lex.roles;
        let Some(&(cue, _)) = cues.iter().rev().find(|&&(k, e)| e == r.arrested && k < a) else {
            return false;
        };
        let Some((k, side)) = (cue.saturating_sub(6).max(start)..cue)
            .rev()
            .find_map(|k| self.named_side(k).map(|s| (k, s)))
        else {
            return false;
        };
        side == r.attackers
            && !(k + 1..cue).any(|j| self.at(&lex.who, j).is_some_and(|f| *f.value == r.security))
    }
}

/// The facet `other:<noun>` (`other:unknown` with no noun).
pub(super) fn other(noun: &str) -> (String, f64) {
    let n = strip_article(noun);
    let facet = if n.is_empty() {
        "other:unknown".to_string()
    } else {
        format!("other:{n}")
    };
    (facet, 1.0)
}
