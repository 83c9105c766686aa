//! Similarity of a source paragraph group to a target paragraph group, a
//! score in 0..=1 built from components kept for explanations:
//! - length: a Gale-Church model of how long a translation runs;
//! - lexical: content words linked by the lexicon, by identity or as cognates
//!   (`migración`/`migration`);
//!   Proper names count as words, matched fuzzily too (`Quintero`/`Quinteros`);
//! - anchors: numbers, quotations and URLs, which survive translation.
//!
//! Each paragraph becomes [`Features`] once; a 1-1 pair is compared once
//! ([`PairStats`]); a group's score adds its pairs up, so the aligner's many
//! merge moves cost little more than its 1-1 moves.

use crate::analyse::ParagraphAnalysis;
use crate::analyse::tokens::{Token, TokenKind, Tokens};
use crate::langdata::LangData;
use crate::lexicon::{Lexicon, stem};
use serde::Serialize;

/// Weight of each component in the combined score.
const W_LENGTH: f64 = 1.0;
const W_LEXICAL: f64 = 2.0;
const W_ANCHORS: f64 = 1.0;
/// Lexical overlap at which a pair counts as fully supported: even a good
/// translation links only part of its words through a lexicon.
pub const LEXICAL_FULL: f64 = 0.6;
/// Variance of the length difference per character, measured on 3,800
/// Spanish-English paragraph pairs of real translations (1.1 to 1.6).
const LENGTH_VARIANCE: f64 = 1.6;
/// Jaro-Winkler similarity above which two names are the same name.
const NAME_SIMILARITY: f64 = 0.9;

/// A comparison key: a 64-bit FNV-1a hash of a tag and a string, so
/// comparing words is comparing integers, with no shared table to fill (and
/// so paragraphs can be prepared in parallel). Collisions at 64 bits are
/// negligible next to the noise of the lexicon itself.
pub fn key(tag: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(tag).chain(s.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Items (words or anchors), each with the keys that can match it.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    keys: Vec<u64>,
    bounds: Vec<u32>,
    union: Vec<u64>,
}

impl Bag {
    /// A bag of items given by their keys.
    pub fn from_items(items: &[&[u64]]) -> Bag {
        let mut b = Bag::default();
        for keys in items {
            b.push(keys);
        }
        b.finish();
        b
    }

    fn push(&mut self, keys: &[u64]) {
        if self.bounds.is_empty() {
            self.bounds.push(0);
        }
        self.keys.extend_from_slice(keys);
        self.bounds.push(self.keys.len() as u32);
    }

    fn finish(&mut self) {
        self.union = self.keys.clone();
        self.union.sort_unstable();
        self.union.dedup();
    }

    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn item(&self, k: usize) -> &[u64] {
        &self.keys[self.bounds[k] as usize..self.bounds[k + 1] as usize]
    }

    /// The keys of each item.
    pub fn items(&self) -> impl Iterator<Item = &[u64]> {
        (0..self.len()).map(|k| self.item(k))
    }

    /// Every key of the bag, sorted, once each.
    pub fn distinct_keys(&self) -> &[u64] {
        &self.union
    }

    /// For each of this bag's items, whether it has a key in any of `others`.
    pub fn matched_items(&self, others: &[Bag]) -> Vec<bool> {
        (0..self.len())
            .map(|k| {
                self.item(k)
                    .iter()
                    .any(|key| others.iter().any(|o| o.union.binary_search(key).is_ok()))
            })
            .collect()
    }

    /// How many of this bag's items have a key in `other`.
    pub fn matched_in(&self, other: &Bag) -> u32 {
        if other.union.is_empty() {
            return 0;
        }
        (0..self.len())
            .filter(|&k| {
                self.item(k)
                    .iter()
                    .any(|key| other.union.binary_search(key).is_ok())
            })
            .count() as u32
    }
}

/// What scoring needs of one paragraph.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub chars: f64,
    pub words: Bag,
    pub anchors: Bag,
    /// Proper names, for fuzzy matching where exact keys fail.
    pub names: Vec<Name>,
}

/// A folded proper name with what makes comparing it cheap.
#[derive(Debug, Clone)]
pub struct Name {
    pub text: String,
    key: u64,
    len: usize,
}

impl Name {
    /// Spelling variants of one name (`Sheinbaum`/
    /// `Sheimbaum`): not the same key, same initial, similar length, Jaro-Winkler
    /// close.
    fn is_variant_of(&self, other: &Name) -> bool {
        self.key != other.key
            && self.len.abs_diff(other.len) <= 2
            && self.text.as_bytes().first() == other.text.as_bytes().first()
            && strsim::jaro_winkler(&self.text, &other.text) >= NAME_SIMILARITY
    }
}

