//! Quantities in a paragraph, normalised across locales: `20.000` (Spain),
//! `20,000` (Mexico, U.S.), `1,5` and `1.5`, number words (`dos`, `twenty`,
//! `medio millón`) and scale words (`mil millones`, `billion`, `billones` =
//! 10^12). A value whose separators are ambiguous keeps every reading.

use super::tokens::{Token, TokenKind, Tokens};
use crate::langdata::LangData;

/// One quantity as written, with every value it can mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte span in the paragraph text, scale words included.
    pub start: usize,
    pub end: usize,
    /// Possible values: `1.200` is 1200 (grouping) or 1.2 (decimal), in
    /// that order; [`Quantity::resolve`] picks one when the document's
    /// convention is known.
    pub values: Vec<f64>,
    /// The separator of a `1.200`-like number that could be either.
    pub ambiguous_separator: Option<char>,
    /// Index of the first token of the quantity.
    pub token: usize,
    /// The currency, when one is written next to it: an ISO code (`USD`,
    /// `EUR`), `PESO` for the pesos of any country, or `$`, which is dollars
    /// or pesos depending on the country.
    pub currency: Option<&'static str>,
}

/// Currency signs written before or after an amount, the same in every language.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("R$", "BRL"),
    ("$", "$"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
];

/// Whether two currencies can be the same: `$` is dollars or pesos.
pub fn same_currency(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b
                || (a == "$" && matches!(b, "USD" | "PESO"))
                || (b == "$" && matches!(a, "USD" | "PESO"))
        }
        _ => true,
    }
}

/// The currency written around the amount at `start..end` whose last token is `last`.
fn currency_of(
    tokens: &Tokens,
    text: &str,
    start: usize,
    last: usize,
    lang: &LangData,
) -> Option<&'static str> {
    let sign_opening = |s: &str| {
        CURRENCY_SIGNS
            .iter()
            .find(|(sign, _)| s.trim_start().starts_with(sign))
            .map(|&(_, code)| code)
    };
    let before = text[..start].trim_end();
    if let Some(&(_, code)) = CURRENCY_SIGNS
        .iter()
        .find(|(sign, _)| before.ends_with(sign))
    {
        return Some(code);
    }
    if let Some(code) = sign_opening(&text[tokens[last].end..]) {
        return Some(code);
    }
    // A currency word in or after the amount: `300 mdd`, `20.000 millones de
    // dólares`, `10 euros`.
    let mut k = last;
    if tokens
        .get(k + 1)
        .is_some_and(|t| lang.of_words.contains(tokens.folded(t)))
    {
        k += 1;
        // `100 millones de $`, `100 millions d'€`.
        if let Some(code) = sign_opening(&text[tokens[k].end..]) {
            return Some(code);
        }
    }
    [last, k + 1].iter().find_map(|&k| {
        tokens
            .get(k)
            .and_then(|t| lang.currencies.get(tokens.folded(t)).copied())
    })
}

/// How a document writes decimals, judged from its unambiguous numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    /// `1,5` and `20.000` (Spain, Argentina).
    Comma,
    /// `1.5` and `20,000` (Mexico, the U.S.).
    Point,
    #[default]
    Unknown,
}

impl DecimalMark {
    /// Votes over every number of a document: `1,5` or `1.234,5` says comma,
    /// `1.5` or `1,234.5` says point; `20.000` says nothing.
    pub fn of<'a>(numbers: impl Iterator<Item = &'a str>) -> DecimalMark {
        let (mut comma, mut point) = (0, 0);
        for s in numbers {
            let seps: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
            let Some(&last) = seps.last() else { continue };
            let tail = s.rsplit(['.', ',']).next().unwrap_or("");
            let decimal = seps.iter().any(|&c| c != last) || (seps.len() == 1 && tail.len() != 3);
            let grouping = seps.len() > 1 && seps.iter().all(|&c| c == last);
            match (decimal, grouping, last) {
                (true, _, ',') | (false, true, '.') => comma += 1,
                (true, _, '.') | (false, true, ',') => point += 1,
                _ => {}
            }
        }
        match comma.cmp(&point) {
            std::cmp::Ordering::Greater => DecimalMark::Comma,
            std::cmp::Ordering::Less => DecimalMark::Point,
            std::cmp::Ordering::Equal => DecimalMark::Unknown,
        }
    }
}

