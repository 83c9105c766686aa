//! A paragraph, or a sentence, of the translation still in the source language.
//!
//! ## Why it matters
//! Machine-translation pipelines pass through what they fail on, and
//! translators leave a paragraph for later and forget it. Readers of the
//! translation cannot read it; a translation memory built from it teaches
//! the wrong thing. Paragraphs under 30 letters are not judged: no detector
//! is reliable there; longer ones must also hold more function words of the
//! source language than of the target's. A translation that reads as its
//! source's language as a whole (a copy, or a short page with one paragraph
//! translated) has each of its paragraphs in that language reported, unless
//! `--target-lang` says that language is the one meant.
//!
//! ## Example
//! English target paragraph 7 reads "Las autoridades prevén normalizar el
//! tráfico de contenedores antes del fin de semana."

use super::{Context, Finding, Severity, Span, excerpt};
use crate::analyse::ParagraphAnalysis;
use crate::analyse::language::{ParagraphDetector, UNDETERMINED, other_language};
use crate::langdata::LangData;
use crate::pipeline::LinkKind;
use std::ops::Range;

/// Whether a text has more function words of `first` than of `second`:
/// detectors misjudge short technical text ("This package contains the
/// internal Kerberos database libraries."), function words do not.
fn more_function_words(
    a: &ParagraphAnalysis,
    range: Range<usize>,
    first: &LangData,
    second: &LangData,
) -> bool {
    let words: Vec<&str> = a
        .tokens
        .iter()
        .filter(|t| t.start >= range.start && t.end <= range.end)
        .map(|t| a.tokens.folded(t))
        .collect();
    let count = |l: &LangData| words.iter().filter(|w| l.is_stopword(w)).count();
    count(first) > count(second)
}

/// Letters a sentence needs before its own language is judged.
const SENTENCE_LETTERS: usize = 40;

pub fn run(ctx: &Context) -> Vec<Finding> {
    let (src, tgt) = (ctx.pair.source.lang, ctx.pair.target.lang);
    if ctx.pair.untranslated_document {
        return left_in_source_language(ctx);
    }
    if src == tgt || src == UNDETERMINED || tgt == UNDETERMINED {
        return vec![];
    }
    let detector = ParagraphDetector::new(&[src, tgt]);
    let (src_data, tgt_data) = (ctx.source_lang, ctx.target_lang);
    // Function words first: they are cheap, and only text that has more of
    // the source's than of the target's is worth a detector's time.
    let in_source_language = |a: &ParagraphAnalysis, text: &str, r: Range<usize>| {
        more_function_words(a, r.clone(), src_data, tgt_data) && detector.detect(&text[r]) == src
    };
    let mut out = Vec::new();
    for l in ctx
        .pair
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Content)
    {
        for &j in &l.link.target {
            let (p, a) = (&ctx.pair.target.paragraphs[j], &ctx.pair.target.analyses[j]);
            // Judge long sentences one by one; a paragraph of one sentence, or
            // whose judged sentences are all untranslated, as a whole.
            let judged: Vec<(std::ops::Range<usize>, bool)> = a
                .sentences
                .iter()
                .filter(|r| {
                    p.text[(*r).clone()]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        >= SENTENCE_LETTERS
                })
                .map(|r| (r.clone(), in_source_language(a, &p.text, r.clone())))
                .collect();
            let whole = if judged.len() <= 1 {
                a.lang == src && more_function_words(a, 0..p.text.len(), src_data, tgt_data)
            } else {
                judged.iter().all(|(_, u)| *u)
            };
            // A third language is `wrong-language`'s to report.
            let flagged = whole || judged.iter().any(|(_, u)| *u);
            if flagged && other_language(&p.normalized, &[src, tgt]).is_some() {
                continue;
            }
            let spans: Vec<std::ops::Range<usize>> = if whole {
                std::iter::once(0..p.text.len()).collect()
            } else if judged.len() > 1 {
                judged
                    .into_iter()
                    .filter(|(_, u)| *u)
                    .map(|(r, _)| r)
                    .collect()
            } else {
                vec![]
            };
            for r in spans {
                let what = if whole {
                    "paragraph"
                } else {
                    "a sentence of paragraph"
                };
                let message = format!(
                    "target {what} {j} is still in '{src}', not '{tgt}': «{}»",
                    excerpt(&p.text[r.clone()], 90)
                );
                out.push(finding(ctx, &l.link, j, r, message));
            }
        }
    }
    out
}

