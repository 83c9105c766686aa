//! Adversarial input the checker must get through whole: huge paragraphs,
//! huge tokens, many paragraphs, nothing on one side. These assert what the
//! output must be; how long it takes is measured by `cargo bench --bench
//! adversarial` (docs/robustness.md), never asserted here.

use cotejo::checks::Finding;
use cotejo::pipeline::{AlignedPair, Checker, Options};

mod common;
use common::assert_monotone_cover;

fn check(source: &str, target: &str) -> (AlignedPair, Vec<Finding>) {
    let checker = Checker::new(Options::default(), &[]).unwrap();
    let (pair, findings) = checker
        .check_texts("source", source, "target", target)
        .unwrap();
    // Every report format renders, and every span lies on its paragraph.
    for f in &findings {
        for (doc, spans) in [
            (&pair.source, &f.source_spans),
            (&pair.target, &f.target_spans),
        ] {
            for s in spans {
                assert!(
                    doc.paragraphs[s.paragraph]
                        .text
                        .get(s.range.clone())
                        .is_some()
                );
            }
        }
    }
    use cotejo::report::{findings as report, html, junit, sarif, tmx};
    assert!(report::json(&pair, &findings).is_object());
    assert!(!report::text(&pair, &findings, report::Style::Plain).is_empty());
    assert!(html::html(&pair, &findings).contains("</html>"));
    assert!(sarif::sarif(&pair, &findings).is_object());
    assert!(junit::junit(&pair, &findings, None).contains("</testsuites>"));
    assert!(tmx::tmx(&pair).contains("</tmx>"));
    (pair, findings)
}

const NEWS: &str = "El gobierno anunció el jueves 20.000 millones de dólares para la frontera, dijo el presidente.";

#[test]
fn a_five_megabyte_paragraph_of_rtl_emoji_and_marks() {
    let piece = "مرحبا שלום 😀 e\u{301} \u{200b}\u{202e} 👩‍👩‍👧 ";
    let huge = piece.repeat((5 << 20) / piece.len());
    let (pair, _) = check(&huge, NEWS);
    assert_eq!(pair.source.paragraphs.len(), 1);
    assert_monotone_cover(&pair);
}

#[test]
fn a_paragraph_that_is_one_megabyte_token() {
    let (pair, findings) = check(&"x".repeat(1 << 20), NEWS);
    assert_monotone_cover(&pair);
    // Nothing of the news paragraph is in the token: it is not a translation.
    assert!(
        findings
            .iter()
            .any(|f| f.check == "omission" || f.check == "addition")
    );
}

#[test]
fn many_one_word_paragraphs_against_many() {
    let words = |w: &[&str], n: usize| {
        (0..n)
            .map(|i| w[i % w.len()])
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let es = words(&["gobierno", "frontera", "lluvia", "presidente"], 20_000);
    let en = words(&["government", "border", "rain", "president"], 20_000);
    let (pair, _) = check(&es, &en);
    assert_monotone_cover(&pair);
}

#[test]
fn many_paragraphs_against_an_empty_document() {
    let es = "La frontera.\n\n".repeat(20_000);
    let checker = Checker::new(Options::default(), &[]).unwrap();
    let (pair, _) = checker.check_texts("source", &es, "target", "").unwrap();
    assert_monotone_cover(&pair);
    assert!(pair.target.paragraphs.is_empty());
}

#[test]
fn a_table_of_changed_figures_is_summed_up() {
    let (_, findings) = check(&"5 personas ".repeat(50_000), &"6 people ".repeat(50_000));
    let numbers = findings
        .iter()
        .filter(|f| f.check == "number-mismatch")
        .count();
    assert_eq!(numbers, cotejo::checks::MAX_PER_LINK + 1);
}