impl DecimalMark {
    /// This mark, or `fallback` when unknown.
    pub fn or(self, fallback: DecimalMark) -> DecimalMark {
        if self == DecimalMark::Unknown {
            fallback
        } else {
            self
        }
    }
}

impl Quantity {
    /// The values this quantity can have in a document with this decimal mark:
    /// `1.200` in a comma-decimal document is only 1200.
    pub fn resolve(&self, mark: DecimalMark) -> &[f64] {
        match (self.ambiguous_separator, mark) {
            (Some('.'), DecimalMark::Comma) | (Some(','), DecimalMark::Point) => &self.values[..1],
            _ => &self.values,
        }
    }
}

/// The readings of a digit string with `.`, `,` or no-break spaces.
pub fn parse_digits(s: &str) -> Vec<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\'' | '’' | '\u{a0}' | '\u{202f}'))
        .collect();
    let seps: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
    let plain = |t: &str| digits(t).parse::<f64>().ok();
    let Some(&(last_pos, last)) = seps.last() else {
        return s.parse::<f64>().ok().into_iter().collect();
    };
    let kinds: Vec<char> = seps.iter().map(|&(_, c)| c).collect();
    let groups_of_three = s.split(['.', ',']).skip(1).all(|g| g.len() == 3);
    let decimal_at = |pos: usize| {
        let (int, frac) = s.split_at(pos);
        format!("{}.{}", digits(int), &frac[1..])
            .parse::<f64>()
            .ok()
    };
    let mixed = kinds.iter().any(|&c| c != last);
    if mixed {
        // `1.234,5` or `1,234.5`: the last separator is the decimal point.
        return decimal_at(last_pos).into_iter().collect();
    }
    if seps.len() > 1 {
        // `1.200.000`: only grouping repeats.
        return if groups_of_three {
            plain(&s).into_iter().collect()
        } else {
            vec![]
        };
    }
    let leading_zero = s.starts_with("0.") || s.starts_with("0,");
    if groups_of_three && !leading_zero {
        // `1.200` / `1,200`: a thousand and two hundred, or one point two.
        return plain(&s).into_iter().chain(decimal_at(last_pos)).collect();
    }
    decimal_at(last_pos).into_iter().collect()
}

/// A step of a number written in words: add a value, or multiply by a scale.
#[derive(Debug, Clone, Copy)]
enum Step {
    Add(f64),
    Scale(f64),
}

/// Most number and scale words read as one quantity: `novecientos noventa
/// y nueve mil millones` has six; a run of thousands of `mil` is not a
/// number, and reading it whole would be quadratic.
const MAX_STEPS: usize = 16;

/// Longest compound ordinal tried, in bytes (`vigesimoseptima` has 15).
const MAX_COMPOUND_ORDINAL: usize = 32;

/// The steps of one word (`twenty-six` is two), if it is all number words.
fn word_steps(w: &str, lang: &LangData) -> Option<Vec<Step>> {
    let value = |part: &str| {
        lang.number_words
            .get(part)
            .or_else(|| lang.ordinals.get(part))
            .copied()
    };
    w.split('-')
        .map(|part| {
            if let Some(v) = value(part) {
                Some(Step::Add(v))
            } else if let Some(&m) = lang.scales.get(part) {
                Some(Step::Scale(m))
            } else {
                // Compound ordinals written as one word: `vigesimoseptima` (27th),
                // `decimotercera` (13th): a word of whole tens, then units. Only
                // words of an ordinal's length are tried.
                if part.len() > MAX_COMPOUND_ORDINAL {
                    return None;
                }
                lang.tens_words.iter().find_map(|(prefix, tens)| {
                    let units = value(part.strip_prefix(prefix.as_str())?)?;
                    (units < *tens).then_some(Step::Add(tens + units))
                })
            }
        })
        .collect()
}

