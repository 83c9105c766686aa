//! A date, month, weekday or year of the source that the translation changes or drops.
//!
//! Dates are compared by meaning, not by spelling: `27 de diciembre`,
//! `Dec. 27`, `December 27` and `27/12` are one date; `este viernes` and
//! `on Friday` one weekday. Numeric dates are read day-first, or month-first
//! in English. Site chrome that was translated (a dateline) is checked too.
//! Relative dates (`el próximo año`, `late last week`, `Ende letzten
//! Jahres`: `data/relative-dates/xx.tsv`) are compared sentence by
//! sentence, by unit, offset and part.
//!
//! ## Why it matters
//! Dates anchor a story in time; a wrong weekday or a day off by one
//! changes what happened when, and it survives proofreading because it
//! reads naturally.
//!
//! ## Example
//! "comenzaron en México el 27 de diciembre" rendered "began in Mexico on
//! Dec. 28"; "el domingo" rendered "on Saturday".

use super::{Context, Finding, Severity, Span, side};
use crate::analyse::dates::DatePart;
use crate::langdata::{HashMap, HashSet, LangData};
use crate::pipeline::Document;

struct Mention<'d> {
    paragraph: usize,
    span: std::ops::Range<usize>,
    text: &'d str,
    part: DatePart,
}

fn mentions<'d>(doc: &'d Document, indices: &'d [usize]) -> Vec<Mention<'d>> {
    let mut out = Vec::new();
    for (i, a) in side(doc, indices) {
        for d in &a.dates {
            for &part in &d.parts {
                out.push(Mention {
                    paragraph: i,
                    span: d.start..d.end,
                    text: &doc.paragraphs[i].text[d.start..d.end],
                    part,
                });
            }
        }
    }
    out
}

