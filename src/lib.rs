//! cotejo: checks a translation against its original.
//!
//! The pipeline, one module a stage:
//! [`read`] -> [`paragraphs`] -> [`analyse`] -> [`align`] -> [`checks`] -> [`report`],
//! with [`score`] and [`boilerplate`] serving the aligner, language facts in
//! [`langdata`], [`lexicon`], [`glossary`] and [`gazetteer`] (all read from
//! `data/`), [`pipeline`] running the stages for one pair and [`batch`] for
//! many, [`eval`] measuring alignment against gold, and [`output`] writing
//! files, standard output and terminal text safely.

pub mod align;
pub mod analyse;
pub mod batch;
pub mod boilerplate;
pub mod checks;
pub mod error;
pub mod eval;
pub mod false_friends;
pub mod gazetteer;
pub mod glossary;
pub mod langdata;
pub mod lexicon;
pub mod output;
pub mod paragraphs;
pub mod phrases;
pub mod pipeline;
pub mod polarity;
pub mod read;
pub mod relative_dates;
pub mod report;
pub mod score;
pub mod titles;
