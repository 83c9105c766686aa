//! Dates in a paragraph: day-month pairs (`27 de diciembre`, `Dec. 27`,
//! `December 27`, `27th of December`), months, weekdays, years and numeric
//! dates (`19/01/2024`, `2024-01-19`). The day and year numbers a date uses
//! are left out of the quantities the number check compares.

use super::tokens::{Token, TokenKind, Tokens};
use crate::langdata::LangData;

/// What a date mention says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatePart {
    Year(u16),
    Month(u8),
    Weekday(u8),
    /// Day, month.
    DayMonth(u8, u8),
}

/// One date mention with its byte span in the paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub parts: Vec<DatePart>,
    /// Number tokens the mention uses (days, years).
    pub number_tokens: Vec<usize>,
}

fn number(tokens: &Tokens, i: usize) -> Option<u32> {
    let t = tokens.get(i)?;
    (t.kind == TokenKind::Number)
        .then(|| tokens.folded(t).parse().ok())
        .flatten()
}

fn day(tokens: &Tokens, i: usize) -> Option<u8> {
    number(tokens, i)
        .filter(|d| (1..=31).contains(d))
        .map(|d| d as u8)
}

/// A day in digits, or written as a word (before «de»/«of» and a month
/// only: `el uno de octubre`, `the first of May`).
fn day_of(tokens: &Tokens, i: usize, lang: &LangData) -> Option<u8> {
    day(tokens, i).or_else(|| {
        let w = tokens.folded(tokens.get(i)?);
        let v = lang.number_words.get(w).or_else(|| lang.ordinals.get(w))?;
        (v.fract() == 0.0 && (1.0..=31.0).contains(v)).then_some(*v as u8)
    })
}

fn year(tokens: &Tokens, i: usize) -> Option<u16> {
    let t = tokens.get(i)?;
    let digits = tokens.folded(t);
    (digits.len() == 4)
        .then(|| number(tokens, i))
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
        .map(|y| y as u16)
}

/// Whether the text between two tokens is only `sep` (and spaces).
fn joined_by(text: &str, a: &Token, b: &Token, seps: &[char]) -> bool {
    let between = text.get(a.end..b.start).unwrap_or("x").trim();
    between.chars().count() == 1 && between.chars().all(|c| seps.contains(&c))
}

/// The month a word names, if it names one here. Abbreviations (`dic`,
/// `Dec`) and words that are also common words in English (`may`, `march`)
/// count only beside a number, or capitalised mid-sentence.
fn month_of(tokens: &Tokens, text: &str, i: usize, lang: &LangData) -> Option<u8> {
    let t = &tokens[i];
    let w = tokens.folded(t);
    // A month after a prefix of the part of it (`mid-September`,
    // `mi-septembre`): the month is the part after the hyphen.
    let (w, written_at) = match lang.months.get(w) {
        Some(_) => (w, t.start),
        None => {
            let (prefix, month) = w.rsplit_once('-')?;
            if !lang.month_prefixes.contains(prefix) {
                return None;
            }
            // Folding keeps the hyphen where it was: the month starts after it.
            let at = t.start + text[t.start..t.end].rfind('-')? + 1;
            (month, at)
        }
    };
    let prefixed = written_at != t.start;
    let capitalized = text[written_at..].starts_with(char::is_uppercase);
    let sentence_start = t.sentence_start && !prefixed;
    let &m = lang.months.get(w)?;
    let full = lang
        .months
        .iter()
        .filter(|(_, n)| **n == m)
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let beside_number = number(tokens, i + 1).is_some()
        || i.checked_sub(1)
            .is_some_and(|p| number(tokens, p).is_some())
        || i.checked_sub(2).is_some_and(|p| {
            number(tokens, p).is_some() && lang.of_words.contains(tokens.folded(&tokens[i - 1]))
        });
    let abbreviation = w.chars().count() < full;
    // Where month names take a capital, a lower-case `may` is the verb.
    // Nor is a month in capitals (`APRIL`, an association) or after a
    // name (`Brian May`).
    let after_name = i.checked_sub(1).is_some_and(|p| {
        let prev = &tokens[p];
        let w = tokens.folded(prev);
        prev.capitalized
            && prev.end + 1 == t.start
            && !lang.is_stopword(w)
            && !lang.is_calendar_word(w)
    });
    let shouted = w.chars().count() > 3 && !text[written_at..t.end].chars().any(char::is_lowercase);
    let plain_ok = if lang.capitalised_months {
        capitalized && !sentence_start && (!after_name || prefixed) && !shouted
    } else {
        // Where months are lower case, a capitalised one mid-sentence is a
        // name (`Abril`, `Marco`, which folds like `março`).
        !shouted && (!capitalized || sentence_start)
    };
    // A word spelled without the month's accents (`Marco` for `março`) is
    // another word unless a number vouches for it.
    let spelled_as_month = lang
        .written
        .get(w)
        .is_none_or(|written| text[written_at..t.end].to_lowercase() == written.to_lowercase());
    (beside_number || (!abbreviation && plain_ok && spelled_as_month)).then_some(m)
}

