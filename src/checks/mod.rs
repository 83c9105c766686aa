//! The checks: each one lives in its own file, whose module documentation
//! says what it flags, why it matters and gives an example; [`REGISTRY`]
//! lists them all, and `cotejo checks` and `docs/checks.md` print that
//! documentation (the way ruff keeps one rule a file).

pub mod addition;
pub mod date_mismatch;
pub mod entity_mismatch;
pub mod false_friend;
pub mod inconsistent_rendering;
pub mod low_similarity;
pub mod number_mismatch;
pub mod omission;
pub mod partial_addition;
pub mod partial_omission;
pub mod placeholder_mismatch;
pub mod polarity_mismatch;
pub mod role_mismatch;
pub mod term_mistranslation;
pub mod untranslated;
pub mod wrong_language;

use crate::analyse::ParagraphAnalysis;
use crate::analyse::numbers::DecimalMark;
use crate::analyse::tokens::fold;
use crate::glossary::{self, Glossary};
use crate::langdata::{HashMap, LangData};
use crate::pipeline::{AlignedLink, AlignedPair, Document, LinkKind, SentenceRef};
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// How serious a finding is; `--fail-on` compares against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A stretch of one paragraph's original text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub paragraph: usize,
    pub range: Range<usize>,
}

impl Span {
    pub fn new(paragraph: usize, range: Range<usize>) -> Span {
        Span { paragraph, range }
    }
}

/// The texts a finding is about, as the contract's `evidence`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub source_text: Option<String>,
    pub target_text: Option<String>,
    /// The rendering the translation should have, where one is known.
    pub expected: Option<String>,
}

/// One thing a careful bilingual editor would flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: &'static str,
    pub severity: Severity,
    /// Paragraph indices on each side.
    pub source: Vec<usize>,
    pub target: Vec<usize>,
    pub message: String,
    pub evidence: Evidence,
    /// The offending stretches on each side (may be empty: a whole paragraph).
    pub source_spans: Vec<Span>,
    pub target_spans: Vec<Span>,
}

impl Finding {
    /// A finding about these source and target paragraphs.
    pub fn new(
        check: &'static str,
        severity: Severity,
        message: String,
        source: &[usize],
        target: &[usize],
    ) -> Finding {
        Finding {
            check,
            severity,
            source: source.to_vec(),
            target: target.to_vec(),
            message,
            evidence: Evidence::default(),
            source_spans: vec![],
            target_spans: vec![],
        }
    }

    /// Marks a stretch of the source; the first one is the evidence's source text.
    pub fn source_span(mut self, doc: &Document, span: Span) -> Finding {
        self.evidence
            .source_text
            .get_or_insert_with(|| span_text(doc, &span).to_string());
        self.source_spans.push(span);
        self
    }

    /// Marks a stretch of the translation; the first one is the evidence's target text.
    pub fn target_span(mut self, doc: &Document, span: Span) -> Finding {
        self.evidence
            .target_text
            .get_or_insert_with(|| span_text(doc, &span).to_string());
        self.target_spans.push(span);
        self
    }

    /// The rendering the translation should have.
    pub fn with_expected(mut self, expected: impl Into<String>) -> Finding {
        self.evidence.expected = Some(expected.into());
        self
    }
}

/// A registered check.
pub struct Check {
    pub name: &'static str,
    /// The source file of the check; its `//!` lines are the documentation.
    source: &'static str,
    pub run: fn(&Context) -> Vec<Finding>,
}

impl Check {
    /// The module documentation, Markdown.
    pub fn documentation(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The first line of the documentation.
    pub fn summary(&self) -> String {
        self.documentation()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    }
}

macro_rules! check {
    ($name:literal, $module:ident) => {
        Check {
            name: $name,
            source: include_str!(concat!(stringify!($module), ".rs")),
            run: $module::run,
        }
    };
}

/// Every check, in the order reports list them.
pub const REGISTRY: &[Check] = &[
    check!("omission", omission),
    check!("addition", addition),
    check!("untranslated", untranslated),
    check!("wrong-language", wrong_language),
    check!("number-mismatch", number_mismatch),
    check!("date-mismatch", date_mismatch),
    check!("entity-mismatch", entity_mismatch),
    check!("term-mistranslation", term_mistranslation),
    check!("inconsistent-rendering", inconsistent_rendering),
    check!("low-similarity", low_similarity),
    check!("partial-omission", partial_omission),
    check!("partial-addition", partial_addition),
    check!("polarity-mismatch", polarity_mismatch),
    check!("false-friend", false_friend),
    check!("role-mismatch", role_mismatch),
    check!("placeholder-mismatch", placeholder_mismatch),
];

/// The documentation of every check as one Markdown page (docs/checks.md).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n<!-- Generated by `cotejo checks --format markdown` from the check sources; do not edit. -->\n\n",
    );
    out.push_str("| check | what it flags |\n|---|---|\n");
    for c in REGISTRY {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} |\n",
            c.name,
            c.name,
            c.summary()
        ));
    }
    for c in REGISTRY {
        let doc = c.documentation();
        let body = doc.split_once('\n').map_or("", |(_, rest)| rest);
        let body = body.replace("## ", "### ");
        out.push_str(&format!(
            "\n## {}\n\n{}\n{}\n",
            c.name,
            c.summary(),
            body.trim_end()
        ));
    }
    out
}

