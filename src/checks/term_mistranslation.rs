//! A glossary term rendered with a known wrong or a non-approved translation.
//!
//! The bundled glossary (`data/glossary/es-en.tsv`, `en-es.tsv` and a file
//! a country or region in `data/glossary/es-en/` and `en-es/`) holds
//! official titles, institutions and known traps, each with the context
//! that selects its sense: a country the story is about (by its places,
//! institutions and demonyms, `data/countries.tsv`), or a word in the same
//! paragraph. `--glossary FILE` (TSV or TBX) adds entries and replaces
//! bundled ones. Longer terms are matched first, so "asesora de Seguridad
//! Nacional" (the White House national security adviser) is not read as
//! "Seguridad Nacional". A known wrong rendering is an error, unless
//! another sense of the term that applies approves it (a story about two
//! countries) or it renders another term of the paragraph; a term rendered
//! with none of the approved renderings is a warning for the user's
//! glossary and a note for the bundled one (a paraphrase may be right).
//!
//!
//! Titles are also compared sentence by sentence by the office they name
//! (`data/titles/xx.tsv`): where the source names one office the
//! translation does not, and the translation one the source does not, the
//! title was rendered as another office (`legislador` / "senator",
//! `lawyer` / «fiscal»); a broader title (a senator rendered "lawmaker")
//! is no error. A warning, in both directions, for languages with a file.
//! A title bound to a name (`el senador Ruiz`) is `role-mismatch`'s.
//!
//! ## Why it matters
//! Official titles are where machine translation is most confidently wrong:
//! word by word, "secretario de Seguridad Nacional" is "Secretary of
//! National Security", but in a U.S. story it names the Secretary of
//! Homeland Security, and a Latin American "canciller" is a foreign
//! minister, not a chancellor.
//!
//! ## Example
//! "el secretario de Seguridad Nacional, Daniel Ortiz" rendered "the
//! Secretary of National Security, Daniel Ortiz"; expected "Secretary of
//! Homeland Security".

use super::{Context, Finding, Severity, Span};
use crate::analyse::tokens::fold;
use crate::glossary::{self, Context as When, Entry, EntryKeys, Origin};
use crate::langdata::LangData;
use crate::pipeline::Document;
use std::collections::HashSet;

/// The tokens of a link side, flattened, with where each comes from.
struct Side {
    keys: Vec<String>,
    /// (paragraph, byte range) of each token.
    at: Vec<(usize, std::ops::Range<usize>)>,
    folded: HashSet<String>,
    used: Vec<bool>,
    /// `keys`, for a quick look-up before a phrase is searched.
    key_set: crate::langdata::HashSet<String>,
}

impl Side {
    fn of(doc: &Document, indices: &[usize], lang: &LangData) -> Side {
        let mut s = Side {
            keys: vec![],
            at: vec![],
            folded: HashSet::new(),
            used: vec![],
            key_set: Default::default(),
        };
        for &i in indices {
            let a = &doc.analyses[i];
            s.keys.extend(glossary::token_keys(
                &a.tokens,
                &doc.paragraphs[i].text,
                lang,
            ));
            for t in a.tokens.iter() {
                s.at.push((i, t.start..t.end));
                s.folded.insert(a.tokens.folded(t).to_string());
            }
        }
        s.used = vec![false; s.keys.len()];
        s.key_set = s.keys.iter().cloned().collect();
        s
    }

    /// Occurrences of a phrase (as keys) in one paragraph (phrases do not
    /// cross paragraphs).
    fn find(&self, keys: &[String]) -> Vec<(usize, usize)> {
        // Most of a glossary's phrases are not in a given link: a phrase
        // whose words are not all there is not looked for.
        if !keys.iter().all(|k| self.key_set.contains(k.as_str())) {
            return vec![];
        }
        glossary::find_phrase(keys, &self.keys, &self.used)
            .into_iter()
            .filter(|&(a, b)| self.at[a].0 == self.at[b - 1].0)
            .collect()
    }

    fn span(&self, (a, b): (usize, usize)) -> Span {
        Span::new(self.at[a].0, self.at[a].1.start..self.at[b - 1].1.end)
    }

