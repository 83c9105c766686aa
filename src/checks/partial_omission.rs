//! A sentence of the source with no counterpart inside its aligned link.
//!
//! ## Why it matters
//! A paragraph can be translated and still lose a sentence: the link scores
//! well on what is there, and a reader of the translation sees nothing
//! missing. The sentences of every link are aligned like its paragraphs; a
//! source sentence left unlinked, whose content words (through the lexicon,
//! cognates, names and numbers) find almost nothing anywhere in the link's
//! translation, was dropped. One merged into its neighbour's rendering
//! finds its words there and is not reported.
//!
//! ## Example
//! The Spanish paragraph ends "Las ruedas de prensa en solitario son poco
//! habituales." and the English paragraph stops one sentence earlier.

use super::{Context, Finding, SentencePair, Severity, Span, excerpt};
use crate::langdata::LangData;
use crate::pipeline::{Document, SentenceRef};
use crate::score::{Bag, Side, features, features_in, is_content_word};

/// Fewest content words a sentence needs to be reported: a stray "Dijo."
/// or a dateline is not a lost sentence.
const MIN_WORDS: usize = 4;
/// Most of a sentence's content words that may be found elsewhere in the
/// link's other side for it to count as dropped (a share).
const MAX_FOUND: f64 = 0.34;

pub fn run(ctx: &Context) -> Vec<Finding> {
    unlinked_sentences(ctx, Side::Source)
}

/// Sentences of one side that the sentence alignment left unlinked and whose
/// words the other side of their link does not have: `partial-omission` for
/// the source, `partial-addition` for the target.
pub fn unlinked_sentences(ctx: &Context, side: Side) -> Vec<Finding> {
    let (check, doc, other, data, other_data) = match side {
        Side::Source => (
            "partial-omission",
            &ctx.pair.source,
            &ctx.pair.target,
            ctx.source_lang,
            ctx.target_lang,
        ),
        Side::Target => (
            "partial-addition",
            &ctx.pair.target,
            &ctx.pair.source,
            ctx.target_lang,
            ctx.source_lang,
        ),
    };
    let lexicon = &ctx.pair.lexicon;
    // A repeated sentence is reported as such, not also as unlinked.
    let (mut out, repeated) = repeated_sentences(ctx, side, check);
    let repeated: std::collections::HashSet<(usize, usize)> = repeated
        .iter()
        .map(|s| (s.paragraph, s.range.start))
        .collect();
    let pairs = ctx.sentence_pairs();
    let mut cache: Option<LinkWords> = None;
    for (k, sp) in pairs.iter().enumerate() {
        let (mine, theirs, link_mine, link_theirs) = match side {
            Side::Source => (
                &sp.source,
                &sp.target,
                &sp.link.link.source,
                &sp.link.link.target,
            ),
            Side::Target => (
                &sp.target,
                &sp.source,
                &sp.link.link.target,
                &sp.link.link.source,
            ),
        };
        let [sentence] = mine.as_slice() else {
            continue;
        };
        // An unlinked sentence beside an unlinked sentence of the other side
        // is a link the words could not confirm, not a loss and a gain.
        let lone_other = |q: Option<&SentencePair>| {
            q.is_some_and(|q| {
                std::ptr::eq(q.link, sp.link)
                    && match side {
                        Side::Source => q.source.is_empty(),
                        Side::Target => q.target.is_empty(),
                    }
            })
        };
        let before = k.checked_sub(1).and_then(|k| pairs.get(k));
        if lone_other(before) || lone_other(pairs.get(k + 1)) {
            continue;
        }
        if !theirs.is_empty() || repeated.contains(&(sentence.paragraph, sentence.range.start)) {
            continue;
        }
        let a = &doc.analyses[sentence.paragraph];
        let first = a.tokens.partition_point(|t| t.start < sentence.range.start);
        let last = a
            .tokens
            .partition_point(|t| t.end <= sentence.range.end)
            .max(first);
        let content = a.tokens[first..last]
            .iter()
            .filter(|t| is_content_word(&a.tokens, t, data))
            .count();
        if content < MIN_WORDS {
            continue;
        }
        // What the link's sides have, worked out once a link (a long
        // paragraph with many unlinked sentences stays linear).
        if cache
            .as_ref()
            .is_none_or(|c| !std::ptr::eq(c.link, sp.link))
        {
            cache = Some(LinkWords::of(
                sp.link,
                link_mine,
                link_theirs,
                doc,
                other,
                (data, other_data),
                side,
                lexicon,
            ));
        }
        let Some(c) = cache.as_ref() else { continue };
        let Some(words) = c.bag_of(sentence) else {
            continue;
        };
        // A word the link's other sentences on this side also have may be
        // theirs in the translation: it vouches for nothing.
        let shared: Vec<bool> = words
            .items()
            .map(|keys| {
                keys.iter()
                    .any(|k| c.sentences_with.get(k).is_some_and(|&n| n > 1))
            })
            .collect();
        let found = words
            .matched_items(&c.theirs)
            .iter()
            .zip(&shared)
            .filter(|&(&found, &shared)| found && !shared)
            .count();
        if words.is_empty() || found as f64 > MAX_FOUND * words.len() as f64 {
            continue;
        }
        // The lengths must agree: the link's other side fits this side
        // better without the sentence than with it.
        let chars = |d: &Document, ps: &[usize]| ps.iter().map(|&p| d.analyses[p].chars).sum();
        let (mine_chars, their_chars): (usize, usize) =
            (chars(doc, link_mine), chars(other, link_theirs));
        let own = doc.paragraphs[sentence.paragraph].text[sentence.range.clone()]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        let fit = |m: usize| match side {
            Side::Source => ctx.length.probability(m as f64, their_chars as f64),
            Side::Target => ctx.length.probability(their_chars as f64, m as f64),
        };
        if fit(mine_chars.saturating_sub(own)) <= fit(mine_chars) {
            continue;
        }
        let (source, target) = sp.paragraphs();
        out.push(finding(check, doc, sentence, side, &source, &target));
    }
    out
}

