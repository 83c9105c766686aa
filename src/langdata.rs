//! Per-language facts (function words, months, weekdays, number and scale
//! words, site-chrome cues), one data file per language under `data/lang/`,
//! embedded at build time. Adding a language is adding a file here.

use crate::analyse::tokens::fold;
use std::collections::{HashMap as StdMap, HashSet as StdSet};

/// FNV-1a: the maps here are looked up once per word of every document, and
/// SipHash's protection against crafted keys is not needed for data we ship.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastBuild = std::hash::BuildHasherDefault<Fnv>;
/// A map keyed by words, hashed with [`Fnv`].
pub type HashMap<K, V> = StdMap<K, V, FastBuild>;
/// A set of words, hashed with [`Fnv`].
pub type HashSet<K> = StdSet<K, FastBuild>;
use std::sync::OnceLock;

/// The facts of one language, keys accent- and case-folded.
#[derive(Debug)]
pub struct LangData {
    pub code: &'static str,
    /// Characters this language needs for what English says in one
    /// (`length` in the data file); the length model's ratio comes from it.
    pub length_ratio: f64,
    pub stopwords: HashSet<String>,
    pub months: HashMap<String, u8>,
    pub weekdays: HashMap<String, u8>,
    pub number_words: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    /// Folded cue phrases that mark a short line as site furniture, as words.
    pub chrome_cues: Vec<Vec<String>>,
    /// Folded phrases of copyright and rights lines, as words.
    pub rights_cues: Vec<Vec<String>>,
    /// Ordinal words and their values (`noveno` = 9).
    pub ordinals: HashMap<String, f64>,
    /// Number and ordinal words of whole tens (`vigesimo` = 20), which start
    /// compound ordinals written as one word (`vigesimoseptima`).
    pub tens_words: Vec<(String, f64)>,
    /// Words before a Roman century numeral (`siglo XXI`).
    pub century_words: HashSet<String>,
    /// Words followed by a period that does not end a sentence (`Sr.`).
    pub abbreviations: HashSet<String>,
    /// How the language writes decimals when a document does not show it
    /// (`decimal` in the data file: `.` or `,`; Spanish has both).
    pub decimal_mark: crate::analyse::numbers::DecimalMark,
    /// Currency words and their codes (`dólares` = USD; `pesos` = PESO).
    pub currencies: HashMap<String, &'static str>,
    /// Lower-case letters the language writes beyond a-z (`letters` in the data file).
    pub letters: String,
    /// Words between number words (`cuarenta y cinco`, `vingt et un`).
    pub joiners: HashSet<String>,
    /// Words between an amount and what it counts, and between the parts of
    /// a date (`millones de dólares`, `3 de marzo de 2024`).
    pub of_words: HashSet<String>,
    /// Words joining the days of a range or a list (`del 9 al 17`).
    pub range_words: HashSet<String>,
    /// Suffixes written after a day number (`23rd`, `1er`).
    pub day_suffixes: HashSet<String>,
    /// Whether `3/4/2024` is March 4 (`dateorder mdy`).
    pub month_first: bool,
    /// The thousands separator reports write.
    pub group_separator: char,
    /// Scale words reports write values with, largest first (as written).
    pub spell_scales: Vec<(f64, String)>,
    /// Words written with an apostrophe before the next (`l'État`): a word
    /// of their own.
    pub elisions: HashSet<String>,
    /// Whether every noun is capitalised (German), so a capital alone does
    /// not make a name.
    pub capitalised_nouns: bool,
    /// Whether month names take a capital (`months capitalised`), so a
    /// lower-case `may` is not May.
    pub capitalised_months: bool,
    /// Endings of common nouns, adjectives and adverbs that names do not
    /// have (`ending` in the data file: `-ción`, `-tion`, `-mente`).
    pub common_endings: Vec<String>,
    /// Common words that are never names (`data/words/CODE.txt`), where we
    /// have such a list.
    pub common_words: HashSet<String>,
    /// Function words that stand inside a name (`de` in `Banco de España`).
    pub name_particles: HashSet<String>,
    /// Month and weekday names as written (accents kept), by folded key.
    pub written: HashMap<String, String>,
    /// How a day and month are written (`dayformat`): `{day} de {month}`.
    pub day_format: String,
    /// Acronyms and what they stand for (`GOP` / `Republican Party`), keyed
    /// by the folded acronym without periods, expansions as folded words.
    pub acronyms: HashMap<String, Vec<Vec<String>>>,
    /// Time zones written after a time (`BST`, `MEZ`).
    pub time_zones: HashSet<String>,
    /// Demonyms and adjectives of a place (`United States` / `American`),
    /// keyed by the place as a [`crate::gazetteer::key`].
    pub demonyms: HashMap<String, Vec<String>>,
    /// The place a demonym or adjective is of (`american` / `united states`).
    pub demonym_places: HashMap<String, Vec<String>>,
    /// Articles, which a place name may start with (`La Haya`, `The Hague`).
    pub articles: HashSet<String>,
    /// Phrases that make a number a percentage (`por ciento`): the number
    /// words in them (`ciento`) are not quantities of their own.
    pub percent_phrases: Vec<Vec<String>>,
    /// Phrases that make a number a difference of percentages (`percentage
    /// points`, `puntos`).
    pub points_phrases: Vec<Vec<String>>,
    /// Prefixes joined to a month by a hyphen (`mid-September`).
    pub month_prefixes: HashSet<String>,
}