/// What checks read: the aligned pair and what was worked out about it once.
pub struct Context<'a> {
    pub pair: &'a AlignedPair,
    pub glossary: &'a Glossary,
    pub source_lang: &'static LangData,
    pub target_lang: &'static LangData,
    pub source_mark: DecimalMark,
    pub target_mark: DecimalMark,
    /// Countries the source document is about (glossary contexts).
    pub countries: HashSet<String>,
    /// How long a translation runs for the pair's languages.
    pub length: crate::score::LengthModel,
    /// The sentence pairs with their words, worked out once for every check.
    sentences: std::sync::OnceLock<Vec<SentencePair<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(pair: &'a AlignedPair, glossary: &'a Glossary) -> Context<'a> {
        let mark = |d: &Document| {
            DecimalMark::of(d.analyses.iter().flat_map(|a| {
                a.tokens
                    .iter()
                    .filter(|t| t.kind == crate::analyse::tokens::TokenKind::Number)
                    .map(move |t| a.tokens.folded(t))
            }))
        };
        let source_text: String = pair
            .source
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Context {
            pair,
            glossary,
            source_lang: LangData::get(pair.source.lang),
            target_lang: LangData::get(pair.target.lang),
            source_mark: mark(&pair.source).or(LangData::get(pair.source.lang).decimal_mark),
            target_mark: mark(&pair.target).or(LangData::get(pair.target.lang).decimal_mark),
            countries: glossary::countries(&fold(&source_text)),
            sentences: std::sync::OnceLock::new(),
            length: crate::score::LengthModel::for_pair(
                LangData::get(pair.source.lang),
                LangData::get(pair.target.lang),
            ),
        }
    }

    /// Links with paragraphs on both sides, site chrome included: a
    /// translated dateline or reference line must keep its dates and figures.
    pub fn matched_links(&self) -> impl Iterator<Item = &'a AlignedLink> {
        self.pair
            .links
            .iter()
            .filter(|l| !l.link.source.is_empty() && !l.link.target.is_empty())
    }

    /// The sentence links of every content link, with where their sentences
    /// are: the unit the meaning-level checks compare. Links with a
    /// paragraph in another language than its document's (text left
    /// untranslated, a quotation in a third language) are left out: the
    /// words of one language's data say nothing there, and `untranslated`
    /// and `wrong-language` report those paragraphs.
    pub fn sentence_pairs(&self) -> &[SentencePair<'a>] {
        self.sentences.get_or_init(|| self.find_sentence_pairs())
    }

    fn find_sentence_pairs(&self) -> Vec<SentencePair<'a>> {
        let as_expected = |d: &Document, ps: &[usize]| {
            ps.iter().all(|&p| {
                let lang = d.analyses[p].lang;
                lang == d.lang || lang == crate::analyse::language::UNDETERMINED
            })
        };
        let mut out = Vec::new();
        for l in self.content_links().filter(|l| {
            as_expected(&self.pair.source, &l.link.source)
                && as_expected(&self.pair.target, &l.link.target)
        }) {
            let ss = self.pair.source.sentences_of(&l.link.source);
            let ts = self.pair.target.sentences_of(&l.link.target);
            for s in &l.sentences {
                let source: Vec<SentenceRef> = s.source.iter().map(|&i| ss[i].clone()).collect();
                let target: Vec<SentenceRef> = s.target.iter().map(|&j| ts[j].clone()).collect();
                out.push(SentencePair {
                    link: l,
                    source_words: SentenceWords::of(&self.pair.source, &source),
                    target_words: SentenceWords::of(&self.pair.target, &target),
                    source,
                    target,
                    score: s.score,
                });
            }
        }
        out
    }

    /// The sentence pairs with sentences on both sides.
    pub fn matched_sentence_pairs(&self) -> impl Iterator<Item = &SentencePair<'a>> {
        self.sentence_pairs()
            .iter()
            .filter(|p| !p.source.is_empty() && !p.target.is_empty())
    }

    /// Links of article text with paragraphs on both sides.
    pub fn content_links(&self) -> impl Iterator<Item = &'a AlignedLink> {
        self.pair.links.iter().filter(|l| {
            l.kind == LinkKind::Content && !l.link.source.is_empty() && !l.link.target.is_empty()
        })
    }
}

