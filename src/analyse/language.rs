//! Language detection with whatlang: the document first, then each paragraph
//! restricted to the pair's two languages. Short paragraphs are `und`: below
//! about 30 letters no detector is trustworthy, and a wrong guess would raise
//! a false `untranslated` alarm.

use crate::analyse::tokens::fold_into;
use crate::error::InputError;
use crate::langdata::{LANGUAGES, LangData, function_word_languages};
use whatlang::{Detector, Lang};

/// Code reported for a paragraph too short (or too symbol-heavy) to tell.
pub const UNDETERMINED: &str = "und";

/// Fewest letters a paragraph needs before its language is reported.
pub const MIN_LETTERS: usize = 30;

const ISO639: &str = include_str!("../../data/iso639.tsv");

fn table() -> impl Iterator<Item = (&'static str, &'static str)> {
    ISO639
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
}

/// The whatlang language for an ISO 639-1 (or 639-3) code.
pub fn lang_from_code(code: &str) -> Option<Lang> {
    let code = code.trim().to_ascii_lowercase();
    table()
        .find(|(one, three)| *one == code || *three == code)
        .and_then(|(_, three)| Lang::from_code(three))
}

/// The ISO 639-1 code of a whatlang language (639-3 when it has none).
pub fn code_of(lang: Lang) -> &'static str {
    table()
        .find(|(_, three)| *three == lang.code())
        .map(|(one, _)| one)
        .unwrap_or_else(|| lang.code())
}

/// Checks a user-given code (`--source-lang es`), naming the option when unknown.
pub fn parse_code(option: &str, code: &str) -> Result<&'static str, InputError> {
    lang_from_code(code).map(code_of).ok_or_else(|| {
        InputError::new(
            option,
            format!("unknown language code '{code}' (use ISO 639-1, such as es, en, fr, pt)"),
        )
    })
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Function words of one bundled language alone a document sample needs
/// (four times those of any other) to be told without whatlang.
const DOCUMENT_MIN_FUNCTION_WORDS: usize = 10;

/// Characters of a document read to tell its language; more only costs time.
const DOCUMENT_SAMPLE: usize = 1_500;

/// The language of a whole document, or `und` when it has too little text.
pub fn detect_document(text: &str) -> &'static str {
    let sample = match text.char_indices().nth(DOCUMENT_SAMPLE) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    if letters(sample) < MIN_LETTERS {
        return UNDETERMINED;
    }
    // Function words settle most documents at once (a news sample has a
    // hundred, nearly all of one language); whatlang, the costliest step of
    // a batch, decides the rest.
    if let Some(lang) = by_function_words(sample, LANGUAGES, DOCUMENT_MIN_FUNCTION_WORDS) {
        return lang;
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() => code_of(info.lang()),
        // Too little text for an open guess: choose among the languages cotejo
        // has data for, the likely ones in a translation pair; when even that
        // is a coin toss (a sentence of names and numbers), between Spanish
        // and English, the pair most documents come in.
        _ => {
            let among = |codes: &[&str]| {
                let langs = codes.iter().filter_map(|c| lang_from_code(c)).collect();
                Detector::with_allowlist(langs).detect(sample)
            };
            match among(LANGUAGES) {
                Some(info) if info.confidence() >= CLOSED_MIN_CONFIDENCE => code_of(info.lang()),
                _ => ParagraphDetector::new(&["es", "en"]).detect(sample),
            }
        }
    }
}

/// Confidence whatlang's guess between a pair's languages needs to put a
/// paragraph in the other language than its document's.
const PARAGRAPH_MIN_CONFIDENCE: f64 = 0.5;

/// Confidence a guess among cotejo's languages needs for a short document.
const CLOSED_MIN_CONFIDENCE: f64 = 0.2;

/// The language of a translation whose text, as a whole, reads like its
/// source (half its paragraphs left untranslated): the language, other than
/// the source's, that most of its other paragraphs are reliably in, if they
/// hold at least a fifth of its letters.
pub fn other_than_source<'a>(
    paragraphs: impl Iterator<Item = &'a str>,
    source: &str,
) -> Option<&'static str> {
    let mut mass: Vec<(&'static str, usize)> = Vec::new();
    let mut total = 0;
    for p in paragraphs {
        let n = letters(p);
        total += n;
        let Some(lang) = other_language(p, &[source]) else {
            continue;
        };
        match mass.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, m)) => *m += n,
            None => mass.push((lang, n)),
        }
    }
    let (lang, m) = mass.into_iter().max_by_key(|&(_, m)| m)?;
    (m * 5 >= total).then_some(lang)
}

/// Letters a text needs before an open guess at its language counts.
const OPEN_MIN_LETTERS: usize = 60;
/// Whatlang confidence needed on top of its own reliability flag.
const OPEN_MIN_CONFIDENCE: f64 = 0.5;

/// The language of a text when an open guess (not restricted to the pair)
/// is reliable and names a language other than `expected`: Portuguese in a
/// Spanish-English pair.
pub fn other_language(text: &str, expected: &[&str]) -> Option<&'static str> {
    if letters(text) < OPEN_MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(text)?;
    let lang = code_of(info.lang());
    (info.is_reliable() && info.confidence() >= OPEN_MIN_CONFIDENCE && !expected.contains(&lang))
        .then_some(lang)
}