/// The steps of a compound whose first parts are cardinal number words and
/// the rest not: `three-hour`, `two-year-old`, `twenty-five-day`; not an
/// ordinal's (`segunda-feira` is Monday).
fn leading_steps(w: &str, lang: &LangData) -> Option<Vec<Step>> {
    let parts: Vec<&str> = w.split('-').collect();
    let numeric = parts
        .iter()
        .take_while(|p| lang.number_words.contains_key(**p))
        .count();
    if numeric == 0 || numeric == parts.len() {
        return None;
    }
    word_steps(&parts[..numeric].join("-"), lang)
}

/// Evaluates steps after a starting value the usual way: `doscientos
/// cincuenta mil` is (200 + 50) x 1000, `20 mil millones` is 20 x 1000 x
/// 1,000,000, `medio millón` 0.5 x 1,000,000.
fn evaluate(start: f64, steps: &[Step]) -> f64 {
    let (mut total, mut current, mut last_block) = (0.0, start, 0.0);
    let mut after_scale = false;
    for &step in steps {
        match step {
            Step::Add(v) => {
                current += v;
                after_scale = false;
            }
            Step::Scale(m) if m < 1000.0 => {
                current = if current == 0.0 { m } else { current * m };
                after_scale = false;
            }
            Step::Scale(m) => {
                if after_scale && current == 0.0 {
                    // `mil millones`: the scales multiply.
                    total += last_block * m - last_block;
                    last_block *= m;
                } else {
                    last_block = if current == 0.0 { m } else { current * m };
                    total += last_block;
                }
                current = 0.0;
                after_scale = true;
            }
        }
    }
    total + current
}