/// Sentences linked inside a content link (either side may be empty).
pub struct SentencePair<'a> {
    pub link: &'a AlignedLink,
    pub source: Vec<SentenceRef>,
    pub target: Vec<SentenceRef>,
    /// The sentence link's score.
    pub score: f64,
    /// The words of each side.
    pub source_words: SentenceWords<'a>,
    pub target_words: SentenceWords<'a>,
}

impl SentencePair<'_> {
    /// A finding on this sentence pair's paragraphs, marking a stretch of
    /// each side.
    pub fn finding(
        &self,
        docs: &AlignedPair,
        check: &'static str,
        severity: Severity,
        message: String,
        source: Span,
        target: Span,
    ) -> Finding {
        let (s, t) = self.paragraphs();
        Finding::new(check, severity, message, &s, &t)
            .source_span(&docs.source, source)
            .target_span(&docs.target, target)
    }

    /// Paragraph indices of each side, for a finding.
    pub fn paragraphs(&self) -> (Vec<usize>, Vec<usize>) {
        let of = |refs: &[SentenceRef], link_side: &[usize]| -> Vec<usize> {
            let mut v: Vec<usize> = refs.iter().map(|r| r.paragraph).collect();
            v.dedup();
            if v.is_empty() { link_side.to_vec() } else { v }
        };
        (
            of(&self.source, &self.link.link.source),
            of(&self.target, &self.link.link.target),
        )
    }
}

/// The folded words of some sentences, with where each one is.
pub struct SentenceWords<'d> {
    pub words: Vec<&'d str>,
    /// Paragraph and byte range of each word.
    places: Vec<(usize, std::ops::Range<usize>)>,
    /// Whether each word looks like a proper name (analysis's `names`).
    pub is_name: Vec<bool>,
    /// Whether each word starts with a capital.
    pub capitalized: Vec<bool>,
    /// Whether a comma or a dash stands between each word and the one before.
    pub pause_before: Vec<bool>,
}

impl<'d> SentenceWords<'d> {
    pub fn of(doc: &'d Document, sentences: &[SentenceRef]) -> SentenceWords<'d> {
        let mut w = SentenceWords {
            words: vec![],
            places: vec![],
            is_name: vec![],
            capitalized: vec![],
            pause_before: vec![],
        };
        for r in sentences {
            let a = &doc.analyses[r.paragraph];
            let tokens = &a.tokens;
            let first = tokens.partition_point(|t| t.start < r.range.start);
            let last = tokens.partition_point(|t| t.end <= r.range.end).max(first);
            for k in first..last {
                let t = &tokens[k];
                if t.kind != crate::analyse::tokens::TokenKind::Word {
                    continue;
                }
                let folded = tokens.folded(t);
                // `No. 1`, `no 5`: a number sign, not a negation.
                let number_sign = folded == "no"
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.kind == crate::analyse::tokens::TokenKind::Number);
                let text = &doc.paragraphs[r.paragraph].text;
                let gap = match w.places.last() {
                    Some((p, prev)) if *p == r.paragraph => text.get(prev.end..t.start),
                    _ => None,
                };
                w.pause_before
                    .push(gap.is_some_and(|g| g.contains([',', '–', '—', '('])));
                w.is_name.push(a.names.binary_search(&k).is_ok());
                w.capitalized.push(t.capitalized);
                w.words.push(if number_sign { "#" } else { folded });
                w.places.push((r.paragraph, t.start..t.end));
            }
        }
        w
    }

    /// The span of a match (its words lie in one paragraph: a sentence).
    pub fn span<T>(&self, m: &crate::phrases::Match<T>) -> Span {
        let (p, first) = &self.places[m.start];
        let (_, last) = &self.places[m.start + m.len - 1];
        Span::new(*p, first.start..last.end.max(first.end))
    }

