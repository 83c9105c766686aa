//! Paragraph alignment by dynamic programming over links 1-1, 1-0, 0-1, 2-1,
//! 1-2, 2-2 and 1-n / n-1 up to n = 4, searched in a band around the
//! diagonal so cost grows linearly with document length. Each row of the
//! band reaches the next row's diagonal position, so consecutive rows
//! overlap and every paragraph of both documents lands in one link at any
//! length ratio. When the best path touches the band's edge the band was
//! too narrow: it is doubled and the search run again.

use crate::score::Features;
use crate::score::{
    GroupMatches, GroupTotals, LengthModel, PairStats, Score, WordModel, combine, pair_stats,
};
use rayon::prelude::*;
use serde::Serialize;

/// The link shapes the aligner may use, (source paragraphs, target paragraphs).
pub const MOVES: [(usize, usize); 10] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (4, 1),
    (1, 4),
];

/// Score a link must beat, per paragraph it covers, to be worth more than
/// leaving its paragraphs unaligned. This and the penalties below were tuned
/// on real translations (Debian descriptions, news, manuals) with merges,
/// splits and drops, then checked on the news pairs in `corpora/`.
const THRESHOLD: f64 = 0.2;

/// The threshold where words cannot say a link is unrelated: a null link
/// then needs lengths (and anchors) to disagree, a length fit under 0.05
/// being a normalised difference past 4.9 standard deviations.
const LENGTH_DISAGREES: f64 = 0.05;

/// Cost of a link shape, so a 1-1 wins ties and merges need evidence: a group
/// scores a little better than its parts (lengths even out, words find
/// partners across paragraph borders), and 2-2 most of all.
fn move_penalty(a: usize, b: usize, words: &WordModel) -> f64 {
    match (a, b) {
        (1, 1) | (1, 0) | (0, 1) => 0.0,
        (2, 1) | (1, 2) => 0.7,
        // Where words only raise a link (no lexicon), a 2-2 group gains
        // less from words meeting across its borders, and sentences re-cut
        // two against two are common: measured, 1.5 against 3.0 on
        // Text+Berg's development document (F1 0.765 against 0.753), at a
        // cost of 0.003-0.006 on GNOME help.
        (2, 2) if !words.absence => 1.5,
        (2, 2) => 3.0,
        (3, 1) | (1, 3) => 1.0,
        _ => 1.2,
    }
}

/// Half-width of the first band, in paragraphs.
const FIRST_BAND: usize = 24;

/// Most DP cells a widened band may hold (about 150 MB with its pair table):
/// past this, unrelated documents would make the search quadratic, so the
/// best path found in the widest affordable band is kept.
const MAX_CELLS: usize = 8_000_000;

/// How a paragraph may be linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Article text: any link.
    Text,
    /// Site chrome: linked only 1-1 or with other chrome, never merged into
    /// article text.
    Chrome,
}

/// One link: source and target paragraph indices (either may be empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub source: Vec<usize>,
    pub target: Vec<usize>,
    #[serde(flatten)]
    pub score: Score,
}

/// What the aligner needs of the two documents.
#[derive(Clone, Copy)]
pub struct AlignInput<'a> {
    pub source: &'a [Features],
    pub target: &'a [Features],
    /// What each paragraph may join, by its role on the page.
    pub source_roles: &'a [Role],
    pub target_roles: &'a [Role],
    pub length: LengthModel,
    /// What the words can tell for this pair of documents.
    pub words: WordModel,
}

/// Aligns the two documents; every paragraph lands in exactly one link and
/// links never cross.
pub fn align(input: &AlignInput) -> Vec<Link> {
    let (n, m) = (input.source.len(), input.target.len());
    let mut half = FIRST_BAND;
    loop {
        let band = Band::new(n, m, half);
        let (path, touched) = search(input, &band);
        let wider = (n + 1) * (4 * half + 1) + m;
        if !touched || band.is_full() || wider > MAX_CELLS {
            return path;
        }
        half *= 2;
    }
}

