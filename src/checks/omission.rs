//! A content paragraph of the source with no counterpart in the translation.
//!
//! An error; a warning for a paragraph under 40 characters. Where no
//! lexicon serves the pair and the translation has a paragraph of fitting
//! length left unaligned in the same place, the two are most likely a free
//! translation the aligner could not vouch for: a note, here and in
//! `addition`.
//!
//! In a bilingual file (XLIFF, TMX, PO) it is a unit whose target is
//! missing or empty: untranslated (a PO `msgstr ""`, an XLIFF unit without
//! `<target>`).
//!
//! ## Why it matters
//! A dropped paragraph is the largest error a translation can make and the
//! hardest to see when reading the translation alone: nothing looks
//! missing. Site chrome (bylines, related links, copyright lines) is never
//! reported; it is expected to differ between editions.
//!
//! ## Example
//! The Spanish says "Los sindicatos reclamaron que los salarios recuperen
//! el poder adquisitivo..." between two paragraphs the English renders, and
//! the English goes straight from the one to the other.

use super::{Context, Finding, Severity, Span, excerpt};
use crate::pipeline::LinkKind;

/// Paragraphs shorter than this are reported as warnings: a stray word
/// or label is rarely a lost paragraph of the article.
const SHORT: usize = 40;

/// Whether the one-sided link `k` faces a one-sided link of the other side
/// in the same place (a paragraph left out where another was added), of a
/// length that fits, in a pair no lexicon serves: the two are then most
/// likely a free translation the aligner could not vouch for (`Financiamento
/// externo inunda...` / `Outside money floods...`), and words cannot tell a
/// replaced paragraph from it.
pub(crate) fn facing_unjudged(ctx: &Context, k: usize) -> bool {
    if !ctx.pair.lexicon.is_empty() {
        return false;
    }
    let links = &ctx.pair.links;
    let one_sided = |l: &crate::pipeline::AlignedLink| {
        l.kind == LinkKind::Content && (l.link.source.is_empty() != l.link.target.is_empty())
    };
    let Some(here) = links.get(k).filter(|l| one_sided(l)) else {
        return false;
    };
    let chars = |doc: &crate::pipeline::Document, ix: &[usize]| {
        ix.iter().map(|&i| doc.analyses[i].chars).sum::<usize>() as f64
    };
    let fits = |other: &crate::pipeline::AlignedLink| {
        let (src, tgt) = if here.link.target.is_empty() {
            (&here.link.source, &other.link.target)
        } else {
            (&other.link.source, &here.link.target)
        };
        if src.len() != 1 || tgt.len() != 1 {
            return false;
        }
        let ratio = chars(&ctx.pair.target, tgt) / chars(&ctx.pair.source, src).max(1.0);
        let expected = ctx.target_lang.length_ratio / ctx.source_lang.length_ratio.max(0.1);
        // Headings are rendered freely (`Compte-rendu de la rencontre de
        // l'équipe...` / `Report from DSA Team sprint`): a third to three times.
        (1.0 / 3.0..=3.0).contains(&(ratio / expected))
    };
    let facing = |j: usize| {
        links.get(j).is_some_and(|o| {
            one_sided(o) && o.link.source.is_empty() != here.link.source.is_empty() && fits(o)
        })
    };
    facing(k + 1) || k.checked_sub(1).is_some_and(facing)
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let links = &ctx.pair.links;
    let mut out = Vec::new();
    // The last target paragraph before each link and the first after it,
    // worked out once (a scan per omission made a million one-sided links
    // quadratic).
    let mut before_at = Vec::with_capacity(links.len());
    let mut last = None;
    for l in links {
        before_at.push(last);
        last = l.link.target.last().copied().or(last);
    }
    let mut after_at = vec![None; links.len()];
    let mut first = None;
    for (k, l) in links.iter().enumerate().rev() {
        after_at[k] = first;
        first = l.link.target.first().copied().or(first);
    }
    for (k, l) in links.iter().enumerate() {
        if l.kind != LinkKind::Content || !l.link.target.is_empty() {
            continue;
        }
        // Where it would have gone in the translation, for the message.
        let (before, after) = (before_at[k], after_at[k]);
        let place = match (before, after) {
            (Some(b), Some(a)) => format!("between target paragraphs {b} and {a}"),
            (Some(b), None) => format!("after target paragraph {b}"),
            (None, Some(a)) => format!("before target paragraph {a}"),
            (None, None) => "anywhere".into(),
        };
        for &i in &l.link.source {
            let text = &ctx.pair.source.paragraphs[i].text;
            let severity = if facing_unjudged(ctx, k) {
                Severity::Info
            } else if text.chars().count() < SHORT {
                Severity::Warning
            } else {
                Severity::Error
            };
            // A unit of a bilingual file is given, not aligned: its target
            // is missing or empty.
            let message = match ctx.pair.source.units.get(i) {
                Some(unit) => format!(
                    "unit «{}» has no translation (its target is missing or empty): «{}»",
                    excerpt(unit, 60),
                    excerpt(text, 90)
                ),
                None => format!(
                    "source paragraph {i} is not translated (expected {place}): «{}»",
                    excerpt(text, 90)
                ),
            };
            let doc = &ctx.pair.source;
            out.push(
                Finding::new("omission", severity, message, &[i], &[])
                    .source_span(doc, Span::new(i, 0..text.len())),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn flags_a_dropped_paragraph_not_chrome() {
        let es = "El puerto de Valparaíso reabrió el lunes después de tres días cerrado por el temporal que azotó la costa central.\n\nLas navieras calculan pérdidas de varios millones de dólares por los barcos que esperaron frente a la bahía.\n\nLas autoridades prevén normalizar el tráfico de contenedores antes del fin de semana.\n\n[Lee también: El temporal en imágenes]";
        let en = "The port of Valparaíso reopened on Monday after being closed for three days by the storm that hit the central coast.\n\nThe authorities expect container traffic to return to normal before the weekend.";
        let f = check_pair(es, en, "omission");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].source, [1]);
        assert!(
            f[0].message.contains("between target paragraphs 0 and 1"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn without_a_lexicon_a_paragraph_facing_an_unaligned_one_is_a_note() {
        use crate::checks::Severity;
        // Portuguese to English: no lexicon; the aligner may leave a freely
        // translated headline unlinked on both sides.
        let pt = "Financiamento externo inunda as corridas mais renhidas da Câmara\n\nO partido gastou 3 milhões de dólares em anúncios na Pensilvânia em 2018, segundo a Reuters.";
        let en = "Outside money floods into tightest House races\n\nThe party spent $3 million on ads in Pennsylvania in 2018, according to Reuters.";
        let (pair, f) = crate::checks::tests::check_pair_full(pt, en);
        let one_sided: Vec<_> = f
            .iter()
            .filter(|f| f.check == "omission" || f.check == "addition")
            .collect();
        if pair.links.iter().any(|l| l.link.target.is_empty()) {
            assert!(
                one_sided.iter().all(|f| f.severity == Severity::Info),
                "{one_sided:#?}"
            );
        }
        // With a lexicon (Spanish), a paragraph dropped where another was
        // added stays an error.
        let es = "El puerto de Valparaíso reabrió el lunes después de tres días cerrado por el temporal.\n\nLas navieras calculan pérdidas de varios millones de dólares por los barcos que esperaron frente a la bahía.\n\nLas autoridades prevén normalizar el tráfico antes del fin de semana.";
        let en = "The port of Valparaíso reopened on Monday after being closed for three days by the storm.\n\nA famous singer released a new album of folk songs recorded in her kitchen last winter.\n\nThe authorities expect traffic to return to normal before the weekend.";
        let f = check_pair(es, en, "omission");
        assert!(f.iter().all(|f| f.severity == Severity::Error), "{f:#?}");
    }

    #[test]
    fn complete_translation_has_none() {
        let es = "El puerto de Valparaíso reabrió el lunes después de tres días cerrado por el temporal.\n\nLas autoridades prevén normalizar el tráfico antes del fin de semana.";
        let en = "The port of Valparaíso reopened on Monday after being closed for three days by the storm.\n\nThe authorities expect traffic to return to normal before the weekend.";
        assert!(check_pair(es, en, "omission").is_empty());
    }
}
