//! A quantity, amount or percentage of the source that the translation does not have.
//!
//! Numbers are compared by value, across locales (`20.000` and `20,000`,
//! `1,5 %` and `1.5%`, each document's decimal mark judged from its
//! unambiguous numbers), number words (`dos`, `medio millón`, `a dozen`)
//! and scale words (`20.000 millones de dólares` = `$20 billion`). Days and
//! years of dates are left to `date-mismatch`. Identifiers with a number in
//! them (versions, models, events: `2.2r1`, `PS350RR`, `DebConf13`) must come
//! through as written, and an amount must keep its currency (`$` is
//! dollars or pesos). Site chrome that was translated (a dateline, a
//! reference line) is checked too.
//!
//! ## Why it matters
//! A changed figure is the error a fact-checker fears most: it reads
//! naturally and it is wrong. Scale words are the classic trap: Spanish
//! `billón` is a million millions (an English trillion), and English
//! `billion` is Spanish `mil millones`; such a value, off by exactly 1,000,
//! gets its own message. A number written in words (`dos`, `segundo`) and
//! simply missing is only a note: translators rephrase them ("las dos
//! opciones", "both options").
//!
//! ## Example
//! "pidió que destine 20.000 millones de dólares" rendered "asked for $20
//! trillion": the source says 20,000,000,000, the translation
//! 20,000,000,000,000.

use super::{Context, Finding, Severity, Span, side};
use crate::analyse::numbers::{DecimalMark, same_currency, spell};
use crate::langdata::{HashSet, LangData};
use crate::pipeline::Document;

struct Mention<'d> {
    paragraph: usize,
    span: std::ops::Range<usize>,
    text: &'d str,
    values: &'d [f64],
    /// Written as a word (`dos`, `segundo`) rather than in digits.
    word: bool,
    currency: Option<&'static str>,
}

fn mentions<'d>(doc: &'d Document, indices: &'d [usize], mark: DecimalMark) -> Vec<Mention<'d>> {
    let mut out = Vec::new();
    for (i, a) in side(doc, indices) {
        let date_tokens: HashSet<usize> = a
            .dates
            .iter()
            .flat_map(|d| d.number_tokens.iter().copied())
            .collect();
        // Number words count only in paragraphs in the document's language:
        // "Once" in an English sentence left in a Spanish text is not eleven.
        let own_language = a.lang == doc.lang || a.lang == crate::analyse::language::UNDETERMINED;
        for q in a
            .quantities
            .iter()
            .filter(|q| !date_tokens.contains(&q.token))
        {
            let word = a.tokens[q.token].kind == crate::analyse::tokens::TokenKind::Word;
            if word && !own_language {
                continue;
            }
            out.push(Mention {
                paragraph: i,
                span: q.start..q.end,
                text: &doc.paragraphs[i].text[q.start..q.end],
                values: q.resolve(mark),
                word,
                currency: q.currency,
            });
        }
    }
    out
}

/// Mentions of one value compared for the nearest paragraph: enough for any
/// article, and a bound on a table that repeats one figure thousands of times.
const NEAREST_AMONG: usize = 64;

