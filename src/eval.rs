//! `cotejo eval DIR`: aligns every pair folder under DIR that holds a source,
//! a target and a `gold.tsv`, and measures link precision, recall and F1
//! (a link counts when both its sides match a gold link exactly), and how
//! often paragraphs of 80 characters or more are detected in their
//! document's language.
//!
//! In a pair folder the source is the file a `README` names as
//! `source FILE` (alone on a line or within one); otherwise `es.txt`; otherwise the `.txt` file that is not
//! `en.txt`. The target is the other `.txt` file.

use crate::error::InputError;
use crate::pipeline::{Options, align_files};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

type LinkKey = (Vec<usize>, Vec<usize>);

/// Scores of one pair.
#[derive(Debug, Clone)]
pub struct PairResult {
    pub name: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    /// Paragraphs of at least [`LANG_MIN_CHARS`] characters (byte-identical
    /// pairs left out: names, package lists, untranslated text), and how many
    /// of them were detected in their document's language.
    pub lang_checked: usize,
    pub lang_correct: usize,
}

/// Shortest paragraph whose detected language the evaluation scores.
pub const LANG_MIN_CHARS: usize = 80;

impl PairResult {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn lang_accuracy(&self) -> f64 {
        ratio(self.lang_correct, self.lang_checked)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Parses gold links: `SRC<TAB>TGT[<TAB>anything]`.
pub fn parse_links(text: &str, path: &str) -> Result<Vec<LinkKey>, InputError> {
    let side = |s: &str, n: usize| -> Result<Vec<usize>, InputError> {
        s.split(',')
            .filter(|x| !x.trim().is_empty())
            .map(|x| {
                x.trim().parse().map_err(|_| {
                    InputError::new(path, format!("line {n}: '{x}' is not a paragraph index"))
                })
            })
            .collect()
    };
    let mut links = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(s), Some(t)) = (f.next(), f.next()) else {
            return Err(InputError::new(
                path,
                format!("line {}: expected SRC<TAB>TGT", i + 1),
            ));
        };
        links.push((side(s, i + 1)?, side(t, i + 1)?));
    }
    Ok(links)
}

/// Finds the pair folders under `dir`, sorted by path.
pub fn find_pairs(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    if !dir.is_dir() {
        return Err(InputError::new(
            dir.display().to_string(),
            "is not a directory",
        ));
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut visited = crate::read::Visited::default();
    while let Some(d) = stack.pop() {
        // A symlink to `..` or to the folder itself would loop for ever.
        if !visited.first_visit(&d) {
            continue;
        }
        let entries = std::fs::read_dir(&d)
            .map_err(|e| InputError::new(d.display().to_string(), e.to_string()))?;
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            }
        }
        if d.join("gold.tsv").is_file() {
            out.push(d);
        }
    }
    out.sort();
    Ok(out)
}

/// The source and target files of a pair folder.
pub fn pair_files(dir: &Path) -> Result<(PathBuf, PathBuf), InputError> {
    let name = dir.display().to_string();
    let mut txt: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| InputError::new(&name, e.to_string()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".txt"))
        .collect();
    txt.sort();
    let named = std::fs::read_to_string(dir.join("README"))
        .ok()
        .and_then(|r| {
            // `source en.txt` on a line of its own or inside a sentence.
            r.split("source ").skip(1).find_map(|rest| {
                let word = rest.split_whitespace().next()?;
                let file = word.trim_end_matches([';', ',', '.', ':', ')']);
                txt.contains(&file.to_string()).then(|| file.to_string())
            })
        });
    let source = named
        .or_else(|| txt.iter().find(|f| *f == "es.txt").cloned())
        .or_else(|| txt.iter().find(|f| *f != "en.txt").cloned())
        .ok_or_else(|| InputError::new(&name, "no source .txt file in this pair folder"))?;
    let target = txt
        .iter()
        .find(|f| **f != source)
        .ok_or_else(|| InputError::new(&name, "no target .txt file in this pair folder"))?;
    Ok((dir.join(&source), dir.join(target)))
}

