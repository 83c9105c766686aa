//! Properties of alignment and checking that must hold for any input.

use cotejo::pipeline::{AlignedPair, Options, align_texts};
use proptest::prelude::*;

mod common;
use common::assert_monotone_cover;

const WORDS: &[&str] = &[
    "el",
    "gobierno",
    "anunció",
    "the",
    "government",
    "announced",
    "20.000",
    "1,5",
    "México",
    "Mexico",
    "frontera",
    "border",
    "Cárdenas",
    "migración",
    "migration",
    "dijo",
    "said",
    "2024",
    "«hola»",
    "[enlace]",
    "©",
    "Por",
    "By",
    "lluvia",
    "rain",
    "presidente",
    "president",
    "élan",
    "naïve",
    "مرحبا",
    "שלום",
    "😀",
    "e\u{301}",
    "\u{200b}",
    "!!!",
    "...",
    "?!",
    "Sr.",
    "EE.UU.",
    "U.S.",
    "Friday's",
    "(",
    ")",
    "«",
    "»",
    "—",
    "1.200",
    "3:42",
    "2024-01-19",
    "27 de diciembre",
    "Dec.",
    "billones",
    "billion",
    "medio millón",
    "siglo XXI",
    "Seguridad Nacional",
    "Secretary of State,",
    "John Kelly,",
    "Homeland",
    "canciller",
    "chancellor",
    "l'État",
    "dell'Unione",
    "2,5 milliards",
    "25\u{202f}000",
    "mil milhões",
    "quarta-feira",
    "Bundesregierung",
    "13. März",
    "Ω",
    "\u{202e}",
    "\u{feff}",
    "\u{301}\u{301}",
    "👩‍👩‍👧",
    "🇪🇸",
    "\t",
    "\r",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..25).prop_map(|w| w.join(" "))
}

fn document() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(paragraph(), 1..30)
}

fn align(src: &[String], tgt: &[String]) -> AlignedPair {
    align_texts(
        "s",
        &src.join("\n\n"),
        "t",
        &tgt.join("\n\n"),
        &Options::default(),
    )
}

/// Runs every check; spans must lie on character boundaries of their paragraphs.
fn check(src: &[String], tgt: &[String]) -> Vec<cotejo::checks::Finding> {
    let pair = align(src, tgt);
    let glossary = cotejo::glossary::Glossary::bundled(pair.source.lang, pair.target.lang);
    let findings = cotejo::checks::run_all(&cotejo::checks::Context::new(&pair, &glossary));
    for f in &findings {
        for (doc, spans) in [
            (&pair.source, &f.source_spans),
            (&pair.target, &f.target_spans),
        ] {
            for s in spans {
                let text = &doc.paragraphs[s.paragraph].text;
                assert!(text.get(s.range.clone()).is_some(), "{f:?}");
            }
        }
    }
    let _ = cotejo::report::findings::json(&pair, &findings);
    let _ =
        cotejo::report::findings::text(&pair, &findings, cotejo::report::findings::Style::Plain);
    findings
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn checks_never_panic_and_spans_are_valid(src in document(), tgt in document()) {
        check(&src, &tgt);
    }

    #[test]
    fn a_document_checked_against_itself_has_no_content_mismatch(doc in document()) {
        let findings = check(&doc, &doc);
        let content = ["omission", "addition", "number-mismatch", "date-mismatch", "entity-mismatch"];
        let bad: Vec<_> = findings
            .iter()
            .filter(|f| content.contains(&f.check) && f.severity >= cotejo::checks::Severity::Warning)
            .collect();
        prop_assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn links_cover_every_paragraph_once_and_never_cross(src in document(), tgt in document()) {
        assert_monotone_cover(&align(&src, &tgt));
    }

    #[test]
    fn a_document_aligned_with_itself_is_all_one_to_one(doc in document()) {
        let pair = align(&doc, &doc);
        for (k, l) in pair.links.iter().enumerate() {
            prop_assert_eq!(&l.link.source, &vec![k]);
            prop_assert_eq!(&l.link.target, &vec![k]);
        }
    }

    /// Any Unicode at all, in any shape: no panic, spans on char boundaries.
    #[test]
    fn any_unicode_text_is_checked_without_panic(src in "\\PC{0,400}", tgt in any::<String>()) {
        check(&[src], &[tgt]);
    }

    /// Arbitrary bytes through decoding: a document or a one-line error.
    #[test]
    fn any_bytes_decode_or_fail_in_one_line(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        match cotejo::read::decode(&bytes, "x.txt") {
            Ok(text) => {
                let paragraphs = cotejo::paragraphs::split(&text);
                prop_assert!(paragraphs.iter().all(|p| !p.text.trim().is_empty()));
            }
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
        }
    }

    #[test]
    fn output_is_deterministic(src in document(), tgt in document()) {
        let a = cotejo::report::alignment::tsv(&align(&src, &tgt));
        let b = cotejo::report::alignment::tsv(&align(&src, &tgt));
        prop_assert_eq!(a, b);
    }
}
