//! Batch throughput: 10,000 news-size pairs made from the bundled corpora,
//! every check on, streamed through `batch::stream` on all cores as `cotejo
//! batch` runs them (each pair's JSON report rendered, then dropped). Prints
//! pairs per second and peak memory. Run with
//! `cargo bench --bench batch`; see docs/PERFORMANCE.md.

use cotejo::batch::{PairInput, Texts, stream};
use cotejo::eval::{find_pairs, pair_files};
use cotejo::pipeline::{Checker, Options};
use std::path::Path;
use std::time::Instant;

// The allocator the `cotejo` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<f64>().ok()? / 1024.0)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let corpus: Vec<(String, String)> = find_pairs(&root)
        .expect("corpora/")
        .iter()
        .map(|d| {
            let (s, t) = pair_files(d).expect("pair files");
            (
                std::fs::read_to_string(s).expect("source"),
                std::fs::read_to_string(t).expect("target"),
            )
        })
        .collect();
    // `cargo bench --bench batch -- 50000` checks more pairs (memory stays flat).
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    // Made as the batch reads them, so memory is the batch's, not the input's.
    let inputs = (0..n).map(|k| {
        let (s, t) = &corpus[k % corpus.len()];
        Ok(PairInput {
            id: k.to_string(),
            texts: Texts::Inline {
                source: s.clone(),
                target: t.clone(),
            },
        })
    });
    let paragraphs: usize = corpus
        .iter()
        .map(|(s, _)| s.split("\n\n").count())
        .sum::<usize>()
        / corpus.len();
    let checker = Checker::new(Options::default(), &[]).expect("checker");
    let start = Instant::now();
    let (mut bytes, mut findings) = (0, 0);
    let tally = stream(&checker, inputs, false, &|| {}, |_, r| {
        bytes += r.report.len();
        let count = |key: &str| r.done.row[key].as_u64().unwrap_or(0);
        findings += count("errors") + count("warnings");
        Ok::<(), ()>(())
    })
    .expect("no sink error");
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} pairs (about {paragraphs} source paragraphs each) in {secs:.2} s: {:.0} pairs/s, {findings} errors and warnings, {} MB of reports, {} threads, peak {} MiB",
        tally.pairs,
        n as f64 / secs,
        bytes / 1_000_000,
        rayon::current_num_threads(),
        peak_rss_mib().map_or("?".into(), |m| format!("{m:.0}"))
    );
}