/// Without a lexicon, what the length and the words of these documents
/// say, fitted on a first alignment by length and anchors alone, whose
/// links are mostly right (see [`fit_length`] and [`fit_words`]).
pub fn fit(input: &AlignInput) -> (LengthModel, WordModel) {
    let first = align(&AlignInput {
        words: WordModel::NEUTRAL,
        ..*input
    });
    let fitted = (fit_length(input, &first), fit_words(input, &first));
    if std::env::var("COTEJO_DEBUG").is_ok() {
        eprintln!("fit: {fitted:?}");
    }
    fitted
}

/// The length variance these documents show on a first alignment's 1-1
/// links, where there are enough of them: without a lexicon length decides
/// more, and sentence-split prose or help text (labels beside paragraphs)
/// varies more than the news paragraphs the bundled variance was measured
/// on. The median of the squared normalised differences over the median of
/// a chi-square of one degree (0.455), so wrong links of the first pass
/// weigh little; never below the bundled variance.
fn fit_length(input: &AlignInput, first: &[Link]) -> LengthModel {
    let c = input.length.ratio;
    let mut d2: Vec<f64> = first
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1)
        .filter_map(|l| {
            let (s, t) = (
                input.source[l.source[0]].chars,
                input.target[l.target[0]].chars,
            );
            let mean = (s + t / c) / 2.0;
            (mean > 0.0).then(|| (t - s * c).powi(2) / mean)
        })
        .collect();
    if d2.len() < MIN_FIT_LENGTHS {
        return input.length;
    }
    let mid = d2.len() / 2;
    let median = *d2.select_nth_unstable_by(mid, f64::total_cmp).1;
    LengthModel {
        variance: (median / 0.455).clamp(input.length.variance, MAX_VARIANCE),
        ..input.length
    }
}

/// Fewest 1-1 links a first alignment needs for its length variance to be measured.
const MIN_FIT_LENGTHS: usize = 20;
/// Most length variance a fit may give: past it length would say nothing.
const MAX_VARIANCE: f64 = 8.0;

/// How much the words say without a lexicon, where only names, numbers
/// written out and cognates can meet. Their weight is the share of a first
/// alignment's 1-1 links that show met words at all: absence is evidence
/// in proportion to how rarely a true link of these documents lacks them
/// (German-French sentences: 0.59 on Text+Berg; French-English help text:
/// about 0.8). Full support is the share such a link shows on average. The
/// search lets them only raise a link (a sentence with no name or cognate
/// may belong here or next door); the score reported counts their absence.
fn fit_words(input: &AlignInput, first: &[Link]) -> WordModel {
    let (s, t) = (input.source, input.target);
    let (mut linked, mut met, mut sum) = (0usize, 0usize, 0.0);
    for l in first
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1)
    {
        let (i, j) = (l.source[0], l.target[0]);
        let total = s[i].words.len() + t[j].words.len();
        if total == 0 {
            continue;
        }
        let p = pair_stats(&s[i], &t[j]);
        let share = ((p.words_st + p.words_ts) as f64 / total as f64).min(1.0);
        linked += 1;
        met += (share > 0.0) as usize;
        sum += share;
    }
    if linked < MIN_FIT_LINKS || sum == 0.0 {
        return WordModel::NEUTRAL;
    }
    WordModel {
        say: met as f64 / linked as f64,
        full: (sum / linked as f64).clamp(MIN_FULL, crate::score::LEXICAL_FULL),
        absence: false,
    }
}

/// Fewest 1-1 links a first alignment needs for its words to be measured.
const MIN_FIT_LINKS: usize = 3;
/// Least word share that counts as full support, however rarely words meet.
const MIN_FULL: f64 = 0.05;

/// For each source position i (0..=n), the target positions searched.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
    m: usize,
}

