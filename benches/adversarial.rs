//! Time and memory on adversarial input (issue: robustness): every case runs
//! the whole `check` pipeline (align, every check) and writes every report
//! format (JSON, text, HTML, SARIF, JUnit, TMX), and prints seconds and the
//! process's peak resident memory.
//! Run with `cargo bench --bench adversarial`; see docs/robustness.md.

use cotejo::pipeline::{Checker, Options};
use std::time::Instant;

// The allocator the `cotejo` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

/// `n` one-word paragraphs cycling through `words`.
fn one_word_paragraphs(n: usize, words: &[&str]) -> String {
    (0..n)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn main() {
    let checker = Checker::new(Options::default(), &[]).expect("no glossary to read");
    let es = [
        "gobierno",
        "frontera",
        "lluvia",
        "presidente",
        "migración",
        "2024",
    ];
    let en = [
        "government",
        "border",
        "rain",
        "president",
        "migration",
        "2024",
    ];
    let news = "El gobierno anunció el jueves 20.000 millones de dólares para la frontera, dijo el presidente.";
    let rtl_emoji = "مرحبا שלום 😀 e\u{301} \u{200b} ";
    let cases: Vec<(&str, String, String)> = vec![
        (
            "100,000 one-word paragraphs vs 100,000",
            one_word_paragraphs(100_000, &es),
            one_word_paragraphs(100_000, &en),
        ),
        (
            "100,000 paragraphs vs an empty document",
            one_word_paragraphs(100_000, &es),
            String::new(),
        ),
        (
            "one 1 MB token vs a news paragraph",
            "x".repeat(1 << 20),
            news.to_string(),
        ),
        (
            "one 5 MB paragraph (RTL, emoji, marks) vs a news paragraph",
            rtl_emoji.repeat((5 << 20) / rtl_emoji.len()),
            news.to_string(),
        ),
    ];
    // Shapes that were quadratic once (a lookup per split point, a rescan per
    // mention), 1 MB on each side: each must stay well under a second.
    let shapes: &[(&str, &str)] = &[
        ("mil ", "thousand "),
        ("vigesimoséptima", "twenty-seventh"),
        ("3 de marzo ", "March 3, "),
        ("5 personas ", "5 people "),
        ("5 personas ", "6 people "),
        ("X-1 ", "X-2 "),
        ("A", "B"),
        ("a1", "b2"),
        ("Juan Pérez dijo ", "Juan Pérez said "),
        (
            "el secretario de Estado dijo ",
            "the Secretary of State said ",
        ),
    ];
    let mut cases = cases;
    for (a, b) in shapes {
        let mb = 1 << 20;
        cases.push((
            "1 MB of a repeated shape on each side",
            a.repeat(mb / a.len()),
            b.repeat(mb / b.len()),
        ));
    }
    println!(
        "{:<60} {:>9} {:>10} {:>9}",
        "case", "seconds", "links", "peak MiB"
    );
    for (name, source, target) in cases {
        let name = if name.starts_with("1 MB of") {
            format!(
                "1 MB of «{}» vs «{}»",
                &source[..source.len().min(12)].trim_end(),
                target[..target.len().min(12)].trim_end()
            )
        } else {
            name.to_string()
        };
        let start = Instant::now();
        let (pair, findings) = checker
            .check_texts("source", &source, "target", &target)
            .expect("checks run");
        use cotejo::report::{findings as text_report, html, junit, sarif, tmx};
        let sizes = [
            text_report::json(&pair, &findings).to_string().len(),
            text_report::text(&pair, &findings, text_report::Style::Plain).len(),
            html::html(&pair, &findings).len(),
            sarif::sarif(&pair, &findings).to_string().len(),
            junit::junit(&pair, &findings, None).len(),
            tmx::tmx(&pair).len(),
        ];
        let seconds = start.elapsed().as_secs_f64();
        assert!(sizes.iter().all(|&n| n > 0));
        println!(
            "{name:<60} {seconds:>9.2} {:>10} {:>9.0}",
            pair.links.len(),
            peak_rss_mib()
        );
    }
}
