//! False friends of a language pair (`data/false-friends/SRC-TGT.tsv`): a
//! source word, the look-alike renderings that are wrong for it, the right
//! ones, and the source words that make the look-alike right after all
//! (`actualmente` / `actually`, unless the sentence says `en realidad`),
//! and the words one of which the trap needs (`+juicio`).

use crate::phrases::{Bundled, PhraseSet, insert_forms};

const FILES: &[(&str, &str)] = &[
    ("de-en", include_str!("../data/false-friends/de-en.tsv")),
    ("en-es", include_str!("../data/false-friends/en-es.tsv")),
    ("es-en", include_str!("../data/false-friends/es-en.tsv")),
    ("fr-en", include_str!("../data/false-friends/fr-en.tsv")),
    ("it-en", include_str!("../data/false-friends/it-en.tsv")),
    ("pt-en", include_str!("../data/false-friends/pt-en.tsv")),
];

static BUNDLED: Bundled<FalseFriends> =
    Bundled::new("data/false-friends", FILES, FalseFriends::parse);

/// One trap.
#[derive(Debug, Default)]
pub struct Entry {
    /// The wrong look-alike renderings (target language).
    pub wrong: PhraseSet<()>,
    /// The right renderings, as written for the user and as forms.
    pub right_text: String,
    pub right: PhraseSet<()>,
    /// Source words that make the look-alike right (source language).
    pub unless: PhraseSet<()>,
    /// Source words one of which must be there for the trap to hold
    /// (`+juicio`: `procesado` is prosecuted only in court news).
    pub require: PhraseSet<()>,
    pub note: String,
}

/// The false friends of one language pair.
#[derive(Debug, Default)]
pub struct FalseFriends {
    /// Source forms, tagged with their entry.
    pub sources: PhraseSet<usize>,
    pub entries: Vec<Entry>,
}

impl FalseFriends {
    /// Parses a false-friend file; malformed lines are reported with their number.
    pub fn parse(text: &str) -> Result<FalseFriends, String> {
        let mut ff = FalseFriends::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |why: &str| format!("line {}: {why}: '{line}'", n + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            let [source, wrong, right, unless, note] = fields.as_slice() else {
                return Err(bad("expected 5 tab-separated fields"));
            };
            if source.is_empty() || wrong.is_empty() || right.is_empty() {
                return Err(bad("empty source, false or right rendering"));
            }
            let mut e = Entry {
                right_text: right.replace('|', ", "),
                note: note.trim().to_string(),
                ..Default::default()
            };
            insert_forms(&mut e.wrong, wrong, ()).map_err(|x| bad(&x))?;
            insert_forms(&mut e.right, right, ()).map_err(|x| bad(&x))?;
            for form in unless.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                match form.strip_prefix('+') {
                    Some(required) => e.require.insert(required, ()),
                    None => e.unless.insert(form, ()),
                }
                .map_err(|x| bad(&x))?;
            }
            insert_forms(&mut ff.sources, source, ff.entries.len()).map_err(|x| bad(&x))?;
            ff.entries.push(e);
        }
        Ok(ff)
    }

    /// The bundled false friends for a language pair, if it has a file.
    pub fn get(source: &str, target: &str) -> Option<&'static FalseFriends> {
        BUNDLED.get(&format!("{source}-{target}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_parse_and_are_large_enough() {
        for (pair, text) in FILES {
            let (s, t) = pair.split_once('-').unwrap_or_default();
            let ff = FalseFriends::parse(text).unwrap_or_else(|e| panic!("{s}-{t}: {e}"));
            let least = if [s, t].contains(&"es") && [s, t].contains(&"en") {
                150
            } else {
                40
            };
            assert!(ff.entries.len() >= least, "{s}-{t}: {}", ff.entries.len());
        }
    }

    #[test]
    fn bundled_files_are_sorted_and_canonical() {
        for (pair, text) in FILES {
            let (s, t) = pair.split_once('-').unwrap_or_default();
            let lines: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .collect();
            let mut sorted = lines.clone();
            sorted.sort();
            sorted.dedup_by_key(|l| l.split('\t').next().unwrap_or_default().to_string());
            assert_eq!(
                lines, sorted,
                "{s}-{t}: not sorted or a source is listed twice"
            );
            for l in lines {
                assert_eq!(l, l.trim_end(), "{s}-{t}: trailing space in '{l}'");
            }
        }
    }

    #[test]
    fn a_malformed_line_is_reported_with_its_number() {
        let e = FalseFriends::parse("# x\nactualmente\tactually\n").unwrap_err();
        assert!(e.starts_with("line 2: expected 5"), "{e}");
    }
}