/// Which document a paragraph belongs to: only source words are translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

const WORD: u8 = b'w';
const COGNATE: u8 = b'~';
const NUMBER: u8 = b'#';
const URL: u8 = b'u';
const QUOTE: u8 = b'q';

/// Prepares one paragraph for scoring. Source words carry their lexicon
/// translations as extra keys; target words only their own.
pub fn features(a: &ParagraphAnalysis, lang: &LangData, lexicon: &Lexicon, side: Side) -> Features {
    let mut f = features_in(a, 0..usize::MAX, a.chars, lang, lexicon, side);
    if a.has_quote {
        f.anchors.push(&[key(QUOTE, "")]);
        f.anchors.finish();
    }
    f
}

/// Prepares the stretch `range` (bytes) of a paragraph, one sentence say, for
/// scoring the way [`features`] prepares a whole paragraph (quotation marks
/// aside: they belong to the paragraph); `chars` is its length for the
/// length model (characters other than whitespace). Tokens, quantities and names are in
/// text order, so the stretch is found by binary search: a paragraph of
/// thousands of sentences stays linear.
pub fn features_in(
    a: &ParagraphAnalysis,
    range: std::ops::Range<usize>,
    chars: usize,
    lang: &LangData,
    lexicon: &Lexicon,
    side: Side,
) -> Features {
    let first = a.tokens.partition_point(|t| t.start < range.start);
    let last = a.tokens.partition_point(|t| t.end <= range.end).max(first);
    let tokens = &a.tokens[first..last];
    let mut f = Features {
        chars: chars as f64,
        ..Default::default()
    };
    let mut seen: crate::langdata::HashSet<&str> = Default::default();
    let mut keys = Vec::new();
    for t in tokens
        .iter()
        .filter(|t| is_content_word(&a.tokens, t, lang))
    {
        let word = a.tokens.folded(t);
        if !seen.insert(word) {
            continue;
        }
        keys.clear();
        let s = stem(word);
        if side == Side::Source {
            keys.extend(lexicon.translations(&s).iter().map(|tr| key(WORD, tr)));
        }
        if let Some(c) = cognate_key(word) {
            keys.push(key(COGNATE, &c));
        }
        keys.push(key(WORD, &s));
        f.words.push(&keys);
    }
    for q in a
        .quantities
        .iter()
        .filter(|q| q.start >= range.start && q.end <= range.end)
    {
        keys.clear();
        keys.extend(q.values.iter().map(|v| key(NUMBER, &v.to_string())));
        f.anchors.push(&keys);
    }
    let names = {
        let lo = a.names.partition_point(|&i| i < first);
        let hi = a.names.partition_point(|&i| i < last);
        &a.names[lo..hi]
    };
    for name in names.iter().map(|&i| a.tokens.folded(&a.tokens[i])) {
        let k = key(WORD, &stem(name));
        if !f.names.iter().any(|n| n.key == k) {
            f.names.push(Name {
                text: name.to_string(),
                key: k,
                len: name.chars().count(),
            });
        }
    }
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Url) {
        f.anchors.push(&[key(URL, a.tokens.folded(t))]);
    }
    f.words.finish();
    f.anchors.finish();
    f
}

/// Words that carry content: not function words, not numbers.
pub fn is_content_word(tokens: &Tokens, t: &Token, lang: &LangData) -> bool {
    let w = tokens.folded(t);
    t.kind == TokenKind::Word && w.chars().count() > 1 && !lang.is_stopword(w)
}

/// A spelling skeleton that cognates share: `migración` and `migration` give
/// `migra`; `teléfono` and `telephone` give `telef`. None for short words,
/// where a shared prefix is chance.
pub fn cognate_key(folded: &str) -> Option<String> {
    let mut letters = folded.chars().filter(|c| c.is_alphabetic()).peekable();
    // Spanish puts an `e` before s + consonant: `estándar`/`standard`,
    // `estructura`/`structure`, `especial`/`special`.
    let mut rest = folded
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .chars();
    if rest.next() == Some('e')
        && rest.next() == Some('s')
        && rest.next().is_some_and(|c| !"aeiouh".contains(c))
    {
        letters.next();
    }
    let mut s = String::with_capacity(5);
    let mut last = None;
    let mut count = 0;
    while let Some(c) = letters.next() {
        let mapped = match (c, letters.peek()) {
            ('p', Some('h')) | ('t', Some('h')) | ('c', Some('h')) => {
                letters.next();
                if c == 'p' { 'f' } else { c }
            }
            ('y', _) => 'i',
            ('k', _) | ('q', _) | ('z', _) => 'c',
            _ => c,
        };
        if last != Some(mapped) {
            s.push(mapped);
            last = Some(mapped);
            count += 1;
            if count == 5 {
                return Some(s);
            }
        }
    }
    None
}

