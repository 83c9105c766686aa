//! Bilingual word lists: evidence that two paragraphs say the same thing.
//! The bundled Spanish-English list (`data/lexicon/es-en.tsv`) is ours; users
//! add their own. Words are compared by [`stem`], so one entry covers the
//! plural and most inflections. Users load TSV lists, FreeDict dictionaries
//! ([`freedict`]) and Apertium dumps ([`apertium`]) with [`Lexicon::load`].

pub mod apertium;
pub mod freedict;

use crate::analyse::tokens::fold;
use crate::error::InputError;
use crate::langdata::HashMap;
use std::sync::{Arc, OnceLock};

/// A comparison key for a word: folded, a plural `s` dropped, cut to six
/// letters (`gobiernos` -> `gobier`, `governments` -> `govern`). Crude, but
/// the same function runs on the lexicon and on the text, so both agree.
pub fn stem(folded: &str) -> String {
    let w = folded.trim_matches(|c: char| !c.is_alphanumeric());
    let w = match w.strip_suffix('s') {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => w,
    };
    w.chars().take(6).collect()
}

/// Translations from one language's stems to another's.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub source_lang: String,
    pub target_lang: String,
    map: HashMap<String, Vec<String>>,
    /// Lines read (word pairs), as a user counts a word list.
    pub entries: usize,
}

const BUNDLED: &[(&str, &str, &str)] =
    &[("es", "en", include_str!("../../data/lexicon/es-en.tsv"))];

