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
