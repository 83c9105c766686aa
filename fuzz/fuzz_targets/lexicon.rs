//! Arbitrary text read as a user lexicon: TSV, an Apertium `lt-print` dump
//! and a FreeDict index over arbitrary dictionary bytes. A list or a
//! one-line error, never a panic, and reading stays bounded.
#![no_main]
use cotejo::lexicon::{Lexicon, apertium, freedict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (index, dict) = data.split_at(cut);
    let Ok(text) = std::str::from_utf8(index) else {
        return;
    };
    let _ = Lexicon::parse(text, "es", "en", "fuzz.tsv");
    let _ = apertium::parse(text, "fuzz.att");
    let _ = freedict::parse(text, dict, "fuzz.index");
});