    fn text<'d>(&self, doc: &'d Document, hit: (usize, usize)) -> &'d str {
        let s = self.span(hit);
        &doc.paragraphs[s.paragraph].text[s.range]
    }

    fn take(&mut self, (a, b): (usize, usize)) {
        self.used[a..b].iter_mut().for_each(|u| *u = true);
    }
}

fn applies(entry: &Entry, ctx: &Context, src: &Side, tgt: &Side) -> bool {
    entry.context.is_empty()
        || entry.context.iter().any(|c| match c {
            When::Country(code) => ctx.countries.contains(code),
            When::Near(words) => words
                .iter()
                .any(|w| src.folded.contains(w) || tgt.folded.contains(&fold(w))),
        })
}

/// The entries for one source term that apply to a link.
type Group<'g> = Vec<(&'g Entry, &'g EntryKeys)>;

pub fn run(ctx: &Context) -> Vec<Finding> {
    let keys = ctx.glossary.keys(ctx.source_lang, ctx.target_lang);
    // Longest terms first; for one term, entries that need a nearby word first.
    let mut entries: Vec<(&Entry, &EntryKeys)> =
        ctx.glossary.entries.iter().zip(keys.iter()).collect();
    entries.sort_by_key(|(e, k)| {
        (
            std::cmp::Reverse(k.source.len()),
            !e.context.iter().any(|c| matches!(c, When::Near(_))),
        )
    });
    let (sdoc, tdoc) = (&ctx.pair.source, &ctx.pair.target);
    let mut out = Vec::new();
    for l in ctx.content_links() {
        let mut src = Side::of(sdoc, &l.link.source, ctx.source_lang);
        let mut tgt = Side::of(tdoc, &l.link.target, ctx.target_lang);
        // Terms found whose approved renderings are not in the target: looked
        // for among its wrong renderings once every term found has taken its
        // approved renderings, so that one term's right rendering (the
        // Attorney General's Office for the Fiscalía) is not another's wrong
        // one (the Procuraduría's) in the same paragraph.
        let mut unmatched: Vec<(Group, (usize, usize))> = Vec::new();
        for (i, (entry, k)) in entries.iter().enumerate() {
            let hits = src.find(&k.source);
            if hits.is_empty() || !applies(entry, ctx, &src, &tgt) {
                continue;
            }
            // Every entry for the term that applies (a story about two
            // countries meets the term in each one's sense): any one's
            // approved rendering will do, and a rendering one approves is
            // not wrong.
            let group: Group = entries[i..]
                .iter()
                .filter(|(e, other)| other.source == k.source && applies(e, ctx, &src, &tgt))
                .copied()
                .collect();
            hits.iter().for_each(|&h| src.take(h));
            let mut approved: Vec<(usize, usize)> = group
                .iter()
                .flat_map(|(_, k)| &k.approved)
                .flat_map(|a| tgt.find(a))
                .collect();
            if approved.is_empty() {
                unmatched.push((group, hits[0]));
            }
            // Each occurrence of the term takes one rendering, the longest
            // first where two overlap: the rest are left to other terms (the
            // U.N. Security Council and, later, the Security Council).
            approved.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
            let mut taken = 0;
            for h in approved {
                if taken < hits.len() && !tgt.used[h.0..h.1].iter().any(|&u| u) {
                    tgt.take(h);
                    taken += 1;
                }
            }
        }
        for (group, hit) in unmatched {
            let entry = group[0].0;
            let approved: Vec<&Vec<String>> = group.iter().flat_map(|(_, k)| &k.approved).collect();
            let wrong = group
                .iter()
                .flat_map(|(_, k)| &k.wrong)
                .filter(|w| !approved.contains(w))
                .flat_map(|w| tgt.find(w))
                .next();
            let expected = entry.approved.first().cloned().unwrap_or_default();
            let source_text = src.text(sdoc, hit).to_string();
            let note = if entry.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", entry.note)
            };
            let (severity, message) = match wrong {
                Some(w) => {
                    tgt.take(w);
                    let t = tgt.text(tdoc, w);
                    (
                        Severity::Error,
                        format!(
                            "«{source_text}» is rendered «{t}»; the approved rendering is «{expected}»{note}"
                        ),
                    )
                }
                None => {
                    let severity = match entry.origin {
                        Origin::User(_) => Severity::Warning,
                        Origin::Bundled => Severity::Info,
                    };
                    (
                        severity,
                        format!(
                            "«{source_text}» is not rendered with an approved term such as «{expected}»{note}"
                        ),
                    )
                }
            };
            let mut f = Finding::new(
                "term-mistranslation",
                severity,
                message,
                &l.link.source,
                &l.link.target,
            )
            .source_span(sdoc, src.span(hit))
            .with_expected(expected);
            if let Some(w) = wrong {
                f = f.target_span(tdoc, tgt.span(w));
            }
            out.push(f);
        }
    }
    // The glossary's finding on a paragraph says more than the office's.
    let glossed: Vec<usize> = out
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .flat_map(|f| f.target.clone())
        .collect();
    out.extend(
        other_offices(ctx)
            .into_iter()
            .filter(|f| !f.target.iter().any(|t| glossed.contains(t))),
    );
    out
}