    pub fn text<'p>(&self, paragraphs: &'p [crate::paragraphs::Paragraph], span: &Span) -> &'p str {
        paragraphs[span.paragraph]
            .text
            .get(span.range.clone())
            .unwrap_or("")
    }
}

/// Runs every check and sorts the findings by where they are.
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    let mut findings: Vec<Finding> = REGISTRY
        .iter()
        .flat_map(|c| at_most_per_link((c.run)(ctx)))
        .collect();
    let order = |c: &str| {
        REGISTRY
            .iter()
            .position(|r| r.name == c)
            .unwrap_or(usize::MAX)
    };
    findings.sort_by_key(|f| {
        let first = |v: &[usize]| v.first().copied().unwrap_or(usize::MAX);
        (
            first(&f.source).min(first(&f.target)),
            first(&f.source),
            first(&f.target),
            order(f.check),
        )
    });
    findings
}

/// Findings of one check on one link past which the rest are summed up in
/// one note: a table of ten thousand figures all changed is one problem, and
/// a report of a million findings helps no one (and costs gigabytes).
pub const MAX_PER_LINK: usize = 200;

/// Keeps the first [`MAX_PER_LINK`] findings of one check on each link (in
/// the order the check gave them) and replaces the rest with a note.
fn at_most_per_link(findings: Vec<Finding>) -> Vec<Finding> {
    let Some(check) = findings.first().map(|f| f.check) else {
        return findings;
    };
    // Findings counted by the link they are on (its source and target paragraphs).
    type Link = (Vec<usize>, Vec<usize>);
    let mut count: HashMap<Link, usize> = HashMap::default();
    let mut out = Vec::with_capacity(findings.len().min(4 * MAX_PER_LINK));
    for f in findings {
        let n = count
            .entry((f.source.clone(), f.target.clone()))
            .or_default();
        *n += 1;
        if *n <= MAX_PER_LINK {
            out.push(f);
        }
    }
    let mut more: Vec<(Link, usize)> = count
        .into_iter()
        .filter(|(_, n)| *n > MAX_PER_LINK)
        .collect();
    more.sort();
    for ((source, target), n) in more {
        out.push(Finding::new(
            check,
            Severity::Info,
            format!(
                "{} more {check} findings in this link are not listed",
                n - MAX_PER_LINK
            ),
            &source,
            &target,
        ));
    }
    out
}

/// A short quotation of a text, for messages.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max_chars {
        return one_line;
    }
    let cut: String = one_line.chars().take(max_chars).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .to_string();
    format!("{cut}…")
}

/// The text of a span.
pub fn span_text<'d>(doc: &'d Document, span: &Span) -> &'d str {
    doc.paragraphs[span.paragraph]
        .text
        .get(span.range.clone())
        .unwrap_or("")
}

/// Paragraph analyses of a link side, with their indices.
pub fn side<'d>(
    doc: &'d Document,
    indices: &'d [usize],
) -> impl Iterator<Item = (usize, &'d ParagraphAnalysis)> + 'd {
    indices.iter().map(move |&i| (i, &doc.analyses[i]))
}

/// A proper name as written: a run of name words in one paragraph, which may
/// hold up to two function words between name words (`Talleres de
/// Córdoba`, `Copa de la Liga`).
#[derive(Debug, Clone)]
pub struct NameRun {
    pub paragraph: usize,
    /// Byte range in the paragraph text.
    pub span: Range<usize>,
    /// Token range.
    pub tokens: Range<usize>,
    /// Folded name words (function words left out).
    pub words: Vec<String>,
    /// The token index of each of `words`.
    pub word_tokens: Vec<usize>,
}

impl NameRun {
    /// The part of this run that is `words` (a person's name inside `Homeland
    /// Security Secretary John Kelly`), if it holds them in a row.
    pub fn find(&self, doc: &Document, words: &[String]) -> Option<NameRun> {
        let n = words.len();
        let at =
            (0..=self.words.len().checked_sub(n)?).find(|&k| self.words[k..k + n] == *words)?;
        let (first, last) = (self.word_tokens[at], self.word_tokens[at + n - 1]);
        let tokens = &doc.analyses[self.paragraph].tokens;
        Some(NameRun {
            paragraph: self.paragraph,
            span: tokens[first].start..tokens[last].end,
            tokens: first..last + 1,
            words: words.to_vec(),
            word_tokens: self.word_tokens[at..at + n].to_vec(),
        })
    }
}

/// Whether a function word can stand inside one name (`Talleres de
/// Córdoba`, `Bank of Spain`, `Leonardo da Vinci`); others join two names
/// (`Cocos y Norteamericana`, `Foro ... en Porto Alegre`). Names cross
/// languages, so the particles of every language count (`particle` in the
/// data files).
fn is_name_particle(folded: &str) -> bool {
    static ALL: std::sync::OnceLock<crate::langdata::HashSet<String>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        crate::langdata::LANGUAGES
            .iter()
            .flat_map(|code| LangData::get(code).name_particles.iter().cloned())
            .collect()
    })
    .contains(folded)
}

