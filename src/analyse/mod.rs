//! Analysis of each paragraph: language, sentences, tokens and the anchors
//! that survive translation (numbers, dates, proper names, quotations, URLs).
//! Tokens are found in the original text, so every span a report shows points
//! into what the user wrote; their folded forms are normalisation-independent.

pub mod dates;
pub mod language;
pub mod numbers;
pub mod placeholders;
pub mod tokens;

use crate::langdata::LangData;
use crate::paragraphs::Paragraph;
use dates::DateMention;
use numbers::Quantity;
use std::ops::Range;
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
    pub dates: Vec<DateMention>,
    /// Byte ranges of the sentences in the paragraph text.
    pub sentences: Vec<Range<usize>>,
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
    let text = &p.text;
    let tokens = tokens::tokenize_in(text, &lang.elisions);
    let quantities = numbers::quantities(&tokens, text, lang);
    let dates = dates::dates(&tokens, text, lang);
    let sentences = sentences(text, lang);
    // Each token's sentence (the first to end after it starts), in one walk:
    // tokens and sentences are both in text order.
    let mut k = 0;
    let sentence_of: Vec<usize> = tokens
        .iter()
        .map(|t| {
            while sentences.get(k).is_some_and(|r| r.end <= t.start) {
                k += 1;
            }
            if k < sentences.len() { k } else { 0 }
        })
        .collect();
    // In a Title Case heading capitals say nothing: only acronyms are names there.
    let mut long_words = vec![(0usize, 0usize); sentences.len()];
    for (t, &k) in tokens.iter().zip(&sentence_of) {
        let within = sentences
            .get(k)
            .is_some_and(|r| t.start >= r.start && t.end <= r.end);
        if within && t.kind == TokenKind::Word && tokens.folded(t).chars().count() > 3 {
            long_words[k].0 += 1;
            long_words[k].1 += usize::from(t.capitalized);
        }
    }
    let title_case: Vec<bool> = sentences
        .iter()
        .zip(&long_words)
        .map(|(r, &(long, capitalised))| {
            // Headings do not end like sentences; running text with many names does.
            let heading = !text[r.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', ';', ':', '"', '»', '”']);
            heading && long >= 3 && capitalised * 5 >= long * 3
        })
        .collect();
    let in_title_case = |i: usize| title_case.get(sentence_of[i]).copied().unwrap_or(false);
    let candidate: Vec<bool> = tokens
        .iter()
        .map(|t| is_name(t, tokens.folded(t), text, lang))
        .collect();
    let names = tokens
        .iter()
        .enumerate()
        .filter(|&(i, _)| candidate[i])
        .filter(|&(i, t)| !in_title_case(i) || is_acronym(&text[t.start..t.end]))
        // Where every noun has a capital, only acronyms and runs of
        // capitalised words (`Olaf Scholz`) are likely names.
        .filter(|&(i, t)| {
            !lang.capitalised_nouns
                || is_acronym(&text[t.start..t.end])
                || (i > 0 && candidate[i - 1])
                || candidate.get(i + 1).copied().unwrap_or(false)
        })
        .map(|(i, _)| i)
        .collect();
    ParagraphAnalysis {
        lang: detected,
        chars: p.normalized.chars().filter(|c| !c.is_whitespace()).count(),
        quantities,
        dates,
        sentences,
        names,
        has_quote: text.contains(['"', '“', '”', '«', '»']),
        tokens,
    }
}

/// `NBC`, `EE.UU`, `ONU`: two to five letters (or letters with periods),
/// none lower-case. Longer capitals are shouting (`PRECAUCIÓN`), not names.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let short_or_dotted = (2..=5).contains(&letters) || (letters >= 2 && word.contains('.'));
    short_or_dotted && word.chars().all(|c| !c.is_lowercase())
}