/// Among languages with function-word lists, function words usually settle
/// the language at once (a paragraph has a dozen, almost all of one
/// language): at least `min` of one language and four times as many as of
/// any other (not more: some words of one language are function words of
/// another, Spanish `dos` and `tres` of Portuguese and French). A word that
/// is a function word of several candidates (`de`, `que` in Spanish,
/// Portuguese and French) tells them apart no better than a name, so only a
/// word of one candidate alone counts. `None` leaves it to whatlang.
fn by_function_words(text: &str, codes: &[&str], min: usize) -> Option<&'static str> {
    let candidates = codes
        .iter()
        .filter_map(|c| LangData::bit(c))
        .fold(0u8, |all, bit| all | bit);
    if candidates.count_ones() < 2 {
        return None;
    }
    let mut counts = [0usize; 8];
    let mut folded = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        folded.clear();
        fold_into(word, &mut folded);
        let of = function_word_languages(&folded) & candidates;
        if of.count_ones() == 1 {
            counts[of.trailing_zeros() as usize] += 1;
        }
    }
    let (best, &top) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let others = (0..counts.len())
        .filter(|&k| k != best)
        .map(|k| counts[k])
        .max()
        .unwrap_or(0);
    if top >= min && top >= 4 * others {
        LANGUAGES.get(best).copied()
    } else {
        None
    }
}

/// Detects paragraph languages among a fixed set of candidates (the pair's two
/// languages), which is far more reliable than an open guess.
pub struct ParagraphDetector {
    detector: Detector,
    /// The candidates' codes, for their function words.
    codes: Vec<&'static str>,
}

impl ParagraphDetector {
    pub fn new(codes: &[&str]) -> Self {
        let mut allow: Vec<Lang> = codes.iter().filter_map(|c| lang_from_code(c)).collect();
        allow.dedup();
        let detector = if allow.is_empty() {
            Detector::new()
        } else {
            Detector::with_allowlist(allow.clone())
        };
        let codes = allow.iter().map(|l| code_of(*l)).collect();
        ParagraphDetector { detector, codes }
    }

    pub fn detect(&self, text: &str) -> &'static str {
        if letters(text) < MIN_LETTERS {
            return UNDETERMINED;
        }
        self.by_function_words(text).unwrap_or_else(|| {
            self.detector
                .detect_lang(text)
                .map_or(UNDETERMINED, code_of)
        })
    }

    /// [`ParagraphDetector::detect`] for a paragraph of a document in
    /// `document`: where neither function words nor whatlang are sure (a
    /// title of names and nouns), the paragraph is taken to be in the
    /// document's language rather than in whatlang's coin toss.
    pub fn detect_in(&self, text: &str, document: &'static str) -> &'static str {
        if letters(text) < MIN_LETTERS {
            return UNDETERMINED;
        }
        if let Some(lang) = self.by_function_words(text) {
            return lang;
        }
        match self.detector.detect(text) {
            Some(info) if info.confidence() >= PARAGRAPH_MIN_CONFIDENCE => code_of(info.lang()),
            Some(_) if document != UNDETERMINED => document,
            info => info.map_or(UNDETERMINED, |i| code_of(i.lang())),
        }
    }

    fn by_function_words(&self, text: &str) -> Option<&'static str> {
        by_function_words(text, &self.codes, 6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        assert_eq!(code_of(lang_from_code("es").unwrap()), "es");
        assert_eq!(code_of(lang_from_code("eng").unwrap()), "en");
        assert!(parse_code("--source-lang", "xx").is_err());
    }

    #[test]
    fn short_documents_choose_among_known_languages() {
        let fr = "La dette publique du Brésil a dépassé sept milliards l'an dernier.";
        assert_eq!(detect_document(fr), "fr");
        let names = "Brazil's public debt exceeded 7 billion reais last year.";
        assert_eq!(detect_document(names), "en");
    }

    #[test]
    fn every_bundled_language_is_told_from_english() {
        let texts = [
            (
                "fr",
                "Le gouvernement a annoncé jeudi de nouvelles mesures pour les agriculteurs touchés par la sécheresse.",
            ),
            (
                "pt",
                "O governo anunciou na quinta-feira novas medidas para os agricultores afetados pela seca no sul do país.",
            ),
            (
                "it",
                "Il governo ha annunciato giovedì nuove misure per gli agricoltori colpiti dalla siccità nel sud del Paese.",
            ),
            (
                "de",
                "Die Regierung hat am Donnerstag neue Maßnahmen für die von der Dürre betroffenen Landwirte angekündigt.",
            ),
            (
                "es",
                "El gobierno anunció el jueves nuevas medidas para los agricultores afectados por la sequía en el sur del país.",
            ),
        ];
        let english = "The government announced new measures on Thursday for farmers hit by the drought in the south of the country.";
        for (code, text) in texts {
            assert_eq!(detect_document(text), code, "{text}");
            let d = ParagraphDetector::new(&[code, "en"]);
            assert_eq!(d.detect(text), code);
            assert_eq!(d.detect(english), "en", "{code}");
        }
    }

    #[test]
    fn function_words_two_languages_share_settle_nothing() {
        // Every word here is a Spanish and a Portuguese function word.
        let shared = "de que para por se a o como sobre desde entre durante contra";
        assert_eq!(by_function_words(shared, &["es", "pt"], 2), None);
        let pt = "de que para por se a o com uma não do da";
        assert_eq!(by_function_words(pt, &["es", "pt"], 2), Some("pt"));
    }

    #[test]
    fn short_text_is_undetermined() {
        let d = ParagraphDetector::new(&["es", "en"]);
        assert_eq!(d.detect("NBC News"), UNDETERMINED);
        assert_eq!(
            d.detect("Los funcionarios de ambos países se reunieron el viernes en Washington."),
            "es"
        );
        assert_eq!(
            d.detect("Officials from both countries met on Friday in Washington to talk."),
            "en"
        );
    }
}
