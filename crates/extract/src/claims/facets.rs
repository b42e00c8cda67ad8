//! The facet of a quantity.

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
        let Some(e) = lex.facets.iter().find(|(n, _, _)| *n == facet).map(|x| x.1) else {
            return facet;
        };
        let own =
            (q.toks.end..(q.toks.end + 3).min(end)).any(|k| matches!(self.word(k), "its" | "their" | "our"));
        if lex.event_names[e as usize] != "killed" || !own {
            return facet;
        }
        let Some(side) = speaker.and_then(|s| self.side_of(s)) else {
            return facet;
        };
        lex.facets
            .iter()
            .find(|(_, fe, fw)| *fe == e && *fw == Some(side))
            .map_or(facet, |x| x.0.clone())
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
        let (a, mut b) = (q.toks.start, q.toks.end);
        // A quoted figure ("nearly 60" detainees, «نحو 90» مسلحا): the noun
        // is after the quote that closes on it.
        if self.toks.get(b).is_some_and(|t| {
            t.kind == TokenKind::Punct && !t.space_before && matches!(t.text(self.key), "\"" | "”" | "»")
        }) && self.toks.get(b + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, b + 1)
        {
            b += 1;
        }
        // Issue numbers, pages, ages: read before the hedge (home to about 85,000).
        let mut before = match q.m.hedge {
            Some((hs, _)) if hs < q.m.start => self.toks.partition_point(|t| (t.end as usize) <= hs).min(a),
            _ => a,
        };
        while before > sent.start && self.is_punct(before - 1) {
            before -= 1;
        }
        if (1..=2).any(|d| before >= sent.start + d && self.starts(&lex.never_after, before - d)) {
            return None;
        }
        // "one of the largest", "one of the blocks": a partitive one.
        if q.m.value == Value::Number(1.0) && self.word(b) == "of" && self.toks[a].kind == TokenKind::Word {
            return None;
        }
        // Fractions and percentages are shares, not counts of the event.
        if matches!(q.m.kind, Kind::Fraction | Kind::Percent) {
            return None;
        }
        // A bare four-digit number from 1900 to 2099 with no noun after it is a
        // year the recogniser had no cue for (فبراير (شباط) 2015); so is one
        // before a noun that names no people and no event ("a 2029 bus
        // station bombing").
        if let Value::Number(x) = q.m.value
            && (1900.0..2100.0).contains(&x)
            && x.fract() == 0.0
            && q.m.hedge.is_none()
            && b == a + 1
            && self.toks[a].kind == TokenKind::Number
            && (b >= sent.end
                || self.toks[b].kind != TokenKind::Word
                || self.starts(&lex.stops, b)
                || self.lang(b) == Lang::English
                    && !self.starts(&lex.who, b)
                    && !self.starts(&lex.people_words, b)
                    && !self.starts(&lex.events, b))
        {
            return None;
        }
        // "Ms Reyne, 44, said": an age set off by commas after a name.
        if let Value::Number(x) = q.m.value
            && x < 120.0
            && q.m.hedge.is_none()
            && a >= 2
            && self.is_comma(a - 1)
            && self.capitalised(a - 2)
            && self.lang(a - 2) == Lang::English
            && b < sent.end
            && self.is_comma(b)
        {
            return None;
        }
        // The unit counted: the mention's own noun (يومين) or the next word.
        // "a 36-hour riot", "two-week offensive": the unit after a hyphen.
        let hyphen = self
            .toks
            .get(b)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.key) == "-")
            && self.toks.get(b + 1).is_some_and(|t| !t.space_before)
            && self.toks.get(b).is_some_and(|t| !t.space_before);
        let unit = self
            .at(&lex.units, a)
            .filter(|f| f.end >= b)
            .or_else(|| self.at(&lex.units, b))
            .or_else(|| if hyphen { self.at(&lex.units, b + 1) } else { None })
            .map(|f| *f.value);
        let is_duration_cue = |e: u16| lex.event_names[e as usize] == "duration";
        let cues = sent_cues.to_vec();
        match unit {
            Some(Unit::Never) => return None,
            Some(Unit::Days(_)) | Some(Unit::Hours) => {
                let unit_end = if self.at(&lex.units, a).is_some_and(|f| f.end >= b) {
                    b
                } else if hyphen && self.at(&lex.units, b).is_none() {
                    b + 2
                } else {
                    b + 1
                };
                let dur = cues.iter().any(|&(k, e)| is_duration_cue(e) && k < a)
                    || self.starts(&lex.duration_after, unit_end);
                if !dur {
                    return None;
                }
                return match unit {
                    Some(Unit::Hours) => Some(("duration_hours".into(), 1.0)),
                    Some(Unit::Days(f)) => Some(("duration_days".into(), f)),
                    _ => None,
                };
            }
            _ => {}
        }
        // Postposed عدة after a noun that is not a people-noun is not a claim.
        // Preposed عدة counts the noun after it (عدة أشخاص); postposed, the
        // noun before (مجموعات عدة). A word after it that opens with a
        // preposition (عدة لاستكمال) is no counted noun.
        let preposed = self.toks.get(b).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, b)
            && !self.starts(&lex.events, b)
            && (!self.word(b).starts_with(['ل', 'ب']) || self.starts(&lex.who, b));
        if q.m.kind == Kind::Vague
            && a > sent.start
            && matches!(self.word(a), "عده" | "عديده")
            && (!preposed || self.word(a) == "عديده")
            && self.at(&lex.who, a - 1).is_none()
        {
            return other(self.word(a - 1));
        }
        // عدد من نزحوا: "the number of those who", not "a number of".
        if q.m.vague.as_deref() == Some("a number of")
            && self.word(b).ends_with("وا")
            && self.starts(&lex.events, b)
        {
            return None;
        }
        // The counted noun itself is no event cue when it names people (45 محتجزاً).
        let (soft, _) = self.clause_start(a, sent.start);
        let has_cue_before = cues
            .iter()
            .any(|&(k, e)| k < a && k >= soft && !is_duration_cue(e));
        let cues: Vec<(usize, u16)> = cues
            .into_iter()
            .filter(|&(k, _)| !(k == b && self.starts(&lex.who, k)))
            // After the number, a people-word (المحتجزين) says whose count it is,
            // not what happened, unless nothing before says it.
            .filter(|&(k, _)| !(k >= b && self.starts(&lex.who, k) && has_cue_before))
            // A cue inside another quantity (تفجيرين) belongs to that one, and
            // so does the noun it counts (17 من المحتجزين وثلاثة حراس).
            .filter(|&(k, _)| {
                !others.iter().any(|o| {
                    o.start != a
                        && (o.contains(&k)
                            || k == o.end && self.starts(&lex.who, k)
                            || k == o.end + 1
                                && matches!(self.word(o.end), "من" | "of")
                                && self.starts(&lex.who, k))
                })
            })
            .collect();
        let event = self.nearest_event(&cues, a, b, sent.start, &is_duration_cue);
        let who = self.who_of(q, sent.clone());
        // What the number counts: the noun right after it (past من).
        let mut noun = b;
        if self.word(noun) == "من" {
            noun += 1;
        }
        let things_noun = self.toks.get(noun).is_some_and(|t| t.kind == TokenKind::Word)
            && noun < sent.end
            && !self.starts(&lex.who, noun)
            && !self.starts(&lex.people_words, noun)
            && !self.starts(&lex.events, noun)
            && !self.starts(&lex.stops, noun)
            && !self.starts(&lex.units, noun)
            && !lex.verbs.starts_at(self.key, self.toks, noun)
            && !self.starts(&lex.none_words, noun)
            && !self.starts(&lex.source_names, noun)
            && !self.word(noun).starts_with(['و', 'ف', 'ب', 'ل', 'ك'])
                                                && !self.word(noun).starts_with("ال")
            // The rule reads Arabic nouns; an English one is let through.
            && self.lang(noun) != Lang::English
            // Sound plurals of agent nouns name people (مهندسين، مشتبهين), and so
            // does a noun followed by a pronoun for them (مشتبهاً بهم).
            && !(self.word(noun).chars().count() >= 4 && (self.word(noun).ends_with("ين") || self.word(noun).ends_with("ون")))
            && !matches!(self.word(noun + 1), "بهم" | "منهم" | "عليهم" | "لهم")
            && q.m.kind != Kind::Vague;
        if let Some(e) = event {
            for (name, fe, fw) in &lex.facets {
                if *fe == e && fw.is_none_or(|w| Some(w) == who) {
                    // A count of people cannot be followed by a noun that names none.
                    if things_noun && !lex.things.contains(name) && who.is_none() {
                        break;
                    }
                    if !self.facts.prison && lex.prison_facets.contains(name) {
                        break;
                    }
                    return Some((name.clone(), 1.0));
                }
            }
        }
        // Gunmen counted with nothing said of them are the attackers.
        let counted_attackers = (a..=b).any(|k| {
            self.at(&lex.who, k)
                .is_some_and(|f| lex.who_names[*f.value as usize] == "attackers")
        });
        if event.is_none()
            && counted_attackers
            && who.is_some_and(|w| lex.who_names[w as usize] == "attackers")
            && let Some((name, _, _)) = lex.facets.iter().find(|(n, _, _)| n == "attackers_count")
        {
            return Some((name.clone(), 1.0));
        }
        if q.m.kind == Kind::Percent {
            return None;
        }
        // A partitive counts the noun after its preposition: "5 من أعضاء
        // الحكومة", "five of the members"; a lone conjunction counts nothing.
        let mut k = b;
        if matches!(self.word(k), "من" | "of")
            && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
        {
            k += 1;
            // "of the members", "of its (own) fighters".
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
        if matches!(self.word(k), "و" | "and") || self.starts(&lex.stops, k) {
            return other("");
        }
        other(self.word(k))
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
        let after_a_count =
            (a.saturating_sub(3).max(sent.start)..a).any(|k| self.toks[k].kind == TokenKind::Number);
        if found.is_empty() && a > sent.start && !after_a_count {
            for k in a.saturating_sub(2).max(sent.start)..a {
                if let Some(f) = self.at(&lex.who, k) {
                    found.push(*f.value);
                }
            }
        }
        // The most specific: a side (attackers, security, guards, civilians,
        // minors) over prisoners or groups.
        let rank = |w: u16| match lex.who_names[w as usize].as_str() {
            "prisoners" | "groups" => 1,
            "members" => 2,
            _ => 0,
        };
        found.into_iter().min_by_key(|&w| rank(w))
    }

    pub(super) fn cues(&self, sent: Range<usize>) -> Vec<(usize, u16)> {
        let lex = self.lex();
        let mut out = Vec::new();
        let mut i = sent.start;
        while i < sent.end {
            if let Some(f) = self.at(&lex.events, i) {
                let attempted = i > sent.start && self.starts(&lex.attempt, i - 1);
                if !attempted {
                    out.push((i, *f.value));
                }
                i = f.end;
                continue;
            }
            i += 1;
        }
        out
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
        let before_in = |from: usize| {
            cues.iter()
                .filter(|(k, e)| *k < a && *k >= from && !is_dur(*e))
                .map(|&(k, e)| (a - k, e))
                .min_by_key(|x| x.0)
        };
        let before = before_in(soft);
        // A cue just after the noun (23 شخصاً قتلوا), not one opening a new
        // clause (وأصيب) and not past another number.
        let after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 3 && !is_dur(*e))
            .filter(|(k, _)| {
                let opens_clause = self.word(*k).starts_with('و')
                    && self
                        .lex()
                        .events
                        .at(self.key, self.toks, *k)
                        .is_some_and(|f| f.prefix > 0);
                !opens_clause
                    && (b..*k).all(|j| {
                        self.toks[j].kind != TokenKind::Number
                            && !self.is_comma(j)
                            && !matches!(self.word(j), "and" | "but" | "while" | "whereas")
                    })
            })
            // The counted noun itself (k == b) only when nothing else follows.
            .map(|&(k, e)| (if k == b { usize::MAX } else { k - b }, k, e))
            .min_by_key(|x| x.0);
        // Cues that only count after the number (سلّم 9 أنفسهم).
        let after_only = (b..(b + 4).min(self.toks.len()))
            .find_map(|k| self.at(&self.lex().events_after, k).map(|f| *f.value));
        if let Some(e) = after_only {
            return Some(e);
        }
        let far_after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 8 && !is_dur(*e))
            .filter(|(k, _)| (b..*k).all(|j| self.toks[j].kind != TokenKind::Number && !self.is_comma(j)))
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
        if let Some((d, e)) = before
            && d <= 1
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

    pub(super) fn who_after(&self, b: usize, end: usize) -> Vec<u16> {
        let lex = self.lex();
        let mut out = Vec::new();
        let mut k = b;
        while k < end && k < b + 5 {
            if self.is_punct(k)
                || self.toks[k].kind == TokenKind::Number
                || (k > b && self.x.numbers_word(self.word(k)))
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
            if let Some(f) = self.at(&lex.source_names, k)
                && let Some(w) = known_side(lex, &lex.sources[*f.value].id)
            {
                out.push(w);
            }
            k += 1;
        }
        out
    }
}

pub(super) fn other(noun: &str) -> Option<(String, f64)> {
    let n = strip_article(noun);
    Some((
        if n.is_empty() {
            "other:unknown".to_string()
        } else {
            format!("other:{n}")
        },
        1.0,
    ))
}
