//! The whole pipeline for one pair of documents:
//! read -> paragraphs -> analyse -> align, and the link kinds.

use crate::align::{AlignInput, Link, Role, align};
use crate::analyse::language::{self, ParagraphDetector, UNDETERMINED};
use crate::analyse::{ParagraphAnalysis, analyse_paragraph};
use crate::boilerplate::{self, Chrome};
use crate::error::InputError;
use crate::langdata::LangData;
use crate::lexicon::Lexicon;
use crate::paragraphs::{self, Paragraph};
use crate::read;
use crate::score::{Features, LengthModel, Side, WordModel, features};
use rayon::prelude::*;
use serde::Serialize;
use std::sync::Arc;

/// Fewest paragraphs worth a parallel task: a news article is checked whole
/// on one thread (a batch already runs pairs in parallel), a long document
/// is split over cores.
pub const PARALLEL_MIN: usize = 64;

/// How to run the pipeline.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// ISO 639-1 codes that override detection.
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    /// User word lists, added to the bundled one.
    pub lexicons: Vec<Lexicon>,
    /// Leave the bundled word list out (to measure what it brings, or to
    /// rely on the user's alone).
    pub no_bundled_lexicon: bool,
    /// How files are read (`--input`).
    pub input: read::InputFormat,
}

/// One document after analysis.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    /// ISO 639-1 code of the document, or `und`.
    pub lang: &'static str,
    pub paragraphs: Vec<Paragraph>,
    pub analyses: Vec<ParagraphAnalysis>,
    /// Why each paragraph looks like site chrome, if it does.
    pub chrome: Vec<Option<Chrome>>,
    /// For a side of a bilingual file (XLIFF, TMX, PO): the unit each
    /// paragraph is, by its identifier in the file; empty otherwise.
    pub units: Vec<String>,
}

/// Article text or site chrome (DESIGN.md `alignment[].kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Content,
    Boilerplate,
}

/// A link with its kind and, for article text, the sentences inside it
/// aligned.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedLink {
    #[serde(flatten)]
    pub link: Link,
    pub kind: LinkKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<SentenceLink>,
    /// The unit of a bilingual file this link is (given, not aligned).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Sentences linked inside one paragraph link (DESIGN.md
/// `alignment[].sentences`): indices into the link's sentences on each side,
/// numbered from 0 over its paragraphs in order ([`Document::sentences_of`]).
/// Either side may be empty: a sentence the other side does not have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceLink {
    pub source: Vec<usize>,
    pub target: Vec<usize>,
    pub score: f64,
}

/// Where one sentence is: its paragraph and its byte range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRef {
    pub paragraph: usize,
    pub range: std::ops::Range<usize>,
}

/// Two documents aligned.
#[derive(Debug, Clone)]
pub struct AlignedPair {
    pub source: Document,
    pub target: Document,
    pub links: Vec<AlignedLink>,
    /// The word list the alignment used (bundled plus the user's), source to
    /// target; checks look names and terms up in it too.
    pub lexicon: Arc<Lexicon>,
    /// Whether the translation was found in its source's language (no
    /// `--target-lang` said so): what it has in that language is untranslated.
    pub untranslated_document: bool,
}

/// Reads both files (`-` is stdin) and aligns them.
pub fn align_files(
    source: &str,
    target: &str,
    options: &Options,
) -> Result<AlignedPair, InputError> {
    let (source_input, target_input) = read::read_input_pair(source, target, options.input)?;
    Ok(align_inputs(
        source,
        &source_input,
        target,
        &target_input,
        options,
    ))
}

/// Aligns two decoded texts (see [`read::decode`]).
pub fn align_texts(
    source_path: &str,
    source_text: &str,
    target_path: &str,
    target_text: &str,
    options: &Options,
) -> AlignedPair {
    align_inputs(
        source_path,
        &read::Input::plain(source_text.to_string()),
        target_path,
        &read::Input::plain(target_text.to_string()),
        options,
    )
}