/// Finds the quantities among a paragraph's tokens: digits, number words,
/// ordinals and Roman century numerals, with the number and scale words that
/// follow (`20.000 millones`, `veintiséis`, `twenty-six thousand`). Words
/// `one`/`uno`/`una` and `half`/`medio` alone are articles and adjectives far
/// more often than numbers, so they count only with a scale word.
pub fn quantities(tokens: &Tokens, text: &str, lang: &LangData) -> Vec<Quantity> {
    let word = |t: &Token| tokens.folded(t);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut compound = false;
        let (starts, first_steps) = match t.kind {
            TokenKind::Number => (parse_digits(word(t)), vec![]),
            TokenKind::Word if in_percent_phrase(tokens, i, lang) => {
                i += 1;
                continue;
            }
            TokenKind::Word => match word_steps(word(t), lang) {
                Some(steps) => (vec![0.0], steps),
                None if let Some(steps) = leading_steps(word(t), lang) => {
                    // Nothing adds to `three-hour`.
                    compound = true;
                    (vec![0.0], steps)
                }
                None => match roman_century(tokens, i, lang) {
                    Some(v) => (vec![v], vec![]),
                    None => {
                        i += 1;
                        continue;
                    }
                },
            },
            TokenKind::Url => {
                i += 1;
                continue;
            }
        };
        let mut steps = first_steps;
        let mut j = i + 1;
        let mut end = t.end;
        // `10k`, `3.6bn`, `3,1billion`: a scale written as a suffix.
        let suffix = |k: &Token| match word(k) {
            "k" => Some(1000.0),
            w => lang.scales.get(w).copied().filter(|&m| m >= 1000.0),
        };
        if let Some((k, m)) = tokens
            .get(j)
            .filter(|k| t.kind == TokenKind::Number && k.start == t.end)
            .and_then(|k| Some((k, suffix(k)?)))
        {
            steps.push(Step::Scale(m));
            end = k.end;
            j += 1;
        }
        while let Some(next) = tokens
            .get(j)
            .filter(|_| !compound && steps.len() < MAX_STEPS)
        {
            if let Some(more) = word_steps(word(next), lang) {
                // Digits are followed by scale words only (`20 millones`), not
                // by another number (`2 tres`).
                if t.kind == TokenKind::Number && more.iter().any(|s| matches!(s, Step::Add(_))) {
                    break;
                }
                // Words add up only from tens down (`cuarenta y cinco`,
                // `doscientos cincuenta`); `una tercera` is an article and a third.
                let last_add = steps.iter().rev().find_map(|s| match s {
                    Step::Add(v) => Some(*v),
                    Step::Scale(_) => None,
                });
                let adds_up =
                    |v: f64| last_add.is_none_or(|u| u >= 10.0 && u % 10.0 == 0.0 && v < u);
                if !more.iter().all(|s| match s {
                    Step::Add(v) => adds_up(*v),
                    Step::Scale(_) => true,
                }) {
                    break;
                }
                steps.extend(more);
                end = next.end;
                j += 1;
            } else if lang.joiners.contains(word(next))
                && t.kind == TokenKind::Word
                && tokens
                    .get(j + 1)
                    .and_then(|n| word_steps(word(n), lang))
                    .is_some()
            {
                // `cuarenta y cinco`, `half a million`, `una docena de` is not.
                j += 1;
            } else {
                break;
            }
        }
        let scaled = steps.iter().any(|s| matches!(s, Step::Scale(_)));
        let plain_word = t.kind == TokenKind::Word && !scaled && steps.len() == 1;
        let article = plain_word && matches!(steps[0], Step::Add(v) if v == 1.0 || v == 0.5);
        if !article && !starts.is_empty() {
            let values: Vec<f64> = starts.iter().map(|&v| round(evaluate(v, &steps))).collect();
            let ambiguous_separator = (values.len() > 1)
                .then(|| word(t).chars().find(|c| matches!(c, '.' | ',')))
                .flatten();
            let currency = currency_of(tokens, text, t.start, j - 1, lang);
            out.push(Quantity {
                start: t.start,
                end,
                values,
                ambiguous_separator,
                token: i,
                currency,
            });
        }
        i = j;
    }
    out
}

/// Writes a value the way a language writes it, with its decimal mark,
/// thousands separator and scale words (`spell` in the data file): `20
/// billion` and `2.5`, or `20.000 millones` and `2,5`.
pub fn spell(value: f64, lang: &LangData) -> String {
    let decimal = match lang.decimal_mark {
        DecimalMark::Point => '.',
        DecimalMark::Comma => ',',
        // Spanish writes both: the mark that is not its grouping one.
        DecimalMark::Unknown if lang.group_separator == '.' => ',',
        DecimalMark::Unknown => '.',
    };
    let group = lang.group_separator;
    let digits = |v: f64| -> String {
        let rounded = (v * 100.0).round() / 100.0;
        let int = rounded.trunc() as u64;
        let mut s = int.to_string();
        let mut k = s.len() as isize - 3;
        while k > 0 {
            s.insert(k as usize, group);
            k -= 3;
        }
        let frac = ((rounded.fract() * 100.0).round() as u64).min(99);
        if frac > 0 {
            let f = format!("{frac:02}");
            s.push(decimal);
            s.push_str(f.trim_end_matches('0'));
        }
        s
    };
    let scaled = |unit: f64| (value / unit * 100.0).round() == value / unit * 100.0;
    lang.spell_scales
        .iter()
        .find(|(unit, _)| value >= *unit && scaled(*unit))
        .map(|(unit, word)| format!("{} {word}", digits(value / unit)))
        .unwrap_or_else(|| digits(value))
}

