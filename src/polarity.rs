//! Polarity facts of a language (`data/polarity/xx.tsv`): the words that
//! negate a clause, phrases holding a negator that do not negate (`not
//! only`), and meaning classes with two opposite poles (`change`: increase /
//! decrease), their names shared by every language, so a word of one
//! language is compared with its rendering's pole in another. Negation said
//! inside a word is listed too: `negative` words (`ignorant`, `unaware`) and
//! `negprefix` prefixes (`un`, `des`) that negate the word they start.

use crate::phrases::{Bundled, Match, PhraseSet, insert_forms};

const FILES: &[(&str, &str)] = &[
    ("de", include_str!("../data/polarity/de.tsv")),
    ("en", include_str!("../data/polarity/en.tsv")),
    ("es", include_str!("../data/polarity/es.tsv")),
    ("fr", include_str!("../data/polarity/fr.tsv")),
    ("it", include_str!("../data/polarity/it.tsv")),
    ("pt", include_str!("../data/polarity/pt.tsv")),
];

static BUNDLED: Bundled<Polarity> = Bundled::new("data/polarity", FILES, Polarity::parse);

/// The meaning classes, in the order the data files list them.
pub const CLASSES: &[&str] = &[
    "change",
    "approval",
    "outcome",
    "stance",
    "strength",
    "continuation",
    "consent",
    "permission",
    "guilt",
    "success",
    "inclusion",
    "amount",
    "presence",
];

/// What a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Negator,
    Neutral,
    /// A word that negates in itself (`ignorant`, `unaware`).
    Negative,
    /// A class (index into [`CLASSES`]) and its pole (`true` for `+`).
    Pole(u8, bool),
}

/// One language's polarity forms.
#[derive(Debug, Default)]
pub struct Polarity {
    pub forms: PhraseSet<Tag>,
    /// Prefixes that negate the word they start (`un`, `des`), longest first.
    pub negative_prefixes: Vec<String>,
}

impl Polarity {
    /// Parses a polarity file; malformed lines are reported with their number.
    pub fn parse(text: &str) -> Result<Polarity, String> {
        let mut p = Polarity::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |why: &str| format!("line {}: {why}: '{line}'", n + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            let (tag, forms) = match fields.as_slice() {
                ["negprefix", forms] => {
                    p.negative_prefixes
                        .extend(forms.split('|').map(|f| f.trim().to_string()));
                    p.negative_prefixes
                        .sort_by_key(|f| std::cmp::Reverse(f.len()));
                    continue;
                }
                ["negative", forms] => (Tag::Negative, *forms),
                ["negator", forms] => (Tag::Negator, *forms),
                ["neutral", forms] => (Tag::Neutral, *forms),
                [class, pole, forms] => {
                    let c = CLASSES
                        .iter()
                        .position(|c| c == class)
                        .ok_or_else(|| bad("unknown class"))?;
                    let plus = match *pole {
                        "+" => true,
                        "-" => false,
                        _ => return Err(bad("pole is neither + nor -")),
                    };
                    (Tag::Pole(c as u8, plus), *forms)
                }
                _ => return Err(bad("malformed line")),
            };
            insert_forms(&mut p.forms, forms, tag).map_err(|e| bad(&e))?;
        }
        Ok(p)
    }

    /// The bundled facts for a language, if it has a file.
    pub fn get(code: &str) -> Option<&'static Polarity> {
        BUNDLED.get(code)
    }

    /// The polarity of a run of words: negators (outside neutral phrases)
    /// and class poles, each with the word positions it covers.
    pub fn signature(&self, words: &[&str]) -> Signature {
        let mut s = Signature::default();
        for m in self.forms.find_all(words) {
            match m.tag {
                Tag::Negator => s.negators.push(m),
                // A phrase that holds a negator without negating (`not only`)
                // may render a negation all the same (`no es sólo`).
                Tag::Negative | Tag::Neutral => s.negative_words = true,
                Tag::Pole(c, plus) => {
                    s.poles[c as usize] |= if plus { PLUS } else { MINUS };
                    s.pole_words.push(m);
                }
            }
        }
        s
    }
}

pub const PLUS: u8 = 1;
pub const MINUS: u8 = 2;

/// What [`Polarity::signature`] found.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub negators: Vec<Match<Tag>>,
    /// Per class, [`PLUS`] and/or [`MINUS`].
    pub poles: [u8; 13],
    pub pole_words: Vec<Match<Tag>>,
    /// A word that negates in itself is there.
    pub negative_words: bool,
}

const _: () = assert!(CLASSES.len() == 13);

impl Signature {
    pub fn negated(&self) -> bool {
        !self.negators.is_empty()
    }

    /// The classes where this side has one pole only and `other` the
    /// opposite one only.
    pub fn opposite_classes(&self, other: &Signature) -> Vec<usize> {
        (0..CLASSES.len())
            .filter(|&c| {
                let (a, b) = (self.poles[c], other.poles[c]);
                (a == PLUS && b == MINUS) || (a == MINUS && b == PLUS)
            })
            .collect()
    }

    /// Whether this side says a negation with a word: a word that negates
    /// in itself, or one of a `-` pole that `other` has not in that class
    /// (`failed`, `refused`).
    pub fn has_negative_word_beyond(&self, other: &Signature) -> bool {
        self.negative_words
            || (0..CLASSES.len()).any(|c| self.poles[c] & MINUS != 0 && other.poles[c] & MINUS == 0)
    }

    /// The first form of class `c` on this side.
    pub fn word_of(&self, c: usize) -> Option<Match<Tag>> {
        self.pole_words
            .iter()
            .copied()
            .find(|m| matches!(m.tag, Tag::Pole(k, _) if k as usize == c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_files_parse() {
        for (code, text) in FILES {
            let p = Polarity::parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(!p.forms.is_empty(), "{code}");
        }
    }

    #[test]
    fn negators_and_poles() {
        let en = Polarity::get("en").unwrap();
        let s = en.signature(&["prices", "did", "not", "rise"]);
        assert!(s.negated());
        let t = en.signature(&["prices", "fell"]);
        assert!(!t.negated());
        assert_eq!(s.opposite_classes(&t), [0]);
        let n = en.signature(&["not", "only", "prices"]);
        assert!(!n.negated());
    }

    #[test]
    fn a_malformed_line_is_reported_with_its_number() {
        let e = Polarity::parse("# x\nnegator\tno\nchange\t?\trise").unwrap_err();
        assert!(e.starts_with("line 3: pole"), "{e}");
    }
}