impl Default for LangData {
    fn default() -> Self {
        LangData {
            code: "",
            length_ratio: 1.0,
            stopwords: HashSet::default(),
            months: HashMap::default(),
            weekdays: HashMap::default(),
            number_words: HashMap::default(),
            scales: HashMap::default(),
            chrome_cues: Vec::new(),
            rights_cues: Vec::new(),
            ordinals: HashMap::default(),
            tens_words: Vec::new(),
            century_words: HashSet::default(),
            abbreviations: HashSet::default(),
            decimal_mark: crate::analyse::numbers::DecimalMark::Unknown,
            currencies: HashMap::default(),
            letters: String::new(),
            joiners: HashSet::default(),
            of_words: HashSet::default(),
            range_words: HashSet::default(),
            day_suffixes: HashSet::default(),
            month_first: false,
            group_separator: ',',
            spell_scales: Vec::new(),
            elisions: HashSet::default(),
            capitalised_nouns: false,
            capitalised_months: false,
            common_endings: Vec::new(),
            common_words: HashSet::default(),
            name_particles: HashSet::default(),
            written: HashMap::default(),
            day_format: "{day} {month}".to_string(),
            acronyms: HashMap::default(),
            time_zones: HashSet::default(),
            demonyms: HashMap::default(),
            demonym_places: HashMap::default(),
            articles: HashSet::default(),
            percent_phrases: Vec::new(),
            points_phrases: Vec::new(),
            month_prefixes: HashSet::default(),
        }
    }
}

/// Languages with a data file.
pub const LANGUAGES: &[&str] = &["es", "en", "fr", "pt", "it", "de"];
// One bit each in `function_word_languages`.
const _: () = assert!(LANGUAGES.len() <= 8);

const FILES: &[(&str, &str)] = &[
    ("es", include_str!("../data/lang/es.tsv")),
    ("en", include_str!("../data/lang/en.tsv")),
    ("fr", include_str!("../data/lang/fr.tsv")),
    ("pt", include_str!("../data/lang/pt.tsv")),
    ("it", include_str!("../data/lang/it.tsv")),
    ("de", include_str!("../data/lang/de.tsv")),
];

/// Common-word lists, one word a line, `#` comments.
const WORDS: &[(&str, &str)] = &[("en", include_str!("../data/words/en.txt"))];