/// A date part in words of a language: `December 27`, `27 de diciembre`.
pub fn spell(part: DatePart, lang: &LangData) -> String {
    let name = |table: &crate::langdata::HashMap<String, u8>, n: u8| {
        let key = table
            .iter()
            .filter(|(_, v)| **v == n)
            .map(|(k, _)| k.as_str())
            .max_by_key(|k| (k.len(), *k))
            .unwrap_or("");
        let word = lang.written.get(key).map_or(key, String::as_str);
        if lang.capitalised_months {
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            word.to_string()
        }
    };
    match part {
        DatePart::Year(y) => y.to_string(),
        DatePart::Month(m) => name(&lang.months, m),
        DatePart::Weekday(w) => name(&lang.weekdays, w),
        DatePart::DayMonth(d, m) => lang
            .day_format
            .replace("{day}", &d.to_string())
            .replace("{month}", &name(&lang.months, m)),
    }
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let english = LangData::get("en");
    let mut out = Vec::new();
    for l in ctx.matched_links() {
        let src = mentions(&ctx.pair.source, &l.link.source);
        let tgt = mentions(&ctx.pair.target, &l.link.target);
        // Every look-up below goes through a table built once per link, so a
        // paragraph with thousands of dates stays linear.
        let src_parts: HashSet<DatePart> = src.iter().map(|s| s.part).collect();
        let src_months: HashSet<u8> = src
            .iter()
            .filter_map(|s| match s.part {
                DatePart::Month(m) => Some(m),
                _ => None,
            })
            .collect();
        let tgt_parts: HashSet<DatePart> = tgt.iter().map(|t| t.part).collect();
        let tgt_months: HashSet<u8> = tgt
            .iter()
            .filter_map(|t| match t.part {
                DatePart::Month(m) | DatePart::DayMonth(_, m) => Some(m),
                _ => None,
            })
            .collect();
        // Target parts the source renders: not free to have replaced another.
        let mut used: Vec<bool> = tgt
            .iter()
            .map(|t| {
                src_parts.contains(&t.part)
                    || matches!(t.part, DatePart::DayMonth(_, m) if src_months.contains(&m))
            })
            .collect();
        // Unused target mentions of each part, in order, for one-to-one matching.
        let mut by_part: HashMap<DatePart, std::collections::VecDeque<usize>> = HashMap::default();
        for (k, t) in tgt.iter().enumerate() {
            by_part.entry(t.part).or_default().push_back(k);
        }
        // Month words the date reader set aside as ambiguous (`May` opening a
        // sentence) still render a month the source names.
        let month_words: HashSet<u8> = l
            .link
            .target
            .iter()
            .flat_map(|&j| {
                let a = &ctx.pair.target.analyses[j];
                // Capitalised only where the language capitalises months: a
                // lower-case `may` is a verb.
                let capitals = ctx.target_lang.capitalised_months;
                a.tokens
                    .iter()
                    .filter(move |t| t.capitalized || !capitals)
                    .filter_map(move |t| ctx.target_lang.months.get(a.tokens.folded(t)).copied())
            })
            .collect();
        // Numbers of the translation, for days and decades written without
        // their month or century (`el 15 de febrero y el 21`, `los 70`).
        let numbers: HashSet<u64> = l
            .link
            .target
            .iter()
            .flat_map(|&j| {
                // Free numbers only: a day of another date is not this one's.
                let a = &ctx.pair.target.analyses[j];
                let in_dates: HashSet<usize> = a
                    .dates
                    .iter()
                    .flat_map(|d| d.number_tokens.iter().copied())
                    .collect();
                a.quantities
                    .iter()
                    .filter(move |q| !in_dates.contains(&q.token))
                    .flat_map(|q| q.values.iter().map(|v| v.to_bits()))
            })
            .collect();
        let has_number = |n: f64| numbers.contains(&n.to_bits());
        // Years an acronym of the translation stands for (`Y2K`, `año 2000`).
        let acronym_years: HashSet<u16> = l
            .link
            .target
            .iter()
            .flat_map(|&j| {
                let a = &ctx.pair.target.analyses[j];
                let text = &ctx.pair.target.paragraphs[j].text;
                a.tokens
                    .iter()
                    .filter(move |t| crate::analyse::is_acronym(&text[t.start..t.end]))
                    .flat_map(move |t| ctx.target_lang.expansions(a.tokens.folded(t)))
                    .flatten()
                    .filter_map(|w| w.parse::<u16>().ok())
            })
            .collect();
        let has_month = |m: u8| month_words.contains(&m) || tgt_months.contains(&m);
        // The first target mention of each kind not yet accounted for, found
        // by cursors that only move forward.
        let kind = |p: DatePart| match p {
            DatePart::Month(_) | DatePart::DayMonth(..) => 0,
            DatePart::Year(_) => 1,
            DatePart::Weekday(_) => 2,
        };
        let mut cursor = [0usize; 3];
        // The year before each mention's, in the same paragraph: a year
        // that repeats the one just given closes a range.
        let mut last_year: Option<(usize, u16)> = None;
        for s in &src {
            let repeats_last_year = match s.part {
                DatePart::Year(y) => {
                    let repeat = last_year == Some((s.paragraph, y));
                    last_year = Some((s.paragraph, y));
                    repeat
                }
                _ => false,
            };
            let loosely = match s.part {
                DatePart::Month(m) => month_words.contains(&m),
                DatePart::DayMonth(d, m) => has_month(m) && has_number(f64::from(d)),
                // A range gives its year once: `29 July 2018 until 5 August
                // 2018` is `del 29 de julio al 5 de agosto de 2018`.
                DatePart::Year(y) => {
                    acronym_years.contains(&y)
                        || (y % 10 == 0 && has_number(f64::from(y % 100)))
                        || (repeats_last_year && tgt_parts.contains(&s.part))
                }
                DatePart::Weekday(_) => false,
            };
            // One to one for the same part (a month named twice must be there
            // twice); a month also counts in a full date of the translation.
            if by_part
                .get_mut(&s.part)
                .and_then(|q| q.pop_front())
                .is_some()
            {
                continue;
            }
            let within = matches!(s.part, DatePart::Month(m) if tgt_months.contains(&m));
            if loosely || within {
                continue;
            }
            let c = &mut cursor[kind(s.part)];
            while *c < tgt.len() && (used[*c] || kind(tgt[*c].part) != kind(s.part)) {
                *c += 1;
            }
            let replaced = (*c < tgt.len()).then(|| (*c, &tgt[*c]));
            if let Some((k, _)) = replaced {
                used[k] = true;
            }
            let replaced = replaced.map(|(_, t)| t);
            let expected = spell(s.part, ctx.target_lang);
            let message = match replaced {
                Some(t) => format!(
                    "«{}» ({}) in the source is «{}» ({}) in the translation; expected «{expected}»",
                    s.text,
                    spell(s.part, english),
                    t.text,
                    spell(t.part, english)
                ),
                None => format!(
                    "«{}» ({}) in the source is not in the translation",
                    s.text,
                    spell(s.part, english)
                ),
            };
            let mut f = Finding::new(
                "date-mismatch",
                Severity::Error,
                message,
                &l.link.source,
                &l.link.target,
            )
            .source_span(&ctx.pair.source, Span::new(s.paragraph, s.span.clone()))
            .with_expected(expected);
            if let Some(t) = replaced {
                f = f.target_span(&ctx.pair.target, Span::new(t.paragraph, t.span.clone()));
            }
            out.push(f);
        }
    }
    out.extend(relative_dates(ctx));
    out
}

