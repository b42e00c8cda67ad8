//! The map from the text the engine reads back to the original bytes.
//!
//! Reading a document may change its bytes: invalid UTF-8 is replaced by
//! U+FFFD, HTML loses its tags and has its entities decoded, a JSONL record's
//! text is unescaped. An [`OriginMap`] remembers, for every byte of the text
//! the engine reads, where it came from, so that spans found in that text are
//! reported in the original. Where nothing changed the map is the identity and
//! costs nothing.
//!
//! The map is a sorted list of segments. A *verbatim* segment copies original
//! bytes one for one; a *replaced* segment stands for a run of original bytes
//! it does not copy (an entity, an invalid sequence, a tag turned into a line
//! break). A span that starts or ends inside a replaced segment widens to the
//! whole of it, so a span never cuts an entity or an invalid sequence in two.

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text: u32,
    orig: u32,
    text_len: u32,
    orig_len: u32,
    verbatim: bool,
}

/// Maps byte offsets of a document's text to byte offsets of its original bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OriginMap {
    /// Empty for the identity.
    segments: Vec<Segment>,
}

impl OriginMap {
    /// The identity map: the text is the original.
    pub fn identity() -> OriginMap {
        OriginMap::default()
    }

    /// True when the map is the identity.
    pub fn is_identity(&self) -> bool {
        self.segments.is_empty()
    }

    /// The original offset where text offset `pos` starts.
    pub fn start(&self, pos: usize) -> usize {
        match self.find(pos) {
            None => pos,
            Some(s) => {
                let off = pos - s.text as usize;
                if s.verbatim {
                    s.orig as usize + off.min(s.orig_len as usize)
                } else if off == 0 {
                    s.orig as usize
                } else {
                    (s.orig + s.orig_len) as usize
                }
            }
        }
    }

    /// The original offset where a span of the text that ends at `pos` ends.
    pub fn end(&self, pos: usize) -> usize {
        if self.segments.is_empty() {
            return pos;
        }
        if pos == 0 {
            return self.start(0);
        }
        // The segment holding the last byte of the span.
        match self.find(pos - 1) {
            None => pos,
            Some(s) => {
                let off = pos - s.text as usize;
                if s.verbatim {
                    s.orig as usize + off.min(s.orig_len as usize)
                } else {
                    (s.orig + s.orig_len) as usize
                }
            }
        }
    }

    /// Maps a span of the text to a span of the original bytes.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.start(start);
        let e = self.end(end).max(s);
        Span::new(s, e)
    }

    /// This map followed by `inner`: where `self` maps a text to an
    /// intermediate text (a page decoded to UTF-8) and `inner` maps that to
    /// the original bytes (the page as it was encoded), the map from the
    /// text to the original bytes. A verbatim run of `self` keeps `inner`'s
    /// segments under it; a replaced one stands for all the original bytes
    /// its intermediate bytes came from.
    pub fn through(&self, inner: &OriginMap) -> OriginMap {
        if inner.is_identity() {
            return self.clone();
        }
        if self.is_identity() {
            return inner.clone();
        }
        let mut out = OriginBuilder::new();
        for s in &self.segments {
            let (mid, mid_len) = (s.orig as usize, s.orig_len as usize);
            if !s.verbatim {
                let start = inner.start(mid);
                let end = if mid_len == 0 {
                    start
                } else {
                    inner.end(mid + mid_len).max(start)
                };
                out.replaced(start, end - start, s.text_len as usize);
                continue;
            }
            let first = inner
                .segments
                .partition_point(|g| g.text as usize <= mid)
                .saturating_sub(1);
            let mut at = mid;
            let end = mid + mid_len;
            for g in &inner.segments[first..] {
                let (gs, ge) = (g.text as usize, (g.text + g.text_len) as usize);
                if at >= end || gs >= end {
                    break;
                }
                if ge <= at {
                    continue;
                }
                let b = ge.min(end);
                if g.verbatim {
                    out.verbatim(g.orig as usize + (at - gs), b - at);
                } else {
                    out.replaced(g.orig as usize, g.orig_len as usize, b - at);
                }
                at = b;
            }
            // Past the end of `inner`: the intermediate text is the original.
            if at < end {
                out.verbatim(at, end - at);
            }
        }
        out.finish()
    }

    fn find(&self, pos: usize) -> Option<&Segment> {
        if self.segments.is_empty() {
            return None;
        }
        let i = self
            .segments
            .partition_point(|s| s.text as usize <= pos)
            .saturating_sub(1);
        self.segments.get(i)
    }
}

