//! A content paragraph of the translation with no counterpart in the source.
//!
//! ## Why it matters
//! Added text is text nobody checked against the original: a translator's
//! gloss, a paragraph pasted from another story, or the residue of a
//! machine-translation pipeline. It may be welcome, but an editor must see
//! it. Site chrome the target page adds (mastheads, "Trends", copyright)
//! is not reported.
//!
//! ## Example
//! The English adds "River and Boca have played each other more than 250
//! times since 1913..." where the Spanish goes on with the match report.

use super::{Context, Finding, Severity, Span, excerpt};
use crate::pipeline::LinkKind;

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, l) in ctx.pair.links.iter().enumerate() {
        if l.kind != LinkKind::Content || !l.link.source.is_empty() {
            continue;
        }
        // Facing a paragraph left out, with no lexicon to compare them: a note.
        let severity = if super::omission::facing_unjudged(ctx, k) {
            Severity::Info
        } else {
            Severity::Warning
        };
        for &j in &l.link.target {
            let text = &ctx.pair.target.paragraphs[j].text;
            let message = format!(
                "target paragraph {j} has no counterpart in the source: «{}»",
                excerpt(text, 90)
            );
            let doc = &ctx.pair.target;
            out.push(
                Finding::new("addition", severity, message, &[], &[j])
                    .target_span(doc, Span::new(j, 0..text.len())),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn flags_an_added_paragraph() {
        let es = "La selección de Uruguay venció 3-0 a Bolivia en el estadio Centenario y se clasificó para el Mundial.\n\nEl técnico Marcelo Bielsa elogió el trabajo defensivo de sus jugadores en la conferencia de prensa.";
        let en = "Uruguay's national team beat Bolivia 3-0 at the Centenario stadium and qualified for the World Cup.\n\nThe Centenario was built for the first World Cup, held in Uruguay in 1930, and hosted its final.\n\nCoach Marcelo Bielsa praised his players' defensive work at the press conference.";
        let f = check_pair(es, en, "addition");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].target, [1]);
    }

    #[test]
    fn chrome_the_target_adds_is_not_an_addition() {
        let es = "La selección de Uruguay venció 3-0 a Bolivia en el estadio Centenario y se clasificó para el Mundial.";
        let en = "Sports Daily\n\nUruguay's national team beat Bolivia 3-0 at the Centenario stadium and qualified for the World Cup.\n\n© 2024 Sports Daily. All rights reserved.";
        assert!(check_pair(es, en, "addition").is_empty());
    }
}