/// The paragraphs of an input, on the lines of the file they came from.
fn paragraphs_of(input: &read::Input) -> Vec<Paragraph> {
    let mut paragraphs = paragraphs::split(&input.text);
    if let Some(layout) = &input.layout {
        for p in &mut paragraphs {
            if let Some(&line) = layout.lines.get(p.index) {
                p.line = line;
            }
            if let Some(&column) = layout.columns.get(p.index) {
                p.column = column;
            }
        }
    }
    paragraphs
}

/// Aligns two documents as read (see [`read::read_input`]).
pub fn align_inputs(
    source_path: &str,
    source_input: &read::Input,
    target_path: &str,
    target_input: &read::Input,
    options: &Options,
) -> AlignedPair {
    let (source_text, target_text) = (source_input.text.as_str(), target_input.text.as_str());
    let source_paragraphs = paragraphs_of(source_input);
    let target_paragraphs = paragraphs_of(target_input);
    let source_lang = pick_lang(options.source_lang.as_deref(), source_text);
    let mut target_lang = pick_lang(options.target_lang.as_deref(), target_text);
    if target_lang == source_lang && options.target_lang.is_none() && target_text != source_text {
        // Half-translated: judge by the paragraphs that are not in the source language.
        let texts = target_paragraphs.iter().map(|p| p.normalized.as_str());
        target_lang = language::other_than_source(texts, source_lang).unwrap_or(target_lang);
    }
    let untranslated_document = target_lang == source_lang
        && source_lang != language::UNDETERMINED
        && options.target_lang.is_none();
    // One language for both: paragraphs are told among every bundled language.
    let detector = if target_lang == source_lang {
        ParagraphDetector::new(crate::langdata::LANGUAGES)
    } else {
        ParagraphDetector::new(&[source_lang, target_lang])
    };
    let (source, target) = rayon::join(
        || analyse_document(source_path, source_lang, source_paragraphs, &detector),
        || analyse_document(target_path, target_lang, target_paragraphs, &detector),
    );
    let (source, target) = (
        mark_chrome(source, source_input),
        mark_chrome(target, target_input),
    );

    let lexicon = lexicon_for(options, source_lang, target_lang);
    let (sdata, tdata) = (LangData::get(source_lang), LangData::get(target_lang));
    let prepare = |d: &Document, data, side| -> Vec<Features> {
        d.analyses
            .par_iter()
            .with_min_len(PARALLEL_MIN)
            .map(|a| features(a, data, &lexicon, side))
            .collect()
    };
    let sf = prepare(&source, sdata, Side::Source);
    let tf = prepare(&target, tdata, Side::Target);
    let roles = |d: &Document| -> Vec<Role> {
        d.chrome
            .iter()
            .map(|c| match c {
                None | Some(Chrome::EdgeLine) => Role::Text,
                Some(_) => Role::Chrome,
            })
            .collect()
    };
    let length = LengthModel::for_pair(sdata, tdata);
    let mut input = AlignInput {
        source: &sf,
        target: &tf,
        source_roles: &roles(&source),
        target_roles: &roles(&target),
        length,
        words: WordModel::LEXICON,
    };
    if lexicon.is_empty() {
        // Without a lexicon the words say what the document shows they do.
        (input.length, input.words) = crate::align::fit(&input);
    }
    // Sentences inside a link keep the bundled models: the fit describes
    // the documents' paragraphs, and the sentence-level checks were tuned
    // with these (fitted, partial-omission findings on correct Portuguese
    // news rose from 35 to 44).
    let words = WordModel::LEXICON;
    let links = align(&input)
        .into_par_iter()
        .with_min_len(PARALLEL_MIN)
        .map(|link| {
            let kind = link_kind(&link, &source.chrome, &target.chrome);
            let sentences = if kind == LinkKind::Content {
                let sides = (&source, sdata, Side::Source);
                align_sentences(
                    &link,
                    sides,
                    (&target, tdata, Side::Target),
                    &lexicon,
                    (length, words),
                )
            } else {
                vec![]
            };
            AlignedLink {
                link,
                kind,
                sentences,
                unit: None,
            }
        })
        .collect();
    AlignedPair {
        source,
        target,
        links,
        lexicon,
        untranslated_document,
    }
}