/// Counts from comparing one source paragraph with one target paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PairStats {
    /// Source words with a counterpart in the target, and the reverse.
    pub words_st: u16,
    pub words_ts: u16,
    pub anchors_st: u16,
    pub anchors_ts: u16,
}

/// Compares two paragraphs.
pub fn pair_stats(s: &Features, t: &Features) -> PairStats {
    let (mut words_st, mut words_ts) = (s.words.matched_in(&t.words), t.words.matched_in(&s.words));
    // Names the exact keys missed (`Cardenas`/`Cárdenas` fold equal; `Quintero`/`Quinteros` do not).
    if !s.names.is_empty() && !t.names.is_empty() {
        let fuzzy = |a: &[Name], b: &[Name]| {
            a.iter()
                .filter(|x| {
                    b.iter().all(|y| y.key != x.key) && b.iter().any(|y| x.is_variant_of(y))
                })
                .count() as u32
        };
        words_st += fuzzy(&s.names, &t.names);
        words_ts += fuzzy(&t.names, &s.names);
    }
    PairStats {
        words_st: clamp16(words_st.min(s.words.len() as u32)),
        words_ts: clamp16(words_ts.min(t.words.len() as u32)),
        anchors_st: clamp16(s.anchors.matched_in(&t.anchors)),
        anchors_ts: clamp16(t.anchors.matched_in(&s.anchors)),
    }
}

fn clamp16(v: u32) -> u16 {
    v.min(u16::MAX as u32) as u16
}

/// The score of a link and its parts, each in 0..=1; a part is `None` when
/// neither side gives it anything to measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    pub score: f64,
    pub length: f64,
    pub lexical: Option<f64>,
    pub anchors: Option<f64>,
}

/// The length model: how many target characters one source character becomes.
#[derive(Debug, Clone, Copy)]
pub struct LengthModel {
    pub ratio: f64,
    pub variance: f64,
}

impl LengthModel {
    /// From each language's length relative to English (`length` in its data file).
    pub fn for_pair(source: &LangData, target: &LangData) -> Self {
        LengthModel {
            ratio: target.length_ratio / source.length_ratio,
            variance: LENGTH_VARIANCE,
        }
    }

    /// How well the lengths fit a translation, in 0..=1: Gale and Church's
    /// normalised length difference delta, as exp(-delta^2 / 8), so a true
    /// pair two standard deviations off still scores 0.6.
    pub fn probability(&self, source_chars: f64, target_chars: f64) -> f64 {
        let mean = (source_chars + target_chars / self.ratio) / 2.0;
        if mean <= 0.0 {
            return if source_chars == target_chars {
                1.0
            } else {
                0.0
            };
        }
        let delta = (target_chars - source_chars * self.ratio) / (self.variance * mean).sqrt();
        (-delta * delta / 8.0).exp()
    }
}

/// Totals of a group of paragraphs on one side.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupTotals {
    pub chars: f64,
    pub words: u32,
    pub anchors: u32,
}

impl GroupTotals {
    pub fn of<'f>(group: impl IntoIterator<Item = &'f Features>) -> Self {
        group
            .into_iter()
            .fold(GroupTotals::default(), |acc, f| GroupTotals {
                chars: acc.chars + f.chars,
                words: acc.words + f.words.len() as u32,
                anchors: acc.anchors + f.anchors.len() as u32,
            })
    }
}

/// Matched counts of a group, each side capped at what it has.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupMatches {
    pub words_source: u32,
    pub words_target: u32,
    pub anchors_source: u32,
    pub anchors_target: u32,
}

/// How much a link's words say for the pair of documents at hand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordModel {
    /// The weight of the word share in a link's score, as a share of its
    /// full weight: 1 with a lexicon, which can link every word to its
    /// translation; without one, what a first alignment shows the words
    /// (names, numbers written out, cognates) tell.
    pub say: f64,
    /// The share of words with a counterpart that counts as full support.
    pub full: f64,
    /// Whether words that meet nothing lower the score. Without a lexicon
    /// the search lets words only raise a link: whether a sentence without
    /// a name or cognate belongs here or next door they cannot tell.
    pub absence: bool,
}

impl WordModel {
    /// With a lexicon for the pair.
    pub const LEXICON: WordModel = WordModel {
        say: 1.0,
        full: LEXICAL_FULL,
        absence: true,
    };
    /// Words that say nothing either way: length and anchors decide.
    pub const NEUTRAL: WordModel = WordModel {
        say: 0.0,
        full: LEXICAL_FULL,
        absence: true,
    };
}