/// Aligns one pair folder and scores it against its gold.
pub fn eval_pair(dir: &Path, root: &Path, options: &Options) -> Result<PairResult, InputError> {
    let (source, target) = pair_files(dir)?;
    let gold_path = dir.join("gold.tsv");
    let gold_text = std::fs::read_to_string(&gold_path)
        .map_err(|e| InputError::new(gold_path.display().to_string(), e.to_string()))?;
    let gold: HashSet<LinkKey> = parse_links(&gold_text, &gold_path.display().to_string())?
        .into_iter()
        .collect();
    let pair = align_files(
        &source.display().to_string(),
        &target.display().to_string(),
        options,
    )?;
    let predicted: HashSet<LinkKey> = pair
        .links
        .iter()
        .map(|l| (l.link.source.clone(), l.link.target.clone()))
        .collect();
    let name = dir.strip_prefix(root).unwrap_or(dir).display().to_string();
    // Byte-identical paragraph pairs are not translations: their language says nothing.
    let identical = std::fs::read_to_string(dir.join("identical.tsv"))
        .ok()
        .and_then(|t| parse_links(&t, "identical.tsv").ok())
        .unwrap_or_default();
    let skip_s: HashSet<usize> = identical.iter().flat_map(|l| l.0.clone()).collect();
    let skip_t: HashSet<usize> = identical.iter().flat_map(|l| l.1.clone()).collect();
    let (mut lang_checked, mut lang_correct) = (0, 0);
    for (doc, skip) in [(&pair.source, &skip_s), (&pair.target, &skip_t)] {
        for (i, (p, a)) in doc.paragraphs.iter().zip(&doc.analyses).enumerate() {
            if p.normalized.chars().count() >= LANG_MIN_CHARS && !skip.contains(&i) {
                lang_checked += 1;
                lang_correct += usize::from(a.lang == doc.lang);
            }
        }
    }
    Ok(PairResult {
        name: if name.is_empty() {
            dir.display().to_string()
        } else {
            name
        },
        gold: gold.len(),
        predicted: predicted.len(),
        correct: gold.intersection(&predicted).count(),
        lang_checked,
        lang_correct,
    })
}

/// Sums pair results into one (micro-averaged over links).
pub fn total(results: &[PairResult]) -> PairResult {
    results.iter().fold(
        PairResult {
            name: "overall".into(),
            gold: 0,
            predicted: 0,
            correct: 0,
            lang_checked: 0,
            lang_correct: 0,
        },
        |acc, r| PairResult {
            name: acc.name,
            gold: acc.gold + r.gold,
            predicted: acc.predicted + r.predicted,
            correct: acc.correct + r.correct,
            lang_checked: acc.lang_checked + r.lang_checked,
            lang_correct: acc.lang_correct + r.lang_correct,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_gold_with_empty_sides_and_scores() {
        let l = parse_links("0\t0\n1\t1,2\t0.9\n\t3\n", "g").unwrap();
        assert_eq!(
            l,
            [(vec![0], vec![0]), (vec![1], vec![1, 2]), (vec![], vec![3])]
        );
        assert!(
            parse_links("0\tx\n", "g")
                .unwrap_err()
                .problem
                .contains("line 1")
        );
    }

    #[test]
    fn readme_names_the_source_even_mid_sentence() {
        let dir = std::env::temp_dir().join(format!("cotejo-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in ["en.txt", "es.txt"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let (s, t) = pair_files(&dir).unwrap();
        assert_eq!((s.ends_with("es.txt"), t.ends_with("en.txt")), (true, true));
        std::fs::write(
            dir.join("README"),
            "Gold: en first; the original is en.txt: source en.txt; more\n",
        )
        .unwrap();
        let (s, t) = pair_files(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!((s.ends_with("en.txt"), t.ends_with("es.txt")), (true, true));
    }

    #[test]
    fn f1_of_partial_match() {
        let r = PairResult {
            name: "x".into(),
            gold: 4,
            predicted: 5,
            correct: 3,
            lang_checked: 10,
            lang_correct: 9,
        };
        assert!((r.lang_accuracy() - 0.9).abs() < 1e-9);
        assert!((r.precision() - 0.6).abs() < 1e-9);
        assert!((r.recall() - 0.75).abs() < 1e-9);
        assert!((r.f1() - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-9);
    }
}