impl LangData {
    /// Parses a language file; malformed lines are reported with their number.
    pub fn parse(code: &'static str, text: &str) -> Result<LangData, String> {
        let mut d = LangData {
            code,
            ..Default::default()
        };
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let word = fields.get(1).map(|w| fold(w.trim())).unwrap_or_default();
            let value = fields.get(2).map(|v| v.trim());
            let bad = || format!("line {}: malformed entry '{line}'", n + 1);
            // A cue phrase as the words a paragraph's tokens are matched against.
            let words = |phrase: &str| {
                let words: Vec<String> = phrase.split_whitespace().map(String::from).collect();
                if words.is_empty() {
                    Err(bad())
                } else {
                    Ok(words)
                }
            };
            if let Some(set) = d.word_set(fields[0]) {
                set.insert(word);
                continue;
            }
            match (fields[0], value) {
                ("currency", Some(code)) => {
                    // Codes live as long as the program: they are few and fixed.
                    d.currencies
                        .insert(word, Box::leak(code.to_string().into_boxed_str()));
                }
                ("letters", _) => {
                    d.letters = fields
                        .get(1)
                        .map(|v| v.trim().to_string())
                        .unwrap_or_default()
                }
                ("decimal", _) => {
                    use crate::analyse::numbers::DecimalMark;
                    d.decimal_mark = match fields.get(1).map(|v| v.trim()) {
                        Some(".") => DecimalMark::Point,
                        Some(",") => DecimalMark::Comma,
                        _ => return Err(bad()),
                    };
                }
                ("length", _) => {
                    let v = fields.get(1).map(|v| v.trim()).unwrap_or_default();
                    d.length_ratio = v.parse().map_err(|_| bad())?;
                }
                ("ending", _) => d.common_endings.push(word),
                ("dayformat", _) => {
                    d.day_format = fields
                        .get(1)
                        .map(|v| v.trim().to_string())
                        .unwrap_or_default()
                }
                ("dateorder", _) => d.month_first = word == "mdy",
                ("nouns", _) => d.capitalised_nouns = word == "capitalised",
                ("months", _) => d.capitalised_months = word == "capitalised",
                ("group", _) => {
                    d.group_separator = match fields.get(1).map(|v| v.trim()) {
                        Some("nbsp") => '\u{202f}',
                        Some(g) if g.chars().count() == 1 => g.chars().next().unwrap_or(','),
                        _ => return Err(bad()),
                    };
                }
                ("spell", Some(v)) => {
                    let written = fields
                        .get(1)
                        .map(|w| w.trim().to_string())
                        .unwrap_or_default();
                    d.spell_scales
                        .push((v.parse().map_err(|_| bad())?, written));
                    d.spell_scales.sort_by(|a, b| b.0.total_cmp(&a.0));
                }
                ("chrome", _) => d.chrome_cues.push(words(&word)?),
                ("percent", _) => d.percent_phrases.push(words(&word)?),
                ("points", _) => d.points_phrases.push(words(&word)?),
                ("acronym", Some(expansion)) => {
                    let key = word.replace('.', "");
                    let expansion = crate::gazetteer::key(expansion);
                    d.acronyms
                        .entry(key)
                        .or_default()
                        .push(expansion.split(' ').map(String::from).collect());
                }
                ("demonym", Some(list)) => {
                    let place = crate::gazetteer::key(fields[1].trim());
                    for dem in list.split('|').map(crate::gazetteer::key) {
                        if dem.is_empty() {
                            return Err(bad());
                        }
                        d.demonyms
                            .entry(place.clone())
                            .or_default()
                            .push(dem.clone());
                        d.demonym_places.entry(dem).or_default().push(place.clone());
                    }
                }
                ("rights", _) => d.rights_cues.push(words(&word)?),
                ("ordinal", Some(v)) => {
                    d.ordinals.insert(word, v.parse().map_err(|_| bad())?);
                }
                ("month", Some(v)) => {
                    d.written.insert(word.clone(), fields[1].trim().to_string());
                    d.months.insert(word, v.parse().map_err(|_| bad())?);
                }
                ("weekday", Some(v)) => {
                    d.written.insert(word.clone(), fields[1].trim().to_string());
                    d.weekdays.insert(word, v.parse().map_err(|_| bad())?);
                }
                ("number", Some(v)) => {
                    d.number_words.insert(word, v.parse().map_err(|_| bad())?);
                }
                ("scale", Some(v)) => {
                    d.scales.insert(word, v.parse().map_err(|_| bad())?);
                }
                _ => return Err(bad()),
            }
        }
        d.tens_words = d
            .number_words
            .iter()
            .chain(&d.ordinals)
            .filter(|&(w, &v)| !w.is_empty() && v >= 10.0 && v % 10.0 == 0.0)
            .map(|(w, &v)| (w.clone(), v))
            .collect();
        // Shortest first, as a split from the left would find them.
        d.tens_words
            .sort_by(|a, b| a.0.len().cmp(&b.0.len()).then(a.0.cmp(&b.0)));
        Ok(d)
    }

    /// The set a kind of word goes to (`stop`, `joiner`, ...), for the
    /// kinds that are plain word lists.
    fn word_set(&mut self, kind: &str) -> Option<&mut HashSet<String>> {
        Some(match kind {
            "stop" => &mut self.stopwords,
            "century" => &mut self.century_words,
            "abbrev" => &mut self.abbreviations,
            "particle" => &mut self.name_particles,
            "joiner" => &mut self.joiners,
            "of" => &mut self.of_words,
            "range" => &mut self.range_words,
            "daysuffix" => &mut self.day_suffixes,
            "elision" => &mut self.elisions,
            "timezone" => &mut self.time_zones,
            "article" => &mut self.articles,
            "monthprefix" => &mut self.month_prefixes,
            _ => return None,
        })
    }

    /// The facts for `code`; a language without a data file gets empty facts
    /// (alignment then rests on length, anchors and cognates).
    pub fn get(code: &str) -> &'static LangData {
        static ALL: OnceLock<Vec<LangData>> = OnceLock::new();
        static EMPTY: OnceLock<LangData> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            FILES
                .iter()
                .map(|(code, text)| {
                    // Bundled files are checked by a unit test; a broken one is a build bug.
                    let mut d = LangData::parse(code, text)
                        .unwrap_or_else(|e| panic!("data/lang/{code}.tsv: {e}"));
                    if let Some((_, words)) = WORDS.iter().find(|(c, _)| c == code) {
                        d.common_words = words
                            .lines()
                            .filter(|l| !l.starts_with('#') && !l.is_empty())
                            .map(fold)
                            .collect();
                    }
                    d
                })
                .collect()
        });
        all.iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| EMPTY.get_or_init(LangData::default))
    }

    /// Whether a folded word is a common word of the language rather than a
    /// name: on its word list or with a common-word ending.
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.common_words.contains(folded)
            || self
                .common_endings
                .iter()
                .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e.as_str()))
    }

    /// What an acronym stands for, as folded words (`gop`, `G.O.P.`).
    pub fn expansions(&self, folded: &str) -> &[Vec<String>] {
        let key = if folded.contains('.') {
            std::borrow::Cow::Owned(folded.replace('.', ""))
        } else {
            std::borrow::Cow::Borrowed(folded)
        };
        // A plural (`AMs`, `NGOs`) stands for what its singular does.
        let found = self.acronyms.get(key.as_ref()).or_else(|| {
            key.strip_suffix('s')
                .filter(|k| k.len() >= 2)
                .and_then(|k| self.acronyms.get(k))
        });
        found.map_or(&[], Vec::as_slice)
    }

    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// This language's bit in [`function_word_languages`] (bit `k` is
    /// `LANGUAGES[k]`); `None` for a language without a data file.
    pub fn bit(code: &str) -> Option<u8> {
        LANGUAGES.iter().position(|c| *c == code).map(|k| 1 << k)
    }
}

