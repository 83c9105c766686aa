//! An aligned pair whose content does not support being a translation.
//!
//! The aligner links paragraphs by position and evidence together; a link
//! it had to make on position alone (its score below 0.45 and fewer than a
//! fifth of its words with a counterpart, with enough text on both sides to
//! judge) is reported with the score's components: length fit, share of
//! words with a counterpart, and shared numbers. It is a warning only where
//! the lexicon knows at least four of the link's source words and finds
//! under a third of their translations in the target; otherwise a low share
//! says nothing about the link (a small lexicon, terse software text, or no
//! lexicon for the pair at all: French, German, Italian), and the finding is
//! a note. A lexicon (docs/lexicons.md) makes them warnings again.
//!
//! ## Why it matters
//! A paragraph replaced by another text, a machine translation of the wrong
//! paragraph, or a rewrite that kept the length but not the content all
//! align "somewhere". Such a pair must not go into a translation memory
//! unchecked.
//!
//! ## Example
//! Source "El Banco Central mantuvo la tasa de interés..." aligned with
//! target "Heavy rain flooded the valley on Sunday...": score 0.31, lexical
//! 0.05.

use super::{Context, Finding, Severity, excerpt};

/// Link score below which a pair is reported, and the share of words with a
/// counterpart below which it is: both must hold, since terse software
/// text or a free rendering can score low on one without being unfaithful.
pub const THRESHOLD: f64 = 0.45;
const LEXICAL_THRESHOLD: f64 = 0.2;
/// Characters each side needs before its score means something.
const MIN_CHARS: usize = 40;

/// Whether a link has enough text on both sides for its score to mean something.
fn judged(ctx: &Context, link: &crate::align::Link) -> bool {
    let chars = |doc: &crate::pipeline::Document, ix: &[usize]| {
        ix.iter().map(|&i| doc.analyses[i].chars).sum::<usize>()
    };
    chars(&ctx.pair.source, &link.source) >= MIN_CHARS
        && chars(&ctx.pair.target, &link.target) >= MIN_CHARS
}

/// Whether words tell this document's links apart: a lexicon for the pair,
/// or most judged links finding words in common all the same (cognates).
fn words_tell(ctx: &Context) -> bool {
    if !ctx.pair.lexicon.is_empty() {
        return true;
    }
    let mut shares: Vec<f64> = ctx
        .content_links()
        .filter(|l| judged(ctx, &l.link))
        .filter_map(|l| l.link.score.lexical)
        .collect();
    shares.sort_by(f64::total_cmp);
    shares
        .get(shares.len() / 2)
        .is_none_or(|&median| median >= LEXICAL_THRESHOLD)
}

/// Source words of a link the lexicon knows, fewer than which its word
/// score says little (a small lexicon, terse software text).
const MIN_KNOWN: usize = 4;