/// The bundled word list for a pair (unless left out) with the user's.
fn lexicon_for(options: &Options, source_lang: &str, target_lang: &str) -> Arc<Lexicon> {
    let mut lexicon = if options.no_bundled_lexicon {
        Arc::new(Lexicon::empty(source_lang, target_lang))
    } else {
        Lexicon::bundled(source_lang, target_lang)
    };
    for user in &options.lexicons {
        let lexicon = Arc::make_mut(&mut lexicon);
        if user.source_lang == source_lang && user.target_lang == target_lang {
            lexicon.merge(user);
        } else if user.source_lang == target_lang && user.target_lang == source_lang {
            lexicon.merge(&user.reversed());
        }
    }
    lexicon
}

/// A side of a bilingual file as the pipeline reads a document: its
/// segments as paragraphs, each on its line of the file.
fn side_input(segments: &[&read::Segment]) -> read::Input {
    let mut text = String::new();
    let mut layout = read::Layout::default();
    for s in segments {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&s.text);
        layout.lines.push(s.line);
        layout.columns.push(s.column);
        layout.chrome.push(false);
    }
    text.push('\n');
    read::Input {
        text,
        layout: Some(layout),
    }
}

/// The language of one side of a bilingual file: the option, else what the
/// file says (`es-ES` is `es`), else detected.
fn bilingual_lang(forced: Option<&str>, declared: Option<&str>, text: &str) -> &'static str {
    let declared = declared.and_then(|d| {
        let primary = d.split(['-', '_']).next().unwrap_or(d);
        language::lang_from_code(primary).map(language::code_of)
    });
    match forced {
        Some(_) => pick_lang(forced, text),
        None => declared.unwrap_or_else(|| language::detect_document(text)),
    }
}