/// Longest identifier compared for similarity, in bytes.
const MAX_CODE: usize = 64;

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn meets(a: &Mention, b: &Mention) -> bool {
    a.values
        .iter()
        .any(|&x| b.values.iter().any(|&y| same(x, y)))
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let (src_doc, tgt_doc) = (&ctx.pair.source, &ctx.pair.target);
    let mut out = Vec::new();
    for l in ctx.matched_links() {
        let mut src = mentions(src_doc, &l.link.source, ctx.source_mark);
        let tgt = mentions(tgt_doc, &l.link.target, ctx.target_mark);
        // A number restated by a longer one both sides have is no figure of
        // its own: a major version (`Debian 8: 8.1 released` / `Debian 8.1`).
        let within = |m: &Mention, among: &[Mention]| {
            among.iter().any(|o| {
                o.text.len() > m.text.len() + 1
                    && o.text.starts_with(m.text)
                    && o.text[m.text.len()..].starts_with('.')
            })
        };
        let restated: Vec<bool> = src
            .iter()
            .map(|m| !m.word && within(m, &src) && within(m, &tgt))
            .collect();
        let mut restated = restated.into_iter();
        src.retain(|_| !restated.next().unwrap_or(false));
        // One-to-one: a figure given twice must be there twice (`2200` and
        // `2200`, not `2200` and `2201`); same paragraph first.
        let mut used = vec![false; tgt.len()];
        let mut missing: Vec<&Mention> = Vec::new();
        // Target mentions by value, so matching stays linear on long tables.
        let mut by_value: crate::langdata::HashMap<u64, Vec<usize>> = Default::default();
        for (k, t) in tgt.iter().enumerate() {
            for v in t.values {
                by_value.entry(v.to_bits()).or_default().push(k);
            }
        }
        // Per value, how many of its (ordered) mentions are certainly used:
        // a figure repeated thousands of times must not be rescanned.
        let mut skip: crate::langdata::HashMap<u64, usize> = Default::default();
        for s in &src {
            let mut pick: Option<usize> = None;
            for v in s.values {
                let Some(bucket) = by_value.get(&v.to_bits()) else {
                    continue;
                };
                let start = skip.entry(v.to_bits()).or_default();
                while *start < bucket.len() && used[bucket[*start]] {
                    *start += 1;
                }
                // The nearest paragraph among the next few free mentions.
                let best = bucket[*start..]
                    .iter()
                    .filter(|&&k| !used[k] && meets(s, &tgt[k]))
                    .take(NEAREST_AMONG)
                    .min_by_key(|&&k| (tgt[k].paragraph.abs_diff(s.paragraph), k));
                let key = |k: usize| (tgt[k].paragraph.abs_diff(s.paragraph), k);
                if let Some(&k) = best.filter(|&&k| pick.is_none_or(|p| key(k) < key(p))) {
                    pick = Some(k);
                }
            }
            match pick {
                Some(k) => used[k] = true,
                None => missing.push(s),
            }
        }
        // A number that ends an identifier of the source written apart
        // (`16` of `DebConf 16`) replaced no figure: the identifiers below
        // compare it.
        let src_ids = id_mentions(src_doc, &l.link.source);
        let ids: HashSet<&str> = src_ids.iter().map(|m| m.2.as_str()).collect();
        let extra: Vec<&Mention> = tgt
            .iter()
            .enumerate()
            .filter(|(k, t)| {
                !used[*k]
                    && !ids.contains(
                        apart_identifier(&tgt_doc.paragraphs[t.paragraph].text, t).as_str(),
                    )
            })
            .map(|(_, t)| t)
            .collect();
        // With nothing in its place, the zero minutes of a time are optional
        // (`08:00` / `8 heures`).
        missing.retain(|m| {
            let before = src_doc.paragraphs[m.paragraph].text[..m.span.start]
                .chars()
                .next_back();
            !(m.text == "00" && matches!(before, Some(':' | 'h')) && extra.is_empty())
        });
        // The same amount in another currency (`dólares` rendered `euros`).
        for s in src.iter().filter(|s| s.currency.is_some()) {
            let mut same_value: Vec<&Mention> = s
                .values
                .iter()
                .flat_map(|v| by_value.get(&v.to_bits()).into_iter().flatten())
                .take(NEAREST_AMONG)
                .map(|&k| &tgt[k])
                .collect();
            same_value.dedup_by(|a, b| std::ptr::eq(*a, *b));
            let Some(t) = same_value.iter().find(|t| t.currency.is_some()) else {
                continue;
            };
            if same_value
                .iter()
                .any(|t| same_currency(s.currency, t.currency))
            {
                continue;
            }
            let (sc, tc) = (
                s.currency.unwrap_or_default(),
                t.currency.unwrap_or_default(),
            );
            let message = format!(
                "«{}» is in {sc} in the source but in {tc} in the translation («{}»)",
                s.text, t.text
            );
            let f = Finding::new(
                "number-mismatch",
                Severity::Error,
                message,
                &l.link.source,
                &l.link.target,
            )
            .source_span(src_doc, Span::new(s.paragraph, s.span.clone()))
            .target_span(tgt_doc, Span::new(t.paragraph, t.span.clone()));
            out.push(f);
        }
        // The k-th missing number was most likely replaced by the k-th extra one.
        for (k, s) in missing.iter().enumerate() {
            let value = s.values[0];
            let english = LangData::get("en");
            let expected = spell(value, LangData::get(tgt_doc.lang));
            let replaced = extra.get(k);
            let message = match replaced {
                Some(t) => {
                    let tv = t.values[0];
                    let factor = if tv != 0.0 { value / tv } else { 0.0 };
                    let thousand = if same(factor, 1000.0) || same(factor, 0.001) {
                        " (off by a factor of 1,000: «billion» is a thousand millions in English, a million millions as Spanish «billón», French «billion» or German «Billion»)"
                    } else {
                        ""
                    };
                    format!(
                        "«{}» ({}) in the source is «{}» ({}) in the translation{thousand}; expected «{expected}»",
                        s.text,
                        spell(value, english),
                        t.text,
                        spell(tv, english)
                    )
                }
                None => format!(
                    "«{}» ({}) in the source is not in the translation; expected «{expected}»",
                    s.text,
                    spell(value, english)
                ),
            };
            // A number word left out is often rephrased ("las dos opciones",
            // "both options"); digits are not.
            let severity = match (s.word, replaced) {
                (false, _) => Severity::Error,
                (true, Some(_)) => Severity::Warning,
                (true, None) => Severity::Info,
            };
            let mut f = Finding::new(
                "number-mismatch",
                severity,
                message,
                &l.link.source,
                &l.link.target,
            )
            .source_span(src_doc, Span::new(s.paragraph, s.span.clone()))
            .with_expected(expected);
            if let Some(t) = replaced {
                f = f.target_span(tgt_doc, Span::new(t.paragraph, t.span.clone()));
            }
            out.push(f);
        }
        // Numbers only the translation has, beyond those that replaced one.
        for t in extra.iter().skip(missing.len()) {
            let message = format!("«{}» in the translation is not in the source", t.text);
            let f = Finding::new(
                "number-mismatch",
                Severity::Info,
                message,
                &l.link.source,
                &l.link.target,
            );
            out.push(f.target_span(tgt_doc, Span::new(t.paragraph, t.span.clone())));
        }
        out.extend(identifier_findings(ctx, l, &src_ids));
    }
    out.extend(percent_or_points(ctx));
    out.extend(foreign_separators(ctx));
    out
}