/// The proper names of some paragraphs of a document.
pub fn name_runs(doc: &Document, indices: &[usize]) -> Vec<NameRun> {
    let mut out = Vec::new();
    for &i in indices {
        let a = &doc.analyses[i];
        let text = &doc.paragraphs[i].text;
        let is_name: Vec<bool> = (0..a.tokens.len())
            .map(|k| a.names.binary_search(&k).is_ok())
            .collect();
        let mut k = 0;
        while k < a.tokens.len() {
            if !is_name[k] {
                k += 1;
                continue;
            }
            let start = k;
            let mut end = k + 1;
            // Extend over name words, and over one or two function words followed by a name word.
            loop {
                let joined = |x: usize| {
                    text[a.tokens[x - 1].end..a.tokens[x].start]
                        .trim()
                        .is_empty()
                };
                if end < a.tokens.len() && is_name[end] && joined(end) {
                    end += 1;
                    continue;
                }
                let gap = (1..=2).find(|&g| {
                    end + g < a.tokens.len()
                        && is_name[end + g]
                        && (end..=end + g).all(joined)
                        && (end..end + g).all(|x| {
                            !a.tokens[x].capitalized
                                && is_name_particle(a.tokens.folded(&a.tokens[x]))
                        })
                });
                match gap {
                    Some(g) => end += g + 1,
                    None => break,
                }
            }
            let word_tokens: Vec<usize> = (start..end).filter(|&x| is_name[x]).collect();
            out.push(NameRun {
                paragraph: i,
                span: a.tokens[start].start..a.tokens[end - 1].end,
                tokens: start..end,
                words: word_tokens
                    .iter()
                    .map(|&x| a.tokens.folded(&a.tokens[x]).to_string())
                    .collect(),
                word_tokens,
            });
            k = end;
        }
    }
    out
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::pipeline::{Options, align_texts};

    /// Aligns two texts and runs every check with the bundled glossary.
    pub fn check_pair_full(source: &str, target: &str) -> (AlignedPair, Vec<Finding>) {
        let pair = align_texts("es.txt", source, "en.txt", target, &Options::default());
        let glossary = Glossary::bundled(pair.source.lang, pair.target.lang);
        let findings = run_all(&Context::new(&pair, &glossary));
        (pair, findings)
    }

    /// Aligns two texts and runs one check with the bundled glossary.
    pub fn check_pair(source: &str, target: &str, check: &str) -> Vec<Finding> {
        let pair = align_texts("es.txt", source, "en.txt", target, &Options::default());
        let glossary = Glossary::bundled(pair.source.lang, pair.target.lang);
        let ctx = Context::new(&pair, &glossary);
        let c = REGISTRY
            .iter()
            .find(|c| c.name == check)
            .expect("a registered check");
        (c.run)(&ctx)
    }

    #[test]
    fn a_flood_of_findings_on_one_link_is_summed_up() {
        let source = "5 personas ".repeat(MAX_PER_LINK + 50);
        let target = "6 people ".repeat(MAX_PER_LINK + 50);
        let (_, findings) = check_pair_full(&source, &target);
        let numbers: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.check == "number-mismatch")
            .collect();
        assert_eq!(numbers.len(), MAX_PER_LINK + 1);
        let last = numbers
            .iter()
            .find(|f| f.severity == Severity::Info)
            .unwrap();
        assert!(
            last.message.starts_with("50 more number-mismatch findings"),
            "{}",
            last.message
        );
    }

    #[test]
    fn every_check_is_documented() {
        for c in REGISTRY {
            let doc = c.documentation();
            assert!(!c.summary().is_empty(), "{}", c.name);
            assert!(doc.contains("## Why it matters"), "{}", c.name);
            assert!(doc.contains("## Example"), "{}", c.name);
        }
    }
}