/// Finds the dates of a paragraph.
pub fn dates(tokens: &Tokens, text: &str, lang: &LangData) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut used = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let t = &tokens[i];
        // Numeric dates: 19/01/2024, 2024-01-19.
        if let (Some(a), Some(b), Some(c)) = (
            number(tokens, i),
            number(tokens, i + 1),
            number(tokens, i + 2),
        ) {
            let (ta, tb, tc) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
            if joined_by(text, ta, tb, &['/', '-', '.'])
                && joined_by(text, tb, tc, &['/', '-', '.'])
            {
                let parts = numeric_date(a, b, c, lang);
                if !parts.is_empty() {
                    out.push(DateMention {
                        start: ta.start,
                        end: tc.end,
                        parts,
                        number_tokens: vec![i, i + 1, i + 2],
                    });
                    used[i..i + 3].iter_mut().for_each(|u| *u = true);
                    i += 3;
                    continue;
                }
            }
        }
        if t.kind == TokenKind::Word {
            if let Some(m) = month_of(tokens, text, i, lang) {
                let mut parts = vec![];
                let mut nums = vec![];
                let mut start = t.start;
                let mut end = t.end;
                // Day before: `27 de diciembre`, `27 December`, `27th of December`.
                let mut before = None;
                let suffix = |k: usize| lang.day_suffixes.contains(tokens.folded(&tokens[k]));
                if i >= 1 && day(tokens, i - 1).is_some() && !used[i - 1] {
                    before = Some(i - 1);
                } else if i >= 2 && suffix(i - 1) && day(tokens, i - 2).is_some() && !used[i - 2] {
                    // `23rd March`.
                    before = Some(i - 2);
                } else if i >= 2 && lang.of_words.contains(tokens.folded(&tokens[i - 1])) {
                    if day_of(tokens, i - 2, lang).is_some() && !used[i - 2] {
                        before = Some(i - 2);
                    } else if i >= 3 && suffix(i - 2) && day(tokens, i - 3).is_some() {
                        before = Some(i - 3);
                    }
                }
                let mut j = i + 1;
                if let Some(b) = before {
                    let d = day_of(tokens, b, lang).unwrap_or(0);
                    parts.push(DatePart::DayMonth(d, m));
                    nums.push(b);
                    start = tokens[b].start;
                    // Remove a bare-number reading of the day already taken:
                    // one of the last mentions, as they come in token order
                    // (looking further back made long texts quadratic).
                    let tail = out.len().saturating_sub(3);
                    let kept: Vec<DateMention> = out
                        .drain(tail..)
                        .filter(|d| !d.number_tokens.contains(&b))
                        .collect();
                    out.extend(kept);
                    // Earlier days of a range or list: `del 9 al 17 de julio`,
                    // `entre el 5 y el 7 de julio`, `2, 3 y 4 de mayo`.
                    for k in range_days(tokens, b, true, lang) {
                        parts.push(DatePart::DayMonth(day(tokens, k).unwrap_or(0), m));
                        nums.push(k);
                        start = tokens[k].start;
                    }
                } else if let Some(d) = day(tokens, j).filter(|_| year(tokens, j).is_none()) {
                    // Day after: `Dec. 27`, `June 8, 2024`.
                    parts.push(DatePart::DayMonth(d, m));
                    nums.push(j);
                    end = tokens[j].end;
                    j += 1;
                    if tokens
                        .get(j)
                        .is_some_and(|t| lang.day_suffixes.contains(tokens.folded(t)))
                    {
                        j += 1;
                    }
                    // Later days of a range: `July 9th to 17th`, `July 5-7`.
                    for k in range_days(tokens, j - 1, false, lang) {
                        parts.push(DatePart::DayMonth(day(tokens, k).unwrap_or(0), m));
                        nums.push(k);
                        end = tokens[k].end;
                        j = k + 1;
                    }
                } else {
                    parts.push(DatePart::Month(m));
                }
                // Year after: `de 2024`, `2024`, `, 2024`.
                let k = if tokens
                    .get(j)
                    .is_some_and(|t| lang.of_words.contains(tokens.folded(t)))
                {
                    j + 1
                } else {
                    j
                };
                if let Some(y) = year(tokens, k) {
                    parts.push(DatePart::Year(y));
                    nums.push(k);
                    end = tokens[k].end;
                    j = k + 1;
                }
                for &n in &nums {
                    used[n] = true;
                }
                used[i] = true;
                out.push(DateMention {
                    start,
                    end,
                    parts,
                    number_tokens: nums,
                });
                i = j;
                continue;
            }
            if let Some(&w) = lang.weekdays.get(tokens.folded(t)) {
                out.push(DateMention {
                    start: t.start,
                    end: t.end,
                    parts: vec![DatePart::Weekday(w)],
                    number_tokens: vec![],
                });
            }
        } else if let Some(y) = year(tokens, i) {
            let scaled = tokens
                .get(i + 1)
                .is_some_and(|n| lang.scales.contains_key(tokens.folded(n)));
            let percent = text
                .get(t.end..)
                .is_some_and(|r| r.trim_start().starts_with('%'));
            // `$2000`, `2000 dólares` are amounts, not years.
            let money = text[..t.start].trim_end().ends_with(['$', '€', '£'])
                || tokens
                    .get(i + 1)
                    .is_some_and(|n| lang.currencies.contains_key(tokens.folded(n)));
            if !scaled && !percent && !money {
                out.push(DateMention {
                    start: t.start,
                    end: t.end,
                    parts: vec![DatePart::Year(y)],
                    number_tokens: vec![i],
                });
            }
        }
        i += 1;
    }
    out
}

