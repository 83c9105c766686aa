//! CLI behaviour pinned as data: each `tests/cmd/*.toml` runs `cotejo` with
//! its arguments (from its `fs.base` folder) and compares exit status, stdout
//! and stderr. `TRYCMD=overwrite cargo test --test cli` refreshes them.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
