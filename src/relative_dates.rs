//! Relative dates of a language (`data/relative-dates/xx.tsv`): `next year`,
//! `la semana pasada`, `Ende letzten Jahres`, as a unit, an offset from the
//! time of the story and, where said, its early or late part.

use crate::phrases::{Bundled, PhraseSet, insert_forms};

const FILES: &[(&str, &str)] = &[
    ("de", include_str!("../data/relative-dates/de.tsv")),
    ("en", include_str!("../data/relative-dates/en.tsv")),
    ("es", include_str!("../data/relative-dates/es.tsv")),
    ("fr", include_str!("../data/relative-dates/fr.tsv")),
    ("it", include_str!("../data/relative-dates/it.tsv")),
    ("pt", include_str!("../data/relative-dates/pt.tsv")),
];

static BUNDLED: Bundled<PhraseSet<RelativeDate>> =
    Bundled::new("data/relative-dates", FILES, parse);

/// What a relative date means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelativeDate {
    /// `day`, `week`, `month`, `year`, or `None` for a phrase that only
    /// looks like one (`por la mañana`).
    pub unit: Option<Unit>,
    pub offset: i8,
    pub part: Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Whole,
    Early,
    Late,
}

/// Parses a relative-date file; malformed lines are reported with their number.
pub fn parse(text: &str) -> Result<PhraseSet<RelativeDate>, String> {
    let mut set = PhraseSet::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = |why: &str| format!("line {}: {why}: '{line}'", n + 1);
        let [unit, offset, part, forms] = line.split('\t').collect::<Vec<_>>()[..] else {
            return Err(bad("expected 4 tab-separated fields"));
        };
        let unit = match unit {
            "day" => Some(Unit::Day),
            "week" => Some(Unit::Week),
            "month" => Some(Unit::Month),
            "year" => Some(Unit::Year),
            "none" => None,
            _ => return Err(bad("unknown unit")),
        };
        let offset = offset.parse().map_err(|_| bad("offset is not a number"))?;
        let part = match part {
            "-" => Part::Whole,
            "early" => Part::Early,
            "late" => Part::Late,
            _ => return Err(bad("part is neither early, late nor -")),
        };
        let date = RelativeDate { unit, offset, part };
        insert_forms(&mut set, forms, date).map_err(|e| bad(&e))?;
    }
    Ok(set)
}

/// The bundled relative dates of a language, if it has a file.
pub fn get(code: &str) -> Option<&'static PhraseSet<RelativeDate>> {
    BUNDLED.get(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_parse_and_are_sorted() {
        for (code, text) in FILES {
            parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            let mut sorted = lines.clone();
            sorted.sort();
            assert_eq!(lines, sorted, "{code}: lines not sorted");
        }
    }

    #[test]
    fn longest_form_decides() {
        let es = get("es").unwrap();
        let m = es.find_all(&["a", "finales", "del", "ano", "pasado"]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].tag.offset, -1);
        assert_eq!(m[0].tag.part, Part::Late);
        let m = es.find_all(&["por", "la", "manana"]);
        assert_eq!(m[0].tag.unit, None);
    }
}
