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
use crate::analyse::ParagraphAnalysis;
use crate::analyse::language::other_language;
use crate::analyse::tokens::TokenKind;
use crate::langdata::{LangData, function_word_languages};
use crate::pipeline::LinkKind;

/// Function words of one of the pair's languages that vouch for a
/// paragraph, with five times as many as any rival's.
const VOUCHING_FUNCTION_WORDS: usize = 3;

/// An open guess at the language costs more than the rest of the checks
/// together, so it is made only where the pair's languages fit badly: a
/// letter neither alphabet has (`ã`, `ß`, `è`, another script), or function
/// words that do not vouch for one of the pair's languages. They vouch with
/// three of its own (not the other's too) and five times those of a rival,
/// the other language of the pair or a bundled language the pair lacks
/// (`pour`, `dans`: French written with Spanish letters, sharing `de`, `la`,
/// `les` with Spanish); and with three that no other bundled language has
/// (`the`, `los`), or three words in ten (Dutch borrows Spanish `de`, `en`,
/// `te`, but only now and then).
fn worth_a_guess(a: &ParagraphAnalysis, text: &str, ctx: &Context) -> bool {
    let (s, t) = (ctx.source_lang, ctx.target_lang);
    let foreign = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .any(|c| !c.is_ascii_lowercase() && !s.letters.contains(c) && !t.letters.contains(c));
    if foreign {
        return true;
    }
    let bits = [s, t].map(|d| LangData::bit(d.code).unwrap_or(0));
    // Per language of the pair: function words not of the other, and of
    // no other bundled language at all.
    let mut own = [0usize; 2];
    let mut only = [0usize; 2];
    let mut besides = [0usize; 8];
    let mut words = 0;
    for tok in a.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        let of = function_word_languages(a.tokens.folded(tok));
        if of & (bits[0] | bits[1]) == 0 {
            for (k, n) in besides.iter_mut().enumerate() {
                *n += usize::from(of & (1 << k) != 0);
            }
        }
        for side in 0..2 {
            if of & bits[side] != 0 && of & bits[1 - side] == 0 {
                own[side] += 1;
                only[side] += usize::from(of == bits[side]);
            }
        }
    }
    let side = usize::from(own[1] > own[0]);
    let rival = besides.into_iter().max().unwrap_or(0).max(own[1 - side]);
    let vouched = own[side] >= VOUCHING_FUNCTION_WORDS
        && own[side] >= 5 * rival
        && (only[side] >= VOUCHING_FUNCTION_WORDS || own[side] * 10 >= words * 3);
    !vouched
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
    // In a translation found in its source's language, another language may
    // well be the one it was meant to be in: `untranslated` reports it.
    let target = content
        .flat_map(|l| l.link.target.iter().map(|&j| (false, j)))
        .filter(|_| !ctx.pair.untranslated_document);
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
        // Both documents read as one language when one is mostly left untranslated.
        let languages = if expected[0] == expected[1] {
            format!("not '{}'", expected[0])
        } else {
            format!("neither '{}' nor '{}'", expected[0], expected[1])
        };
        let message = format!(
            "{side} paragraph {i} looks like '{lang}', {languages}: «{}»",
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
        // This Dutch needs no letter Spanish or English lacks and has
        // Spanish `de`, `en`, `te`; this French shares `de`, `la`, `les`
        // with Spanish and only `é` beyond a-z.
        for (code, text) in [
            (
                "nl",
                "De Braziliaanse regering heeft gisteren een nieuw pakket economische maatregelen aangekondigd om de inflatie te beteugelen en banen te beschermen.",
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
        // whatlang's open guess calls this French; its English
        // function words vouch for it.
        let en = "Brazil thanks the commitment of numerous sponsors to support DebConf17, particularly our Platinum Sponsors Savoir-Faire Linux, Hewlett Packard Enterprise, and Google.";
        assert!(check_pair(ES, &target_opening_with(en), "wrong-language").is_empty());
    }

    #[test]
    fn a_pair_read_as_one_language_is_named_once() {
        // A source in English but for one paragraph in nine, against an
        // English text: both read as English.
        let rest = "\n\nThe central bank kept its interest rate unchanged at its meeting on Thursday.\n\nAnalysts had expected the decision after inflation slowed for a third month.\n\nThe next meeting of the monetary policy committee is scheduled for early June.";
        let en = target_opening_with(
            "The Brazilian government announced a new package of economic measures yesterday to contain inflation and protect jobs.",
        ) + rest
            + rest;
        let mixed = target_opening_with(
            "O governo brasileiro anunciou ontem um novo pacote de medidas econômicas para conter a inflação e proteger o emprego.",
        ) + rest
            + rest;
        let f = check_pair(&mixed, &en, "wrong-language");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message
                .contains("source paragraph 0 looks like 'pt', not 'en'"),
            "{}",
            f[0].message
        );
        // The other way round the Portuguese may be the translation meant:
        // the English around it is `untranslated`'s to report.
        assert!(check_pair(&en, &mixed, "wrong-language").is_empty());
    }

    #[test]
    fn the_pair_languages_pass() {
        let en = "Brazil's government announced a new package of economic measures yesterday to contain inflation and protect jobs.\n\nThe finance minister said the measures would cost about 30 billion reais over the next year.\n\nThe unions received the announcement with caution and asked for details of the employment programs.";
        assert!(check_pair(ES, en, "wrong-language").is_empty());
    }
}
