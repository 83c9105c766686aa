//! Arbitrary text read as a TSV and as a TBX glossary: a glossary or a
//! one-line error, never a panic.
#![no_main]
use cotejo::glossary::{Glossary, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = Glossary::parse_tsv(text, "fuzz.tsv", Origin::User("fuzz.tsv".into()));
    if let Err(e) = Glossary::parse_tbx(text, "fuzz.tbx", "es", "en") {
        assert!(!e.to_string().contains('\n'), "one-line error: {e}");
    }
});