/// Whether token `i` ends a phrase that makes a number a percentage (`100
/// por ciento`): its number word (`ciento`) is not a hundred of its own.
fn in_percent_phrase(tokens: &Tokens, i: usize, lang: &LangData) -> bool {
    lang.percent_phrases.iter().any(|p| {
        let n = p.len();
        i + 1 >= n
            && p.iter()
                .zip(&tokens[i + 1 - n..=i])
                .all(|(w, t)| tokens.folded(t) == w)
    })
}

/// A Roman numeral after a century word (`siglo XXI` = 21).
fn roman_century(tokens: &Tokens, i: usize, lang: &LangData) -> Option<f64> {
    let prev = tokens.get(i.checked_sub(1)?)?;
    if !lang.century_words.contains(tokens.folded(prev)) {
        return None;
    }
    roman(tokens.folded(&tokens[i])).map(f64::from)
}

/// Value of a lower-case Roman numeral up to 3999.
pub fn roman(s: &str) -> Option<u32> {
    let digit = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let ds: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    if ds.is_empty() {
        return None;
    }
    let mut total = 0;
    for (k, &d) in ds.iter().enumerate() {
        if ds.get(k + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    (1..4000).contains(&total).then_some(total as u32)
}

/// Rounds away float noise so equal amounts compare equal (`1.5 * 1e9`).
fn round(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 9 - v.abs().log10().ceil() as i32;
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn values(text: &str, lang: &str) -> Vec<Vec<f64>> {
        quantities(&tokenize(text), text, LangData::get(lang))
            .into_iter()
            .map(|q| q.values)
            .collect()
    }

    #[test]
    fn separators_across_locales() {
        assert_eq!(parse_digits("20.000"), [20000.0, 20.0]);
        assert_eq!(parse_digits("20,000"), [20000.0, 20.0]);
        assert_eq!(parse_digits("1,5"), [1.5]);
        assert_eq!(parse_digits("1.5"), [1.5]);
        assert_eq!(parse_digits("1.234.567"), [1234567.0]);
        assert_eq!(parse_digits("1.234,5"), [1234.5]);
        assert_eq!(parse_digits("1,234.5"), [1234.5]);
        assert_eq!(parse_digits("0,250"), [0.25]);
        assert_eq!(parse_digits("2024"), [2024.0]);
    }

    #[test]
    fn scale_words() {
        assert_eq!(
            values("la vigesimoséptima edición, decimotercera", "es"),
            [[27.0], [13.0]]
        );
        assert_eq!(values("eight 10k RPM drives", "en"), [[8.0], [10000.0]]);
        // Ordinals of tens in every bundled language, alone and compounded.
        assert_eq!(values("a quadragésima sétima edição", "pt"), [[47.0]]);
        assert_eq!(values("la vingt-septième édition", "fr"), [[27.0]]);
        assert_eq!(values("il trentesimo anniversario", "it"), [[30.0]]);
        assert_eq!(values("zum zwanzigsten Mal", "de"), [[20.0]]);
        assert_eq!(values("una tercera persona", "es"), [[3.0]]);
        assert_eq!(values("20.000 millones de dólares", "es"), [[2e10, 2e7]]);
        assert_eq!(values("$20 billion", "en"), [[2e10]]);
        assert_eq!(values("20 mil millones", "es"), [[2e10]]);
        assert_eq!(values("4 billones", "es"), [[4e12]]);
        assert_eq!(values("medio millón de personas", "es"), [[5e5]]);
        assert_eq!(values("half a million people", "en"), [[5e5]]);
        assert_eq!(values("una docena", "es"), [[12.0]]);
        assert_eq!(
            values("dos sources and one man", "en"),
            Vec::<Vec<f64>>::new()
        );
        assert_eq!(values("dos fuentes y un hombre", "es"), [[2.0]]);
        assert_eq!(
            values("en la novena posición del siglo XXI", "es"),
            [[9.0], [21.0]]
        );
        assert_eq!(
            values("in ninth place in the 21st century", "en"),
            [[9.0], [21.0]]
        );
        assert_eq!(values("un primer ministro", "es"), Vec::<Vec<f64>>::new());
        // Scales written as suffixes and abbreviated.
        assert_eq!(values("$3.6bn and €3.1billion", "en"), [[3.6e9], [3.1e9]]);
        assert_eq!(values("3,6 Mrd. $", "de"), [[3.6e9]]);
        assert_eq!(values("a 12bn budget, 40 bn", "en"), [[1.2e10], [4e10]]);
        // `por ciento` is percent, not a hundred more.
        assert_eq!(values("el 45 por ciento de los votos", "es"), [[45.0]]);
        assert_eq!(
            values("cien personas, ciento veinte", "es"),
            [[100.0], [120.0]]
        );
        assert_eq!(values("il 30 per cento", "it"), [[30.0]]);
    }

    #[test]
    fn currencies_beside_amounts() {
        let cur = |text: &str, lang: &str| -> Vec<Option<&'static str>> {
            quantities(&tokenize(text), text, LangData::get(lang))
                .into_iter()
                .map(|q| q.currency)
                .collect()
        };
        assert_eq!(
            cur("20.000 millones de dólares y 5 euros", "es"),
            [Some("USD"), Some("EUR")]
        );
        assert_eq!(
            cur("$20 billion, US$ 3, 10 € and 4 pounds", "en"),
            [Some("$"), Some("USD"), Some("EUR"), Some("GBP")]
        );
        assert_eq!(cur("unos 300 mdd", "es"), [Some("USD")]);
        assert_eq!(
            values("a three-hour rally, a twenty-five-year-old man", "en"),
            [[3.0], [25.0]]
        );
        assert_eq!(
            values("a one-sided, half-hour talk", "en"),
            Vec::<Vec<f64>>::new()
        );
        assert_eq!(
            cur("100 millones de $ y 4 millones de €", "es"),
            [Some("$"), Some("EUR")]
        );
        assert_eq!(values("unos 300 mdd", "es"), [[3e8]]);
        assert!(same_currency(Some("$"), Some("PESO")) && !same_currency(Some("USD"), Some("EUR")));
    }

    #[test]
    fn spelled_in_each_language() {
        assert_eq!(spell(2e10, LangData::get("en")), "20 billion");
        let spell = |v: f64, lang: &str| spell(v, LangData::get(lang));
        assert_eq!(spell(2e10, "es"), "20.000 millones");
        assert_eq!(spell(4e12, "es"), "4 billones");
        assert_eq!(spell(1.2e9, "en"), "1.2 billion");
        assert_eq!(spell(2.5, "es"), "2,5");
        assert_eq!(spell(250000.0, "en"), "250,000");
        assert_eq!(spell(4e9, "fr"), "4 milliards");
        assert_eq!(spell(2.5e9, "de"), "2,5 Milliarden");
        assert_eq!(spell(25000.0, "fr"), "25\u{202f}000");
        assert_eq!(spell(3e9, "pt"), "3.000 milhões");
    }

    #[test]
    fn decimal_mark_from_unambiguous_numbers() {
        let mark = |xs: &[&str]| DecimalMark::of(xs.iter().copied());
        assert_eq!(mark(&["2,8", "20.000", "11,3"]), DecimalMark::Comma);
        assert_eq!(mark(&["2.8", "20,000", "1,234,567"]), DecimalMark::Point);
        assert_eq!(mark(&["20.000", "2024"]), DecimalMark::Unknown);
        let q = quantities(
            &tokenize("1.200 personas"),
            "1.200 personas",
            LangData::get("es"),
        )
        .remove(0);
        assert_eq!(q.resolve(DecimalMark::Comma), [1200.0]);
        assert_eq!(q.resolve(DecimalMark::Unknown), [1200.0, 1.2]);
    }
}
