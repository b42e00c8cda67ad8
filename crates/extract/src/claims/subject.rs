//! The event a claim is about.

use super::*;

impl<'a> Run<'a> {
    pub(super) fn subject(
        &self,
        sent: Range<usize>,
        at: usize,
        hits: &[(usize, usize)],
        main: Option<usize>,
    ) -> Option<String> {
        let lex = self.lex();
        // The nearest event named before the number in its sentence, else the main one.
        let local = hits
            .iter()
            .rev()
            .find(|(i, _)| sent.contains(i) && *i < at)
            .map(|&(_, e)| e);
        local.or(main).map(|e| lex.known_events[e].id.clone())
    }
}