/// A bilingual file (XLIFF, TMX, PO) as a pair: no alignment, each unit a
/// given 1-1 link of its source and target (a 1-0 link when the target is
/// missing or empty, which `omission` reports as untranslated), every
/// paragraph one unit. `path` is both sides' path.
pub fn pair_bilingual(path: &str, file: &read::Bilingual, options: &Options) -> AlignedPair {
    let sources: Vec<&read::Segment> = file.units.iter().map(|u| &u.source).collect();
    let targets: Vec<&read::Segment> = file
        .units
        .iter()
        .filter_map(|u| u.target.as_ref())
        .collect();
    let (source_input, target_input) = (side_input(&sources), side_input(&targets));
    // A file whose units are all untranslated still has a target side to
    // speak of: its language, with no paragraph.
    let source_paragraphs = paragraphs_of(&source_input);
    let target_paragraphs = if targets.is_empty() {
        Vec::new()
    } else {
        paragraphs_of(&target_input)
    };
    let source_lang = bilingual_lang(
        options.source_lang.as_deref(),
        file.source_lang.as_deref(),
        &source_input.text,
    );
    let target_lang = bilingual_lang(
        options.target_lang.as_deref(),
        file.target_lang.as_deref(),
        &target_input.text,
    );
    let detector = if target_lang == source_lang {
        ParagraphDetector::new(crate::langdata::LANGUAGES)
    } else {
        ParagraphDetector::new(&[source_lang, target_lang])
    };
    let (mut source, mut target) = rayon::join(
        || analyse_document(path, source_lang, source_paragraphs, &detector),
        || analyse_document(path, target_lang, target_paragraphs, &detector),
    );
    // Units are content: what a software string or a memory segment reads
    // like says nothing about site chrome.
    source.chrome = vec![None; source.paragraphs.len()];
    target.chrome = vec![None; target.paragraphs.len()];
    source.units = file.units.iter().map(|u| u.id.clone()).collect();
    target.units = file
        .units
        .iter()
        .filter(|u| u.target.is_some())
        .map(|u| u.id.clone())
        .collect();
    let lexicon = lexicon_for(options, source_lang, target_lang);
    let (sdata, tdata) = (LangData::get(source_lang), LangData::get(target_lang));
    let length = LengthModel::for_pair(sdata, tdata);
    let mut links = Vec::with_capacity(file.units.len());
    let mut j = 0;
    for (i, u) in file.units.iter().enumerate() {
        let link = if u.target.is_some() {
            j += 1;
            let sf = features(&source.analyses[i], sdata, &lexicon, Side::Source);
            let tf = features(&target.analyses[j - 1], tdata, &lexicon, Side::Target);
            let p = crate::score::pair_stats(&sf, &tf);
            let m = crate::score::GroupMatches {
                words_source: u32::from(p.words_st).min(sf.words.len() as u32),
                words_target: u32::from(p.words_ts).min(tf.words.len() as u32),
                anchors_source: u32::from(p.anchors_st).min(sf.anchors.len() as u32),
                anchors_target: u32::from(p.anchors_ts).min(tf.anchors.len() as u32),
            };
            let score = crate::score::combine(
                &length,
                &WordModel::LEXICON,
                crate::score::GroupTotals::of([&sf]),
                crate::score::GroupTotals::of([&tf]),
                m,
            );
            Link {
                source: vec![i],
                target: vec![j - 1],
                score,
            }
        } else {
            Link {
                source: vec![i],
                target: vec![],
                score: crate::score::Score {
                    score: 0.0,
                    length: 0.0,
                    lexical: None,
                    anchors: None,
                },
            }
        };
        let sentences = align_sentences(
            &link,
            (&source, sdata, Side::Source),
            (&target, tdata, Side::Target),
            &lexicon,
            (length, WordModel::LEXICON),
        );
        links.push(AlignedLink {
            link,
            kind: LinkKind::Content,
            sentences,
            unit: Some(u.id.clone()),
        });
    }
    AlignedPair {
        source,
        target,
        links,
        lexicon,
        untranslated_document: false,
    }
}

/// One side of a pair as sentence alignment needs it.
type SideOf<'a> = (&'a Document, &'a LangData, Side);

/// Aligns the sentences inside one link of paragraphs with the paragraph
/// aligner's scoring and moves: each sentence becomes [`Features`] of its own.
fn align_sentences(
    link: &Link,
    (source, sdata, sside): SideOf,
    (target, tdata, tside): SideOf,
    lexicon: &Lexicon,
    (length, words): (LengthModel, WordModel),
) -> Vec<SentenceLink> {
    if link.source.is_empty() || link.target.is_empty() {
        return vec![];
    }
    let (ss, ts) = (
        source.sentences_of(&link.source),
        target.sentences_of(&link.target),
    );
    if ss.len() == 1 && ts.len() == 1 {
        return vec![SentenceLink {
            source: vec![0],
            target: vec![0],
            score: link.score.score,
        }];
    }
    let prepare = |d: &Document, refs: &[SentenceRef], data: &LangData, side| -> Vec<Features> {
        refs.iter()
            .map(|r| {
                let text = &d.paragraphs[r.paragraph].text[r.range.clone()];
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                let a = &d.analyses[r.paragraph];
                crate::score::features_in(a, r.range.clone(), chars, data, lexicon, side)
            })
            .collect()
    };
    let (sf, tf) = (
        prepare(source, &ss, sdata, sside),
        prepare(target, &ts, tdata, tside),
    );
    let input = AlignInput {
        source: &sf,
        target: &tf,
        source_roles: &vec![Role::Text; sf.len()],
        target_roles: &vec![Role::Text; tf.len()],
        length,
        words,
    };
    align(&input)
        .into_iter()
        .map(|l| SentenceLink {
            source: l.source,
            target: l.target,
            score: l.score.score,
        })
        .collect()
}

