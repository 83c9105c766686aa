//! Arbitrary text through the tokenizer and the number and date parsers of
//! every bundled language.
#![no_main]
use cotejo::analyse::{dates, numbers, tokens};
use cotejo::langdata::LangData;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let toks = tokens::tokenize(text);
    for code in cotejo::langdata::LANGUAGES {
        let lang = LangData::get(code);
        for q in numbers::quantities(&toks, text, lang) {
            let _ = text.get(q.start..q.end).expect("quantity span inside the text");
        }
        for d in dates::dates(&toks, text, lang) {
            let _ = text.get(d.start..d.end).expect("date span inside the text");
        }
    }
    let _ = numbers::parse_digits(text);
    let _ = numbers::roman(text);
});
