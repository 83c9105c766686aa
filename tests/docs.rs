//! Generated documentation stays in step with the code it comes from.

/// docs/checks.md is `cotejo checks --format markdown`, built from the
/// registry's doc comments. Regenerate it with
/// `cargo run -- checks --format markdown > docs/checks.md`.
#[test]
fn checks_md_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == cotejo::checks::markdown(),
        "docs/checks.md is stale: run `cargo run -- checks --format markdown > docs/checks.md`"
    );
}
