//! The bundled pairs in `corpora/` align as their gold says.

use cotejo::eval::{eval_pair, find_pairs};
use cotejo::pipeline::Options;
use std::path::Path;

#[test]
fn every_corpus_pair_reaches_f1_095() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let pairs = find_pairs(&root).unwrap();
    assert!(
        pairs.len() >= 4,
        "expected the bundled pairs, found {pairs:?}"
    );
    for dir in pairs {
        let r = eval_pair(&dir, &root, &Options::default()).unwrap();
        assert!(
            r.f1() >= 0.95,
            "{}: F1 {:.3} (P {:.3}, R {:.3})",
            r.name,
            r.f1(),
            r.precision(),
            r.recall()
        );
    }
}

/// `expected.tsv` in a pair folder lists the findings (warnings and errors)
/// the checks must report on it: no more, no fewer. Pairs without one are
/// correct translations and must have none.
#[test]
fn every_corpus_pair_has_exactly_its_expected_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    for dir in find_pairs(&root).unwrap() {
        let (source, target) = cotejo::eval::pair_files(&dir).unwrap();
        let (_, findings) = cotejo::pipeline::check_files(
            &source.display().to_string(),
            &target.display().to_string(),
            &Options::default(),
            &[],
        )
        .unwrap();
        let join = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        let mut got: Vec<String> = findings
            .iter()
            .filter(|f| f.severity >= cotejo::checks::Severity::Warning)
            .map(|f| {
                format!(
                    "{}\t{}\t{}\t{}",
                    f.check,
                    f.severity.as_str(),
                    join(&f.source),
                    join(&f.target)
                )
            })
            .collect();
        let expected_text = std::fs::read_to_string(dir.join("expected.tsv")).unwrap_or_default();
        let mut expected: Vec<String> = expected_text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{}", dir.display());
    }
}

/// The founding example: the Mayorkas title, and what must not be flagged.
#[test]
fn telemundo_founding_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/telemundo-2024-01-19");
    let (pair, findings) = cotejo::pipeline::check_files(
        &dir.join("es.txt").display().to_string(),
        &dir.join("en.txt").display().to_string(),
        &Options::default(),
        &[],
    )
    .unwrap();
    let term = findings
        .iter()
        .find(|f| f.check == "term-mistranslation")
        .expect("the Mayorkas title");
    assert_eq!(
        term.evidence.expected.as_deref(),
        Some("Secretary of Homeland Security")
    );
    assert_eq!(
        term.evidence.target_text.as_deref(),
        Some("Secretary of National Security")
    );
    let inconsistent = findings
        .iter()
        .find(|f| f.check == "inconsistent-rendering")
        .expect("two titles");
    assert!(
        inconsistent.message.contains("Alejandro Mayorkas"),
        "{}",
        inconsistent.message
    );
    assert_eq!(inconsistent.target, [5, 11]);
    // "$20 billion" / "20.000 millones de dólares" and "Dec. 27" / "27 de diciembre" are right.
    let text = |doc: &cotejo::pipeline::Document, i: usize| doc.paragraphs[i].text.clone();
    for f in findings
        .iter()
        .filter(|f| f.check == "number-mismatch" || f.check == "date-mismatch")
    {
        let quoted: Vec<String> = f.target.iter().map(|&j| text(&pair.target, j)).collect();
        assert!(
            !quoted
                .iter()
                .any(|t| t.contains("$20 billion") || t.contains("Dec. 27")),
            "{f:#?}"
        );
    }
}
