//! Site chrome: mastheads, bylines, timestamps, "Source:" lines, bracketed
//! related-article teasers, trending lists, copyright and disclaimer lines,
//! and an aggregator's summary that only repeats the article. Recognised by
//! general features (position at the edges, length, brackets, ©, cue words
//! from the language data, text repeated from elsewhere in the same
//! document), never by strings of a particular site.

use crate::analyse::ParagraphAnalysis;
use crate::analyse::tokens::TokenKind;
use crate::langdata::HashMap;
use crate::langdata::LangData;
use crate::paragraphs::Paragraph;
use serde::Serialize;

/// Why a paragraph looks like site chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chrome {
    /// `[Related headline]`.
    Bracketed,
    /// `©`, "all rights reserved", a disclaimer.
    Copyright,
    /// A short line opening with a cue: "By ...", "Source: ...".
    Cue,
    /// Only a date or a timestamp.
    Timestamp,
    /// A summary whose sentences are repeated from other paragraphs.
    RepeatedSummary,
    /// A short line without a sentence, before the article body starts or
    /// after it ends (mastheads, section names, trending lists).
    EdgeLine,
    /// Anything after a copyright line near the end (disclaimers, links).
    Footer,
    /// Inside a web page's `nav`, `header`, `footer` or `aside`.
    Markup,
}

impl Chrome {
    /// Strong signs hold anywhere; an edge line may still be a title.
    pub fn is_strong(self) -> bool {
        self != Chrome::EdgeLine
    }
}

/// Longest line, in characters, that counts as short.
const SHORT_CHARS: usize = 40;
const SHORT_WORDS: usize = 8;
/// Word n-gram length used to find repeated text.
const SHINGLE: usize = 5;
/// Share of a paragraph's n-grams found elsewhere that makes it a repeat.
const REPEATED_SHARE: f64 = 0.6;

/// Classifies each paragraph of a document; `None` for article text.
pub fn classify(
    paragraphs: &[Paragraph],
    analyses: &[ParagraphAnalysis],
    lang: &LangData,
) -> Vec<Option<Chrome>> {
    let repeated = repeated_summaries(analyses);
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.normalized.trim()).collect();
    // What follows a copyright line near the end is the site's footer.
    let footer_from = (paragraphs.len() * 7 / 10..paragraphs.len())
        .find(|&i| is_copyright(texts[i], &analyses[i], lang))
        .map_or(paragraphs.len(), |i| i + 1);
    let body: Vec<bool> = texts.iter().map(|t| is_body(t)).collect();
    let first_body = body.iter().position(|&b| b).unwrap_or(paragraphs.len());
    let last_body = body[..footer_from].iter().rposition(|&b| b).unwrap_or(0);
    let short: Vec<bool> = texts
        .iter()
        .zip(analyses)
        .map(|(t, a)| {
            t.chars().count() < SHORT_CHARS && a.tokens.len() <= SHORT_WORDS && !body_end(t)
        })
        .collect();
    let mut kinds: Vec<Option<Chrome>> = (0..paragraphs.len())
        .map(|i| {
            let (text, a) = (texts[i], &analyses[i]);
            if i >= footer_from {
                Some(Chrome::Footer)
            } else if text.starts_with('[') && text.ends_with(']') {
                Some(Chrome::Bracketed)
            } else if is_copyright(text, a, lang) {
                Some(Chrome::Copyright)
            } else if repeated[i] {
                Some(Chrome::RepeatedSummary)
            } else if is_timestamp(a) {
                Some(Chrome::Timestamp)
            } else if short[i] && starts_with_cue(a, lang) {
                Some(Chrome::Cue)
            } else if short[i] && (i < first_body || i > last_body) {
                Some(Chrome::EdgeLine)
            } else {
                None
            }
        })
        .collect();
    // Chrome comes in clusters: a short line beside a byline or a timestamp
    // (`NBC News` under `By Julia Ainsley`) is chrome too. One sweep each way.
    let order: Vec<usize> = (0..kinds.len()).chain((0..kinds.len()).rev()).collect();
    for i in order {
        let beside = |j: Option<usize>| {
            j.and_then(|j| kinds.get(j).copied().flatten())
                .is_some_and(|k| k != Chrome::RepeatedSummary)
        };
        if kinds[i].is_none() && short[i] && (beside(i.checked_sub(1)) || beside(Some(i + 1))) {
            kinds[i] = Some(Chrome::EdgeLine);
        }
    }
    kinds
}

/// Whether text ends like a sentence.
fn body_end(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '»', '\'', ')']);
    t.ends_with(['.', '!', '?', ';']) && !t.ends_with("...")
}

/// Article text: long enough, and ending a sentence.
fn is_body(text: &str) -> bool {
    text.chars().count() >= 80 && body_end(text)
}

