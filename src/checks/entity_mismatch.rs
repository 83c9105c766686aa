//! A person, place or organisation named in the source and missing from the translation.
//!
//! A name counts as present when the translation has it accent- and
//! case-insensitively, spelled a little differently (Jaro-Winkler, so
//! `Villalobos` meets `Villalobo`), translated through the gazetteer
//! (`Casa Blanca` / `White House`) or word by word through the lexicon
//! (`Guardia Nacional` / `National Guard`). Every word of a name that is not
//! a common word must be there (`Linux Magazine` is not `Linux Systems`).
//! Common words are those of the lexicon, of the language's word list
//! (English: SCOWL) and with common-word endings. Where the source language
//! has neither lexicon nor word list, a capitalised common noun cannot be
//! told from a name (French `État`, every German noun): a missing single word
//! or German run is then a note, and a name with any of its words present
//! passes; a missing acronym is always an error.
//!
//! ## Why it matters
//! Who said or did something is the core of a news story. A dropped or
//! swapped name changes attribution, and a mistranslated institution sends
//! the reader to the wrong one.
//!
//! ## Example
//! "dijo el gobernador Salomón Jara" rendered "the governor said": the
//! source names Salomón Jara, the translation no one. Rendered "Governor
//! Salomón Vera said", the translation names someone else.

use super::{Context, Finding, NameRun as Name, Severity, Span, name_runs as names};
use crate::analyse::is_acronym;
use crate::gazetteer::Gazetteer;
use crate::langdata::HashSet;
use crate::lexicon::stem;
use crate::pipeline::Document;
use crate::score::cognate_key;

/// Jaro-Winkler similarity above which two spellings are one name.
const SIMILAR: f64 = 0.88;

/// What the translation side offers to find names in.
struct TargetWords<'d> {
    words: HashSet<&'d str>,
    /// Words written with periods, without them (`r.m.s` as `rms`).
    undotted: HashSet<String>,
    stems: HashSet<String>,
    cognates: HashSet<String>,
    /// The folded text with single spaces, for phrase look-ups.
    text: String,
}

impl<'d> TargetWords<'d> {
    fn of(doc: &'d Document, indices: &[usize]) -> TargetWords<'d> {
        let mut t = TargetWords {
            words: HashSet::default(),
            undotted: HashSet::default(),
            stems: HashSet::default(),
            cognates: HashSet::default(),
            text: " ".into(),
        };
        for &j in indices {
            let a = &doc.analyses[j];
            for tok in a.tokens.iter() {
                let w = a.tokens.folded(tok);
                // `US-Mexico` names the U.S. and Mexico.
                let parts = w.split('-').filter(|p| !p.is_empty() && w.contains('-'));
                for part in std::iter::once(w).chain(parts) {
                    t.text.push_str(part);
                    t.text.push(' ');
                    // Keys once a word: most words of a paragraph repeat.
                    if t.words.insert(part) {
                        if part.contains('.') {
                            t.undotted.insert(part.replace('.', ""));
                        }
                        t.stems.insert(stem(part));
                        t.cognates.extend(cognate_key(part));
                    }
                }
            }
        }
        t
    }

    /// Whether an acronym of the source (`BTS`, `DHS`) is spelled out here
    /// by the initials of consecutive words, function words skipped (`bug
    /// tracking system`, `Institute of Electrical and Electronics Engineers`). Three letters
    /// at least: two initials match by chance too often.
    fn spells_out(&self, acronym: &str, ctx: &Context) -> bool {
        let letters: Vec<char> = crate::analyse::tokens::fold(acronym)
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        if !(3..=6).contains(&letters.len()) {
            return false;
        }
        let words: Vec<&str> = self
            .text
            .split_whitespace()
            .filter(|w| !ctx.target_lang.is_stopword(w))
            .collect();
        words
            .windows(letters.len())
            .any(|run| run.iter().zip(&letters).all(|(w, &l)| w.starts_with(l)))
    }

    /// Whether a gazetteer rendering (a [`crate::gazetteer::key`]) is here.
    fn has_phrase(&self, key: &str) -> bool {
        !key.is_empty() && self.text.contains(&format!(" {key} "))
    }

    fn has_word(&self, w: &str, ctx: &Context, gazetteer: &Gazetteer) -> bool {
        if self.words.contains(w) {
            return true;
        }
        // An acronym with or without periods (`RMS` / `R.M.S.`, `EE.UU.` / `EEUU`).
        if self.undotted.contains(w)
            || (w.contains('.') && self.words.contains(w.replace('.', "").as_str()))
        {
            return true;
        }
        if gazetteer.renderings(w).iter().any(|r| self.has_phrase(r)) {
            return true;
        }
        let s = stem(w);
        if ctx
            .pair
            .lexicon
            .translations(&s)
            .iter()
            .any(|tr| self.stems.contains(tr))
        {
            return true;
        }
        if cognate_key(w).is_some_and(|c| self.cognates.contains(&c)) {
            return true;
        }
        // Acronyms translated letter by letter: ADN / DNA, AC / CA.
        let letters = |s: &str| {
            let mut v: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
            v.sort_unstable();
            v
        };
        if w.chars().count() <= 5
            && self
                .words
                .iter()
                .any(|t| t.len() == w.len() && letters(t) == letters(w))
        {
            return true;
        }
        let initial = w.chars().next();
        self.words.iter().any(|t| {
            t.chars().next() == initial
                && t.chars().count() > 2
                && strsim::jaro_winkler(w, t) >= SIMILAR
        })
    }

    fn has_name(
        &self,
        name: &Name,
        ctx: &Context,
        gazetteer: &Gazetteer,
        common: &CommonWords,
    ) -> bool {
        if gazetteer
            .renderings(&name.words.join(" "))
            .iter()
            .any(|r| self.has_phrase(r))
        {
            return true;
        }
        // Every proper word must be there (`Linux Magazine` is not `Linux
        // Systems`); common words may be paraphrased, as long as something
        // of the name is there (`Sistema de Seguimiento de Fallos` / `bug
        // tracking system`).
        let (mut found, mut missing_proper) = (0, 0);
        for w in &name.words {
            if self.has_word(w, ctx, gazetteer) {
                found += 1;
            } else if !common.is_common(w) {
                missing_proper += 1;
            }
        }
        // Without a word list for the source language a translated word
        // cannot be told from a dropped name: something of the name suffices.
        found > 0 && (missing_proper == 0 || !common.knows_words)
    }
}

/// Words that are common words, not names, even capitalised: written in
/// lower case somewhere in the source, known to the lexicon (names that are
/// translated are the gazetteer's), on the language's common-word list or
/// with a common-word ending.
struct CommonWords<'a> {
    lower_case: HashSet<String>,
    lexicon: &'a crate::lexicon::Lexicon,
    lang: &'static crate::langdata::LangData,
    /// Whether a lexicon or a word list tells common words of this language.
    knows_words: bool,
}