/// The words of one link: each sentence's of this side, how many of them
/// have each key, and the other side's paragraphs.
struct LinkWords<'a> {
    link: &'a crate::pipeline::AlignedLink,
    sentences: crate::langdata::HashMap<(usize, usize), Bag>,
    sentences_with: crate::langdata::HashMap<u64, u32>,
    theirs: Vec<Bag>,
}

impl<'a> LinkWords<'a> {
    #[allow(clippy::too_many_arguments)]
    fn of(
        link: &'a crate::pipeline::AlignedLink,
        mine: &[usize],
        theirs: &[usize],
        doc: &Document,
        other: &Document,
        (data, other_data): (&LangData, &LangData),
        side: Side,
        lexicon: &crate::lexicon::Lexicon,
    ) -> LinkWords<'a> {
        let other_side = match side {
            Side::Source => Side::Target,
            Side::Target => Side::Source,
        };
        let mut sentences = crate::langdata::HashMap::default();
        let mut sentences_with: crate::langdata::HashMap<u64, u32> = Default::default();
        for r in doc.sentences_of(mine) {
            let a = &doc.analyses[r.paragraph];
            let bag = features_in(a, r.range.clone(), 0, data, lexicon, side).words;
            for &k in bag.distinct_keys() {
                *sentences_with.entry(k).or_default() += 1;
            }
            sentences.insert((r.paragraph, r.range.start), bag);
        }
        let theirs = theirs
            .iter()
            .map(|&p| features(&other.analyses[p], other_data, lexicon, other_side).words)
            .collect();
        LinkWords {
            link,
            sentences,
            sentences_with,
            theirs,
        }
    }

    fn bag_of(&self, r: &SentenceRef) -> Option<&Bag> {
        self.sentences.get(&(r.paragraph, r.range.start))
    }
}

fn finding(
    check: &'static str,
    doc: &Document,
    sentence: &SentenceRef,
    side: Side,
    source: &[usize],
    target: &[usize],
) -> Finding {
    let text = &doc.paragraphs[sentence.paragraph].text[sentence.range.clone()];
    let span = Span::new(sentence.paragraph, sentence.range.clone());
    match side {
        Side::Source => Finding::new(
            check,
            Severity::Warning,
            format!(
                "a sentence of source paragraph {} is not in its translation: «{}»",
                sentence.paragraph,
                excerpt(text, 90)
            ),
            source,
            target,
        )
        .source_span(doc, span),
        Side::Target => Finding::new(
            check,
            Severity::Warning,
            format!(
                "a sentence of target paragraph {} has no counterpart in the source: «{}»",
                sentence.paragraph,
                excerpt(text, 90)
            ),
            source,
            target,
        )
        .target_span(doc, span),
    }
}

