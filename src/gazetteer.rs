//! Names that change in translation (`Estados Unidos` / `United States`,
//! `Casa Blanca` / `White House`, `Sevilla` / `Seville`, `ONU` / `UN`):
//! `data/gazetteer/es-en.tsv`, written by us. Keys and values are folded.

use crate::analyse::tokens::tokenize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One file a language, each with English: other pairs go through English.
const BUNDLED: &[(&str, &str, &str)] = &[
    ("es", "en", include_str!("../data/gazetteer/es-en.tsv")),
    ("fr", "en", include_str!("../data/gazetteer/fr-en.tsv")),
    ("pt", "en", include_str!("../data/gazetteer/pt-en.tsv")),
    ("it", "en", include_str!("../data/gazetteer/it-en.tsv")),
    ("de", "en", include_str!("../data/gazetteer/de-en.tsv")),
];

/// A name as its folded tokens joined by single spaces (`EE.UU.` is
/// `ee.uu`, `Casa  Blanca` is `casa blanca`), so it can be looked for in
/// text keyed the same way.
pub fn key(name: &str) -> String {
    // Folded words already (what the checks pass): nothing to do.
    if name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ')
        && !name.contains("  ")
    {
        return name.trim().to_string();
    }
    let tokens = tokenize(name);
    tokens
        .iter()
        .map(|t| tokens.folded(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A gazetteer for a (source, target) pair, built once.
type Bundled = (String, String, Gazetteer);

/// Source names to their target renderings, all as [`key`]s.
#[derive(Debug, Default)]
pub struct Gazetteer {
    names: HashMap<String, Vec<String>>,
}

impl Gazetteer {
    fn parse(text: &str, reverse: bool) -> Gazetteer {
        let mut names: HashMap<String, Vec<String>> = HashMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((src, tgts)) = line.split_once('\t') else {
                continue;
            };
            for t in tgts.split('|').map(key).filter(|t| !t.is_empty()) {
                let (k, v) = if reverse {
                    (t, key(src))
                } else {
                    (key(src), t)
                };
                names.entry(k).or_default().push(v);
            }
        }
        Gazetteer { names }
    }

    /// The bundled gazetteer for a pair, in either direction; between two
    /// languages other than English, through English (`Allemagne` ->
    /// `Germany` -> `Alemania`), English names counting too.
    pub fn bundled(source_lang: &str, target_lang: &str) -> &'static Gazetteer {
        static ALL: OnceLock<Vec<Bundled>> = OnceLock::new();
        static EMPTY: OnceLock<Gazetteer> = OnceLock::new();
        // Every ordered pair of the bundled languages, built once: each file
        // both ways, then every pair without English through English.
        let all = ALL.get_or_init(|| {
            let mut all: Vec<Bundled> = BUNDLED
                .iter()
                .flat_map(|(s, t, text)| {
                    [
                        (s.to_string(), t.to_string(), Gazetteer::parse(text, false)),
                        (t.to_string(), s.to_string(), Gazetteer::parse(text, true)),
                    ]
                })
                .collect();
            let non_english: Vec<&str> = BUNDLED.iter().map(|(s, _, _)| *s).collect();
            let mut composed = Vec::new();
            for &s in &non_english {
                for &t in non_english.iter().filter(|&&t| t != s) {
                    let find = |a: &str, b: &str| all.iter().find(|(x, y, _)| x == a && y == b);
                    if let (Some((_, _, to_en)), Some((_, _, from_en))) =
                        (find(s, "en"), find("en", t))
                    {
                        composed.push((s.to_string(), t.to_string(), to_en.through(from_en)));
                    }
                }
            }
            all.extend(composed);
            all
        });
        all.iter()
            .find(|(s, t, _)| s == source_lang && t == target_lang)
            .map(|(_, _, g)| g)
            .unwrap_or_else(|| EMPTY.get_or_init(Gazetteer::default))
    }

    /// This gazetteer's names rendered again by `next` (`Allemagne` ->
    /// `Germany` -> `Alemania`), keeping the middle renderings too: names are
    /// often left in English.
    fn through(&self, next: &Gazetteer) -> Gazetteer {
        let mut names: HashMap<String, Vec<String>> = HashMap::new();
        for (name, middle) in &self.names {
            let entry = names.entry(name.clone()).or_default();
            for m in middle {
                entry.push(m.clone());
                entry.extend(next.names.get(m).into_iter().flatten().cloned());
            }
        }
        Gazetteer { names }
    }

    /// Target renderings of a source name, as [`key`]s.
    pub fn renderings(&self, name: &str) -> &[String] {
        self.names.get(&key(name)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_and_pairs_through_english() {
        let g = Gazetteer::bundled("de", "en");
        assert!(
            g.renderings("Deutschlands")
                .contains(&"germany".to_string())
        );
        let g = Gazetteer::bundled("fr", "es");
        let r = g.renderings("Allemagne");
        assert!(r.contains(&"alemania".to_string()) && r.contains(&"germany".to_string()));
        assert!(Gazetteer::bundled("xx", "yy").renderings("x").is_empty());
    }

    #[test]
    fn both_directions() {
        let g = Gazetteer::bundled("es", "en");
        assert!(
            g.renderings("Estados Unidos")
                .contains(&"united states".to_string())
        );
        assert!(g.renderings("EE.UU.").contains(&"u.s".to_string()));
        assert!(g.renderings("sevilla").contains(&"seville".to_string()));
        assert!(
            Gazetteer::bundled("en", "es")
                .renderings("white house")
                .contains(&"casa blanca".to_string())
        );
    }
}
