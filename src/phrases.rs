//! Word phrases matched on folded tokens: the form lists of the meaning-level
//! data files (`data/polarity/`, `data/false-friends/`). A form is one or
//! more folded words separated by spaces (`rule out`, `se nego`); a trailing
//! `*` on its last word matches any word starting with it (`aument*`).

use crate::langdata::HashMap;
use std::sync::OnceLock;

/// The bundled files of one kind of meaning-level data (one a language or a
/// language pair), each parsed once, on first use. Every bundled file is
/// parsed by a test, so one that does not parse is a build defect, not a
/// user's input error: it panics naming the file.
pub struct Bundled<T: 'static> {
    dir: &'static str,
    files: &'static [(&'static str, &'static str)],
    parse: fn(&str) -> Result<T, String>,
    parsed: OnceLock<Vec<T>>,
}

impl<T: Sync + Send> Bundled<T> {
    /// `files` are (name, text): `es` for `DIR/es.tsv`, `es-en` for a pair.
    pub const fn new(
        dir: &'static str,
        files: &'static [(&'static str, &'static str)],
        parse: fn(&str) -> Result<T, String>,
    ) -> Self {
        Bundled {
            dir,
            files,
            parse,
            parsed: OnceLock::new(),
        }
    }

    /// The parsed file of this name, if there is one.
    pub fn get(&'static self, name: &str) -> Option<&'static T> {
        let all = self.parsed.get_or_init(|| {
            self.files
                .iter()
                .map(|(name, text)| {
                    (self.parse)(text).unwrap_or_else(|e| panic!("{}/{name}.tsv: {e}", self.dir))
                })
                .collect()
        });
        let k = self.files.iter().position(|(n, _)| *n == name)?;
        all.get(k)
    }
}

/// One form, split into words.
#[derive(Debug, Clone)]
struct Phrase<T> {
    words: Vec<String>,
    /// The last word is a prefix.
    prefix: bool,
    tag: T,
}

/// Forms, each with a tag, looked up by their first word (or its prefix).
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    phrases: Vec<Phrase<T>>,
    /// Phrases by their first word, exact.
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases by their first word when that word is a prefix (single-word prefix forms).
    by_prefix: HashMap<String, Vec<usize>>,
    /// Lengths of the prefixes in `by_prefix`, so a word tries only those.
    prefix_lengths: Vec<usize>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_first: HashMap::default(),
            by_prefix: HashMap::default(),
            prefix_lengths: Vec::new(),
        }
    }
}

/// A match: the word positions it covers and its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<T> {
    pub start: usize,
    pub len: usize,
    pub tag: T,
}

impl<T: Copy> PhraseSet<T> {
    /// Adds a form (already folded); an empty one is refused.
    pub fn insert(&mut self, form: &str, tag: T) -> Result<(), String> {
        let mut words: Vec<String> = form.split_whitespace().map(String::from).collect();
        let Some(last) = words.last_mut() else {
            return Err("empty form".into());
        };
        let prefix = last.ends_with('*');
        if prefix {
            last.pop();
            if last.chars().count() < 3 {
                return Err(format!("prefix '{form}' is too short"));
            }
        }
        let k = self.phrases.len();
        if prefix && words.len() == 1 {
            let n = words[0].len();
            self.by_prefix.entry(words[0].clone()).or_default().push(k);
            if !self.prefix_lengths.contains(&n) {
                self.prefix_lengths.push(n);
            }
        } else {
            self.by_first.entry(words[0].clone()).or_default().push(k);
        }
        self.phrases.push(Phrase { words, prefix, tag });
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every match in `words`, longest first at each position, none
    /// overlapping: `not guilty` is one form, not `not` then `guilty`.
    pub fn find_all(&self, words: &[&str]) -> Vec<Match<T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(words, i) {
                Some(m) => {
                    i += m.len;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest_at(&self, words: &[&str], i: usize) -> Option<Match<T>> {
        let w = words[i];
        let exact = self.by_first.get(w).into_iter().flatten();
        let prefixed = self
            .prefix_lengths
            .iter()
            .filter(|&&n| n <= w.len() && w.is_char_boundary(n))
            .filter_map(|&n| self.by_prefix.get(&w[..n]))
            .flatten();
        exact
            .chain(prefixed)
            .map(|&k| &self.phrases[k])
            .filter(|p| self.matches(p, &words[i..]))
            .max_by_key(|p| p.words.len())
            .map(|p| Match {
                start: i,
                len: p.words.len(),
                tag: p.tag,
            })
    }

    fn matches(&self, p: &Phrase<T>, words: &[&str]) -> bool {
        if words.len() < p.words.len() {
            return false;
        }
        let last = p.words.len() - 1;
        p.words.iter().zip(words).enumerate().all(|(k, (form, w))| {
            if k == last && p.prefix {
                w.starts_with(form.as_str())
            } else {
                form == w
            }
        })
    }
}

/// Parses a `|`-separated list of forms into `set` with one tag.
pub fn insert_forms<T: Copy>(set: &mut PhraseSet<T>, forms: &str, tag: T) -> Result<(), String> {
    for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
        set.insert(form, tag)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_form_wins_and_prefixes_match() {
        let mut set = PhraseSet::default();
        insert_forms(&mut set, "not|never", 'n').unwrap();
        insert_forms(&mut set, "not guilty|acquit*", 'g').unwrap();
        insert_forms(&mut set, "rule out", 'r').unwrap();
        let words = [
            "he",
            "was",
            "not",
            "guilty",
            "and",
            "never",
            "acquitted",
            "rule",
            "out",
        ];
        let found: Vec<(usize, char)> = set
            .find_all(&words)
            .iter()
            .map(|m| (m.start, m.tag))
            .collect();
        assert_eq!(found, [(2, 'g'), (5, 'n'), (6, 'g'), (7, 'r')]);
        assert!(set.find_all(&["rule", "of", "law", "notable"]).is_empty());
        assert!(set.insert("ab*", 'x').is_err());
    }
}