impl Band {
    fn new(n: usize, m: usize, half: usize) -> Band {
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        let mut offset = Vec::with_capacity(n + 2);
        offset.push(0);
        for i in 0..=n {
            // Row i spans the diagonal from its own position to the next
            // row's, so consecutive rows always overlap and a path exists at
            // any length ratio (3 paragraphs against 300: rows 100 wide).
            // With no source paragraphs the one row spans the whole target.
            let (l, h) = match (i * m).checked_div(n) {
                None => (0, m),
                Some(from) => {
                    let to = ((i + 1) * m).div_ceil(n).min(m);
                    (from.saturating_sub(half), (to + half).min(m))
                }
            };
            lo.push(l);
            hi.push(h);
            offset.push(offset[i] + h - l + 1);
        }
        Band { lo, hi, offset, m }
    }

    fn is_full(&self) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == self.m)
    }

    fn cell(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.offset[i] + j - self.lo[i])
    }

    fn on_edge(&self, i: usize, j: usize) -> bool {
        (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < self.m)
    }
}

/// 1-1 comparisons within reach of the band, computed once each.
struct PairTable {
    start: Vec<usize>,
    width: Vec<usize>,
    offset: Vec<usize>,
    stats: Vec<PairStats>,
}

impl PairTable {
    fn new(input: &AlignInput, band: &Band) -> PairTable {
        let n = input.source.len();
        let m = input.target.len();
        let reach = 4;
        let mut t = PairTable {
            start: Vec::with_capacity(n),
            width: Vec::with_capacity(n),
            offset: Vec::with_capacity(n),
            stats: Vec::new(),
        };
        let mut total = 0;
        for i in 0..n {
            let lo = band.lo[i].min(band.lo[i + 1]).saturating_sub(reach);
            let hi = (band.hi[i].max(band.hi[i + 1]) + reach).min(m);
            t.start.push(lo);
            t.width.push(hi - lo);
            t.offset.push(total);
            total += hi - lo;
        }
        // Comparing pairs is most of the aligner's work, and each row is independent.
        let rows: Vec<Vec<PairStats>> = (0..n)
            .into_par_iter()
            .with_min_len(crate::pipeline::PARALLEL_MIN)
            .map(|i| {
                let lo = t.start[i];
                (lo..lo + t.width[i])
                    .map(|j| pair_stats(&input.source[i], &input.target[j]))
                    .collect()
            })
            .collect();
        t.stats = rows.concat();
        t
    }

    fn get(&self, input: &AlignInput, i: usize, j: usize) -> PairStats {
        let s = self.start[i];
        if j >= s && j < s + self.width[i] {
            self.stats[self.offset[i] + j - s]
        } else {
            pair_stats(&input.source[i], &input.target[j])
        }
    }
}

/// The score of linking source `si` with target `tj` (both non-empty ranges).
fn group_score(
    input: &AlignInput,
    pairs: &PairTable,
    si: std::ops::Range<usize>,
    tj: std::ops::Range<usize>,
) -> Score {
    let s_tot = GroupTotals::of(&input.source[si.clone()]);
    let t_tot = GroupTotals::of(&input.target[tj.clone()]);
    let mut m = GroupMatches::default();
    // Per target paragraph, what all the source paragraphs matched in it.
    let mut tw = [0u32; 4];
    let mut ta = [0u32; 4];
    for i in si.clone() {
        let (mut sw, mut sa) = (0u32, 0u32);
        for (k, j) in tj.clone().enumerate() {
            let p = pairs.get(input, i, j);
            sw += p.words_st as u32;
            sa += p.anchors_st as u32;
            tw[k] += p.words_ts as u32;
            ta[k] += p.anchors_ts as u32;
        }
        m.words_source += sw.min(input.source[i].words.len() as u32);
        m.anchors_source += sa.min(input.source[i].anchors.len() as u32);
    }
    for (k, j) in tj.enumerate() {
        m.words_target += tw[k].min(input.target[j].words.len() as u32);
        m.anchors_target += ta[k].min(input.target[j].anchors.len() as u32);
    }
    combine(&input.length, &input.words, s_tot, t_tot, m)
}

