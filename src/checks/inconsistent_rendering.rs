//! The same person's title, or the same source term, rendered differently in different places.
//!
//! Needs no glossary. For a person named in several places, the title next
//! to the name (before it, or after it between commas) is compared by its
//! capitalised words: where the source gives the same title and the
//! translation gives titles of which neither contains the other, the
//! renderings are inconsistent. A multi-word source name that is
//! translated (an institution, an office) is followed the same way. The
//! finding is reported once, with every place listed.
//!
//! ## Why it matters
//! Inconsistency is how a reader notices a mistranslation, and how a
//! translation memory learns two answers to one question. At least one of
//! the renderings is wrong, and often it is the literal one.
//!
//! ## Example
//! Daniel Ortiz is "Homeland Security" in the English dek and "the
//! Secretary of National Security" in the body, where the Spanish has
//! "Seguridad Nacional" both times.

use super::{Context, Finding, NameRun, Severity, Span, name_runs};
use crate::analyse::ParagraphAnalysis;
use crate::langdata::LangData;
use crate::lexicon::stem;
use crate::pipeline::Document;
use crate::score::cognate_key;
use std::collections::BTreeSet;

type Keys = BTreeSet<String>;

/// Characters that end a title clause.
const DELIMITERS: &[char] = &[',', ';', ':', '(', ')', '—', '–', '"', '«', '»', '“', '”'];

fn gap<'t>(text: &'t str, a: &ParagraphAnalysis, k: usize) -> &'t str {
    &text[a.tokens[k - 1].end..a.tokens[k].start]
}

/// The title next to a name: `the Secretary of State, Laura Gómez`,
/// `Interior Secretary Deb Haaland`, `Haaland, secretaria del Interior,`. Returns its byte range and the stems of its
/// capitalised words.
fn title(doc: &Document, run: &NameRun, lang: &LangData) -> Option<(std::ops::Range<usize>, Keys)> {
    let a = &doc.analyses[run.paragraph];
    let text = &doc.paragraphs[run.paragraph].text;
    let sentence = a.sentence_of(a.tokens[run.tokens.start].start);
    let same_sentence = |k: usize| a.sentence_of(a.tokens[k].start) == sentence;
    let keys_of = |r: std::ops::Range<usize>| -> Keys {
        r.filter(|&k| a.tokens[k].capitalized && !lang.is_stopword(a.tokens.folded(&a.tokens[k])))
            .map(|k| stem(a.tokens.folded(&a.tokens[k])))
            .collect()
    };
    let start = run.tokens.start;
    // Before the name, up to the clause start (or, without a comma, over the
    // capitalised words right before it).
    // Without a comma, a title runs into the name (`Interior Secretary Deb
    // Haaland`); a function word there (`Status of Debian Jr`, `Tux4Kids and
    // Debian Jr`) ends a phrase, not a title.
    let runs_into_name = |k: usize| !lang.is_stopword(a.tokens.folded(&a.tokens[k]));
    if start > 0 && same_sentence(start - 1) {
        let comma = gap(text, a, start).contains(',');
        let mut k = start - 1;
        loop {
            if k == 0 || !same_sentence(k - 1) || gap(text, a, k).contains(DELIMITERS) {
                break;
            }
            if !comma
                && !a.tokens[k - 1].capitalized
                && !lang.is_stopword(a.tokens.folded(&a.tokens[k - 1]))
            {
                break;
            }
            k -= 1;
        }
        // `and Foreign Affairs`: the title starts at its first capitalised word.
        while k < start && !a.tokens[k].capitalized {
            k += 1;
        }
        let keys = keys_of(k..start);
        if !keys.is_empty()
            && (comma || (!gap(text, a, start).contains(DELIMITERS) && runs_into_name(start - 1)))
        {
            return Some((a.tokens[k].start..a.tokens[start - 1].end, keys));
        }
    }
    // After the name, between commas.
    let end = run.tokens.end;
    if end < a.tokens.len() && gap(text, a, end).trim() == "," {
        let mut k = end;
        while k + 1 < a.tokens.len()
            && same_sentence(k + 1)
            && !gap(text, a, k + 1).contains(DELIMITERS)
        {
            k += 1;
        }
        let keys = keys_of(end..k + 1);
        if !keys.is_empty() {
            return Some((a.tokens[end].start..a.tokens[k].end, keys));
        }
    }
    None
}

/// Neither set contains the other.
fn clash(a: &Keys, b: &Keys) -> bool {
    !a.is_subset(b) && !b.is_subset(a)
}

struct Place {
    source: Vec<usize>,
    /// The source title or term and its text.
    source_span: Span,
    source_text: String,
    target: usize,
    span: Span,
    text: String,
    source_keys: Keys,
    keys: Keys,
}