/// Builds an [`OriginMap`] while text is written segment by segment.
#[derive(Debug, Default)]
pub struct OriginBuilder {
    segments: Vec<Segment>,
    text_len: usize,
}

impl OriginBuilder {
    /// A builder for text that starts empty.
    pub fn new() -> OriginBuilder {
        OriginBuilder::default()
    }

    /// Records that `len` text bytes were copied verbatim from `orig_start`.
    pub fn verbatim(&mut self, orig_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.verbatim
            && (last.orig + last.orig_len) as usize == orig_start
            && (last.text + last.text_len) as usize == self.text_len
        {
            last.text_len += len as u32;
            last.orig_len += len as u32;
            self.text_len += len;
            return;
        }
        self.push(orig_start, len, len, true);
    }

    /// Records that `text_len` text bytes stand for original bytes
    /// `orig_start..orig_start + orig_len` (a replacement).
    pub fn replaced(&mut self, orig_start: usize, orig_len: usize, text_len: usize) {
        if text_len == 0 {
            return;
        }
        self.push(orig_start, orig_len, text_len, false);
    }

    fn push(&mut self, orig: usize, orig_len: usize, text_len: usize, verbatim: bool) {
        self.segments.push(Segment {
            text: self.text_len as u32,
            orig: orig as u32,
            text_len: text_len as u32,
            orig_len: orig_len as u32,
            verbatim,
        });
        self.text_len += text_len;
    }

    /// The number of text bytes recorded so far.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// The finished map. A map whose only segment is verbatim from offset 0
    /// is the identity.
    pub fn finish(self) -> OriginMap {
        let identity = match self.segments.as_slice() {
            [] => true,
            [s] => s.verbatim && s.orig == 0 && s.text == 0,
            _ => false,
        };
        if identity {
            OriginMap::identity()
        } else {
            OriginMap {
                segments: self.segments,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_to_itself() {
        let m = OriginMap::identity();
        assert_eq!(m.span(3, 7), Span::new(3, 7));
    }

    #[test]
    fn maps_compose_through_an_intermediate_text() {
        // original "x\xC7\xE1&amp;y" (windows-1256 "xال&amp;y", 9 bytes) →
        // intermediate "xال&amp;y" (11 bytes) → text "xال&y" (7 bytes).
        let mut inner = OriginBuilder::new();
        inner.verbatim(0, 1);
        inner.replaced(1, 1, 2);
        inner.replaced(2, 1, 2);
        inner.verbatim(3, 6);
        let inner = inner.finish();
        let mut outer = OriginBuilder::new();
        outer.verbatim(0, 5);
        outer.replaced(5, 5, 1);
        outer.verbatim(10, 1);
        let m = outer.finish().through(&inner);
        // (text span, original span)
        let rows = [
            ((0, 1), (0, 1)),
            ((1, 3), (1, 2)),
            ((3, 5), (2, 3)),
            ((1, 5), (1, 3)),
            ((5, 6), (3, 8)),
            ((6, 7), (8, 9)),
            ((0, 7), (0, 9)),
        ];
        for ((s, e), (os, oe)) in rows {
            assert_eq!(m.span(s, e), Span::new(os, oe), "{s}..{e}");
        }
        assert_eq!(OriginMap::identity().through(&inner), inner);
        assert_eq!(inner.through(&OriginMap::identity()), inner);
    }

    #[test]
    fn replaced_segments_widen_spans() {
        // original: "a&amp;b" (7 bytes) → text "a&b" (3 bytes)
        let mut b = OriginBuilder::new();
        b.verbatim(0, 1);
        b.replaced(1, 5, 1);
        b.verbatim(6, 1);
        let m = b.finish();
        assert_eq!(m.span(0, 1), Span::new(0, 1));
        assert_eq!(m.span(1, 2), Span::new(1, 6));
        assert_eq!(m.span(2, 3), Span::new(6, 7));
        assert_eq!(m.span(0, 3), Span::new(0, 7));
    }

    #[test]
    fn verbatim_runs_merge_and_gaps_are_skipped() {
        // original "<p>ab</p><p>cd</p>" → text "ab\ncd"
        let mut b = OriginBuilder::new();
        b.verbatim(3, 2);
        b.replaced(5, 7, 1);
        b.verbatim(12, 2);
        let m = b.finish();
        assert_eq!(m.span(0, 2), Span::new(3, 5));
        assert_eq!(m.span(3, 5), Span::new(12, 14));
        assert_eq!(m.span(1, 4), Span::new(4, 13));
    }
}