/// The bundled languages a folded word is a function word of, as bits
/// ([`LangData::bit`]): one look-up where asking each language would take six.
pub fn function_word_languages(folded: &str) -> u8 {
    static TABLE: OnceLock<HashMap<String, u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: HashMap<String, u8> = HashMap::default();
        for (k, code) in LANGUAGES.iter().enumerate() {
            for word in &LangData::get(code).stopwords {
                *table.entry(word.clone()).or_default() |= 1 << k;
            }
        }
        table
    });
    table.get(folded).copied().unwrap_or(0)
}

impl LangData {
    /// Whether a folded word names a month or a weekday (capitalised in
    /// English, so it must not count as a proper name).
    pub fn is_calendar_word(&self, folded: &str) -> bool {
        self.months.contains_key(folded) || self.weekdays.contains_key(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_file() {
        assert_eq!(LANGUAGES, FILES.iter().map(|(c, _)| *c).collect::<Vec<_>>());
    }

    #[test]
    fn bundled_files_parse() {
        for (code, text) in FILES {
            let d = LangData::parse(code, text).unwrap();
            assert!(d.stopwords.len() > 50, "{code}");
            assert_eq!(
                d.months.values().collect::<HashSet<_>>().len(),
                12,
                "{code}"
            );
            assert_eq!(
                d.weekdays.values().collect::<HashSet<_>>().len(),
                7,
                "{code}"
            );
        }
        assert_eq!(LangData::get("es").scales["billones"], 1e12);
        assert_eq!(LangData::get("en").months["dec"], 12);
    }

    #[test]
    fn malformed_line_is_reported_with_its_number() {
        let e = LangData::parse("xx", "stop\ta\nmonth\tfoo\tnot-a-number\n").unwrap_err();
        assert!(e.starts_with("line 2"), "{e}");
    }
}
