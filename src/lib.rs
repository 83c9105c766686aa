//! cotejo: checks a translation against its original.
//!
//! The pipeline, one module a stage:
//! [`read`] -> [`paragraphs`] -> [`analyse`] -> [`align`] -> checks -> report.

pub mod align;
pub mod analyse;
pub mod boilerplate;
pub mod error;
pub mod langdata;
pub mod lexicon;
pub mod paragraphs;
pub mod read;
pub mod score;
pub mod eval;
pub mod pipeline;
pub mod report;
#[doc(hidden)]
pub fn tune(name: &str, default: f64) -> f64 {
    static T: std::sync::OnceLock<std::collections::HashMap<String, f64>> = std::sync::OnceLock::new();
    let t = T.get_or_init(|| {
        std::env::var("COTEJO_TUNE")
            .unwrap_or_default()
            .split(',')
            .filter_map(|kv| kv.split_once('='))
            .filter_map(|(k, v)| Some((k.to_string(), v.parse().ok()?)))
            .collect()
    });
    t.get(name).copied().unwrap_or(default)
}