/// Splits a paragraph into sentences: after `.`, `!`, `?` or `…` followed by
/// a space and an upper-case letter, digit, quote or opening `¿`/`¡`, unless
/// the word before the period is an abbreviation (`Sr.`, `Dec.`, `U.S.`).
pub fn sentences(text: &str, lang: &LangData) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(pos, c)) in chars.iter().enumerate() {
        // Inside the closing run of the previous sentence (`!!!`, `...`).
        if pos < start || !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut n = k + 1;
        while chars
            .get(n)
            .is_some_and(|&(_, c)| matches!(c, '"' | '”' | '»' | '\'' | ')' | '.' | '!' | '?'))
        {
            n += 1;
        }
        let Some(&(_, space)) = chars.get(n) else {
            continue;
        };
        if !space.is_whitespace() {
            continue;
        }
        let next = chars[n..]
            .iter()
            .find(|(_, c)| !c.is_whitespace())
            .map(|&(_, c)| c);
        if !next.is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '«' | '¿' | '¡' | '[' | '(')
        }) {
            continue;
        }
        if c == '.' {
            let word: String = text[..pos]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect();
            let word: String = word.chars().rev().collect();
            let folded = tokens::fold(&word);
            let short_capital =
                word.chars().count() <= 2 && word.chars().next().is_some_and(char::is_uppercase);
            if word.contains('.')
                || short_capital
                || lang.abbreviations.contains(&folded)
                || lang.months.contains_key(&folded)
            {
                continue;
            }
        }
        let end = chars.get(n).map_or(text.len(), |&(p, _)| p);
        out.push(start..end);
        start = end
            + chars[n..]
                .iter()
                .take_while(|(_, c)| c.is_whitespace())
                .map(|(_, c)| c.len_utf8())
                .sum::<usize>();
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

impl ParagraphAnalysis {
    /// Index of the sentence holding byte `pos`.
    pub fn sentence_of(&self, pos: usize) -> usize {
        // Sentences are in order: a binary search keeps thousands of spans
        // in one long paragraph linear.
        let k = self.sentences.partition_point(|r| r.end <= pos);
        k.min(self.sentences.len().saturating_sub(1))
    }
}

/// A capitalised word that is not there only because it opens a sentence, or
/// an acronym anywhere (`NBC`, `ONU`).
fn is_name(t: &Token, folded: &str, text: &str, lang: &LangData) -> bool {
    if t.kind != TokenKind::Word || !t.capitalized || lang.is_stopword(folded) {
        return false;
    }
    // Titles before a name (`Mme`, `Sr`, `Dr`) are not part of it.
    if lang.is_calendar_word(folded) || lang.abbreviations.contains(folded) {
        return false;
    }
    let word = &text[t.start..t.end];
    // Capitals past an acronym's length are shouting (`SUGERENCIA`,
    // `PRECAUCIÓN`: a sidebar's label), not a name.
    let shouted = !is_acronym(word)
        && word.chars().filter(|c| c.is_alphabetic()).count() > 5
        && !word.chars().any(char::is_lowercase);
    is_acronym(word) || (!t.sentence_start && !shouted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::split;

    #[test]
    fn names_skip_sentence_starts_and_months() {
        let p = &split("La reunión con Marta Cárdenas fue en Diciembre. La ONU habló.")[0];
        let a = analyse_paragraph(p, LangData::get("es"), "es");
        let names: Vec<&str> = a.name_words().collect();
        assert_eq!(names, ["marta", "cardenas", "onu"]);
        assert_eq!(a.chars, 51);
    }

    #[test]
    fn shouted_words_are_not_names() {
        let p = &split("Vea la nota PRECAUCIÓN de la ONU y el recuadro SUGERENCIA de Debian.")[0];
        let a = analyse_paragraph(p, LangData::get("es"), "es");
        assert_eq!(a.name_words().collect::<Vec<_>>(), ["onu", "debian"]);
    }

    #[test]
    fn title_case_headings_have_no_names_but_acronyms() {
        let p = &split("Nuevo Gestor De Paquetes Para Debian GNU\n\nx")[0];
        let a = analyse_paragraph(p, LangData::get("es"), "es");
        assert_eq!(a.name_words().collect::<Vec<_>>(), ["gnu"]);
    }

    #[test]
    fn sentences_after_runs_of_marks() {
        let text = "Buy enough for your whole city!!! For example, we ship 12 CDs. (Layer III, known as MP3.). There is more...";
        let s: Vec<&str> = sentences(text, LangData::get("en"))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            s,
            [
                "Buy enough for your whole city!!!",
                "For example, we ship 12 CDs.",
                "(Layer III, known as MP3.).",
                "There is more..."
            ]
        );
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "Llegó el Sr. Pérez a EE.UU. el 3 de dic. de 2023. Dijo: «Sí». ¿Y luego? Nada.";
        let s: Vec<&str> = sentences(text, LangData::get("es"))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            s,
            [
                "Llegó el Sr. Pérez a EE.UU. el 3 de dic. de 2023.",
                "Dijo: «Sí».",
                "¿Y luego?",
                "Nada."
            ]
        );
        let en = "U.S. officials met on Dec. 27. They left.";
        let s: Vec<&str> = sentences(en, LangData::get("en"))
            .into_iter()
            .map(|r| &en[r])
            .collect();
        assert_eq!(s, ["U.S. officials met on Dec. 27.", "They left."]);
    }
}
