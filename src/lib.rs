//! cotejo: checks a translation against its original.
//!
//! The pipeline, one module a stage:
//! [`read`] -> [`paragraphs`] -> [`analyse`] -> [`align`] -> checks -> report.

pub mod align;
pub mod analyse;
pub mod batch;
pub mod boilerplate;
pub mod checks;
pub mod error;
pub mod eval;
pub mod gazetteer;
pub mod glossary;
pub mod langdata;
pub mod lexicon;
pub mod paragraphs;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod score;
