//! A content paragraph of the source with no counterpart in the translation.
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

pub fn run(ctx: &Context) -> Vec<Finding> {
    let links = &ctx.pair.links;
    let mut out = Vec::new();
    for (k, l) in links.iter().enumerate() {
        if l.kind != LinkKind::Content || !l.link.target.is_empty() {
            continue;
        }
        // Where it would have gone in the translation, for the message.
        let before = links[..k]
            .iter()
            .rev()
            .find_map(|l| l.link.target.last().copied());
        let after = links[k + 1..]
            .iter()
            .find_map(|l| l.link.target.first().copied());
        let place = match (before, after) {
            (Some(b), Some(a)) => format!("between target paragraphs {b} and {a}"),
            (Some(b), None) => format!("after target paragraph {b}"),
            (None, Some(a)) => format!("before target paragraph {a}"),
            (None, None) => "anywhere".into(),
        };
        for &i in &l.link.source {
            let text = &ctx.pair.source.paragraphs[i].text;
            let severity = if text.chars().count() < SHORT {
                Severity::Warning
            } else {
                Severity::Error
            };
            let message = format!(
                "source paragraph {i} is not translated (expected {place}): «{}»",
                excerpt(text, 90)
            );
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
    fn complete_translation_has_none() {
        let es = "El puerto de Valparaíso reabrió el lunes después de tres días cerrado por el temporal.\n\nLas autoridades prevén normalizar el tráfico antes del fin de semana.";
        let en = "The port of Valparaíso reopened on Monday after being closed for three days by the storm.\n\nThe authorities expect traffic to return to normal before the weekend.";
        assert!(check_pair(es, en, "omission").is_empty());
    }
}