/// Whether the lexicon knows enough of the link's source words, and finds
/// few enough of their translations in the target, for a low score to be
/// evidence: most known words without their translation there.
fn lexicon_disagrees(ctx: &Context, link: &crate::align::Link) -> bool {
    use crate::lexicon::stem;
    let lex = &ctx.pair.lexicon;
    let target: crate::langdata::HashSet<String> = link
        .target
        .iter()
        .flat_map(|&i| {
            let a = &ctx.pair.target.analyses[i];
            a.tokens.iter().map(move |t| stem(a.tokens.folded(t)))
        })
        .collect();
    let (mut known, mut matched) = (0, 0);
    for &i in &link.source {
        let a = &ctx.pair.source.analyses[i];
        for t in a.tokens.iter() {
            let w = a.tokens.folded(t);
            if w.chars().count() <= 3 || ctx.source_lang.is_stopword(w) {
                continue;
            }
            let tr = lex.translations(&stem(w));
            if tr.is_empty() {
                continue;
            }
            known += 1;
            if tr.iter().any(|x| target.contains(x)) {
                matched += 1;
            }
        }
    }
    known >= MIN_KNOWN && matched * 3 < known
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let words_tell = words_tell(ctx);
    for l in ctx.content_links() {
        let s = &l.link.score;
        if s.score >= THRESHOLD
            || s.lexical.is_some_and(|l| l >= LEXICAL_THRESHOLD)
            || !judged(ctx, &l.link)
        {
            continue;
        }
        let part = |x: Option<f64>| x.map_or("n/a".to_string(), |v| format!("{v:.2}"));
        let text = |doc: &crate::pipeline::Document, ix: &[usize]| {
            ix.iter()
                .map(|&i| doc.paragraphs[i].text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (st, tt) = (
            text(&ctx.pair.source, &l.link.source),
            text(&ctx.pair.target, &l.link.target),
        );
        let message = format!(
            "the aligned pair scores {:.2} (length {:.2}, words {}, numbers {}): «{}» / «{}»",
            s.score,
            s.length,
            part(s.lexical),
            part(s.anchors),
            excerpt(&st, 50),
            excerpt(&tt, 50)
        );
        // Without a lexicon that knows the link's words, a low score is a
        // note: the words may simply be unknown.
        let severity = if words_tell && lexicon_disagrees(ctx, &l.link) {
            Severity::Warning
        } else {
            Severity::Info
        };
        let mut f = Finding::new(
            "low-similarity",
            severity,
            message,
            &l.link.source,
            &l.link.target,
        );
        (f.evidence.source_text, f.evidence.target_text) = (Some(st), Some(tt));
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::Severity;
    use crate::checks::tests::check_pair;

    #[test]
    fn a_replaced_paragraph_scores_low() {
        let es = "El Banco Central de Chile mantuvo la tasa de interés en el 5,75 % tras su reunión mensual.\n\nEl consejo advirtió que la inflación de los servicios sigue siendo alta y que actuará si es necesario.\n\nLos mercados reaccionaron con calma y el peso se mantuvo estable frente al dólar durante la jornada.";
        let en = "The Central Bank of Chile kept its interest rate at 5.75% after its monthly meeting.\n\nHeavy rain flooded several valleys in the south on Sunday, and firefighters rescued dozens of families.\n\nMarkets reacted calmly and the peso held steady against the dollar during the day.";
        let f = check_pair(es, en, "low-similarity");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].source.as_slice(), f[0].target.as_slice()),
            (&[1][..], &[1][..])
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn without_a_lexicon_where_words_rarely_match_they_are_notes() {
        // German and English share few words; no lexicon is bundled for them.
        let de = "Sie können den Kontrast von Fenstern und Knöpfen erhöhen, damit sie leichter zu sehen sind.\n\nÖffnen Sie die Übersicht und beginnen Sie mit der Eingabe von Barrierefreiheit.\n\nSchalten Sie den hohen Kontrast im Abschnitt Sehen ein.\n\nDrücken Sie die Tastenkombination erneut, um den Kontrast wieder zu verringern.";
        let en = "You can adjust the contrast of windows and buttons so that they are easier to see.\n\nHeavy rain flooded several valleys in the south on Sunday night.\n\nSwitch the High Contrast switch to on in the Seeing section.\n\nPress the keyboard shortcut again to lower the contrast once more.";
        let f = check_pair(de, en, "low-similarity");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].target.as_slice(), f[0].severity),
            (&[1][..], Severity::Info)
        );
    }

    #[test]
    fn words_the_lexicon_does_not_know_make_a_note() {
        // A faithful pair whose words the bundled lexicon mostly lacks
        // scores low on words: that is no evidence, so a note.
        let es = "Si los altavoces no están bien enchufados, o si los cables están sueltos, oirá chasquidos y zumbidos molestos.";
        let en = "If the speakers are not properly plugged in, or if the leads are loose, you will hear annoying crackles and buzzing.";
        let f = check_pair(es, en, "low-similarity");
        assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:#?}");
    }

    #[test]
    fn a_faithful_pair_does_not() {
        let es = "El Banco Central de Chile mantuvo la tasa de interés en el 5,75 % tras su reunión mensual.";
        let en =
            "The Central Bank of Chile kept its interest rate at 5.75% after its monthly meeting.";
        assert!(check_pair(es, en, "low-similarity").is_empty());
    }
}