/// A title rendered as another office, sentence pair by sentence pair.
fn other_offices(ctx: &Context) -> Vec<Finding> {
    use crate::titles::Titles;
    let (Some(st), Some(tt)) = (
        Titles::get(ctx.pair.source.lang),
        Titles::get(ctx.pair.target.lang),
    ) else {
        return vec![];
    };
    let mut out = Vec::new();
    for pair in ctx.matched_sentence_pairs() {
        let s_words = &pair.source_words;
        let t_words = &pair.target_words;
        // A title bound to a name is role-mismatch's to compare.
        let unbound = |words: &super::SentenceWords, titles: &Titles| {
            let bound = super::role_mismatch::name_roles(words, titles);
            let mut m = titles.forms.find_all(&words.words);
            m.retain(|m| {
                !bound.iter().any(|r| r.title == *m)
                    && !titles.relations.contains(&titles.offices[m.tag])
            });
            m
        };
        let s = unbound(s_words, st);
        let t = unbound(t_words, tt);
        let s_offices: Vec<&str> = s.iter().map(|m| st.offices[m.tag].as_str()).collect();
        let t_offices: Vec<&str> = t.iter().map(|m| tt.offices[m.tag].as_str()).collect();
        let unmatched_s: Vec<usize> = (0..s.len())
            .filter(|&k| !t_offices.iter().any(|o| st.covers(s_offices[k], o)))
            .collect();
        let unmatched_t: Vec<usize> = (0..t.len())
            .filter(|&k| !s_offices.iter().any(|o| st.covers(o, t_offices[k])))
            .collect();
        let distinct = |v: &[usize], names: &[&str]| {
            let mut n: Vec<&str> = v.iter().map(|&k| names[k]).collect();
            n.sort_unstable();
            n.dedup();
            n.len()
        };
        // One office said on each side and no other: the one renders the other.
        if distinct(&unmatched_s, &s_offices) != 1 || distinct(&unmatched_t, &t_offices) != 1 {
            continue;
        }
        let (a, b) = (&s[unmatched_s[0]], &t[unmatched_t[0]]);
        let (ss, ts) = (s_words.span(a), t_words.span(b));
        let message = format!(
            "«{}» ({}) is rendered «{}», which names another office ({})",
            super::span_text(&ctx.pair.source, &ss),
            s_offices[unmatched_s[0]],
            super::span_text(&ctx.pair.target, &ts),
            t_offices[unmatched_t[0]]
        );
        out.push(pair.finding(
            ctx.pair,
            "term-mistranslation",
            Severity::Warning,
            message,
            ss,
            ts,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::Severity;
    use crate::checks::tests::check_pair;
    use crate::glossary::Context as When;
    use crate::langdata::LangData;

    /// Every bundled entry of both directions, in a sentence that meets its
    /// context: the known wrong rendering is an error that expects the first
    /// approved one, and the approved rendering passes.
    #[test]
    fn a_title_rendered_as_another_office_but_not_a_broader_one() {
        let es = "Un legislador de Valparaíso pidió el lunes una investigación sobre el puerto de contenedores.";
        let other = "A senator from Valparaíso called on Monday for an investigation into the container port.";
        let f = check_pair(es, other, "term-mistranslation");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message
                .contains("«legislador» (legislator) is rendered «senator»"),
            "{}",
            f[0].message
        );
        let es = "Una senadora de Valparaíso pidió el lunes una investigación sobre el puerto de contenedores.";
        let broader = "A lawmaker from Valparaíso called on Monday for an investigation into the container port.";
        assert!(check_pair(es, broader, "term-mistranslation").is_empty());
        let es = "La candidata a la presidencia visitó el lunes el puerto de contenedores de Valparaíso.";
        let en = "The presidential candidate visited the Valparaíso container port on Monday.";
        assert!(check_pair(es, en, "term-mistranslation").is_empty());
    }

    #[test]
    fn every_bundled_entry_flags_its_wrong_rendering() {
        let es = |term: &str, cue: &str| {
            format!(
                "Noticias de {cue}: el martes, {term} y Marta Gil visitaron 45 escuelas de 2024 en el norte del país, donde hablaron con los niños y sus familias."
            )
        };
        let en = |term: &str, cue: &str| {
            format!(
                "News from {cue}: on Tuesday, {term} and Marta Gil visited 45 schools of 2024 in the north of the country, where they spoke with the children and their families."
            )
        };
        let mut failures = Vec::new();
        for (source_lang, target_lang) in [("es", "en"), ("en", "es")] {
            let sentence = |lang: &str, term: &str, cue: &str| match lang {
                "es" => es(term, cue),
                _ => en(term, cue),
            };
            let glossary = crate::glossary::Glossary::bundled(source_lang, target_lang);
            for e in glossary
                .entries
                .iter()
                .filter(|e| !e.wrong.is_empty() && !e.approved.is_empty())
            {
                let cue = match e.context.first() {
                    Some(When::Country(c)) => crate::glossary::country_cue(c).unwrap_or_default(),
                    Some(When::Near(words)) => words[0].clone(),
                    None => String::new(),
                };
                let source = sentence(source_lang, &e.source, &cue);
                let check = |rendering: &str| {
                    check_pair(
                        &source,
                        &sentence(target_lang, rendering, &cue),
                        "term-mistranslation",
                    )
                };
                let wrong = check(&e.wrong[0]);
                let flagged = wrong.iter().any(|f| {
                    f.severity == Severity::Error
                        && f.evidence.expected.as_deref() == Some(e.approved[0].as_str())
                });
                if !flagged || !check(&e.approved[0]).is_empty() {
                    failures.push(format!("{source_lang}-{target_lang}: {}", e.source));
                }
            }
        }
        assert!(failures.is_empty(), "entries not enforced: {failures:?}");
    }

    /// Every multi-word approved rendering of the Spanish-English data is a
    /// term of the English-Spanish glossary (unless the en-es files have
    /// their own entry for it), approving the Spanish term, with no wrong renderings;
    /// in a sentence, the Spanish term passes and another rendering is a
    /// note that expects it.
    #[test]
    fn the_glossary_reverses_for_english_sources() {
        let forward = crate::glossary::Glossary::bundled("es", "en");
        let reversed = crate::glossary::Glossary::bundled("en", "es");
        let own = crate::glossary::Glossary::bundled_own("en", "es");
        let (en_data, es_data) = (LangData::get("en"), LangData::get("es"));
        let keys = reversed.keys(en_data, es_data);
        let mut done = std::collections::HashSet::new();
        let (mut checked, mut failures) = (0, Vec::new());
        for e in forward
            .entries
            .iter()
            .filter(|e| e.context.iter().all(|c| matches!(c, When::Country(_))))
        {
            for term in e
                .approved
                .iter()
                .filter(|t| t.contains(' ') && super::fold(t) != super::fold(&e.source))
            {
                let same_term =
                    |r: &&crate::glossary::Entry| super::fold(&r.source) == super::fold(term);
                // The en-es files' own entries for the term replace the reversed
                // ones; a term several entries give is checked once.
                if own.entries.iter().any(|r| same_term(&r))
                    || !done.insert((super::fold(term), e.source.clone()))
                {
                    continue;
                }
                let r = reversed
                    .entries
                    .iter()
                    .find(same_term)
                    .unwrap_or_else(|| panic!("{term} is not a term"));
                assert!(r.wrong.is_empty());
                assert!(r.context.is_empty() || e.context.iter().all(|c| r.context.contains(c)));
                assert!(r.approved.contains(&e.source), "{term}: {:?}", r.approved);
                let cue = match r.context.first() {
                    Some(When::Country(c)) => crate::glossary::country_cue(c).unwrap_or_default(),
                    _ => String::new(),
                };
                let en = format!(
                    "News from {cue}: on Tuesday, {term} and Marta Gil visited 45 schools in the north of the country, where they spoke with the children and their families."
                );
                let es = |rendering: &str| {
                    format!(
                        "Noticias de {cue}: el martes, {rendering} y Marta Gil visitaron 45 escuelas en el norte del país, donde hablaron con los niños y sus familias."
                    )
                };
                let right = check_pair(&en, &es(&e.source), "term-mistranslation");
                if !right.is_empty() {
                    failures.push(format!("{term}: «{}» is not approved", e.source));
                }
                // Terms that differ only as the check does not tell them
                // apart (`anti-corruption prosecutor`, `prosecutors`) are one.
                let term_keys = crate::glossary::phrase_keys(term, en_data);
                let approved: Vec<&String> = reversed
                    .entries
                    .iter()
                    .zip(keys.iter())
                    .filter(|(_, k)| k.source == term_keys)
                    .flat_map(|(r, _)| &r.approved)
                    .collect();
                let other = check_pair(&en, &es("la oficina"), "term-mistranslation");
                if !other.iter().any(|f| {
                    f.severity == Severity::Info
                        && approved.contains(&&f.evidence.expected.clone().unwrap_or_default())
                }) {
                    failures.push(format!("{term}: another rendering is not noted"));
                }
                checked += 1;
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        assert!(checked >= 10, "only {checked} reversed entries");
    }

    #[test]
    fn canciller_depends_on_the_country() {
        let es = "El canciller de Colombia, Álvaro Leyva, se reunió con su homólogo de Perú en Lima para hablar de la frontera.";
        let en = "Colombia's chancellor, Álvaro Leyva, met his Peruvian counterpart in Lima to discuss the border.";
        let f = check_pair(es, en, "term-mistranslation");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("foreign minister"));
        let es = "El canciller alemán, Olaf Scholz, visitó Buenos Aires y se reunió con el presidente argentino.";
        let en =
            "German Chancellor Olaf Scholz visited Buenos Aires and met the Argentine president.";
        assert!(check_pair(es, en, "term-mistranslation").is_empty());
    }

    /// A rendering is not wrong when another sense that applies approves it
    /// (a story about two countries), nor when it renders another term of
    /// the paragraph.
    #[test]
    fn no_error_for_another_sense_or_another_term() {
        // Colombia's speaker is the President of the House; in a U.S.
        // story alone it would be the Speaker.
        let es = "En Bogotá, el presidente de la Cámara, Andrés Ruiz, recibió al embajador de Estados Unidos.";
        let en = "In Bogotá, the President of the House, Andrés Ruiz, received the United States ambassador.";
        let f = check_pair(es, en, "term-mistranslation");
        assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:#?}");
        let es = "En Washington, el presidente de la Cámara, Andrés Ruiz, recibió al embajador de Francia.";
        let en = "In Washington, the President of the House, Andrés Ruiz, received the French ambassador.";
        let f = check_pair(es, en, "term-mistranslation");
        assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:#?}");
        // The Fiscalía's right rendering is not the Procuraduría's wrong one.
        let es = "En Colombia, la Fiscalía General de la Nación y la Procuraduría General de la Nación abrieron investigaciones contra el alcalde.";
        let en = "In Colombia, the Attorney General's Office and the watchdog agency opened investigations into the mayor.";
        let f = check_pair(es, en, "term-mistranslation");
        assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:#?}");
        let en = "In Colombia, the Inspector General's Office and the Attorney General's Office opened investigations into the mayor.";
        let f = check_pair(es, en, "term-mistranslation");
        assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:#?}");
    }

    #[test]
    fn billones_are_trillions() {
        let es = "La deuda pública de Brasil superó los 7 billones de reales el año pasado.";
        let f = check_pair(
            es,
            "Brazil's public debt exceeded 7 billion reais last year.",
            "term-mistranslation",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.expected.as_deref(), Some("trillion"));
    }
}
