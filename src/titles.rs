//! Office titles of a language (`data/titles/xx.tsv`): which office a title
//! names (`senador`, `Sen.` and `senator` name one office), with office
//! names shared by every language, and which titles are a broader name for
//! another (a senator is a lawmaker), so a title rendered as another office
//! can be told from a title rendered more generally.

use crate::phrases::{Bundled, PhraseSet, insert_forms};

const FILES: &[(&str, &str)] = &[
    ("de", include_str!("../data/titles/de.tsv")),
    ("en", include_str!("../data/titles/en.tsv")),
    ("es", include_str!("../data/titles/es.tsv")),
    ("fr", include_str!("../data/titles/fr.tsv")),
    ("it", include_str!("../data/titles/it.tsv")),
    ("pt", include_str!("../data/titles/pt.tsv")),
];

static BUNDLED: Bundled<Titles> = Bundled::new("data/titles", FILES, Titles::parse);

/// One language's titles.
#[derive(Debug, Default)]
pub struct Titles {
    /// Office names, indexed by the tags of `forms`.
    pub offices: Vec<String>,
    pub forms: PhraseSet<usize>,
    /// (narrow, broad) office names.
    broader: Vec<(String, String)>,
    /// Articles and possessives that may stand between a name's comma and
    /// its title (`X, la víctima`).
    pub articles: Vec<String>,
    /// Offices that are relations (a wife, a victim): compared only where
    /// bound to a name.
    pub relations: Vec<String>,
    /// What joins a title to a place before a name (`senador de Arizona Jeff Flake`).
    pub particles: Vec<String>,
}

impl Titles {
    /// Parses a titles file; malformed lines are reported with their number.
    pub fn parse(text: &str) -> Result<Titles, String> {
        let mut t = Titles::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |why: &str| format!("line {}: {why}: '{line}'", n + 1);
            match line.split('\t').collect::<Vec<_>>()[..] {
                ["broader", narrow, broad] => t.broader.push((narrow.into(), broad.into())),
                ["particle", forms] => t.particles.extend(forms.split('|').map(String::from)),
                ["relation", offices] => t.relations.extend(offices.split('|').map(String::from)),
                ["article", forms] => t.articles.extend(forms.split('|').map(String::from)),
                [office, forms] => {
                    if t.offices.iter().any(|o| o == office) {
                        return Err(bad("office listed twice"));
                    }
                    t.offices.push(office.to_string());
                    let k = t.offices.len() - 1;
                    insert_forms(&mut t.forms, forms, k).map_err(|e| bad(&e))?;
                }
                _ => return Err(bad("malformed line")),
            }
        }
        Ok(t)
    }

    /// The bundled titles of a language, if it has a file.
    pub fn get(code: &str) -> Option<&'static Titles> {
        BUNDLED.get(code)
    }

    /// Whether `broad` is a broader title for `narrow` (or the same office).
    pub fn covers(&self, narrow: &str, broad: &str) -> bool {
        narrow == broad || self.broader.iter().any(|(n, b)| n == narrow && b == broad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_parse_share_offices_and_are_sorted() {
        let en = Titles::get("en").unwrap();
        for (code, text) in FILES {
            let t = Titles::parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            for o in &t.offices {
                assert!(
                    en.offices.contains(o),
                    "{code}: office '{o}' unknown in English"
                );
            }
            let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            let mut sorted = lines.clone();
            sorted.sort();
            assert_eq!(lines, sorted, "{code}: lines not sorted");
        }
    }

    #[test]
    fn longest_title_names_the_office() {
        let es = Titles::get("es").unwrap();
        let m = es.forms.find_all(&["el", "presidente", "del", "gobierno"]);
        assert_eq!(es.offices[m[0].tag], "prime-minister");
        assert!(es.covers("senator", "legislator"));
        assert!(!es.covers("legislator", "senator"));
    }
}
