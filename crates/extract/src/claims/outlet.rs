//! The outlet at the head of every chain, and the wire it carries.
//!
//! In: the document's metadata and its first lines. Out: the chain head,
//! one or two links: the outlet (a JSONL record's `url` host or `outlet`,
//! a masthead line, an outlet a source speaks to), then a wire whose
//! dateline opens the text (`الحسكة - أ ف ب`, `(AFP) —`), which is the
//! outlet when nothing else is. A `url` whose host no outlet of the
//! gazetteer owns names the site itself (`example-news.com`): the
//! publisher is never lost. With none of these, the head is `unknown`.

use super::*;

impl<'a> Run<'a> {
    /// The outlet at the head of every chain, and a wire it carries.
    pub(super) fn head(&self) -> Vec<SourceRef> {
        // Only the first lines can be a masthead or a dateline: splitting
        // a whole long report into lines was a tenth of its set-up.
        let text: &str = &self.doc.text;
        let lines: Vec<&str> = (self.doc.content_ranges().into_iter())
            .flat_map(|r| text[r].lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(HEAD_LINES)
            .collect();
        let outlet = self
            .meta_outlet()
            .or_else(|| self.masthead(&lines))
            // An outlet told something by a source: أكد لـ"درج" مصدر, told Reuters.
            .or_else(|| self.dative_outlet());
        let wire = lines.iter().find_map(|l| self.dateline(l));
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

    /// The outlet the metadata gives: a known outlet's host in the `url`,
    /// else the `outlet` field, else the site the `url` names.
    fn meta_outlet(&self) -> Option<SourceRef> {
        let meta = &self.doc.meta;
        let host = meta.url.as_deref().and_then(host_of);
        if let Some(e) = host.and_then(|h| self.lex().source_by_host(h)) {
            return Some(Self::from_entry(e));
        }
        if let Some(o) = &meta.outlet {
            return Some(self.named(o, SourceKind::Outlet));
        }
        let site = host?.to_ascii_lowercase();
        let site = site.strip_prefix("www.").unwrap_or(&site).to_string();
        Some(SourceRef {
            id: site.clone(),
            name: site,
            kind: SourceKind::Outlet,
        })
    }

    /// A masthead: "Outlet | Section", a known name (المرصد السوري لحقوق
    /// الإنسان), or a first line of one to three words.
    fn masthead(&self, lines: &[&str]) -> Option<SourceRef> {
        let first = lines.first()?;
        let words = first.split_whitespace().count();
        let section_split = [" – ", " - ", " — ", "|", "›"].iter().find_map(|sep| {
            first.split_once(sep).filter(|(l, r)| {
                (1..=4).contains(&l.split_whitespace().count())
                    && (*sep == "|" || self.lex().is_masthead_right(r))
            })
        });
        if let Some((left, _)) = section_split {
            Some(self.named(left, SourceKind::Outlet))
        } else if let Some(e) = self.lex().source_by_name(first) {
            Some(Self::from_entry(e))
        } else if words <= 3
            && lines.len() > 2
            && !first.chars().any(|c| c.is_numeric() || ".:؟?!-".contains(c))
        {
            Some(self.named(first, SourceKind::Outlet))
        } else {
            None
        }
    }

    /// The wire a dateline names: "Place - Agency" on its own line, "(Agency)
    /// -" opening a paragraph, "بغداد/ شفق نيوز-". A masthead "Outlet –
    /// Section" is none.
    fn dateline(&self, l: &str) -> Option<SourceRef> {
        // A masthead or a "Place - Agency" dateline is a short line of its
        // own: a paragraph is not searched for one.
        let short = l.len() <= 160;
        if short
            && let Some((_, r)) = l
                .split_once(" – ")
                .or_else(|| l.split_once(" - "))
                .or_else(|| l.split_once(" — "))
            && self.lex().is_masthead_right(r)
        {
            return None;
        }
        // "بغداد/ شفق نيوز-": place, slash, outlet, dash.
        if let Some((place, rest)) = l.split_once('/')
            && (1..=2).contains(&place.split_whitespace().count())
            && let Some(name) = rest.split(['-', '–', '—']).next()
            && rest.len() > name.len()
            && (1..=3).contains(&name.split_whitespace().count())
            && self.lex().source_by_name(name).is_some()
        {
            return Some(self.named(name, SourceKind::Outlet));
        }
        if short
            && let Some((place, agency)) = l
                .split_once(" - ")
                .or_else(|| l.split_once(" – "))
                .or_else(|| l.split_once(" — "))
            && (1..=3).contains(&place.split_whitespace().count())
            && (1..=4).contains(&agency.split_whitespace().count())
            && !l.chars().any(|c| c.is_numeric())
            // A rule of dashes ("- - - -") between stories names nothing.
            && [place, agency].iter().all(|s| s.chars().any(char::is_alphabetic))
        {
            let agency = agency.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
            // "عنب بلدي – الحسكة": a known outlet on the left, a place on the right.
            let known = |n: &str| self.lex().source_by_name(n).is_some();
            let name = if known(place) && !known(agency) {
                place
            } else {
                agency
            };
            return Some(self.named(name, SourceKind::Outlet));
        }
        self.parenthesised_wire(l)
            .map(|w| self.named(w, SourceKind::Outlet))
    }

    /// "الحسكة (سوريا) (أ ف ب) -": the parenthesised group a dash follows,
    /// opening in the line's first 120 bytes.
    fn parenthesised_wire<'l>(&self, l: &'l str) -> Option<&'l str> {
        // Bytes, not text: a paragraph is not searched past where a group
        // may open (the byte '(' is never inside a character).
        let head = &l.as_bytes()[..l.len().min(121)];
        let mut from = 0;
        while let Some(open) = head.get(from..).and_then(|h| h.iter().position(|&b| b == b'(')) {
            let open = open + from;
            let close = l[open..].find(')').map(|c| c + open)?;
            let inner = &l[open + 1..close];
            let after = l[close + 1..].trim_start();
            if (after.starts_with('-') || after.starts_with('—') || after.starts_with('–'))
                && (1..=4).contains(&inner.split_whitespace().count())
            {
                return Some(inner);
            }
            from = close + 1;
        }
        None
    }

    /// An outlet told something by a source: أكد لـ"درج" مصدر, told Reuters.
    pub(super) fn dative_outlet(&self) -> Option<SourceRef> {
        let lex = self.lex();
        if !self.in_doc(&lex.verbs) || !self.in_doc(&lex.source_names) {
            return None;
        }
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

/// How many lines open a report: the masthead is the first, a dateline
/// one of these.
const HEAD_LINES: usize = 8;

/// The host of a URL (`https://www.a.com:80/x?y` → `www.a.com`), if it
/// has one that reads as a domain.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let host = rest.split(['/', ':', '?', '#']).next()?.trim_end_matches('.');
    let domain = host.contains('.') && host.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    domain.then_some(host)
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn a_url_gives_its_host_or_none() {
        let rows = [
            (
                "https://www.example-news.com/a/1?x=2",
                Some("www.example-news.com"),
            ),
            ("http://user@news.example.org:8080/p", Some("news.example.org")),
            ("example.com/path", Some("example.com")),
            ("https://موقع.مثال/خبر", Some("موقع.مثال")),
            ("file:///tmp/a.txt", None),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in rows {
            assert_eq!(host_of(url), want, "{url}");
        }
    }
}