/// An untranslated stretch `range` of target paragraph `j`, with the
/// source it should have rendered.
fn finding(
    ctx: &Context,
    link: &crate::align::Link,
    j: usize,
    range: Range<usize>,
    message: String,
) -> Finding {
    let mut f = Finding::new("untranslated", Severity::Error, message, &link.source, &[j])
        .target_span(&ctx.pair.target, Span::new(j, range));
    f.evidence.source_text = link
        .source
        .first()
        .map(|&i| ctx.pair.source.paragraphs[i].text.clone());
    f
}

/// A translation that reads as its source's language as a whole (a copy,
/// or one paragraph translated in a short page): each of its paragraphs in
/// that language, told among every bundled language, is untranslated.
fn left_in_source_language(ctx: &Context) -> Vec<Finding> {
    let src = ctx.pair.source.lang;
    let mut out = Vec::new();
    for l in ctx.content_links() {
        for &j in &l.link.target {
            let (p, a) = (&ctx.pair.target.paragraphs[j], &ctx.pair.target.analyses[j]);
            if a.lang != src {
                continue;
            }
            let message = format!(
                "target paragraph {j} is still in '{src}', like the whole translation (give --target-lang {src} if '{src}' is meant): «{}»",
                excerpt(&p.text, 90)
            );
            out.push(finding(ctx, &l.link, j, 0..p.text.len(), message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;
    use crate::checks::{Context, REGISTRY};
    use crate::glossary::Glossary;
    use crate::pipeline::{Options, align_texts};

    /// The untranslated findings of a pair with these options.
    fn untranslated(source: &str, target: &str, options: &Options) -> usize {
        let pair = align_texts("a.txt", source, "b.txt", target, options);
        let glossary = Glossary::bundled(pair.source.lang, pair.target.lang);
        let check = REGISTRY.iter().find(|c| c.name == "untranslated").unwrap();
        (check.run)(&Context::new(&pair, &glossary)).len()
    }

    #[test]
    fn a_translation_in_the_source_language_is_untranslated() {
        assert_eq!(untranslated(ES, ES, &Options::default()), 2);
        // Unless that language is the one meant.
        let same = Options {
            target_lang: Some("es".into()),
            ..Options::default()
        };
        assert_eq!(untranslated(ES, ES, &same), 0);
    }

    const ES: &str = "El Banco Central de Chile mantuvo la tasa de interés en el 5,75 % tras su reunión mensual de política monetaria.\n\nEl consejo advirtió que la inflación de los servicios sigue siendo más alta de lo previsto por los analistas.";

    #[test]
    fn flags_a_paragraph_left_in_spanish() {
        let en = "The Central Bank of Chile kept its interest rate at 5.75% after its monthly monetary policy meeting.\n\nEl consejo advirtió que la inflación de los servicios sigue siendo más alta de lo previsto por los analistas.";
        let f = check_pair(ES, en, "untranslated");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].target, [1]);
    }

    #[test]
    fn flags_a_sentence_left_in_spanish() {
        let es = format!(
            "{ES}\n\nEl peso chileno se apreció un 0,8 % frente al dólar tras el anuncio. Los operadores esperan nuevos recortes de la tasa en los próximos meses."
        );
        let en = "The Central Bank of Chile kept its interest rate at 5.75% after its monthly monetary policy meeting.\n\nThe board warned that services inflation is still higher than analysts expected.\n\nThe Chilean peso rose 0.8% against the dollar after the announcement. Los operadores esperan nuevos recortes de la tasa en los próximos meses.";
        let f = check_pair(&es, en, "untranslated");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("a sentence"), "{}", f[0].message);
        assert!(
            f[0].evidence
                .target_text
                .as_deref()
                .unwrap()
                .starts_with("Los operadores")
        );
    }

    #[test]
    fn a_translated_pair_and_short_names_pass() {
        let en = "The Central Bank of Chile kept its interest rate at 5.75% after its monthly monetary policy meeting.\n\nThe board warned that services inflation is still higher than analysts expected.";
        assert!(check_pair(ES, en, "untranslated").is_empty());
    }
}