/// A copyright or rights line: `©` or a rights phrase of the language data.
fn is_copyright(text: &str, a: &ParagraphAnalysis, lang: &LangData) -> bool {
    text.chars().count() < 300
        && (text.contains('©')
            || lang
                .rights_cues
                .iter()
                .any(|cue| (0..a.tokens.len()).any(|k| words_at(a, k, cue))))
}

fn starts_with_cue(a: &ParagraphAnalysis, lang: &LangData) -> bool {
    lang.chrome_cues.iter().any(|cue| words_at(a, 0, cue))
}

/// Whether the paragraph's folded words from token `k` on are `words`.
fn words_at(a: &ParagraphAnalysis, k: usize, words: &[String]) -> bool {
    a.tokens.len() >= k + words.len()
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| a.tokens.folded(&a.tokens[k + i]) == w)
}

/// Only numbers (a date, a time), maybe a month or weekday name.
fn is_timestamp(a: &ParagraphAnalysis) -> bool {
    let numbers = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .count();
    let words = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && a.tokens.folded(t).chars().count() > 2)
        .count();
    numbers >= 2 && words <= 2 && a.tokens.len() <= 12
}

/// Paragraphs most of whose word n-grams occur in at least two other
/// paragraphs of the same document: a summary stitched from the article.
/// Linear: each n-gram is hashed once.
fn repeated_summaries(analyses: &[ParagraphAnalysis]) -> Vec<bool> {
    let shingles: Vec<Vec<u64>> = analyses.iter().map(shingles).collect();
    // For each n-gram, the first paragraphs (at most three) that hold it.
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, sh) in shingles.iter().enumerate() {
        for &h in sh {
            let v = holders.entry(h).or_default();
            if v.last() != Some(&i) && v.len() < 3 {
                v.push(i);
            }
        }
    }
    shingles
        .iter()
        .enumerate()
        .map(|(i, sh)| {
            if sh.len() < 10 {
                return false;
            }
            let mut sources: Vec<usize> = Vec::new();
            let mut found = 0;
            for h in sh {
                if let Some(other) = holders[h].iter().find(|&&j| j != i) {
                    found += 1;
                    if !sources.contains(other) {
                        sources.push(*other);
                    }
                }
            }
            found as f64 / sh.len() as f64 >= REPEATED_SHARE && sources.len() >= 2
        })
        .collect()
}

fn shingles(a: &ParagraphAnalysis) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<&str> = a.tokens.iter().map(|t| a.tokens.folded(t)).collect();
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = crate::langdata::Fnv::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse_paragraph;
    use crate::paragraphs::split;

    fn kinds(text: &str, lang: &str) -> Vec<Option<Chrome>> {
        let ps = split(text);
        let data = LangData::get(lang);
        let an: Vec<_> = ps
            .iter()
            .map(|p| analyse_paragraph(p, data, "und"))
            .collect();
        classify(&ps, &an, data)
    }

    const BODY1: &str = "The storm reached the coast on Tuesday night with winds of more than one hundred miles an hour, officials said.";
    const BODY2: &str = "Thousands of families left their homes before the water rose, and shelters across the region were full by morning.";

    #[test]
    fn edges_cues_brackets_and_copyright() {
        let doc = format!(
            "Daily Gazette\n\nStorm hits the coast and thousands flee their homes\n\nBy Ann Smith\n\n{BODY1}\n\n[Read: how to prepare for a hurricane]\n\n{BODY2}\n\nMost read\n\n© 2024 Gazette Media. All rights reserved."
        );
        let k = kinds(&doc, "en");
        assert_eq!(
            k,
            [
                Some(Chrome::EdgeLine),
                None, // a title: long enough to be text
                Some(Chrome::Cue),
                None,
                Some(Chrome::Bracketed),
                None,
                Some(Chrome::EdgeLine),
                Some(Chrome::Copyright),
            ]
        );
    }

    #[test]
    fn timestamp_line() {
        let doc = format!("2024-01-19T20:06:14.836Z\n\n{BODY1}");
        assert_eq!(kinds(&doc, "en")[0], Some(Chrome::Timestamp));
    }

    #[test]
    fn summary_stitched_from_the_article_is_repeated() {
        let doc = format!("Highlights: {BODY1} {BODY2}\n\n{BODY1}\n\n{BODY2}");
        assert_eq!(
            kinds(&doc, "en"),
            [Some(Chrome::RepeatedSummary), None, None]
        );
        // A paragraph repeated once (a quote read twice) is not a summary.
        let doc = format!("{BODY1}\n\n{BODY1}\n\n{BODY2}");
        assert_eq!(kinds(&doc, "en"), [None, None, None]);
    }
}