/// Combines length, lexical and anchor evidence into a link score.
pub fn combine(
    length: &LengthModel,
    words: &WordModel,
    s: GroupTotals,
    t: GroupTotals,
    m: GroupMatches,
) -> Score {
    let length_p = length.probability(s.chars, t.chars);
    let ratio = |a: u32, b: u32, total: u32| (total > 0).then(|| (a + b) as f64 / total as f64);
    let lexical = ratio(m.words_source, m.words_target, s.words + t.words).map(|x| x.min(1.0));
    let anchors =
        ratio(m.anchors_source, m.anchors_target, s.anchors + t.anchors).map(|x| x.min(1.0));
    let mut sum = W_LENGTH * length_p;
    let mut weight = W_LENGTH;
    if let Some(a) = anchors {
        sum += W_ANCHORS * a;
        weight += W_ANCHORS;
    }
    let without_words = sum / weight;
    if let Some(l) = lexical {
        let w = W_LEXICAL * words.say;
        sum += w * (l / words.full).min(1.0);
        weight += w;
    }
    let score = if words.absence {
        sum / weight
    } else {
        (sum / weight).max(without_words)
    };
    Score {
        score,
        length: length_p,
        lexical,
        anchors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::analyse_paragraph;
    use crate::paragraphs::split;

    fn feats(text: &str, lang: &str, side: Side, lexicon: &Lexicon) -> Features {
        let p = &split(text)[0];
        let data = LangData::get(lang);
        features(&analyse_paragraph(p, data, "und"), data, lexicon, side)
    }

    #[test]
    fn cognates_share_a_key() {
        assert_eq!(cognate_key("migracion"), cognate_key("migration"));
        assert_eq!(cognate_key("deportaciones"), cognate_key("deportations"));
        assert_eq!(cognate_key("telefono"), cognate_key("telephone"));
        assert_eq!(cognate_key("sistema"), cognate_key("system"));
        assert_eq!(cognate_key("estandares"), cognate_key("standards"));
        assert_eq!(cognate_key("estructurada"), cognate_key("structured"));
        assert_eq!(cognate_key("mes"), None);
    }

    #[test]
    fn length_model_prefers_expected_ratio() {
        let m = LengthModel {
            ratio: 0.9,
            variance: 1.6,
        };
        assert!(m.probability(100.0, 90.0) > 0.95);
        assert!(m.probability(100.0, 45.0) < 0.2);
        assert!(m.probability(1000.0, 450.0) < 1e-6);
        assert!(m.probability(200.0, 180.0) > m.probability(200.0, 240.0));
    }

    #[test]
    fn lexicon_cognates_and_anchors_link_a_translation() {
        let lex = Lexicon::bundled("es", "en");
        let s = feats(
            "El gobierno anunció 20.000 deportaciones en la frontera con Cárdenas.",
            "es",
            Side::Source,
            &lex,
        );
        let t = feats(
            "The government announced 20,000 deportations at the border with Cardenas.",
            "en",
            Side::Target,
            &lex,
        );
        let u = feats(
            "Heavy rain flooded the valley on Sunday, officials in Lima said.",
            "en",
            Side::Target,
            &lex,
        );
        let good = pair_stats(&s, &t);
        let bad = pair_stats(&s, &u);
        assert!(good.words_st >= 4, "{good:?}");
        assert_eq!(good.anchors_st, 1, "{good:?}");
        assert_eq!(bad.anchors_st, 0);
        assert!(bad.words_st <= 1, "{bad:?}");
    }

    #[test]
    fn fuzzy_names_meet() {
        let lex = Lexicon::default();
        let s = feats(
            "Dijo el presidente José Ramón Pérez Quintero ayer a Villalobos.",
            "es",
            Side::Source,
            &lex,
        );
        let t = feats(
            "Said president Jose Ramon Perez Quintero met Villalobo yesterday.",
            "en",
            Side::Target,
            &lex,
        );
        let st = pair_stats(&s, &t);
        assert_eq!(st.anchors_st as usize, s.anchors.len(), "{st:?}");
    }

    #[test]
    fn combine_weighs_what_is_present() {
        let m = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        let tot = GroupTotals {
            chars: 100.0,
            words: 10,
            anchors: 0,
        };
        let full = GroupMatches {
            words_source: 10,
            words_target: 10,
            ..Default::default()
        };
        let sc = combine(&m, &WordModel::LEXICON, tot, tot, full);
        assert_eq!(sc.anchors, None);
        assert!((sc.score - 1.0).abs() < 1e-6, "{sc:?}");
        let none = combine(&m, &WordModel::LEXICON, tot, tot, GroupMatches::default());
        assert!(none.score < 0.35, "{none:?}");
    }
}
