//! A placeholder or inline code of the source missing from its translation, or one added.
//!
//! Runs on the units of bilingual files (XLIFF, TMX, PO), whose readers keep
//! inline codes as placeholders (`{g:1}`…`{/g:1}`, `{x:2}`, `{ph:3}`,
//! `{bpt:1}`), and whose software strings carry variables: printf
//! conversions (`%s`, `%d`, `%1$s`, `%(name)s`) and braces (`{name}`,
//! `{0}`). Each unit's placeholders are compared as a multiset: the
//! translation may put them in any order (`%s … %d` may become `%2$d …
//! %1$s`), but each must be there as often as in the source. An error. In
//! plain text and web pages braces and percent signs are prose, and this
//! check does not run.
//!
//! ## Why it matters
//! A dropped `%s` prints a sentence without its name; an added `%d` reads
//! memory that is not there and crashes the program (gettext's `msgfmt
//! --check` refuses it). A dropped inline code loses the bold, the link or
//! the line break of the original, and a lone `{g:1}` without its
//! `{/g:1}` breaks the document the file is merged back into.
//!
//! ## Example
//! `msgid "Se actualizaron %d archivos en %s"` translated `msgstr "%d files
//! were updated"`: `%s` (the folder) is missing. Source «Pulse {g:1}Aceptar{/g:1}»,
//! target «Press OK»: `{g:1}` and `{/g:1}` are missing.

use super::{Context, Finding, Severity, Span};
use crate::analyse::placeholders::{Placeholder, find};

pub fn run(ctx: &Context) -> Vec<Finding> {
    let pair = ctx.pair;
    if pair.source.units.is_empty() {
        return vec![];
    }
    let mut out = Vec::new();
    for l in ctx.matched_links() {
        let gather = |doc: &crate::pipeline::Document, ps: &[usize]| -> Vec<(usize, Placeholder)> {
            ps.iter()
                .flat_map(|&p| {
                    find(&doc.paragraphs[p].text)
                        .into_iter()
                        .map(move |x| (p, x))
                })
                .collect()
        };
        let source = gather(&pair.source, &l.link.source);
        let target = gather(&pair.target, &l.link.target);
        // Each placeholder of one side taken by an equal one of the other.
        let unmatched = |a: &[(usize, Placeholder)], b: &[(usize, Placeholder)]| {
            let mut used = vec![false; b.len()];
            a.iter()
                .filter(|(_, x)| {
                    match b
                        .iter()
                        .enumerate()
                        .position(|(k, (_, y))| !used[k] && y.key == x.key)
                    {
                        Some(k) => {
                            used[k] = true;
                            false
                        }
                        None => true,
                    }
                })
                .cloned()
                .collect::<Vec<_>>()
        };
        for (p, x) in unmatched(&source, &target) {
            let text = &pair.source.paragraphs[p].text[x.range.clone()];
            let message =
                format!("placeholder «{text}» of the source is missing in the translation");
            out.push(
                Finding::new(
                    "placeholder-mismatch",
                    Severity::Error,
                    message,
                    &l.link.source,
                    &l.link.target,
                )
                .source_span(&pair.source, Span::new(p, x.range.clone()))
                .with_expected(text.to_string()),
            );
        }
        for (p, x) in unmatched(&target, &source) {
            let text = &pair.target.paragraphs[p].text[x.range.clone()];
            let message = format!("placeholder «{text}» of the translation is not in the source");
            out.push(
                Finding::new(
                    "placeholder-mismatch",
                    Severity::Error,
                    message,
                    &l.link.source,
                    &l.link.target,
                )
                .target_span(&pair.target, Span::new(p, x.range.clone())),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{Options, pair_bilingual};
    use crate::read::{Bilingual, Segment, Unit};

    fn check(source: &str, target: &str) -> Vec<crate::checks::Finding> {
        let seg = |t: &str| Segment::new(t, 1, 1);
        let file = Bilingual {
            source_lang: Some("es".into()),
            target_lang: Some("en".into()),
            units: vec![Unit {
                id: "1".into(),
                source: seg(source).unwrap(),
                target: seg(target),
            }],
        };
        let pair = pair_bilingual("x.po", &file, &Options::default());
        let glossary = crate::glossary::Glossary::bundled("es", "en");
        let ctx = crate::checks::Context::new(&pair, &glossary);
        super::run(&ctx)
    }

    #[test]
    fn missing_and_added_placeholders_are_found() {
        let f = check("Se actualizaron %d archivos en %s", "%d files were updated");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("«%s»"), "{}", f[0].message);
        let f = check("Pulse {g:1}Aceptar{/g:1}.", "Press {g:1}OK{/g:1} {x:2}.");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("{x:2}") && f[0].message.contains("not in the source"));
        assert_eq!(f[0].evidence.target_text.as_deref(), Some("{x:2}"));
    }

    #[test]
    fn reordered_placeholders_are_no_finding() {
        assert!(check("%s tiene %d años", "%2$d years has %1$s").is_empty());
        assert!(check("De {a} a {b}: {x:1}", "{x:1} to {b} from {a}").is_empty());
        assert!(check("Hola {name}", "Hello {name}").is_empty());
    }
}