fn pick_lang(forced: Option<&str>, text: &str) -> &'static str {
    forced
        .and_then(language::lang_from_code)
        .map(language::code_of)
        .unwrap_or_else(|| language::detect_document(text))
}

fn analyse_document(
    path: &str,
    lang: &'static str,
    paragraphs: Vec<Paragraph>,
    detector: &ParagraphDetector,
) -> Document {
    let data = LangData::get(lang);
    let analyses: Vec<ParagraphAnalysis> = paragraphs
        .par_iter()
        .with_min_len(PARALLEL_MIN)
        .map(|p| analyse_paragraph(p, data, detector.detect_in(&p.normalized, lang)))
        .collect();
    let chrome = boilerplate::classify(&paragraphs, &analyses, data);
    Document {
        path: path.to_string(),
        lang,
        paragraphs,
        analyses,
        chrome,
        units: Vec::new(),
    }
}

/// Paragraphs the markup puts in site chrome are chrome, whatever they read like.
fn mark_chrome(mut document: Document, input: &read::Input) -> Document {
    if let Some(layout) = &input.layout {
        for (kind, &chrome) in document.chrome.iter_mut().zip(&layout.chrome) {
            if chrome {
                *kind = Some(Chrome::Markup);
            }
        }
    }
    document
}

/// A link is boilerplate when every paragraph in it is chrome; an unmatched
/// chrome paragraph is never an omission or an addition.
fn link_kind(link: &Link, source: &[Option<Chrome>], target: &[Option<Chrome>]) -> LinkKind {
    let flags: Vec<Option<Chrome>> = link
        .source
        .iter()
        .map(|&i| source[i])
        .chain(link.target.iter().map(|&j| target[j]))
        .collect();
    if flags.iter().all(Option::is_some) {
        LinkKind::Boilerplate
    } else {
        LinkKind::Content
    }
}

impl Document {
    /// Languages of the paragraphs, in order.
    pub fn paragraph_langs(&self) -> Vec<&'static str> {
        self.analyses.iter().map(|a| a.lang).collect()
    }

    /// The sentences of some paragraphs, in order: a link's sentences as
    /// [`SentenceLink`] numbers them.
    pub fn sentences_of(&self, paragraphs: &[usize]) -> Vec<SentenceRef> {
        paragraphs
            .iter()
            .flat_map(|&p| {
                self.analyses[p].sentences.iter().map(move |r| SentenceRef {
                    paragraph: p,
                    range: r.clone(),
                })
            })
            .collect()
    }

    pub fn is_undetermined(&self) -> bool {
        self.lang == UNDETERMINED
    }
}

/// Runs the whole pipeline and every check, with the user's glossaries read
/// once and combined with the bundled one per language pair: one `Checker`
/// serves a single `cotejo check` or thousands of pairs of a batch.
pub struct Checker {
    options: Options,
    user_glossaries: Vec<(String, String)>,
    glossaries: std::sync::Mutex<
        std::collections::HashMap<(String, String), Arc<crate::glossary::Glossary>>,
    >,
}

impl Checker {
    /// Reads the glossary files now, so a bad one stops the run before any pair.
    pub fn new(options: Options, glossary_paths: &[String]) -> Result<Checker, InputError> {
        let user_glossaries = glossary_paths
            .iter()
            .map(|p| Ok((p.clone(), read::read_text(p)?)))
            .collect::<Result<Vec<_>, InputError>>()?;
        let checker = Checker {
            options,
            user_glossaries,
            glossaries: Default::default(),
        };
        // A TSV glossary is checked whatever the languages; TBX needs them, so
        // it is checked against the languages given, or Spanish-English.
        let source = checker
            .options
            .source_lang
            .clone()
            .unwrap_or_else(|| "es".into());
        let target = checker
            .options
            .target_lang
            .clone()
            .unwrap_or_else(|| "en".into());
        checker.glossary(&source, &target)?;
        Ok(checker)
    }