/// Day numbers joined to the day at token `from` by range words, walking
/// backward (`del 9 al [17]`) or forward (`[9]th to 17th`). A hyphen or a
/// comma between numbers is not a token, so `5-7` and `2, 3` join directly.
fn range_days(tokens: &Tokens, from: usize, backward: bool, lang: &LangData) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = from;
    let mut gap = 0;
    loop {
        let next = if backward {
            k.checked_sub(1)
        } else {
            Some(k + 1)
        };
        let Some(n) = next.filter(|&n| n < tokens.len()) else {
            break;
        };
        k = n;
        let t = &tokens[n];
        if t.kind == TokenKind::Number {
            if day(tokens, n).is_none() || gap > 3 {
                break;
            }
            out.push(n);
            gap = 0;
        } else if gap < 3 && {
            let w = tokens.folded(t);
            lang.range_words.contains(w) || lang.day_suffixes.contains(w)
        } {
            gap += 1;
        } else {
            break;
        }
    }
    out
}

/// `a/b/c`: year first (ISO), else day first in Spanish and most languages,
/// month first in English when the first number can be a month.
fn numeric_date(a: u32, b: u32, c: u32, lang: &LangData) -> Vec<DatePart> {
    let ok = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    let y = |v: u32| (1800..=2100).contains(&v).then_some(v as u16);
    if let Some(yr) = y(a) {
        if ok(c, b) {
            return vec![DatePart::DayMonth(c as u8, b as u8), DatePart::Year(yr)];
        }
    } else if let Some(yr) = y(c) {
        let month_first = lang.month_first && ok(b, a);
        if month_first {
            return vec![DatePart::DayMonth(b as u8, a as u8), DatePart::Year(yr)];
        }
        if ok(a, b) {
            return vec![DatePart::DayMonth(a as u8, b as u8), DatePart::Year(yr)];
        }
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use DatePart::*;

    fn parts(text: &str, lang: &str) -> Vec<DatePart> {
        dates(&tokenize(text), text, LangData::get(lang))
            .into_iter()
            .flat_map(|d| d.parts)
            .collect()
    }

    #[test]
    fn day_month_in_both_languages() {
        assert_eq!(
            parts("comenzaron en México el 27 de diciembre", "es"),
            [DayMonth(27, 12)]
        );
        assert_eq!(
            parts("began in Mexico on Dec. 27 when", "en"),
            [DayMonth(27, 12)]
        );
        assert_eq!(
            parts("on December 27, 2023.", "en"),
            [DayMonth(27, 12), Year(2023)]
        );
        assert_eq!(parts("the 27th of December", "en"), [DayMonth(27, 12)]);
        assert_eq!(
            parts("Saturday 23rd March", "en"),
            [Weekday(6), DayMonth(23, 3)]
        );
        assert_eq!(
            parts("el 4 de junio de 2024", "es"),
            [DayMonth(4, 6), Year(2024)]
        );
        assert_eq!(
            parts("Madrid - 12 mar 2024", "es"),
            [DayMonth(12, 3), Year(2024)]
        );
    }

    #[test]
    fn months_weekdays_years() {
        assert_eq!(
            parts("a principios de enero, este viernes", "es"),
            [Month(1), Weekday(5)]
        );
        assert_eq!(
            parts("In early January, on Friday", "en"),
            [Month(1), Weekday(5)]
        );
        assert_eq!(
            parts("a principios de 2024 y en 1913", "es"),
            [Year(2024), Year(1913)]
        );
        // `may` the verb, `mar` the sea.
        assert_eq!(parts("They may come. El mar está en calma.", "en"), []);
        assert_eq!(parts("In May the rains came.", "en"), [Month(5)]);
        // `mid-September` is September (`a mediados de septiembre`).
        assert_eq!(parts("The vote is in mid-September.", "en"), [Month(9)]);
        assert_eq!(parts("Le vote aura lieu mi-septembre.", "fr"), [Month(9)]);
        assert_eq!(parts("a mid-may lull, a half-March", "en"), []);
        // A year-like amount is not a year.
        assert_eq!(parts("2024 millones", "es"), []);
        assert_eq!(parts("un premio de $2000 o 2000 dólares", "es"), []);
    }

    #[test]
    fn ranges_and_lists_of_days() {
        assert_eq!(
            parts("from the 9th to the 11th of September", "en"),
            [DayMonth(11, 9), DayMonth(9, 9)]
        );
        assert_eq!(
            parts("del 9 al 17 de julio", "es"),
            [DayMonth(17, 7), DayMonth(9, 7)]
        );
        assert_eq!(
            parts("entre el 5 y el 7 de julio de 2002", "es"),
            [DayMonth(7, 7), DayMonth(5, 7), Year(2002)]
        );
        assert_eq!(
            parts("from July 9th to 17th", "en"),
            [DayMonth(9, 7), DayMonth(17, 7)]
        );
        assert_eq!(
            parts("from July 5th - 7th, 2002", "en"),
            [DayMonth(5, 7), DayMonth(7, 7), Year(2002)]
        );
        assert_eq!(
            parts("los días 2, 3 y 4 de mayo", "es"),
            [DayMonth(4, 5), DayMonth(3, 5), DayMonth(2, 5)]
        );
        // A count before a date is not a day of it.
        assert_eq!(
            parts("llegaron 250 migrantes el 4 de junio", "es"),
            [DayMonth(4, 6)]
        );
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(parts("el 19/01/2024", "es"), [DayMonth(19, 1), Year(2024)]);
        assert_eq!(parts("on 01/19/2024", "en"), [DayMonth(19, 1), Year(2024)]);
        assert_eq!(
            parts("2024-01-19T20:06", "en"),
            [DayMonth(19, 1), Year(2024)]
        );
    }
}