fn search(input: &AlignInput, band: &Band) -> (Vec<Link>, bool) {
    let n = input.source.len();
    let pairs = PairTable::new(input, band);
    if std::env::var("COTEJO_DEBUG").is_ok() {
        for i in 0..n {
            for j in i.saturating_sub(1)..(i + 2).min(input.target.len()) {
                eprintln!(
                    "{i}-{j} {:?}",
                    group_score(input, &pairs, i..i + 1, j..j + 1)
                );
            }
        }
    }
    let cells = band.offset[n + 1];
    let mut gain = vec![f64::NEG_INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    if let Some(c) = band.cell(0, 0) {
        gain[c] = 0.0;
    }
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = band.cell(i, j) else {
                continue;
            };
            for (k, &(a, b)) in MOVES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(from) = band.cell(i - a, j - b) else {
                    continue;
                };
                if gain[from] == f64::NEG_INFINITY {
                    continue;
                }
                let g = gain[from] + move_gain(input, &pairs, i - a..i, j - b..j);
                if g > gain[here] {
                    gain[here] = g;
                    back[here] = k as u8;
                }
            }
        }
    }
    // Trace back from the end.
    let mut links = Vec::new();
    let mut touched = false;
    let (mut i, mut j) = (n, input.target.len());
    while i > 0 || j > 0 {
        touched |= band.on_edge(i, j);
        let Some(c) = band.cell(i, j) else { break };
        let Some(&(a, b)) = MOVES.get(back[c] as usize) else {
            break;
        };
        let (si, tj) = (i - a..i, j - b..j);
        let score = if a > 0 && b > 0 {
            // The score reported counts words that meet nothing, as far
            // as these documents show words meet at all.
            let report = AlignInput {
                words: WordModel {
                    absence: true,
                    ..input.words
                },
                ..*input
            };
            group_score(&report, &pairs, si.clone(), tj.clone())
        } else {
            Score {
                score: 0.0,
                length: 0.0,
                lexical: None,
                anchors: None,
            }
        };
        links.push(Link {
            source: si.collect(),
            target: tj.collect(),
            score,
        });
        i -= a;
        j -= b;
    }
    links.reverse();
    (links, touched)
}