/// A sentence said twice inside one link, where the other side says it once:
/// a paste or a machine-translation loop. Also gives the spans of every
/// copy, which are not reported again as unlinked.
fn repeated_sentences(ctx: &Context, side: Side, check: &'static str) -> (Vec<Finding>, Vec<Span>) {
    let (doc, other) = match side {
        Side::Source => (&ctx.pair.source, &ctx.pair.target),
        Side::Target => (&ctx.pair.target, &ctx.pair.source),
    };
    let words = |d: &Document, r: &SentenceRef| -> Vec<String> {
        let a = &d.analyses[r.paragraph];
        let first = a.tokens.partition_point(|t| t.start < r.range.start);
        let last = a
            .tokens
            .partition_point(|t| t.end <= r.range.end)
            .max(first);
        a.tokens[first..last]
            .iter()
            .map(|t| a.tokens.folded(t).to_string())
            .collect()
    };
    let (mut out, mut copies) = (Vec::new(), Vec::new());
    for l in ctx.content_links() {
        let (mine, theirs) = match side {
            Side::Source => (&l.link.source, &l.link.target),
            Side::Target => (&l.link.target, &l.link.source),
        };
        let sentences = doc.sentences_of(mine);
        let texts: Vec<Vec<String>> = sentences.iter().map(|r| words(doc, r)).collect();
        let other_texts: Vec<Vec<String>> = other
            .sentences_of(theirs)
            .iter()
            .map(|r| words(other, r))
            .collect();
        // First occurrences by text: a link of thousands of sentences stays linear.
        let mut seen: crate::langdata::HashMap<&[String], usize> = Default::default();
        let other_repeats = other_texts
            .iter()
            .any(|t| t.len() >= 4 && seen.insert(t.as_slice(), 0).is_some());
        if other_repeats {
            continue;
        }
        let mut first_of: crate::langdata::HashMap<&[String], usize> = Default::default();
        for (k, t) in texts.iter().enumerate() {
            let first = *first_of.entry(t.as_slice()).or_insert(k);
            if first == k {
                continue;
            }
            if t.len() < 4 {
                continue;
            }
            let r = &sentences[k];
            copies.push(Span::new(
                sentences[first].paragraph,
                sentences[first].range.clone(),
            ));
            copies.push(Span::new(r.paragraph, r.range.clone()));
            let text = &doc.paragraphs[r.paragraph].text[r.range.clone()];
            let span = Span::new(r.paragraph, r.range.clone());
            let (source, target) = (&l.link.source, &l.link.target);
            let message = format!("a sentence is repeated: «{}»", excerpt(text, 90));
            let f = Finding::new(check, Severity::Warning, message, source, target);
            out.push(match side {
                Side::Source => f.source_span(doc, span),
                Side::Target => f.target_span(doc, span),
            });
        }
    }
    (out, copies)
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    const ES: &str = "El alcalde de Valparaíso inauguró el lunes el nuevo puerto de contenedores, que costó 300 millones de dólares. Las obras duraron cuatro años y emplearon a 2.000 trabajadores. Los pescadores de la bahía protestaron frente al edificio del municipio durante la ceremonia.";

    #[test]
    fn flags_a_sentence_dropped_inside_a_paragraph() {
        let en = "The mayor of Valparaíso opened the new container port on Monday, which cost 300 million dollars. The fishermen of the bay protested in front of the municipal building during the ceremony.";
        let f = check_pair(ES, en, "partial-omission");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("Las obras duraron"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].source, [0]);
    }

    #[test]
    fn a_complete_paragraph_and_a_merged_sentence_have_none() {
        let full = "The mayor of Valparaíso opened the new container port on Monday, which cost 300 million dollars. The works lasted four years and employed 2,000 workers. The fishermen of the bay protested in front of the municipal building during the ceremony.";
        assert!(check_pair(ES, full, "partial-omission").is_empty());
        let merged = "The mayor of Valparaíso opened the new container port on Monday, which cost 300 million dollars; the works lasted four years and employed 2,000 workers. The fishermen of the bay protested in front of the municipal building during the ceremony.";
        assert!(check_pair(ES, merged, "partial-omission").is_empty());
    }
}
