//! A paragraph in neither of the pair's languages.
//!
//! ## Why it matters
//! A paragraph in a third language is a pipeline fault (the wrong file, a
//! translation into the wrong target, a quote the page left in the
//! original) that neither the source nor the target reader expects. Only
//! paragraphs long enough for a reliable guess are judged.
//!
//! ## Example
//! In a Spanish-English pair, the English has "O governo brasileiro
//! anunciou ontem um novo pacote de medidas econômicas para conter a
//! inflação." where a Spanish paragraph about Brazil's new measures is.

use super::{Context, Finding, Severity, Span, excerpt};
use crate::analyse::language::{FunctionWords, other_language};
use crate::langdata::LANGUAGES;
use crate::pipeline::LinkKind;

/// Function words of one of the pair's languages alone (five times any
/// other language's) that vouch for a paragraph without an open guess.
const VOUCHING_FUNCTION_WORDS: usize = 3;

/// An open guess at the language costs more than the rest of the checks
/// together, so it is made only where the pair's languages fit badly: a
/// letter neither alphabet has (`ã`, `ß`, `è`, another script), or function
/// words that do not vouch for the pair (few of its languages', or some of
/// another bundled language's alone: `les`, `dans` in French written with
/// Spanish letters).
fn worth_a_guess(a: &crate::analyse::ParagraphAnalysis, text: &str, ctx: &Context) -> bool {
    let (s, t) = (ctx.source_lang, ctx.target_lang);
    let foreign = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .any(|c| !c.is_ascii_lowercase() && !s.letters.contains(c) && !t.letters.contains(c));
    if foreign {
        return true;
    }
    let pair = [s.code, t.code];
    let Some(own) = FunctionWords::count(text, LANGUAGES) else {
        return true;
    };
    if own
        .clear(VOUCHING_FUNCTION_WORDS)
        .is_some_and(|lang| pair.contains(&lang))
    {
        return false;
    }
    let words = a
        .tokens
        .iter()
        .filter(|t| t.kind == crate::analyse::tokens::TokenKind::Word)
        .count();
    let function = a.tokens.iter().filter(|tok| {
        let w = a.tokens.folded(tok);
        s.is_stopword(w) || t.is_stopword(w)
    });
    own.most_besides(&pair) > 0 || function.count() * 10 < words * 3
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let expected = [ctx.pair.source.lang, ctx.pair.target.lang];
    let content = ctx
        .pair
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Content);
    let source = content
        .clone()
        .flat_map(|l| l.link.source.iter().map(|&i| (true, i)));
    let target = content.flat_map(|l| l.link.target.iter().map(|&j| (false, j)));
    let mut out = Vec::new();
    for (is_source, i) in source.chain(target) {
        let doc = if is_source {
            &ctx.pair.source
        } else {
            &ctx.pair.target
        };
        let p = &doc.paragraphs[i];
        if !worth_a_guess(&doc.analyses[i], &p.normalized, ctx) {
            continue;
        }
        let Some(lang) = other_language(&p.normalized, &expected) else {
            continue;
        };
        let side = if is_source { "source" } else { "target" };
        let message = format!(
            "{side} paragraph {i} looks like '{lang}', neither '{}' nor '{}': «{}»",
            expected[0],
            expected[1],
            excerpt(&p.text, 80)
        );
        let span = Span::new(i, 0..p.text.len());
        out.push(if is_source {
            Finding::new("wrong-language", Severity::Warning, message, &[i], &[])
                .source_span(doc, span)
        } else {
            Finding::new("wrong-language", Severity::Warning, message, &[], &[i])
                .target_span(doc, span)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    const ES: &str = "El gobierno de Brasil anunció ayer un nuevo paquete de medidas económicas para contener la inflación y proteger el empleo.\n\nEl ministro de Hacienda dijo que las medidas costarán unos 30.000 millones de reales durante el próximo año.\n\nLos sindicatos recibieron el anuncio con cautela y pidieron detalles sobre los programas de empleo.";

    #[test]
    fn flags_portuguese_in_an_english_target() {
        let en = "O governo brasileiro anunciou ontem um novo pacote de medidas econômicas para conter a inflação e proteger o emprego.\n\nThe finance minister said the measures would cost about 30 billion reais over the next year.\n\nThe unions received the announcement with caution and asked for details of the employment programs.";
        let f = check_pair(ES, en, "wrong-language");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].target, [0]);
        assert!(f[0].message.contains("'pt'"), "{}", f[0].message);
        // It is not also reported as left in Spanish.
        assert!(check_pair(ES, en, "untranslated").is_empty());
    }

    /// The English of the tests above with its first paragraph replaced.
    fn target_opening_with(first: &str) -> String {
        format!(
            "{first}\n\nThe finance minister said the measures would cost about 30 billion reais over the next year.\n\nThe unions received the announcement with caution and asked for details of the employment programs."
        )
    }

    #[test]
    fn flags_languages_written_with_the_pairs_letters() {
        // Dutch needs no letter Spanish or English lacks; this French shares
        // `de`, `la`, `les` with Spanish and only `é` beyond a-z.
        for (code, text) in [
            (
                "nl",
                "De regering van Brazilië heeft gisteren een nieuw pakket economische maatregelen aangekondigd om de inflatie te beteugelen en banen te beschermen.",
            ),
            (
                "fr",
                "Le gouvernement brésilien a annoncé hier un nouveau paquet de mesures économiques pour contenir la hausse des prix et protéger les emplois.",
            ),
        ] {
            let f = check_pair(ES, &target_opening_with(text), "wrong-language");
            assert_eq!(f.len(), 1, "{code}: {f:#?}");
            assert!(
                f[0].message.contains(&format!("'{code}'")),
                "{}",
                f[0].message
            );
        }
    }

    #[test]
    fn english_full_of_foreign_names_passes() {
        // whatlang's open guess calls this French (0.6 confident); its English
        // function words vouch for it.
        let en = "Brazil thanks the commitment of numerous sponsors to support DebConf17, particularly our Platinum Sponsors Savoir-Faire Linux, Hewlett Packard Enterprise, and Google.";
        assert!(check_pair(ES, &target_opening_with(en), "wrong-language").is_empty());
    }

    #[test]
    fn the_pair_languages_pass() {
        let en = "Brazil's government announced a new package of economic measures yesterday to contain inflation and protect jobs.\n\nThe finance minister said the measures would cost about 30 billion reais over the next year.\n\nThe unions received the announcement with caution and asked for details of the employment programs.";
        assert!(check_pair(ES, en, "wrong-language").is_empty());
    }
}
