//! Quantities in a paragraph, normalised across locales: `20.000` (Spain),
//! `20,000` (Mexico, U.S.), `1,5` and `1.5`, number words (`dos`, `twenty`,
//! `medio millón`) and scale words (`mil millones`, `billion`, `billones` =
//! 10^12). A value whose separators are ambiguous keeps every reading.

use super::tokens::{Token, TokenKind, Tokens};
use crate::langdata::LangData;

/// One quantity as written, with every value it can mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte span in the NFC paragraph text, scale words included.
    pub start: usize,
    pub end: usize,
    /// Possible values, most likely first (`1.200` is 1200 or 1.2).
    pub values: Vec<f64>,
}

/// The readings of a digit string with `.`, `,` or no-break spaces.
pub fn parse_digits(s: &str) -> Vec<f64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}'))
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

/// Finds the quantities among a paragraph's tokens. Words `one`/`uno`/`una`
/// alone are articles far more often than numbers, so they count only before
/// a scale word.
pub fn quantities(tokens: &Tokens, lang: &LangData) -> Vec<Quantity> {
    let word = |t: &Token| tokens.folded(t);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let (values, is_word) = match t.kind {
            TokenKind::Number => (parse_digits(word(t)), false),
            TokenKind::Word => match lang.number_words.get(word(t)) {
                Some(&v) => (vec![v], true),
                None => match lang.scales.get(word(t)) {
                    Some(&m) if starts_scaled(tokens, i, lang) => (vec![m], true),
                    _ => {
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
        // Scale words that follow (`20 mil millones`, `half a million`).
        let mut j = i + 1;
        let mut scale = 1.0;
        let mut end = t.end;
        while let Some(next) = tokens.get(j) {
            if let Some(&m) = lang.scales.get(word(next)) {
                scale *= m;
                end = next.end;
                j += 1;
            } else if scale == 1.0 && is_word && matches!(word(next), "a" | "de") {
                // `half a million`, `medio millón` has no article; `una docena de`.
                if tokens
                    .get(j + 1)
                    .is_some_and(|n| lang.scales.contains_key(word(n)))
                {
                    j += 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let bare_article = is_word && scale == 1.0 && values == [1.0];
        let half_alone = is_word && scale == 1.0 && values == [0.5];
        if !values.is_empty() && !bare_article && !half_alone {
            let values = values.iter().map(|v| round(v * scale)).collect();
            out.push(Quantity {
                start: t.start,
                end,
                values,
            });
        }
        i = j;
    }
    out
}

/// A scale word opening a quantity by itself (`mil personas`, `millones de`)
/// only when it does not follow a number.
fn starts_scaled(tokens: &Tokens, i: usize, lang: &LangData) -> bool {
    i == 0 || {
        let prev = &tokens[i - 1];
        prev.kind != TokenKind::Number && !lang.number_words.contains_key(tokens.folded(prev))
    }
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
        quantities(&tokenize(text), LangData::get(lang))
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
    }
}