fn move_gain(
    input: &AlignInput,
    pairs: &PairTable,
    si: std::ops::Range<usize>,
    tj: std::ops::Range<usize>,
) -> f64 {
    let (a, b) = (si.len(), tj.len());
    if a == 0 || b == 0 {
        return 0.0;
    }
    let roles = || {
        si.clone()
            .map(|i| input.source_roles[i])
            .chain(tj.clone().map(|j| input.target_roles[j]))
    };
    let mixed = a + b > 2 && roles().any(|r| r == Role::Chrome) && roles().any(|r| r == Role::Text);
    if mixed {
        return f64::NEG_INFINITY;
    }
    // The threshold is what a link must show against being unrelated, and
    // words are what show it: where they say nothing length and anchors
    // decide alone, and a null link needs them to disagree.
    let threshold = if input.words.absence {
        THRESHOLD * input.words.say
    } else {
        0.0
    }
    .max(LENGTH_DISAGREES);
    let s = group_score(input, pairs, si, tj).score;
    (s - threshold) * (a + b) as f64 - move_penalty(a, b, &input.words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Bag;

    /// A paragraph whose only feature is its length, for testing the moves.
    fn sized(chars: f64) -> Features {
        Features {
            chars,
            ..Default::default()
        }
    }

    fn shapes(src: &[f64], tgt: &[f64]) -> Vec<(usize, usize)> {
        align_sized(src, tgt, 6.8)
            .iter()
            .map(|l| (l.source.len(), l.target.len()))
            .collect()
    }

    /// Whether the links cover every paragraph of both documents exactly
    /// once, in document order.
    fn covers_once(links: &[Link], n: usize, m: usize) -> bool {
        let s: Vec<usize> = links.iter().flat_map(|l| l.source.clone()).collect();
        let t: Vec<usize> = links.iter().flat_map(|l| l.target.clone()).collect();
        s == (0..n).collect::<Vec<_>>() && t == (0..m).collect::<Vec<_>>()
    }

    /// Paragraphs of the given lengths, aligned on length alone.
    fn align_sized(src: &[f64], tgt: &[f64], variance: f64) -> Vec<Link> {
        let s: Vec<Features> = src.iter().map(|&c| sized(c)).collect();
        let t: Vec<Features> = tgt.iter().map(|&c| sized(c)).collect();
        align(&AlignInput {
            source: &s,
            target: &t,
            source_roles: &vec![Role::Text; s.len()],
            target_roles: &vec![Role::Text; t.len()],
            length: LengthModel {
                ratio: 1.0,
                variance,
            },
            words: WordModel::LEXICON,
        })
    }

    #[test]
    fn three_against_three_hundred_covers_every_paragraph_once() {
        let (few, many) = (vec![3000.0; 3], vec![30.0; 300]);
        assert!(covers_once(&align_sized(&few, &many, 1.6), 3, 300));
        assert!(covers_once(&align_sized(&many, &few, 1.6), 300, 3));
    }

    #[test]
    fn any_length_ratio_covers_every_paragraph_once() {
        // A small xorshift generator: deterministic, no dependency.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |below: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % below
        };
        for _ in 0..60 {
            let n = 1 + next(5) as usize;
            let m = n * (1 + next(1000) as usize) + next(3) as usize;
            let mut lengths =
                |k: usize| -> Vec<f64> { (0..k).map(|_| (5 + next(600)) as f64).collect() };
            let (a, b) = (lengths(n), lengths(m));
            let (src, tgt) = if next(2) == 0 { (a, b) } else { (b, a) };
            let links = align_sized(&src, &tgt, 1.6);
            assert!(
                covers_once(&links, src.len(), tgt.len()),
                "{} against {}",
                src.len(),
                tgt.len()
            );
        }
    }

    #[test]
    fn one_to_one_on_equal_lengths() {
        assert_eq!(
            shapes(&[100.0, 300.0, 50.0], &[100.0, 300.0, 50.0]),
            [(1, 1); 3]
        );
    }

    #[test]
    fn merges_and_splits() {
        assert_eq!(
            shapes(&[100.0, 400.0, 80.0], &[100.0, 200.0, 200.0, 80.0]),
            [(1, 1), (1, 2), (1, 1)]
        );
        assert_eq!(
            shapes(&[100.0, 200.0, 200.0, 80.0], &[100.0, 400.0, 80.0]),
            [(1, 1), (2, 1), (1, 1)]
        );
        assert_eq!(
            shapes(
                &[100.0, 800.0, 80.0],
                &[100.0, 200.0, 200.0, 200.0, 200.0, 80.0]
            ),
            [(1, 1), (1, 4), (1, 1)]
        );
    }

    /// A paragraph of `chars` characters whose words are `keys`.
    fn worded(chars: f64, keys: &[u64]) -> Features {
        let items: Vec<[u64; 1]> = keys.iter().map(|&k| [k]).collect();
        let items: Vec<&[u64]> = items.iter().map(|k| &k[..]).collect();
        Features {
            chars,
            words: Bag::from_items(&items),
            ..Default::default()
        }
    }

    #[test]
    fn band_recovers_from_a_large_offset() {
        // 60 unrelated target paragraphs up front push the path far off the
        // first band; each source paragraph shares its words with one target.
        let src: Vec<Features> = (0..40)
            .map(|i| worded(120.0, &[i * 3, i * 3 + 1, i * 3 + 2]))
            .collect();
        let mut tgt: Vec<Features> = (0..60).map(|i| worded(120.0, &[1000 + i])).collect();
        tgt.extend(src.iter().cloned());
        let input = AlignInput {
            source: &src,
            target: &tgt,
            source_roles: &vec![Role::Text; src.len()],
            target_roles: &vec![Role::Text; tgt.len()],
            length: LengthModel {
                ratio: 1.0,
                variance: 1.6,
            },
            words: WordModel::LEXICON,
        };
        let links = align(&input);
        let expected: Vec<(Vec<usize>, Vec<usize>)> =
            (0..40).map(|i| (vec![i], vec![i + 60])).collect();
        let got: Vec<(Vec<usize>, Vec<usize>)> = links
            .iter()
            .filter(|l| !l.source.is_empty() && !l.target.is_empty())
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn unmatched_paragraphs_stay_alone_and_two_two_when_needed() {
        let roles = |n: usize| vec![Role::Text; n];
        let run = |s: &[Features], t: &[Features]| -> Vec<(usize, usize)> {
            let input = AlignInput {
                source: s,
                target: t,
                source_roles: &roles(s.len()),
                target_roles: &roles(t.len()),
                length: LengthModel {
                    ratio: 1.0,
                    variance: 1.6,
                },
                words: WordModel::LEXICON,
            };
            align(&input)
                .iter()
                .map(|l| (l.source.len(), l.target.len()))
                .collect()
        };
        // The middle source paragraph has no counterpart: a 1-0 link.
        let s = [
            worded(150.0, &[1, 2, 3]),
            worded(150.0, &[4, 5, 6]),
            worded(150.0, &[7, 8, 9]),
        ];
        let t = [worded(150.0, &[1, 2, 3]), worded(150.0, &[7, 8, 9])];
        assert_eq!(run(&s, &t), [(1, 1), (1, 0), (1, 1)]);
    }

    #[test]
    fn a_two_two_group_counts_words_across_its_paragraphs() {
        // Content re-cut across two paragraphs each way: each 1-1 pair shares
        // half its words, the 2-2 group all of them.
        let s = [worded(100.0, &[1, 2]), worded(100.0, &[3, 4])];
        let t = [worded(100.0, &[1, 3]), worded(100.0, &[2, 4])];
        let input = AlignInput {
            source: &s,
            target: &t,
            source_roles: &[Role::Text; 2],
            target_roles: &[Role::Text; 2],
            length: LengthModel {
                ratio: 1.0,
                variance: 1.6,
            },
            words: WordModel::LEXICON,
        };
        let band = Band::new(2, 2, FIRST_BAND);
        let pairs = PairTable::new(&input, &band);
        assert_eq!(group_score(&input, &pairs, 0..1, 0..1).lexical, Some(0.5));
        assert_eq!(group_score(&input, &pairs, 0..2, 0..2).lexical, Some(1.0));
        // The 2-2 move pays its penalty: two 1-1 links still win here.
        assert!(
            move_gain(&input, &pairs, 0..2, 0..2) < 2.0 * move_gain(&input, &pairs, 0..1, 0..1)
        );
    }

    #[test]
    fn chrome_is_not_merged_into_text() {
        let s = vec![worded(200.0, &[1, 2, 3, 4])];
        // The second target paragraph is a short "Source:" line that would
        // otherwise make a plausible 1-2 link.
        let t = vec![worded(180.0, &[1, 2, 3, 4]), worded(20.0, &[9])];
        let roles_t = [Role::Text, Role::Chrome];
        let input = AlignInput {
            source: &s,
            target: &t,
            source_roles: &[Role::Text],
            target_roles: &roles_t,
            length: LengthModel {
                ratio: 1.0,
                variance: 1.6,
            },
            words: WordModel::LEXICON,
        };
        let shapes: Vec<(usize, usize)> = align(&input)
            .iter()
            .map(|l| (l.source.len(), l.target.len()))
            .collect();
        assert_eq!(shapes, [(1, 1), (0, 1)]);
    }
}