impl<'a> CommonWords<'a> {
    fn of(ctx: &Context<'a>) -> CommonWords<'a> {
        let mut lower_case = HashSet::default();
        for a in &ctx.pair.source.analyses {
            for t in a.tokens.iter().filter(|t| !t.capitalized) {
                lower_case.insert(a.tokens.folded(t).to_string());
            }
        }
        CommonWords {
            lower_case,
            lexicon: &ctx.pair.lexicon,
            lang: ctx.source_lang,
            knows_words: !ctx.pair.lexicon.is_empty() || !ctx.source_lang.common_words.is_empty(),
        }
    }

    fn is_common(&self, w: &str) -> bool {
        // `XML-based`, `USB-floppy`: a compound is what its last part is.
        if let Some((_, last)) = w.rsplit_once('-').filter(|(_, l)| l.chars().count() > 2) {
            return self.is_common(last);
        }
        self.lower_case.contains(w)
            || !self.lexicon.translations(&stem(w)).is_empty()
            || self.lang.is_common_word(w)
    }
}

/// Whether a capitalised run names someone or something: a word of it is
/// not a common word capitalised as a heading or a label.
fn is_entity(name: &Name, common: &CommonWords) -> bool {
    name.words
        .iter()
        .any(|w| w.chars().count() > 1 && !common.is_common(w))
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let gazetteer = Gazetteer::bundled(ctx.pair.source.lang, ctx.pair.target.lang);
    let common = CommonWords::of(ctx);
    let mut out = Vec::new();
    for l in ctx.content_links() {
        let here = TargetWords::of(&ctx.pair.target, &l.link.target);
        let source_words = TargetWords::of(&ctx.pair.source, &l.link.source);
        // Target names the source does not have, nor translates: what a missing
        // name may have become.
        let translated: Vec<&String> = source_words
            .stems
            .iter()
            .flat_map(|s| ctx.pair.lexicon.translations(s))
            .collect();
        let accounted = |w: &String| {
            source_words.words.contains(w.as_str())
                || cognate_key(w).is_some_and(|c| source_words.cognates.contains(&c))
                || translated.contains(&&stem(w))
        };
        let strangers: Vec<Name> = names(&ctx.pair.target, &l.link.target)
            .into_iter()
            .filter(|n| !n.words.iter().any(accounted))
            .collect();
        for name in names(&ctx.pair.source, &l.link.source) {
            if !is_entity(&name, &common) || here.has_name(&name, ctx, gazetteer, &common) {
                continue;
            }
            let text = &ctx.pair.source.paragraphs[name.paragraph].text[name.span.clone()];
            if is_acronym(text) && here.spells_out(text, ctx) {
                continue;
            }
            let replaced = strangers
                .iter()
                .find(|s| s.words.len() == name.words.len())
                .or(strangers.first());
            let replaced_text =
                replaced.map(|r| &ctx.pair.target.paragraphs[r.paragraph].text[r.span.clone()]);
            let message = match replaced_text {
                Some(r) => format!(
                    "«{text}» is named in the source but not in the translation, which names «{r}» instead"
                ),
                None => format!("«{text}» is named in the source but not in the translation"),
            };
            // A single capitalised word may be a label or a heading word rather
            // than a name: a warning; a full name or an acronym is an error.
            // An acronym the translation replaces with another is most likely
            // translated (SAI / UPS), not swapped.
            let acronym = is_acronym(text);
            let replaced_by_acronym = replaced_text.is_some_and(is_acronym);
            // Without a lexicon or a word list for the source language, a
            // capitalised common noun (French `État`, any German noun) cannot
            // be told from a name: a note, unless it is an acronym.
            // Nor, without one, can a capitalised title (`Dia Aberto`) whose
            // place the translation gives to common words of its own (`Open
            // Day`; half of them on the word list, which leaves out every
            // word that is also a name): most likely the title, translated.
            let replaced_by_common_words = !common.knows_words
                && replaced.is_some_and(|r| {
                    let target = ctx.target_lang;
                    let ordinary = r
                        .words
                        .iter()
                        .filter(|w| {
                            target.common_words.contains(w.as_str()) || target.is_stopword(w)
                        })
                        .count();
                    ordinary > 0 && ordinary * 2 >= r.words.len()
                });
            let sure_of_words = common.knows_words
                || (name.words.len() > 1
                    && !ctx.source_lang.capitalised_nouns
                    && !replaced_by_common_words);
            let severity = if acronym && !replaced_by_acronym {
                Severity::Error
            } else if !sure_of_words {
                Severity::Info
            } else if name.words.len() > 1 {
                Severity::Error
            } else {
                Severity::Warning
            };
            let rendering = gazetteer.renderings(text).first().cloned();
            let mut f = Finding::new(
                "entity-mismatch",
                severity,
                message,
                &l.link.source,
                &l.link.target,
            )
            .source_span(
                &ctx.pair.source,
                Span::new(name.paragraph, name.span.clone()),
            )
            .with_expected(rendering.unwrap_or_else(|| text.to_string()));
            if let Some(r) = replaced {
                f = f.target_span(&ctx.pair.target, Span::new(r.paragraph, r.span.clone()));
            }
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn translated_and_respelled_names_pass() {
        let es = "La secretaria de Relaciones Exteriores, Marta Núñez, viajó a Estados Unidos y se reunió en la Casa Blanca con la Guardia Nacional y la ONU.";
        let en = "Foreign Affairs Secretary Marta Nunez traveled to the United States and met at the White House with the National Guard and the UN.";
        let f = check_pair(es, en, "entity-mismatch");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn an_acronym_with_periods_is_the_acronym() {
        let es = "Según R.M.S. y la FSF, el nuevo paquete respeta la licencia desde el lunes.";
        let en =
            "According to RMS and the F.S.F., the new package respects the license since Monday.";
        let f = check_pair(es, en, "entity-mismatch");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn an_acronym_spelled_out_passes() {
        let es = "Los administradores del BTS y el IEEE respondieron el lunes a las quejas de los usuarios.";
        let en = "The bug tracking system administrators and the Institute of Electrical and Electronics Engineers answered the users' complaints on Monday.";
        let f = check_pair(es, en, "entity-mismatch");
        assert!(f.is_empty(), "{f:#?}");
        let other = "The bug reporting system administrators and the Institute of Electrical and Electronics Engineers answered the users' complaints on Monday.";
        let f = check_pair(es, other, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.source_text.as_deref(), Some("BTS"));
    }

    #[test]
    fn without_word_knowledge_a_title_rendered_as_common_words_is_a_note() {
        use crate::checks::Severity;
        // Portuguese has no bundled lexicon or word list; English has a word list.
        let pt = "O Dia Aberto reuniu centenas de visitantes na universidade, segundo a organização do evento.";
        let en = "The Open Day brought together hundreds of visitors at the university, according to the organisers.";
        let f = check_pair(pt, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Info);
        let pt = "O ministro Rui Costa disse que a universidade vai receber centenas de visitantes este ano.";
        let en =
            "Minister Pedro Lopes said the university will receive hundreds of visitors this year.";
        let f = check_pair(pt, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn a_dropped_name_is_flagged() {
        let es = "En Oaxaca, el gobernador Salomón Jara dijo que dos de las víctimas murieron al derrumbarse el techo de sus viviendas.";
        let en = "In Oaxaca, the governor said two of the victims died when the roofs of their homes collapsed.";
        let f = check_pair(es, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.source_text.as_deref(), Some("Salomón Jara"));
    }

    #[test]
    fn a_swapped_name_shows_both_sides() {
        let es = "El técnico de Boca, Diego Martínez, criticó al árbitro por no sancionar un penal sobre Cavani.";
        let en = "Boca coach Marcelo Gallardo criticized the referee for not awarding a penalty for a foul on Cavani.";
        let f = check_pair(es, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].evidence.target_text.as_deref(),
            Some("Marcelo Gallardo")
        );
    }
}
