//! Analysis of each paragraph: language, tokens and the anchors that survive
//! translation (numbers, proper names, quotations, URLs).

pub mod language;
pub mod numbers;
pub mod tokens;

use crate::langdata::LangData;
use crate::paragraphs::Paragraph;
use numbers::Quantity;
use tokens::{Token, TokenKind, Tokens};

/// What analysis found in one paragraph.
#[derive(Debug, Clone)]
pub struct ParagraphAnalysis {
    /// ISO 639-1 code, or `und` when the paragraph is too short to tell.
    pub lang: &'static str,
    pub tokens: Tokens,
    /// Characters other than whitespace: the unit of the length model.
    pub chars: usize,
    pub quantities: Vec<Quantity>,
    /// Indices into `tokens` of words that look like proper names.
    pub names: Vec<usize>,
    /// Whether the paragraph quotes someone.
    pub has_quote: bool,
}

impl ParagraphAnalysis {
    pub fn name_words(&self) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .map(|&i| self.tokens.folded(&self.tokens[i]))
    }
}

/// Analyses one paragraph in a language whose facts are `lang`.
pub fn analyse_paragraph(
    p: &Paragraph,
    lang: &LangData,
    detected: &'static str,
) -> ParagraphAnalysis {
    let text = &p.normalized;
    let tokens = tokens::tokenize(text);
    let quantities = numbers::quantities(&tokens, lang);
    let names = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| is_name(t, tokens.folded(t), text, lang))
        .map(|(i, _)| i)
        .collect();
    ParagraphAnalysis {
        lang: detected,
        chars: text.chars().filter(|c| !c.is_whitespace()).count(),
        quantities,
        names,
        has_quote: text.contains(['"', '“', '”', '«', '»']),
        tokens,
    }
}

/// A capitalised word that is not there only because it opens a sentence, or
/// an acronym anywhere (`NBC`, `ONU`).
fn is_name(t: &Token, folded: &str, text: &str, lang: &LangData) -> bool {
    if t.kind != TokenKind::Word || !t.capitalized || lang.is_stopword(folded) {
        return false;
    }
    if lang.is_calendar_word(folded) {
        return false;
    }
    let surface = &text[t.start..t.end];
    let acronym = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && surface.chars().all(|c| !c.is_lowercase());
    acronym || !t.sentence_start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::split;

    #[test]
    fn names_skip_sentence_starts_and_months() {
        let p = &split("La reunión con Alicia Bárcena fue en Diciembre. La ONU habló.")[0];
        let a = analyse_paragraph(p, LangData::get("es"), "es");
        let names: Vec<&str> = a.name_words().collect();
        assert_eq!(names, ["alicia", "barcena", "onu"]);
        assert_eq!(a.chars, 51);
    }
}