fn report(what: String, places: &[Place]) -> Option<Finding> {
    // Places whose renderings clash with another place of the same source rendering.
    let clashing: Vec<&Place> = places
        .iter()
        .filter(|p| {
            places
                .iter()
                .any(|q| !clash(&p.source_keys, &q.source_keys) && clash(&p.keys, &q.keys))
        })
        .collect();
    if clashing.is_empty() {
        return None;
    }
    // Each rendering once, with the paragraphs it is in.
    let mut renderings: Vec<(&str, Vec<usize>)> = Vec::new();
    for p in &clashing {
        match renderings.iter_mut().find(|(text, _)| *text == p.text) {
            Some((_, at)) if !at.contains(&p.target) => at.push(p.target),
            Some(_) => {}
            None => renderings.push((&p.text, vec![p.target])),
        }
    }
    let list: Vec<String> = renderings
        .iter()
        .map(|(text, at)| {
            let at: Vec<String> = at.iter().map(usize::to_string).collect();
            let noun = if at.len() == 1 {
                "paragraph"
            } else {
                "paragraphs"
            };
            format!("«{text}» (target {noun} {})", at.join(", "))
        })
        .collect();
    if list.len() < 2 {
        return None;
    }
    let sorted = |v: Vec<usize>| -> Vec<usize> {
        let mut v = v;
        v.sort_unstable();
        v.dedup();
        v
    };
    let source = sorted(
        clashing
            .iter()
            .flat_map(|p| p.source.iter().copied())
            .collect(),
    );
    let target = sorted(clashing.iter().map(|p| p.target).collect());
    let message = format!(
        "{what} is rendered {} different ways: {}",
        list.len(),
        list.join(", ")
    );
    let mut f = Finding::new(
        "inconsistent-rendering",
        Severity::Warning,
        message,
        &source,
        &target,
    );
    f.target_spans = clashing.iter().map(|p| p.span.clone()).collect();
    f.source_spans = clashing.iter().map(|p| p.source_span.clone()).collect();
    let mut sources: Vec<&str> = clashing.iter().map(|p| p.source_text.as_str()).collect();
    sources.dedup();
    f.evidence.source_text = Some(sources.join(" | "));
    f.evidence.target_text = Some(
        clashing
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
    );
    Some(f)
}

/// Titles next to the same person's name.
fn person_titles(ctx: &Context) -> Vec<Finding> {
    let (sdoc, tdoc) = (&ctx.pair.source, &ctx.pair.target);
    let mut people: Vec<(Vec<String>, Vec<Place>)> = Vec::new();
    for l in ctx.content_links() {
        let targets = name_runs(tdoc, &l.link.target);
        // A person: a name of two words or more in both texts, maybe inside a
        // longer run of capitalised words when a title runs into it.
        for s in name_runs(sdoc, &l.link.source)
            .into_iter()
            .filter(|s| s.words.len() >= 2)
        {
            for t in targets.iter().filter_map(|t| t.find(tdoc, &s.words)) {
                let (Some((range, keys)), Some((source_range, source_keys))) = (
                    title(tdoc, &t, ctx.target_lang),
                    title(sdoc, &s, ctx.source_lang),
                ) else {
                    continue;
                };
                let place = Place {
                    source: vec![s.paragraph],
                    source_text: sdoc.paragraphs[s.paragraph].text[source_range.clone()]
                        .to_string(),
                    source_span: Span::new(s.paragraph, source_range),
                    target: t.paragraph,
                    text: tdoc.paragraphs[t.paragraph].text[range.clone()].to_string(),
                    span: Span::new(t.paragraph, range),
                    source_keys,
                    keys,
                };
                match people.iter_mut().find(|(w, _)| *w == s.words) {
                    Some((_, places)) => places.push(place),
                    None => people.push((s.words.clone(), vec![place])),
                }
            }
        }
    }
    people
        .into_iter()
        .filter_map(|(words, places)| {
            report(format!("the title of «{}»", titlecase(&words)), &places)
        })
        .collect()
}