impl Lexicon {
    /// Parses `source<TAB>target` lines; `#` starts a comment. A phrase on
    /// either side links every word of one to every content word of the other.
    pub fn parse(
        text: &str,
        source_lang: &str,
        target_lang: &str,
        path: &str,
    ) -> Result<Lexicon, InputError> {
        let mut lex = Lexicon::empty(source_lang, target_lang);
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((src, tgt)) = line.split_once('\t') else {
                return Err(InputError::new(
                    path,
                    format!("line {}: expected SOURCE<TAB>TARGET, found '{line}'", n + 1),
                ));
            };
            let tgt = tgt.split('\t').next().unwrap_or_default();
            lex.add(src, tgt);
            lex.entries += 1;
        }
        Ok(lex)
    }

    /// A user's word list in any format cotejo reads: a FreeDict dictionary
    /// (its `.index` or `.dict.dz`), an Apertium `lt-print` dump, or TSV. Its
    /// languages come from a code pair in the file name (`es-en.tsv`,
    /// `freedict-spa-eng.index`, `spa-eng.att`), else from `default`.
    pub fn load(path: &str, default: (&str, &str)) -> Result<Lexicon, InputError> {
        let (source_lang, target_lang) = langs_from_name(path).unwrap_or(default);
        let is_dictd = [".index", ".dict.dz", ".dict"]
            .iter()
            .any(|ext| path.ends_with(ext));
        if is_dictd {
            let pairs = freedict::read(path)?;
            return Ok(Lexicon::from_pairs(&pairs, source_lang, target_lang));
        }
        let text = crate::read::read_text(path)?;
        if apertium::looks_like(&text) {
            let pairs = apertium::parse(&text, path)?;
            return Ok(Lexicon::from_pairs(&pairs, source_lang, target_lang));
        }
        Lexicon::parse(&text, source_lang, target_lang, path)
    }

    fn from_pairs(pairs: &[(String, String)], source_lang: &str, target_lang: &str) -> Lexicon {
        let mut lex = Lexicon::empty(source_lang, target_lang);
        for (s, t) in pairs {
            lex.add(s, t);
        }
        lex.entries = pairs.len();
        lex
    }

    fn add(&mut self, src: &str, tgt: &str) {
        let targets: Vec<String> = fold(tgt)
            .split_whitespace()
            .map(stem)
            .filter(|s| !s.is_empty())
            .collect();
        for s in fold(src)
            .split_whitespace()
            .map(stem)
            .filter(|s| !s.is_empty())
        {
            let entry = self.map.entry(s).or_default();
            for t in &targets {
                if !entry.contains(t) {
                    entry.push(t.clone());
                }
            }
        }
    }

    /// The same list read the other way.
    pub fn reversed(&self) -> Lexicon {
        let mut rev = Lexicon {
            source_lang: self.target_lang.clone(),
            target_lang: self.source_lang.clone(),
            map: HashMap::default(),
            entries: self.entries,
        };
        let mut keys: Vec<&String> = self.map.keys().collect();
        keys.sort();
        for s in keys {
            for t in &self.map[s] {
                let entry = rev.map.entry(t.clone()).or_default();
                if !entry.contains(s) {
                    entry.push(s.clone());
                }
            }
        }
        rev
    }

    /// Adds every entry of `other` (same direction) to this one.
    pub fn merge(&mut self, other: &Lexicon) {
        for (s, ts) in &other.map {
            let entry = self.map.entry(s.clone()).or_default();
            for t in ts {
                if !entry.contains(t) {
                    entry.push(t.clone());
                }
            }
        }
        self.entries += other.entries;
    }

    /// Target stems for a source stem.
    pub fn translations(&self, source_stem: &str) -> &[String] {
        self.map.get(source_stem).map_or(&[], Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The bundled list for a language pair, in either direction (empty
    /// when we have none). Parsed once and shared: a batch of thousands of
    /// pairs must not copy it for each.
    pub fn bundled(source_lang: &str, target_lang: &str) -> Arc<Lexicon> {
        static PARSED: OnceLock<Vec<Arc<Lexicon>>> = OnceLock::new();
        let all = PARSED.get_or_init(|| {
            BUNDLED
                .iter()
                .filter_map(|(s, t, text)| Lexicon::parse(text, s, t, "bundled lexicon").ok())
                .flat_map(|lex| {
                    let reversed = lex.reversed();
                    [Arc::new(lex), Arc::new(reversed)]
                })
                .collect()
        });
        all.iter()
            .find(|lex| lex.source_lang == source_lang && lex.target_lang == target_lang)
            .cloned()
            .unwrap_or_else(|| Arc::new(Lexicon::empty(source_lang, target_lang)))
    }

    /// A list with no entries.
    pub fn empty(source_lang: &str, target_lang: &str) -> Lexicon {
        Lexicon {
            source_lang: source_lang.to_string(),
            target_lang: target_lang.to_string(),
            ..Default::default()
        }
    }
}

/// The language pair a file name states: the last `xx-yy` (or ISO 639-3
/// `xxx-yyy`) of known codes in it.
fn langs_from_name(path: &str) -> Option<(&'static str, &'static str)> {
    use crate::analyse::language::{code_of, lang_from_code};
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    let parts: Vec<&str> = name.split(['.', '-', '_']).collect();
    parts.windows(2).rev().find_map(|w| {
        let code = |c: &str| {
            (c.len() == 2 || c.len() == 3)
                .then(|| lang_from_code(c))
                .flatten()
                .map(code_of)
        };
        Some((code(w[0])?, code(w[1])?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_file_names() {
        assert_eq!(
            langs_from_name("/usr/share/dictd/freedict-spa-eng.index"),
            Some(("es", "en"))
        );
        assert_eq!(langs_from_name("dumps/eng-spa.att"), Some(("en", "es")));
        assert_eq!(langs_from_name("my-fr-en.tsv"), Some(("fr", "en")));
        assert_eq!(langs_from_name("words.tsv"), None);
    }

    #[test]
    fn stems_join_inflections() {
        assert_eq!(stem("gobiernos"), stem("gobierno"));
        assert_eq!(stem("governments"), stem("government"));
        assert_eq!(stem("gas"), "gas");
    }

    #[test]
    fn parse_reverse_and_errors() {
        let lex = Lexicon::parse(
            "# c\ngobierno\tgovernment\ncasa blanca\twhite house\n",
            "es",
            "en",
            "l.tsv",
        )
        .unwrap();
        assert_eq!(lex.translations("gobier"), ["govern"]);
        assert_eq!(lex.translations("blanca"), ["white", "house"]);
        assert_eq!(lex.reversed().translations("govern"), ["gobier"]);
        let e = Lexicon::parse("ok\tfine\nbroken line\n", "es", "en", "l.tsv").unwrap_err();
        assert_eq!(e.what, "l.tsv");
        assert!(e.problem.starts_with("line 2"), "{}", e.problem);
    }

    #[test]
    fn bundled_es_en_is_large_and_works_both_ways() {
        let lex = Lexicon::bundled("es", "en");
        assert!(lex.entries >= 3000, "{}", lex.entries);
        assert!(
            lex.translations(&stem("gobierno"))
                .contains(&stem("government"))
        );
        let rev = Lexicon::bundled("en", "es");
        assert!(
            rev.translations(&stem("government"))
                .contains(&stem("gobierno"))
        );
    }
}
