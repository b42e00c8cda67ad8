//! The outlet at the head of every chain, and the wire it carries.

use super::*;

impl<'a> Run<'a> {
    /// The outlet at the head of every chain, and a wire it carries.
    pub(super) fn head(&self) -> Vec<SourceRef> {
        let meta = &self.doc.meta;
        let mut outlet: Option<SourceRef> = None;
        if let Some(url) = &meta.url {
            let host = url
                .split("://")
                .nth(1)
                .unwrap_or(url)
                .split(['/', ':', '?'])
                .next()
                .unwrap_or("");
            if let Some(e) = self.lex().source_by_host(host) {
                outlet = Some(Self::from_entry(e));
            }
        }
        if outlet.is_none()
            && let Some(o) = &meta.outlet
        {
            outlet = Some(self.named(o, SourceKind::Outlet));
        }
        let lines: Vec<&str> = self
            .doc
            .content_ranges()
            .into_iter()
            .flat_map(|r| self.doc.text[r].lines().collect::<Vec<_>>())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        // A masthead: "Outlet | Section", or a first line of one to three words.
        if outlet.is_none()
            && let Some(first) = lines.first()
        {
            let words = first.split_whitespace().count();
            let section_split = [" – ", " - ", " — ", "|", "›"].iter().find_map(|sep| {
                first.split_once(sep).filter(|(l, r)| {
                    (1..=4).contains(&l.split_whitespace().count())
                        && (*sep == "|" || self.lex().is_masthead_right(r))
                })
            });
            if let Some((left, _)) = section_split {
                outlet = Some(self.named(left, SourceKind::Outlet));
            } else if let Some(e) = self.lex().source_by_name(first) {
                // A masthead that is a known name (المرصد السوري لحقوق الإنسان).
                outlet = Some(Self::from_entry(e));
            } else if words <= 3
                && lines.len() > 2
                && !first.chars().any(|c| c.is_numeric() || ".:؟?!-".contains(c))
            {
                outlet = Some(self.named(first, SourceKind::Outlet));
            }
        }
        // An outlet told something by a source: أكد لـ"درج" مصدر, told Reuters.
        if outlet.is_none() {
            outlet = self.dative_outlet();
        }
        // A dateline: "Place - Agency" on its own line, or "(Agency) -" opening a paragraph.
        let mut wire: Option<SourceRef> = None;
        for l in lines.iter().take(8) {
            // A masthead or a "Place - Agency" dateline is a short line of
            // its own: a paragraph is not searched for one.
            let short = l.len() <= 160;
            if short
                && let Some((_, r)) = l
                    .split_once(" – ")
                    .or_else(|| l.split_once(" - "))
                    .or_else(|| l.split_once(" — "))
                && self.lex().is_masthead_right(r)
            {
                continue;
            }
            // "بغداد/ شفق نيوز-": place, slash, outlet, dash.
            if let Some((place, rest)) = l.split_once('/')
                && (1..=2).contains(&place.split_whitespace().count())
                && let Some(name) = rest.split(['-', '–', '—']).next()
                && rest.len() > name.len()
                && (1..=3).contains(&name.split_whitespace().count())
                && self.lex().source_by_name(name).is_some()
            {
                wire = Some(self.named(name, SourceKind::Outlet));
                break;
            }
            if short
                && let Some((place, agency)) = l
                    .split_once(" - ")
                    .or_else(|| l.split_once(" – "))
                    .or_else(|| l.split_once(" — "))
                && (1..=3).contains(&place.split_whitespace().count())
                && (1..=4).contains(&agency.split_whitespace().count())
                && !l.chars().any(|c| c.is_numeric())
            {
                let agency = agency.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
                // "عنب بلدي – الحسكة": a known outlet on the left, a place on the right.
                if self.lex().source_by_name(place).is_some() && self.lex().source_by_name(agency).is_none() {
                    wire = Some(self.named(place, SourceKind::Outlet));
                } else {
                    wire = Some(self.named(agency, SourceKind::Outlet));
                }
                break;
            }
            // "الحسكة (سوريا) (أ ف ب) -": the group the dash follows.
            let mut from = 0;
            let mut found = None;
            while let Some(open) = l[from..].find('(').map(|o| o + from) {
                if open > 120 {
                    break;
                }
                let Some(close) = l[open..].find(')').map(|c| c + open) else {
                    break;
                };
                let inner = &l[open + 1..close];
                let after = l[close + 1..].trim_start();
                if (after.starts_with('-') || after.starts_with('—') || after.starts_with('–'))
                    && (1..=4).contains(&inner.split_whitespace().count())
                {
                    found = Some(inner);
                    break;
                }
                from = close + 1;
            }
            if let Some(inner) = found {
                wire = Some(self.named(inner, SourceKind::Outlet));
                break;
            }
        }
        let mut chain = Vec::new();
        match (outlet, wire) {
            (Some(o), Some(w)) if o.id != w.id => {
                chain.push(o);
                chain.push(w);
            }
            (Some(o), _) => chain.push(o),
            (None, Some(w)) => chain.push(w),
            (None, None) => chain.push(SourceRef {
                id: "unknown".into(),
                name: "unknown".into(),
                kind: SourceKind::Outlet,
            }),
        }
        chain
    }

    pub(super) fn dative_outlet(&self) -> Option<SourceRef> {
        let lex = self.lex();
        for i in 0..self.toks.len() {
            let Some(v) = self.at(&lex.verbs, i) else { continue };
            for k in v.end..(v.end + 4).min(self.toks.len()) {
                if let Some(f) = self.at(&lex.source_names, k) {
                    let e = &lex.sources[*f.value];
                    let dative = (f.prefix > 0 && self.word(k).starts_with('ل'))
                        || (k > v.end && self.word(k - 1) == "ل")
                        || (k > v.end + 1
                            && self.word(k - 2) == "ل"
                            && !self.toks[k - 1].kind.eq(&TokenKind::Word))
                        || (k > v.end && self.word(k - 1) == "told");
                    let in_furniture = self.doc.in_furniture(self.text_range(k..f.end));
                    if dative && e.kind == SourceKind::Outlet && !in_furniture {
                        return Some(Self::from_entry(e));
                    }
                }
            }
        }
        None
    }
}