fn titlecase(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Translated multi-word names (institutions, offices) that appear once in
/// several links, each rendered by the target name that shares most words
/// with its translation.
fn translated_terms(ctx: &Context) -> Vec<Finding> {
    let lex = &ctx.pair.lexicon;
    let gazetteer =
        crate::gazetteer::Gazetteer::bundled(ctx.pair.source.lang, ctx.pair.target.lang);
    let mut terms: Vec<(Vec<String>, String, Vec<Place>)> = Vec::new();
    for l in ctx.content_links() {
        let sources = name_runs(&ctx.pair.source, &l.link.source);
        let targets = name_runs(&ctx.pair.target, &l.link.target);
        // The link's source as space-padded keys, for whole-word look-ups.
        let link_text: String = format!(
            " {} ",
            l.link
                .source
                .iter()
                .map(|&i| {
                    let a = &ctx.pair.source.analyses[i];
                    a.tokens
                        .iter()
                        .map(|t| a.tokens.folded(t))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join(" ")
        );
        for s in sources.iter().filter(|s| s.words.len() >= 2) {
            // Only a term met once here, and translated (not kept as it is).
            let term = crate::gazetteer::key(
                &ctx.pair.source.paragraphs[s.paragraph].text[s.span.clone()],
            );
            let once = link_text.matches(&format!(" {term} ")).count() == 1;
            if !once || targets.iter().any(|t| t.words == s.words) {
                continue;
            }
            let wanted: BTreeSet<String> = s
                .words
                .iter()
                .flat_map(|w| {
                    lex.translations(&stem(w))
                        .iter()
                        .cloned()
                        .chain(cognate_key(w))
                })
                .collect();
            let overlap = |t: &NameRun| {
                expanded(t, ctx.target_lang)
                    .iter()
                    .filter(|w| {
                        wanted.contains(&stem(w))
                            || cognate_key(w).is_some_and(|c| wanted.contains(&c))
                    })
                    .count()
            };
            // The target name that renders most of the term's words, and little else.
            let fits = |t: &&NameRun| {
                overlap(t) * 2 >= s.words.len() && t.words.len() <= s.words.len() + 2
            };
            // A rendering the gazetteer gives comes first (`Naciones Unidas`,
            // not `Estados Unidos`, for `United Nations`).
            let renderings = gazetteer.renderings(&term);
            let given = |t: &&NameRun| {
                let text = &ctx.pair.target.paragraphs[t.paragraph].text[t.span.clone()];
                renderings.contains(&crate::gazetteer::key(text))
            };
            let Some(best) = targets
                .iter()
                .find(given)
                .or_else(|| targets.iter().filter(fits).max_by_key(|t| overlap(t)))
            else {
                continue;
            };
            let source_text =
                ctx.pair.source.paragraphs[s.paragraph].text[s.span.clone()].to_string();
            let text =
                ctx.pair.target.paragraphs[best.paragraph].text[best.span.clone()].to_string();
            // Renderings the gazetteer gives (`United States`, `U.S.`) agree with
            // each other: one key for all of them.
            // So does a link whose text holds one of them or a demonym of one
            // (`North Korea defector numbers`, `North Korean defectors`).
            let target_text = link_words(&ctx.pair.target, &l.link.target);
            let holds = |r: &String| {
                target_text.contains(&format!(" {r} "))
                    || ctx.target_lang.demonyms.get(r).is_some_and(|ds| {
                        ds.iter().any(|d| target_text.contains(&format!(" {d} ")))
                    })
            };
            let approved =
                renderings.contains(&crate::gazetteer::key(&text)) || renderings.iter().any(holds);
            let place = Place {
                source: vec![s.paragraph],
                source_span: Span::new(s.paragraph, s.span.clone()),
                source_text: ctx.pair.source.paragraphs[s.paragraph].text[s.span.clone()]
                    .to_string(),
                target: best.paragraph,
                text,
                span: Span::new(best.paragraph, best.span.clone()),
                source_keys: Keys::new(),
                // Names the source has too (a person after the title) are not the rendering.
                keys: if approved {
                    Keys::from([crate::gazetteer::key(&source_text)])
                } else {
                    expanded(best, ctx.target_lang)
                        .iter()
                        .filter(|w| !link_text.contains(&format!(" {w} ")))
                        .map(|w| stem(w))
                        .collect()
                },
            };
            match terms.iter_mut().find(|(w, _, _)| *w == s.words) {
                Some((_, _, places)) => places.push(place),
                None => terms.push((s.words.clone(), source_text, vec![place])),
            }
        }
    }
    terms
        .into_iter()
        .filter_map(|(_, text, places)| report(format!("«{text}»"), &places))
        .collect()
}

/// A name's words, an acronym's replaced by what it stands for (`AMs` is
/// `assembly member`), so that an acronym and its words are one rendering.
fn expanded(t: &NameRun, lang: &LangData) -> Vec<String> {
    t.words
        .iter()
        .flat_map(|w| match lang.expansions(w).first() {
            Some(e) => e.clone(),
            None => vec![w.clone()],
        })
        .collect()
}

/// The folded words of some paragraphs, space-padded for phrase look-ups.
fn link_words(doc: &Document, indices: &[usize]) -> String {
    let mut out = String::from(" ");
    for &i in indices {
        let a = &doc.analyses[i];
        for t in a.tokens.iter() {
            out.push_str(a.tokens.folded(t));
            out.push(' ');
        }
    }
    out
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = person_titles(ctx);
    out.extend(translated_terms(ctx));
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn the_gazetteer_rendering_and_an_acronym_agree() {
        // The link also names the United States; the United Nations is
        // `Naciones Unidas` both times.
        let en = "The foreign minister told the United Nations on Saturday that he distrusts the United States.\n\nLater the United Nations heard the minister speak about sanctions for an hour.";
        let es = "El ministro dijo a las Naciones Unidas el sábado que desconfía de Estados Unidos.\n\nMás tarde, las Naciones Unidas escucharon al ministro hablar de sanciones durante una hora.";
        let f = check_pair(en, es, "inconsistent-rendering");
        assert!(f.is_empty(), "{f:#?}");
        // `AMs` stands for `Assembly Members`.
        let es = "Algunos Miembros de la Asamblea están molestos por el cambio de nombre del parlamento.\n\nLa comisión dijo que la decisión final sobre los Miembros de la Asamblea será de los propios miembros.";
        let en = "Some AMs are upset by the change of name of the parliament.\n\nThe commission said the final decision on Assembly Members will be one for the members themselves.";
        let f = check_pair(es, en, "inconsistent-rendering");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn one_title_two_renderings() {
        let es = "La secretaria de Gobernación, Ana Ruiz, llegó a Monterrey.\n\nRuiz habló con la prensa sobre los cruces de la frontera norte.\n\nMás tarde, la secretaria de Gobernación, Ana Ruiz, visitó un albergue.";
        let en = "Interior Minister Ana Ruiz arrived in Monterrey.\n\nRuiz spoke to the press about the crossings on the northern border.\n\nLater, the Secretary of Government, Ana Ruiz, visited a shelter.";
        let f = check_pair(es, en, "inconsistent-rendering");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].target, [0, 2]);
        assert!(
            f[0].message.contains("Interior Minister"),
            "{}",
            f[0].message
        );
        assert!(
            f[0].message.contains("Secretary of Government"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_shorter_title_is_not_inconsistent() {
        let es = "La secretaria de Estado, Laura Gómez, llegó a Lima.\n\nLa secretaria de Estado, Laura Gómez, se reunió luego con el presidente.";
        let en = "Secretary of State Laura Gómez arrived in Lima.\n\nThe Secretary, Laura Gómez, then met the president.";
        assert!(check_pair(es, en, "inconsistent-rendering").is_empty());
    }

    #[test]
    fn a_translated_institution_rendered_two_ways() {
        let es = "El Instituto Nacional de Estadística publicó los datos del paro el martes.\n\nSegún el Instituto Nacional de Estadística, el paro bajó en todas las regiones del país.";
        let en = "The National Statistics Institute published the unemployment data on Tuesday.\n\nAccording to the National Institute of Census, unemployment fell in every region of the country.";
        let f = check_pair(es, en, "inconsistent-rendering");
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn words_before_a_name_that_end_in_a_function_word_are_no_title() {
        let es = "Estado de Debian Jr. Ana Pérez envió un informe sobre el proyecto Debian Junior. Ana es ahora el enlace entre los proyectos Tux4Kids y Debian Jr. El paquete TuxPaint es el primero que se añade.";
        let en = "Status of Debian Jr. Ana Pérez sent in a report about the Debian Junior effort. Ana recently became liaison between Tux4Kids and Debian Jr. The TuxPaint package is the first to be added.";
        assert!(check_pair(es, en, "inconsistent-rendering").is_empty());
    }

    #[test]
    fn names_the_gazetteer_gives_agree() {
        let es = "Para envíos a Estados Unidos y Canadá, puede enviar un cheque por correo.\n\nLas órdenes se enviarán por correo aéreo de Estados Unidos según el destino.\n\nEnviamos hasta 12 discos por 5 dólares cada uno en los Estados Unidos y en Canadá.";
        let en = "For shipments in the United States and Canada, a check can be sent by mail.\n\nOrders will be shipped via U.S. Airmail depending on destination.\n\nWe ship up to 12 discs for 5 dollars each in the U.S. and Canada.";
        assert!(check_pair(es, en, "inconsistent-rendering").is_empty());
    }

    #[test]
    fn each_rendering_is_listed_once() {
        let es = "El Instituto Nacional de Estadística publicó los datos del paro el martes.\n\nSegún el Instituto Nacional de Estadística, el paro bajó.\n\nEl Instituto Nacional de Estadística publicará más datos en junio.";
        let en = "The National Statistics Institute published the unemployment data on Tuesday.\n\nAccording to the National Institute of Census, unemployment fell.\n\nThe National Institute of Census will publish more data in June.";
        let f = check_pair(es, en, "inconsistent-rendering");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("2 different ways")
                && f[0].message.contains("(target paragraphs 1, 2)"),
            "{}",
            f[0].message
        );
    }
}