/// Identifiers with a number in them (`DebConf13`, `libc6`, `2.2r1`,
/// `PS350RR`): a letter, then a digit, in one run of ASCII letters, digits
/// and periods. Quantities with a unit (`10k`, `3MB`) start
/// with the digits and are left to the value comparison.
pub fn identifiers(text: &str) -> Vec<std::ops::Range<usize>> {
    // Hyphens join codes (`CVE-2006-2451`, `COVID-19`) but also words to
    // identifiers (`woody-i386`, `non-x86`): a hyphen joins only when the
    // part before it is capitals or digits.
    let is_part = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_part(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                // Inside a longer word with other letters (`módulo.pp`) it is not one.
                let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let word = text[s..i].trim_end_matches(['.', '-']);
                if glued(text[..s].chars().next_back()) || glued(Some(c)) {
                    start = None;
                    continue;
                }
                for (k, part) in code_runs(word) {
                    let first_letter = part.find(|c: char| c.is_ascii_alphabetic());
                    let last_digit = part.rfind(|c: char| c.is_ascii_digit());
                    let letter_then_digit =
                        matches!((first_letter, last_digit), (Some(l), Some(d)) if l < d);
                    // `No.1`, `p.5`, `Vol.2`: an abbreviation, then a number
                    // compared by value (`número 1`), not a code.
                    let abbreviated_number = part.split_once('.').is_some_and(|(a, n)| {
                        (1..=3).contains(&a.len())
                            && a.chars().all(|c| c.is_ascii_alphabetic())
                            && !n.is_empty()
                            && n.chars().all(|c| c.is_ascii_digit())
                    });
                    // `22h30`, `01h00`: a time (French, Portuguese), not a code.
                    let time = part.split_once('h').is_some_and(|(h, m)| {
                        (1..=2).contains(&h.len())
                            && h.chars().all(|c| c.is_ascii_digit())
                            && (m.is_empty() || m.len() == 2)
                            && m.chars().all(|c| c.is_ascii_digit())
                    });
                    if letter_then_digit && part.len() >= 2 && !abbreviated_number && !time {
                        out.push(s + k..s + k + part.len());
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The identifier a number ends when written apart from the word before it
/// (`16` in `DebConf 16` is `debconf16`), lower-cased; empty if none.
fn apart_identifier(text: &str, m: &Mention) -> String {
    let before = &text[..m.span.start];
    let Some(gap) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, ' ' | '-' | '\u{a0}'))
    else {
        return String::new();
    };
    let word_end = before.len() - gap.len_utf8();
    let word_start = before[..word_end]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    if word_start == word_end || !before[..word_end].ends_with(|c: char| c.is_ascii_alphabetic()) {
        return String::new();
    }
    format!("{}{}", &before[word_start..word_end], m.text).to_ascii_lowercase()
}

/// The text with the space or hyphen between a word and a number closed up
/// (`DebConf 16` as `DebConf16`), for identifiers written apart.
fn join_letters_to_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let gap = matches!(c, ' ' | '-' | '\u{a0}');
        if !(gap
            && previous.is_ascii_alphabetic()
            && chars.peek().is_some_and(char::is_ascii_digit))
        {
            out.push(c);
        }
        previous = c;
    }
    out
}