    fn glossary(
        &self,
        source: &str,
        target: &str,
    ) -> Result<Arc<crate::glossary::Glossary>, InputError> {
        let key = (source.to_string(), target.to_string());
        if let Some(g) = self
            .glossaries
            .lock()
            .ok()
            .and_then(|m| m.get(&key).cloned())
        {
            return Ok(g);
        }
        let mut glossary = crate::glossary::Glossary::bundled(source, target);
        for (path, text) in &self.user_glossaries {
            glossary.overlay(crate::glossary::Glossary::parse_user(
                text, path, source, target,
            )?);
        }
        let glossary = Arc::new(glossary);
        if let Ok(mut m) = self.glossaries.lock() {
            m.insert(key, glossary.clone());
        }
        Ok(glossary)
    }

    /// Checks two decoded texts.
    pub fn check_texts(
        &self,
        source_path: &str,
        source_text: &str,
        target_path: &str,
        target_text: &str,
    ) -> Result<(AlignedPair, Vec<crate::checks::Finding>), InputError> {
        let pair = align_texts(
            source_path,
            source_text,
            target_path,
            target_text,
            &self.options,
        );
        let glossary = self.glossary(pair.source.lang, pair.target.lang)?;
        let findings = crate::checks::run_all(&crate::checks::Context::new(&pair, &glossary));
        Ok((pair, findings))
    }

    /// Checks two documents as read.
    pub fn check_inputs(
        &self,
        source_path: &str,
        source_input: &read::Input,
        target_path: &str,
        target_input: &read::Input,
    ) -> Result<(AlignedPair, Vec<crate::checks::Finding>), InputError> {
        let pair = align_inputs(
            source_path,
            source_input,
            target_path,
            target_input,
            &self.options,
        );
        let glossary = self.glossary(pair.source.lang, pair.target.lang)?;
        let findings = crate::checks::run_all(&crate::checks::Context::new(&pair, &glossary));
        Ok((pair, findings))
    }

    /// Checks a bilingual file as read.
    pub fn check_bilingual(
        &self,
        path: &str,
        file: &read::Bilingual,
    ) -> Result<(AlignedPair, Vec<crate::checks::Finding>), InputError> {
        let pair = pair_bilingual(path, file, &self.options);
        let glossary = self.glossary(pair.source.lang, pair.target.lang)?;
        let findings = crate::checks::run_all(&crate::checks::Context::new(&pair, &glossary));
        Ok((pair, findings))
    }

    /// Reads one bilingual file (`-` is stdin) and checks it; a file that
    /// is not one is an error saying so.
    pub fn check_file(
        &self,
        path: &str,
    ) -> Result<(AlignedPair, Vec<crate::checks::Finding>), InputError> {
        match read::read_bilingual(path, self.options.input)? {
            Some(file) => self.check_bilingual(path, &file),
            None => Err(InputError::new(
                path,
                "is not a bilingual file (XLIFF, TMX or PO): give SOURCE and TARGET, or --input xliff|tmx|po",
            )),
        }
    }

    /// Reads two files (`-` is stdin) and checks them.
    pub fn check_files(
        &self,
        source: &str,
        target: &str,
    ) -> Result<(AlignedPair, Vec<crate::checks::Finding>), InputError> {
        let (source_input, target_input) =
            read::read_input_pair(source, target, self.options.input)?;
        self.check_inputs(source, &source_input, target, &target_input)
    }
}

/// Aligns two files and runs every check: `cotejo check`.
pub fn check_files(
    source: &str,
    target: &str,
    options: &Options,
    user_glossaries: &[String],
) -> Result<(AlignedPair, Vec<crate::checks::Finding>), InputError> {
    Checker::new(options.clone(), user_glossaries)?.check_files(source, target)
}
