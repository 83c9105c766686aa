//! Alignment speed: documents of growing length built from the bundled
//! corpora, aligned end to end (analysis, scoring, banded DP). Prints the
//! time per run and paragraphs per second, so linear growth shows as a
//! steady rate. Run with `cargo bench --bench align`; see docs/PERFORMANCE.md.

use cotejo::eval::{find_pairs, pair_files, parse_links};
use cotejo::pipeline::{Options, align_texts};
use std::path::Path;
use std::time::Instant;

// The allocator the `cotejo` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// 1-1 content pairs of paragraphs from every corpus pair.
fn paragraph_pairs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut out = Vec::new();
    for dir in find_pairs(&root).expect("corpora/") {
        let (s, t) = pair_files(&dir).expect("pair files");
        let split = |p: &Path| -> Vec<String> {
            let text = std::fs::read_to_string(p).expect("readable corpus");
            cotejo::paragraphs::split(&text)
                .into_iter()
                .map(|p| p.text)
                .collect()
        };
        let (src, tgt) = (split(&s), split(&t));
        let gold = std::fs::read_to_string(dir.join("gold.tsv")).expect("gold");
        for (si, ti) in parse_links(&gold, "gold.tsv").expect("gold parses") {
            if si.len() == 1 && ti.len() == 1 {
                out.push((src[si[0]].clone(), tgt[ti[0]].clone()));
            }
        }
    }
    out
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let pairs = paragraph_pairs();
    println!(
        "{:>12} {:>10} {:>14} {:>12}",
        "paragraphs", "seconds", "paragraphs/s", "peak MiB"
    );
    for n in [1_000, 5_000, 20_000] {
        let (src, tgt): (Vec<&str>, Vec<&str>) = pairs
            .iter()
            .cycle()
            .take(n)
            .map(|(s, t)| (s.as_str(), t.as_str()))
            .unzip();
        let (src, tgt) = (src.join("\n\n"), tgt.join("\n\n"));
        let runs = if n > 5_000 { 3 } else { 5 };
        let mut best = f64::INFINITY;
        for _ in 0..runs {
            let start = Instant::now();
            let pair = align_texts("s", &src, "t", &tgt, &Options::default());
            best = best.min(start.elapsed().as_secs_f64());
            assert_eq!(pair.source.paragraphs.len(), n);
        }
        let rss = peak_rss_mib().map_or("?".into(), |m| format!("{m:.0}"));
        println!("{n:>12} {best:>10.3} {:>14.0} {rss:>12}", n as f64 / best);
    }
}
