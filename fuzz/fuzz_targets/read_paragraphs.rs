//! Arbitrary bytes through decoding and paragraph splitting: either a clean
//! error or paragraphs whose ranges point into the decoded text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = cotejo::read::decode(data, "fuzz") {
        for p in cotejo::paragraphs::split(&text) {
            assert!(!p.text.trim().is_empty());
        }
    }
});