/// Relative dates of an aligned sentence pair that disagree: `el próximo
/// año` / `this year`, `early last week` / `late last week`. Compared only
/// where both sides name the same unit (day, week, month, year), and a part
/// (early, late) only where both say one.
pub fn relative_dates(ctx: &Context) -> Vec<Finding> {
    use crate::relative_dates::{self, Part};
    let (Some(sd), Some(td)) = (
        relative_dates::get(ctx.pair.source.lang),
        relative_dates::get(ctx.pair.target.lang),
    ) else {
        return vec![];
    };
    let mut out = Vec::new();
    for pair in ctx.matched_sentence_pairs() {
        let s_words = &pair.source_words;
        let t_words = &pair.target_words;
        let s = sd.find_all(&s_words.words);
        let t = td.find_all(&t_words.words);
        for a in s.iter().filter(|a| a.tag.unit.is_some()) {
            let same_unit: Vec<_> = t.iter().filter(|b| b.tag.unit == a.tag.unit).collect();
            let agrees = |b: &&crate::phrases::Match<relative_dates::RelativeDate>| {
                b.tag.offset == a.tag.offset
                    && (a.tag.part == Part::Whole
                        || b.tag.part == Part::Whole
                        || a.tag.part == b.tag.part)
            };
            let Some(b) = same_unit.first() else { continue };
            if same_unit.iter().any(agrees)
                || s.iter().any(|x| x.tag.unit == a.tag.unit && x.tag != a.tag)
            {
                continue;
            }
            let (ss, ts) = (s_words.span(a), t_words.span(b));
            let message = format!(
                "«{}» in the source is «{}» in the translation",
                super::span_text(&ctx.pair.source, &ss),
                super::span_text(&ctx.pair.target, &ts)
            );
            out.push(pair.finding(
                ctx.pair,
                "date-mismatch",
                Severity::Warning,
                message,
                ss,
                ts,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn equivalent_dates_pass() {
        let es = "Las conversaciones comenzaron el 27 de diciembre y seguirán este viernes, el 4 de junio de 2024 y a principios de enero.";
        let en = "The talks began on Dec. 27 and will continue on Friday, on June 4, 2024, and in early January.";
        assert!(check_pair(es, en, "date-mismatch").is_empty());
    }

    #[test]
    fn the_year_an_acronym_stands_for_and_mid_month_pass() {
        let es = "Los bancos revisaron sus sistemas por el efecto del año 2000 a mediados de septiembre.";
        let en = "The banks checked their systems for the Y2K bug in mid-September.";
        let f = check_pair(es, en, "date-mismatch");
        assert!(f.is_empty(), "{f:#?}");
        let en = "The banks checked their systems for the Y2K bug in mid-October.";
        let f = check_pair(es, en, "date-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_changed_day_and_weekday_are_flagged() {
        let es =
            "El partido se jugó el domingo 28 de febrero en el estadio Monumental de Buenos Aires.";
        let en = "The match was played on Saturday, February 27, at the Monumental stadium in Buenos Aires.";
        let f = check_pair(es, en, "date-mismatch");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("Sunday"));
        assert_eq!(f[0].evidence.target_text.as_deref(), Some("Saturday"));
        assert_eq!(f[1].evidence.expected.as_deref(), Some("February 28"));
    }

    #[test]
    fn a_day_written_as_a_word() {
        let es =
            "Bolivia espera una resolución del tribunal para el uno de octubre, tras cinco años.";
        let wrong = "Bolivia awaits a ruling by the court on 11 October, after five years.";
        let f = check_pair(es, wrong, "date-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("October 1"));
        let right = "Bolivia awaits a ruling by the court on 1 October, after five years.";
        assert!(check_pair(es, right, "date-mismatch").is_empty());
        let spelled =
            "Bolivia awaits a ruling by the court on the first of October, after five years.";
        assert!(check_pair(es, spelled, "date-mismatch").is_empty());
    }

    #[test]
    fn english_source_dates_are_checked_in_spanish() {
        let en =
            "The summit will open on Saturday, March 2, 2024, in Mexico City with twelve leaders.";
        let es = "La cumbre se inaugurará el domingo 2 de marzo de 2024 en la Ciudad de México con doce líderes.";
        let f = check_pair(en, es, "date-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("sábado"));
        assert_eq!(f[0].evidence.target_text.as_deref(), Some("domingo"));
        let es = es.replace("domingo", "sábado");
        assert!(check_pair(en, &es, "date-mismatch").is_empty());
    }

    #[test]
    fn dates_in_other_languages() {
        let en = "The talks began on Monday, January 15, and ended on Friday, January 19, 2024.";
        for (target, changed) in [
            (
                "Les pourparlers ont commencé le lundi 15 janvier et se sont terminés le vendredi 19 janvier 2024.",
                "mars",
            ),
            (
                "As conversações começaram na segunda-feira, 15 de janeiro, e terminaram na sexta-feira, 19 de janeiro de 2024.",
                "março",
            ),
            (
                "I colloqui sono iniziati lunedì 15 gennaio e si sono conclusi venerdì 19 gennaio 2024.",
                "marzo",
            ),
            (
                "Die Gespräche begannen am Montag, dem 15. Januar, und endeten am Freitag, dem 19. Januar 2024.",
                "März",
            ),
        ] {
            assert!(
                check_pair(en, target, "date-mismatch").is_empty(),
                "{target}"
            );
            let month = ["janvier", "janeiro", "gennaio", "Januar"]
                .into_iter()
                .find(|m| target.contains(m))
                .unwrap();
            let wrong = target.replacen(month, changed, 1);
            assert_eq!(check_pair(en, &wrong, "date-mismatch").len(), 1, "{wrong}");
        }
    }

    #[test]
    fn a_range_may_give_its_year_once_but_a_changed_year_is_flagged() {
        let en =
            "DebConf will be held in Hsinchu from 29 July 2018 until 5 August 2018, the team said.";
        let es = "La DebConf se celebrará en Hsinchu entre el 29 de julio y el 5 de agosto de 2018, dijo el equipo.";
        assert!(check_pair(en, es, "date-mismatch").is_empty());
        let es = "Ian Murdock fundó Debian en agosto de 1994 y lo condujo hasta marzo de 1996, con apoyo desde noviembre de 1994.";
        let en = "Ian Murdock founded Debian in August 1993 and led it until March 1996, with support from November 1994.";
        let f = check_pair(es, en, "date-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("1994"));
    }

    #[test]
    fn a_dropped_year_is_flagged() {
        let es = "La inflación subyacente bajó hasta su nivel más bajo desde enero de 2022.";
        let en = "Core inflation fell to its lowest level since January.";
        let f = check_pair(es, en, "date-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.source_text.as_deref(), Some("enero de 2022"));
    }
}