/// Splits `woody-i386` into `woody` and `i386` but keeps `CVE-2006-2451`
/// whole: a hyphen joins parts that are all capitals or digits.
fn code_runs(word: &str) -> Vec<(usize, &str)> {
    let code = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let mut out: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    let mut previous_code = false;
    for part in word.split('-') {
        let is_code = code(part);
        match out.last_mut() {
            Some((start, run)) if is_code && previous_code => *run = &word[*start..at + part.len()],
            _ => out.push((at, part)),
        }
        previous_code = is_code;
        at += part.len() + 1;
    }
    out
}

/// An identifier where it stands: paragraph, byte range, lower-cased text.
type IdMention = (usize, std::ops::Range<usize>, String);

/// The identifiers of some paragraphs.
fn id_mentions(doc: &Document, ix: &[usize]) -> Vec<IdMention> {
    ix.iter()
        .flat_map(|&i| {
            let text = &doc.paragraphs[i].text;
            identifiers(text)
                .into_iter()
                .map(move |r| (i, r.clone(), text[r].to_ascii_lowercase()))
        })
        .collect()
}

fn identifier_findings(
    ctx: &Context,
    l: &crate::pipeline::AlignedLink,
    src: &[IdMention],
) -> Vec<Finding> {
    let tgt = id_mentions(&ctx.pair.target, &l.link.target);
    let src_ids: HashSet<&str> = src.iter().map(|s| s.2.as_str()).collect();
    let mut tgt_ids: HashSet<&str> = tgt.iter().map(|t| t.2.as_str()).collect();
    // Written apart in the translation (`DebConf16` / `DebConf 16`).
    let apart: Vec<String> = l
        .link
        .target
        .iter()
        .flat_map(|&j| {
            let joined = join_letters_to_digits(&ctx.pair.target.paragraphs[j].text);
            identifiers(&joined)
                .into_iter()
                .map(|r| joined[r].to_ascii_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    tgt_ids.extend(apart.iter().map(String::as_str));
    // Identifiers only the translation has, each once: what a missing one
    // may have become. Compared with each missing identifier once, and only
    // the first few: a table of thousands must not cost millions of
    // comparisons.
    let mut seen: HashSet<&str> = HashSet::default();
    let only_target: Vec<&IdMention> = tgt
        .iter()
        .filter(|t| !src_ids.contains(t.2.as_str()) && seen.insert(t.2.as_str()))
        .take(NEAREST_AMONG)
        .collect();
    let mut replacements: crate::langdata::HashMap<&str, Option<&IdMention>> = Default::default();
    let mut out = Vec::new();
    // The target's numbers, for identifiers that stand for one (`Y2K`).
    let tgt_numbers: HashSet<&str> = side(&ctx.pair.target, &l.link.target)
        .flat_map(|(_, a)| {
            a.tokens
                .iter()
                .filter(|t| t.kind == crate::analyse::tokens::TokenKind::Number)
                .map(|t| a.tokens.folded(t))
        })
        .collect();
    let stands_for_a_number_here = |id: &str| {
        ctx.source_lang.expansions(id).iter().any(|e| {
            let numbers: Vec<&String> = e
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                .collect();
            !numbers.is_empty() && numbers.iter().all(|n| tgt_numbers.contains(n.as_str()))
        })
    };
    for (i, range, id) in src {
        if tgt_ids.contains(id.as_str()) || stands_for_a_number_here(id) {
            continue;
        }
        // What replaced it: the most similar identifier only the translation has.
        let replaced = *replacements.entry(id.as_str()).or_insert_with(|| {
            // Jaro-Winkler is quadratic in length: codes are short.
            only_target
                .iter()
                .filter(|t| id.len() <= MAX_CODE && t.2.len() <= MAX_CODE)
                .map(|t| (strsim::jaro_winkler(id, &t.2), *t))
                .filter(|(sim, _)| *sim >= 0.7)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, t)| t)
        });
        let text = &ctx.pair.source.paragraphs[*i].text[range.clone()];
        let message = match replaced {
            Some((j, r, _)) => format!(
                "«{text}» in the source is «{}» in the translation",
                &ctx.pair.target.paragraphs[*j].text[r.clone()]
            ),
            None => format!("«{text}» in the source is not in the translation"),
        };
        let mut f = Finding::new(
            "number-mismatch",
            Severity::Error,
            message,
            &l.link.source,
            &l.link.target,
        )
        .source_span(&ctx.pair.source, Span::new(*i, range.clone()))
        .with_expected(text);
        if let Some((j, r, _)) = replaced {
            f = f.target_span(&ctx.pair.target, Span::new(*j, r.clone()));
        }
        out.push(f);
    }
    out
}

/// Whether the number token `k` of a paragraph is a percentage (`20 %`,
/// `20 por ciento`), a difference of percentages (`20 points`), or neither.
fn percent_kind(doc: &Document, p: usize, k: usize, lang: &LangData) -> Option<bool> {
    let a = &doc.analyses[p];
    let t = &a.tokens[k];
    let rest = doc.paragraphs[p].text[t.end..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if rest.starts_with('%') {
        return Some(true);
    }
    let next: Vec<&str> = a.tokens[k + 1..]
        .iter()
        .take(3)
        .map(|t| a.tokens.folded(t))
        .collect();
    let starts = |phrases: &[Vec<String>]| {
        phrases
            .iter()
            .any(|ph| ph.len() <= next.len() && ph.iter().zip(&next).all(|(a, b)| a == b))
    };
    if starts(&lang.percent_phrases) {
        Some(true)
    } else if starts(&lang.points_phrases) {
        Some(false)
    } else {
        None
    }
}

/// A figure that is a percentage on one side and percentage points on the
/// other (`20 percent` / `20 puntos`): sentence by sentence, the same value.
fn percent_or_points(ctx: &Context) -> Vec<Finding> {
    let kinds = |doc: &Document, refs: &[crate::pipeline::SentenceRef], lang: &LangData, mark| {
        let mut out = Vec::new();
        for r in refs {
            let a = &doc.analyses[r.paragraph];
            for q in a
                .quantities
                .iter()
                .filter(|q| q.start >= r.range.start && q.end <= r.range.end)
            {
                let kind = a.tokens[q.token..]
                    .first()
                    .and_then(|_| percent_kind(doc, r.paragraph, q.token, lang));
                if let Some(kind) = kind {
                    out.push((r.paragraph, q.start..q.end, q.resolve(mark).to_vec(), kind));
                }
            }
        }
        out
    };
    let mut out = Vec::new();
    for pair in ctx.sentence_pairs() {
        let s = kinds(
            &ctx.pair.source,
            &pair.source,
            ctx.source_lang,
            ctx.source_mark,
        );
        let t = kinds(
            &ctx.pair.target,
            &pair.target,
            ctx.target_lang,
            ctx.target_mark,
        );
        for (sp, sr, sv, sk) in &s {
            let same_value = |tv: &Vec<f64>| sv.iter().any(|a| tv.iter().any(|b| same(*a, *b)));
            if t.iter().any(|(_, _, tv, tk)| tk == sk && same_value(tv)) {
                continue;
            }
            let Some((tp, tr, _, _)) = t.iter().find(|(_, _, tv, tk)| tk != sk && same_value(tv))
            else {
                continue;
            };
            let (what, other) = if *sk {
                ("a percentage", "percentage points")
            } else {
                ("percentage points", "a percentage")
            };
            let ss = Span::new(*sp, sr.clone());
            let ts = Span::new(*tp, tr.clone());
            let message = format!(
                "«{}» is {what} in the source and {other} in the translation («{}»)",
                super::span_text(&ctx.pair.source, &ss),
                super::span_text(&ctx.pair.target, &ts)
            );
            out.push(pair.finding(
                ctx.pair,
                "number-mismatch",
                Severity::Warning,
                message,
                ss,
                ts,
            ));
        }
    }
    out
}

/// A number written with the source language's separators where the
/// translation's mean something else: a decimal comma in English (`2,25
/// billion`), or `375,000` copied into a translation that writes decimals
/// with a comma (where it reads 375). Reported only where the source has
/// the figure the separator was meant to give.
fn foreign_separators(ctx: &Context) -> Vec<Finding> {
    use crate::analyse::tokens::TokenKind;
    let mut out = Vec::new();
    // English writes decimals with a point whatever a document's numbers
    // vote (the vote may be the error's); a language that writes both shows
    // its mark in the document.
    // Only between languages whose conventions differ.
    let source_comma = ctx.source_mark.or(ctx.source_lang.decimal_mark) == DecimalMark::Comma
        && ctx.source_lang.decimal_mark != DecimalMark::Point;
    let point_language = ctx.target_lang.decimal_mark == DecimalMark::Point && source_comma;
    let comma_document = ctx.target_mark == DecimalMark::Comma
        && ctx.source_mark.or(ctx.source_lang.decimal_mark) == DecimalMark::Point;
    if !point_language && !comma_document {
        return out;
    }
    for l in ctx.content_links() {
        let source_numbers: Vec<&str> = side(&ctx.pair.source, &l.link.source)
            .flat_map(|(_, a)| {
                a.tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Number)
                    .map(move |t| a.tokens.folded(t))
            })
            .collect();
        for (p, a) in side(&ctx.pair.target, &l.link.target) {
            for t in a.tokens.iter().filter(|t| t.kind == TokenKind::Number) {
                let text = a.tokens.folded(t);
                let seps: Vec<char> = text.chars().filter(|c| matches!(c, '.' | ',')).collect();
                let [sep] = seps[..] else { continue };
                let tail = text.rsplit(sep).next().unwrap_or("").len();
                // In a comma-decimal translation, `375,000` copied from a
                // source that groups thousands with commas reads 375.
                let copied_grouping = comma_document && sep == ',' && tail == 3;
                let decimal_comma = point_language && sep == ',' && tail != 3;
                let wrong = (copied_grouping || decimal_comma) && source_numbers.contains(&text);
                if !wrong {
                    continue;
                }
                let message = if copied_grouping {
                    format!(
                        "«{text}» keeps the source's thousands separator; in the translation's language «{sep}» marks decimals"
                    )
                } else {
                    format!(
                        "«{text}» has a decimal comma, which the translation's language does not use"
                    )
                };
                out.push(
                    Finding::new(
                        "number-mismatch",
                        Severity::Warning,
                        message,
                        &l.link.source,
                        &l.link.target,
                    )
                    .target_span(&ctx.pair.target, Span::new(p, t.start..t.end)),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn percent_against_points_and_a_decimal_comma() {
        let es =
            "El paro en Valparaíso subió 3 puntos en un año, según el instituto de estadística.";
        let en = "Unemployment in Valparaíso rose 3 percent in a year, according to the statistics institute.";
        let f = check_pair(es, en, "number-mismatch");
        assert!(
            f.iter().any(|f| f
                .message
                .contains("percentage points in the source and a percentage")),
            "{f:#?}"
        );
        let right = "Unemployment in Valparaíso rose 3 points in a year, according to the statistics institute.";
        assert!(check_pair(es, right, "number-mismatch").is_empty());
        let es = "El puerto de Valparaíso movió 2,25 millones de contenedores en el año, según la autoridad portuaria.";
        let en = "The port of Valparaíso handled 2,25 million containers in the year, according to the port authority.";
        let f = check_pair(es, en, "number-mismatch");
        assert!(
            f.iter().any(|f| f.message.contains("decimal comma")),
            "{f:#?}"
        );
    }
    use crate::checks::{Finding, Severity};

    fn errors(es: &str, en: &str) -> Vec<Finding> {
        check_pair(es, en, "number-mismatch")
            .into_iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect()
    }

    #[test]
    fn identifiers_with_numbers_come_through_as_written() {
        use super::identifiers;
        let text = "DebConf13, libc6 y la versión 2.2r1 del PS350RR-100, 10k y 3MB, COVID-19, no-x86, módulo.pp.bz2, CVE-2006-2451, Y2K-compliant.";
        let ids: Vec<&str> = identifiers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            ids,
            [
                "DebConf13",
                "libc6",
                "2.2r1",
                "PS350RR-100",
                "COVID-19",
                "x86",
                "CVE-2006-2451",
                "Y2K"
            ]
        );
        let text = "de 22h30 à 01h00, ou vers 9h";
        assert!(identifiers(text).is_empty(), "{:?}", identifiers(text));
        let es = "El comité eligió Nicaragua como sede de la DebConf12 y publicó la versión 2.2r1.";
        let en = "The committee chose Nicaragua to host DebConf13 and released version 2.2r1.";
        let f = errors(es, en);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.target_text.as_deref(), Some("DebConf13"));
    }

    #[test]
    fn numbers_restated_or_written_apart_pass() {
        let en = "Updated Debian 8: 8.1 released. The conference DebConf16 opens its doors at 08:00 CET with talks by the developers.";
        let fr = "Publication de la mise à jour de Debian 8.1. La conférence DebConf 16 ouvre ses portes à 8 heures CET avec des présentations des développeurs.";
        let f = errors(en, fr);
        assert!(f.is_empty(), "{f:#?}");
        let wrong = fr.replace("DebConf 16", "DebConf 17");
        let f = errors(en, &wrong);
        assert!(
            f.iter()
                .any(|f| f.evidence.source_text.as_deref() == Some("DebConf16")),
            "{f:#?}"
        );
        // The minutes of a time are not optional where another figure stands in their place.
        let wrong = fr.replace("8 heures", "8 h 30");
        assert_eq!(errors(en, &wrong).len(), 1);
    }

    #[test]
    fn abbreviated_numbers_and_acronyms_of_years_pass() {
        let en = "The firm wants to be No.1 in robotics by 2030 and fixed its Y2K bugs.";
        let es = "La empresa quiere ser la número 1 en robótica para 2030 y corrigió los errores del año 2000.";
        let f = crate::checks::tests::check_pair(en, es, "number-mismatch");
        let f: Vec<_> = f
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        assert!(f.is_empty(), "{f:#?}");
        let es = "La empresa quiere ser la número 2 en robótica para 2030 y corrigió los errores del año 1999.";
        let f = crate::checks::tests::check_pair(en, es, "number-mismatch");
        let f: Vec<_> = f
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        assert_eq!(f.len(), 2, "{f:#?}");
    }

    #[test]
    fn a_changed_currency_is_flagged() {
        let es = "El Gobierno destinará 300 millones de dólares a la reconstrucción de las escuelas dañadas.";
        let f = errors(
            es,
            "The Government will allocate 300 million euros to rebuilding the damaged schools.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("USD") && f[0].message.contains("EUR"),
            "{}",
            f[0].message
        );
        // `$` is dollars or pesos.
        let ok = "The Government will allocate $300 million to rebuilding the damaged schools.";
        assert!(errors(es, ok).is_empty());
    }

    #[test]
    fn tricky_but_correct_numbers_pass() {
        let es = "La economía creció un 2,5 % y el desempleo bajó al 1.200 por cada cien mil, con medio millón de empleos nuevos, 20.000 millones de dólares de inversión y una docena de fábricas.";
        let en = "The economy grew 2.5% and unemployment fell to 1,200 per hundred thousand, with half a million new jobs, $20 billion of investment and a dozen factories.";
        assert_eq!(errors(es, en), vec![]);
    }

    #[test]
    fn a_changed_figure_is_flagged_with_both_sides() {
        let es = "Protección Civil contabilizó más de 1.500 viviendas dañadas y 34 escuelas afectadas en el estado.";
        let en = "Civil Protection counted more than 1,500 damaged homes and 43 affected schools in the state.";
        let f = errors(es, en);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.source_text.as_deref(), Some("34"));
        assert_eq!(f[0].evidence.target_text.as_deref(), Some("43"));
        assert_eq!(f[0].evidence.expected.as_deref(), Some("34"));
    }

    #[test]
    fn billones_rendered_as_billion_is_off_by_a_thousand() {
        let es = "La deuda pública alcanzó los 4 billones de pesos al cierre del año pasado, según Hacienda.";
        let en = "Public debt reached 4 billion pesos at the end of last year, according to the Treasury.";
        let f = errors(es, en);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("factor of 1,000"), "{}", f[0].message);
        assert_eq!(f[0].evidence.expected.as_deref(), Some("4 trillion"));
    }

    #[test]
    fn english_billion_as_spanish_billones_is_flagged_the_other_way_too() {
        let en = "The administration will ask Congress for $4 billion to hire 1,500 more agents, officials said.";
        let es = "El gobierno pedirá al Congreso 4 billones de dólares para contratar a 1.500 agentes más, dijeron funcionarios.";
        let f = errors(en, es);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("factor of 1,000"), "{}", f[0].message);
        assert_eq!(f[0].evidence.expected.as_deref(), Some("4.000 millones"));
        let es = es.replace("4 billones", "4.000 millones");
        assert_eq!(errors(en, &es), vec![]);
    }

    #[test]
    fn each_locale_writes_its_own_separators_and_scales() {
        let en = "The company invested $2.5 billion and hired 25,000 workers in 2023.";
        for target in [
            "L'entreprise a investi 2,5 milliards de dollars et embauché 25 000 salariés en 2023.",
            "A empresa investiu 2,5 mil milhões de dólares e contratou 25.000 trabalhadores em 2023.",
            "L'azienda ha investito 2,5 miliardi di dollari e assunto 25.000 lavoratori nel 2023.",
            "Das Unternehmen investierte 2,5 Milliarden Dollar und stellte 2023 25.000 Arbeiter ein.",
        ] {
            assert_eq!(errors(en, target), vec![], "{target}");
            let wrong = target.replacen("2,5", "3,5", 1);
            assert_eq!(errors(en, &wrong).len(), 1, "{wrong}");
        }
    }

    #[test]
    fn pairs_without_english() {
        let fr = "Le gouvernement a débloqué 2,5 milliards d'euros pour 25 000 logements, a annoncé jeudi le ministre.";
        let es = "El gobierno liberó 2.500 millones de euros para 25.000 viviendas, anunció el jueves el ministro.";
        assert_eq!(errors(fr, es), vec![]);
        let f = errors(fr, &es.replace("2.500 millones", "2,5 billones"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("2.500 millones"));
    }

    #[test]
    fn a_dropped_number_is_flagged_and_date_numbers_are_not() {
        let es = "El 4 de junio de 2024 llegaron 250 migrantes y 12 familias al albergue.";
        let en = "On June 4, 2024, migrants and 12 families arrived at the shelter.";
        let f = errors(es, en);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.source_text.as_deref(), Some("250"));
        assert_eq!(f[0].evidence.target_text, None);
    }
}
