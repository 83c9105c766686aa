//! Glossaries: for a source term, the approved target renderings, the known
//! wrong ones and the context that selects the sense. The bundled one
//! (`data/glossary/es-en.tsv`, `en-es.tsv` and one file a country or region
//! in `data/glossary/es-en/` and `data/glossary/en-es/`) knows official
//! titles, institutions and traps; users add theirs with `--glossary FILE`
//! as TSV or TBX (ISO 30042), and their entries replace bundled ones for the
//! same term.

use crate::analyse::tokens::{TokenKind, Tokens, fold, tokenize_in};
use crate::error::InputError;
use crate::langdata::LangData;
use std::collections::HashSet;
use std::sync::OnceLock;

/// A bundled glossary file: source and target language, path (from the
/// crate root) and text.
macro_rules! bundled_file {
    ($s:literal, $t:literal, $path:literal) => {
        ($s, $t, $path, include_str!(concat!("../", $path)))
    };
}

/// Every bundled glossary file; a test checks that each `.tsv` of
/// `data/glossary/es-en/` and `data/glossary/en-es/` is here.
const BUNDLED: &[(&str, &str, &str, &str)] = &[
    bundled_file!("es", "en", "data/glossary/es-en.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/general.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/us.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/mx.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/es.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/ar.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/co.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/cl.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/pe.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/ve.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/cu.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/centam.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/eu.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/un.tsv"),
    bundled_file!("es", "en", "data/glossary/es-en/gb.tsv"),
    bundled_file!("en", "es", "data/glossary/en-es.tsv"),
    bundled_file!("en", "es", "data/glossary/en-es/general.tsv"),
    bundled_file!("en", "es", "data/glossary/en-es/us.tsv"),
    bundled_file!("en", "es", "data/glossary/en-es/gb.tsv"),
    bundled_file!("en", "es", "data/glossary/en-es/un.tsv"),
    bundled_file!("en", "es", "data/glossary/en-es/eu.tsv"),
];
const COUNTRIES: &str = include_str!("../data/countries.tsv");

/// When an entry applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// The source document is about this country (data/countries.tsv).
    Country(String),
    /// One of these (folded) words is in the same paragraph group.
    Near(Vec<String>),
}

/// Where an entry comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    User(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub source: String,
    pub approved: Vec<String>,
    pub wrong: Vec<String>,
    /// Any one suffices; empty means always.
    pub context: Vec<Context>,
    pub note: String,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub entries: Vec<Entry>,
    /// The entries' phrases as comparison keys, for the language pair they
    /// were first asked for: a batch checks thousands of pairs with one
    /// glossary, and tokenising every phrase for each would dominate.
    /// Shared, so that a copy of the bundled glossary (one a check of a
    /// pair) does not tokenise its phrases again.
    keys: OnceLock<std::sync::Arc<(String, String, Vec<EntryKeys>)>>,
}

/// An entry's phrases as comparison keys ([`phrase_keys`]).
#[derive(Debug, Clone)]
pub struct EntryKeys {
    pub source: Vec<String>,
    pub approved: Vec<Vec<String>>,
    pub wrong: Vec<Vec<String>>,
}

fn alternatives(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_context(field: &str) -> Vec<Context> {
    let field = field.trim();
    if field.is_empty() || field == "*" {
        return vec![];
    }
    field
        .split(';')
        .flat_map(|part| {
            let part = part.trim();
            match part.strip_prefix("near:") {
                Some(words) => vec![Context::Near(
                    words.split('|').map(|w| fold(w.trim())).collect(),
                )],
                None => part
                    .split(',')
                    .map(|c| Context::Country(c.trim().to_ascii_lowercase()))
                    .collect(),
            }
        })
        .collect()
}

impl Glossary {
    /// Parses the TSV layout: `TERM<TAB>APPROVED<TAB>WRONG<TAB>CONTEXT<TAB>NOTE`,
    /// alternatives separated by `|`; only the first two columns are required.
    pub fn parse_tsv(text: &str, path: &str, origin: Origin) -> Result<Glossary, InputError> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let source = f[0].trim();
            let approved = f.get(1).map(|s| alternatives(s)).unwrap_or_default();
            if source.is_empty()
                || approved.is_empty() && f.get(2).is_none_or(|w| w.trim().is_empty())
            {
                return Err(InputError::new(
                    path,
                    format!(
                        "line {}: expected TERM<TAB>APPROVED[<TAB>WRONG<TAB>CONTEXT<TAB>NOTE], found '{line}'",
                        n + 1
                    ),
                ));
            }
            entries.push(Entry {
                source: source.to_string(),
                approved,
                wrong: f.get(2).map(|s| alternatives(s)).unwrap_or_default(),
                context: f.get(3).map(|s| parse_context(s)).unwrap_or_default(),
                note: f.get(4).map(|s| s.trim().to_string()).unwrap_or_default(),
                origin: origin.clone(),
            });
        }
        Ok(Glossary {
            entries,
            keys: OnceLock::new(),
        })
    }

    /// Parses TBX (TBX-Basic and TBX v3): each `termEntry`/`conceptEntry`
    /// gives a source term (the `langSet` in `source_lang`) and target
    /// terms; a target term whose `administrativeStatus` is deprecated or
    /// superseded is a wrong rendering, the others are approved. A
    /// `descrip type="context"` holds a context as in the TSV layout.
    pub fn parse_tbx(
        text: &str,
        path: &str,
        source_lang: &str,
        target_lang: &str,
    ) -> Result<Glossary, InputError> {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(text);
        let bad = |e: &dyn std::fmt::Display, pos: u64| {
            InputError::new(path, format!("is not well-formed TBX at byte {pos}: {e}"))
        };
        let mut entries = Vec::new();
        // Per entry: (lang, term, deprecated), its context and note.
        let mut terms: Vec<(String, String, bool)> = Vec::new();
        let (mut context, mut note, mut lang) = (String::new(), String::new(), String::new());
        let mut descrip_type: Option<String> = None;
        let mut status_note = false;
        // Character data of the innermost element, references resolved.
        let mut buf = String::new();
        let mut open_entries = 0;
        loop {
            let pos = reader.buffer_position();
            match reader.read_event().map_err(|e| bad(&e, pos))? {
                Event::Start(e) => {
                    buf.clear();
                    let attr = |key: &str| {
                        e.attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == key)
                            .map(|a| a.value.to_string())
                    };
                    match e.local_name().as_ref() {
                        "termEntry" | "conceptEntry" => {
                            open_entries += 1;
                            terms.clear();
                            context.clear();
                            note.clear();
                        }
                        "langSet" | "langSec" => {
                            lang = attr("lang").unwrap_or_default().to_ascii_lowercase()
                        }
                        "termNote" => {
                            status_note = attr("type").as_deref() == Some("administrativeStatus")
                        }
                        "descrip" => descrip_type = attr("type"),
                        _ => {}
                    }
                }
                Event::Text(t) => buf.push_str(&t.xml10_content()),
                Event::CData(t) => buf.push_str(&t),
                Event::GeneralRef(r) => {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref().map_err(|e| bad(&e, pos))?
                    } else {
                        quick_xml::escape::resolve_predefined_entity(r.as_ref())
                            .and_then(|s| s.chars().next())
                    };
                    buf.push(
                        c.ok_or_else(|| bad(&format!("unknown entity &{};", r.as_ref()), pos))?,
                    );
                }
                Event::End(e) => {
                    let value = buf.trim().to_string();
                    buf.clear();
                    match e.local_name().as_ref() {
                        "term" => terms.push((lang.clone(), value, false)),
                        "termNote" if status_note => {
                            if let Some(last) = terms.last_mut() {
                                last.2 |=
                                    value.contains("deprecated") || value.contains("superseded");
                            }
                            status_note = false;
                        }
                        "descrip" if descrip_type.as_deref() == Some("context") => context = value,
                        "note" => note = value,
                        "termEntry" | "conceptEntry" => {
                            open_entries -= 1;
                            let is = |l: &str, code: &str| {
                                l == code || l.starts_with(&format!("{code}-"))
                            };
                            let target = |deprecated: bool| -> Vec<String> {
                                terms
                                    .iter()
                                    .filter(|t| is(&t.0, target_lang) && t.2 == deprecated)
                                    .map(|t| t.1.clone())
                                    .collect()
                            };
                            let (approved, wrong) = (target(false), target(true));
                            if approved.is_empty() && wrong.is_empty() {
                                continue;
                            }
                            for (_, source, _) in terms.iter().filter(|t| is(&t.0, source_lang)) {
                                entries.push(Entry {
                                    source: source.clone(),
                                    approved: approved.clone(),
                                    wrong: wrong.clone(),
                                    context: parse_context(&context),
                                    note: note.clone(),
                                    origin: Origin::User(path.to_string()),
                                });
                            }
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if open_entries != 0 {
            return Err(InputError::new(
                path,
                "is not well-formed TBX: an entry is not closed",
            ));
        }
        if entries.is_empty() {
            return Err(InputError::new(
                path,
                format!(
                    "holds no TBX entry with a '{source_lang}' term and a '{target_lang}' term"
                ),
            ));
        }
        Ok(Glossary {
            entries,
            keys: OnceLock::new(),
        })
    }

    /// Parses a user glossary read from `path`: TBX when it looks like XML, else TSV.
    pub fn parse_user(
        text: &str,
        path: &str,
        source_lang: &str,
        target_lang: &str,
    ) -> Result<Glossary, InputError> {
        if text.trim_start().starts_with('<') {
            Glossary::parse_tbx(text, path, source_lang, target_lang)
        } else {
            Glossary::parse_tsv(text, path, Origin::User(path.to_string()))
        }
    }

    /// The bundled glossary for a language pair (empty when there is none):
    /// the pair's own files, then the other direction's entries reversed.
    pub fn bundled(source_lang: &str, target_lang: &str) -> Glossary {
        static COMBINED: OnceLock<Vec<(&str, &str, Glossary)>> = OnceLock::new();
        // Built once for every ordered pair a bundled file covers either way.
        let all = COMBINED.get_or_init(|| {
            // One glossary a direction, its files' entries in file order.
            let mut parsed: Vec<(&str, &str, Glossary)> = Vec::new();
            for (s, t, path, text) in BUNDLED {
                let Ok(g) = Glossary::parse_tsv(text, path, Origin::Bundled) else {
                    continue;
                };
                match parsed.iter_mut().find(|(a, b, _)| a == s && b == t) {
                    Some((_, _, all)) => all.entries.extend(g.entries),
                    None => parsed.push((s, t, g)),
                }
            }
            let of = |s: &str, t: &str| parsed.iter().find(|(a, b, _)| *a == s && *b == t);
            let mut pairs: Vec<(&str, &str)> = parsed
                .iter()
                .flat_map(|(s, t, _)| [(*s, *t), (*t, *s)])
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            pairs
                .into_iter()
                .map(|(s, t)| {
                    let mut glossary = of(s, t).map(|(_, _, g)| g.clone()).unwrap_or_default();
                    if let Some((_, _, other)) = of(t, s) {
                        glossary.add_missing(other.reversed());
                    }
                    // Tokenised once here, not in every copy handed out.
                    glossary.keys(LangData::get(s), LangData::get(t));
                    (s, t, glossary)
                })
                .collect()
        });
        all.iter()
            .find(|(s, t, _)| *s == source_lang && *t == target_lang)
            .map(|(_, _, g)| g.clone())
            .unwrap_or_default()
    }

    /// The entries of one direction's own bundled files, without the other
    /// direction's reversed.
    #[cfg(test)]
    pub(crate) fn bundled_own(source_lang: &str, target_lang: &str) -> Glossary {
        let mut all = Glossary::default();
        for (s, t, path, text) in BUNDLED {
            if *s == source_lang && *t == target_lang {
                let g = Glossary::parse_tsv(text, path, Origin::Bundled).unwrap();
                all.entries.extend(g.entries);
            }
        }
        all
    }

    /// The entries read the other way: each approved rendering becomes one
    /// term whose approved renderings are the source terms that gave it, in
    /// any of their contexts (`Secretary of State` -> `secretario de
    /// Estado|secretaria de Estado`).
    /// Known wrong renderings do not reverse, nor do contexts of words near
    /// the term (they are in the other language); country contexts do. A
    /// one-word rendering (`fiscal`, `DHS`) has too many senses to become a
    /// term, and a rendering that keeps the source's name (`Casa Rosada`)
    /// says nothing the other way.
    pub fn reversed(&self) -> Glossary {
        let mut entries: Vec<Entry> = Vec::new();
        for e in &self.entries {
            let context: Vec<Context> = e
                .context
                .iter()
                .filter(|c| matches!(c, Context::Country(_)))
                .cloned()
                .collect();
            if context.len() < e.context.len() && context.is_empty() {
                continue;
            }
            for term in e
                .approved
                .iter()
                .filter(|t| t.split_whitespace().nth(1).is_some() && fold(t) != fold(&e.source))
            {
                // One entry a term: two (`foreign secretary` from Mexico's
                // and another country's title) would each call the other's
                // rendering unapproved.
                match entries.iter_mut().find(|r| fold(&r.source) == fold(term)) {
                    Some(r) => {
                        if !r.approved.contains(&e.source) {
                            r.approved.push(e.source.clone());
                        }
                        if context.is_empty() || r.context.is_empty() {
                            r.context.clear();
                        } else {
                            for c in &context {
                                if !r.context.contains(c) {
                                    r.context.push(c.clone());
                                }
                            }
                        }
                    }
                    None => entries.push(Entry {
                        source: term.clone(),
                        approved: vec![e.source.clone()],
                        wrong: vec![],
                        context: context.clone(),
                        note: String::new(),
                        origin: e.origin.clone(),
                    }),
                }
            }
        }
        Glossary {
            entries,
            keys: OnceLock::new(),
        }
    }

    /// Adds the entries of `other` whose term this glossary lacks.
    fn add_missing(&mut self, other: Glossary) {
        let terms: HashSet<String> = self.entries.iter().map(|e| fold(&e.source)).collect();
        self.entries.extend(
            other
                .entries
                .into_iter()
                .filter(|e| !terms.contains(&fold(&e.source))),
        );
        self.keys = OnceLock::new();
    }

    /// Adds user entries; they replace entries for the same source term.
    pub fn overlay(&mut self, user: Glossary) {
        let terms: HashSet<String> = user.entries.iter().map(|e| fold(&e.source)).collect();
        self.entries.retain(|e| !terms.contains(&fold(&e.source)));
        self.entries.extend(user.entries);
        self.keys = OnceLock::new();
    }

    /// The keys of every entry, in order, for a language pair.
    pub fn keys(&self, source: &LangData, target: &LangData) -> std::borrow::Cow<'_, [EntryKeys]> {
        let compute = || -> Vec<EntryKeys> {
            self.entries
                .iter()
                .map(|e| EntryKeys {
                    source: phrase_keys(&e.source, source),
                    approved: e.approved.iter().map(|a| phrase_keys(a, target)).collect(),
                    wrong: e.wrong.iter().map(|w| phrase_keys(w, target)).collect(),
                })
                .collect()
        };
        let (s, t, keys) = &**self.keys.get_or_init(|| {
            std::sync::Arc::new((source.code.to_string(), target.code.to_string(), compute()))
        });
        if s == source.code && t == target.code {
            std::borrow::Cow::Borrowed(keys)
        } else {
            std::borrow::Cow::Owned(compute())
        }
    }
}

/// Countries a document is about, by the cue words of `data/countries.tsv`.
pub fn countries(folded_document: &str) -> HashSet<String> {
    let words = format!(" {} ", normalized_words(folded_document));
    // One-word cues by look-up, phrases by search: the cue list is long.
    let set: crate::langdata::HashSet<&str> = words.split(' ').collect();
    let has = |cue: &str| {
        let inner = cue.trim_matches(' ');
        if inner.contains(' ') {
            words.contains(cue)
        } else {
            set.contains(inner)
        }
    };
    country_cues()
        .iter()
        .filter(|(_, cues)| cues.iter().any(|cue| has(cue)))
        .map(|(c, _)| c.to_string())
        .collect()
}

/// Words joined by single spaces, split where `countries` splits them; a
/// word keeps its inner periods (`ee.uu`, `u.s`) but not a final one, so a
/// cue ending a sentence (`in Washington.`) is still a cue.
fn normalized_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each country's cues, folded and space-delimited (` washington `), read once.
fn country_cues() -> &'static [(&'static str, Vec<String>)] {
    static CUES: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    CUES.get_or_init(|| {
        COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(country, cues)| {
                let cues = cues
                    .split('|')
                    .map(|cue| normalized_words(&fold(cue.trim())))
                    .filter(|cue| !cue.is_empty())
                    .map(|cue| format!(" {cue} "))
                    .collect();
                (country, cues)
            })
            .collect()
    })
}

/// A cue word of a country in `data/countries.tsv` (its first), for tests
/// and examples that need a text about that country.
pub fn country_cue(code: &str) -> Option<String> {
    COUNTRIES
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .find(|(c, _)| *c == code)
        .and_then(|(_, cues)| cues.split('|').next())
        .map(|c| c.trim().to_string())
}

/// A phrase as comparison keys: content words lower-cased with a plural
/// dropped (`secretarios` meets `secretario`, `Secretaries` meets
/// `Secretary`) but accents kept, so the ministry (`secretaría`) is not the
/// minister (`secretaria`) and `Statistics` is not `Statistical`; function
/// words as they are.
pub fn phrase_keys(phrase: &str, lang: &LangData) -> Vec<String> {
    token_keys(&tokenize_in(phrase, &lang.elisions), phrase, lang)
}

fn token_key(
    tokens: &Tokens,
    t: &crate::analyse::tokens::Token,
    text: &str,
    lang: &LangData,
) -> String {
    let folded = tokens.folded(t);
    if t.kind != TokenKind::Word || lang.is_stopword(folded) {
        return folded.to_string();
    }
    let w = text[t.start..t.end].to_lowercase();
    if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else if w.chars().count() > 3 && w.ends_with('s') {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// Where a phrase occurs in a token sequence: `(first, last + 1)` token
/// indices of each occurrence, skipping tokens already `used`.
pub fn find_phrase(keys: &[String], tokens: &[String], used: &[bool]) -> Vec<(usize, usize)> {
    if keys.is_empty() || tokens.len() < keys.len() {
        return vec![];
    }
    (0..=tokens.len() - keys.len())
        .filter(|&i| (0..keys.len()).all(|k| tokens[i + k] == keys[k] && !used[i + k]))
        .map(|i| (i, i + keys.len()))
        .collect()
}

/// The comparison keys ([`phrase_keys`]) of every token of a text.
pub fn token_keys(tokens: &Tokens, text: &str, lang: &LangData) -> Vec<String> {
    tokens
        .iter()
        .map(|t| token_key(tokens, t, text, lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_glossary_parses_and_knows_the_traps() {
        let g = Glossary::bundled("es", "en");
        assert!(g.entries.len() >= 30);
        // Every entry has something to enforce, and every country context has cues.
        for e in &g.entries {
            assert!(
                !e.approved.is_empty() || !e.wrong.is_empty(),
                "{}",
                e.source
            );
            for c in &e.context {
                if let Context::Country(code) = c {
                    assert!(
                        country_cue(code).is_some(),
                        "{}: no cues for {code}",
                        e.source
                    );
                }
            }
        }
        assert!(
            g.entries
                .iter()
                .any(|e| e.source == "billones" && e.wrong.contains(&"billion".to_string()))
        );
    }

    /// The bundled files, each with the name of its file.
    fn bundled_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUNDLED.iter().map(|(_, _, path, text)| (*path, *text))
    }

    #[test]
    fn every_glossary_file_is_bundled() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk = Vec::new();
        for dir in [
            "data/glossary",
            "data/glossary/es-en",
            "data/glossary/en-es",
        ] {
            for f in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = f.unwrap().file_name().to_string_lossy().into_owned();
                if name.ends_with(".tsv") {
                    on_disk.push(format!("{dir}/{name}"));
                }
            }
        }
        on_disk.sort();
        let mut bundled: Vec<String> = bundled_files().map(|(p, _)| p.to_string()).collect();
        bundled.sort();
        assert_eq!(
            bundled, on_disk,
            "BUNDLED in src/glossary.rs lists other files"
        );
        // Each file's direction is its folder's (or its name's).
        for (s, t, path, _) in BUNDLED {
            assert!(path.contains(&format!("/{s}-{t}")), "{path} is not {s}-{t}");
        }
    }

    /// Every bundled file parses; within each section (the entry lines
    /// between two comment lines) its entries are sorted by folded source
    /// term, then by the term lower-cased, then by the context as written;
    /// no source term (lower-cased) has the same
    /// context twice in one direction; and every entry of a country's file
    /// (`us.tsv`) applies in that country.
    #[test]
    fn bundled_files_are_sorted_and_without_duplicates() {
        let mut seen: HashSet<(String, String, String)> = HashSet::new();
        for (s, t, path, text) in BUNDLED {
            let g = Glossary::parse_tsv(text, path, Origin::Bundled)
                .unwrap_or_else(|e| panic!("{path}: {}", e.problem));
            assert!(!g.entries.is_empty(), "{path} has no entries");
            let country = path
                .strip_suffix(".tsv")
                .and_then(|p| p.rsplit_once('/'))
                .filter(|(dir, name)| dir.ends_with(&format!("{s}-{t}")) && *name != "general")
                .map(|(_, name)| name.to_string());
            let mut previous: Option<(String, String, String)> = None;
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') {
                    previous = None;
                    continue;
                }
                if line.trim().is_empty() {
                    continue;
                }
                let f: Vec<&str> = line.split('\t').collect();
                // Folded for the order; lower-cased, as the check compares
                // terms, for the identity (`secretaría` is not `secretaria`).
                let key = (
                    fold(f[0].trim()),
                    f[0].trim().to_lowercase(),
                    f.get(3).map(|c| c.trim()).unwrap_or_default().to_string(),
                );
                if let Some(p) = &previous {
                    assert!(
                        *p < key,
                        "{path}:{}: «{}» is out of order or repeated (sort each section by folded term, then lower-cased term, then context)",
                        n + 1,
                        f[0]
                    );
                }
                let context = parse_context(f.get(3).copied().unwrap_or_default());
                assert!(
                    seen.insert((format!("{s}-{t}"), key.1.clone(), format!("{context:?}"))),
                    "{path}:{}: «{}» with this context is in another bundled file",
                    n + 1,
                    f[0]
                );
                if let Some(code) = &country {
                    assert!(
                        context.contains(&Context::Country(code.clone())),
                        "{path}:{}: «{}» does not apply in '{code}'",
                        n + 1,
                        f[0]
                    );
                }
                previous = Some(key);
            }
        }
    }

    #[test]
    fn tsv_errors_name_the_line() {
        let e = Glossary::parse_tsv(
            "ok\tfine\n\nlonely\n",
            "g.tsv",
            Origin::User("g.tsv".into()),
        )
        .unwrap_err();
        assert_eq!(e.what, "g.tsv");
        assert!(e.problem.starts_with("line 3"), "{}", e.problem);
    }

    #[test]
    fn tbx_terms_with_status() {
        let tbx = r#"<?xml version="1.0"?>
<tbx type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="context">us</descrip>
  <langSet xml:lang="es"><tig><term>guardia costera</term></tig></langSet>
  <langSet xml:lang="en">
    <tig><term>Coast Guard</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Coastal Guard</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
</body></text></tbx>"#;
        let g = Glossary::parse_tbx(tbx, "t.tbx", "es", "en").unwrap();
        assert_eq!(g.entries.len(), 1);
        let e = &g.entries[0];
        assert_eq!(
            (e.source.as_str(), e.approved.as_slice(), e.wrong.as_slice()),
            (
                "guardia costera",
                &["Coast Guard".to_string()][..],
                &["Coastal Guard".to_string()][..]
            )
        );
        assert_eq!(e.context, [Context::Country("us".into())]);
        assert!(Glossary::parse_tbx("<tbx><termEntry>", "b.tbx", "es", "en").is_err());
    }

    #[test]
    fn user_entries_replace_bundled_ones() {
        let mut g = Glossary::bundled("es", "en");
        let user = Glossary::parse_tsv(
            "canciller\tchancellor\n",
            "u.tsv",
            Origin::User("u.tsv".into()),
        )
        .unwrap();
        g.overlay(user);
        let c: Vec<&Entry> = g
            .entries
            .iter()
            .filter(|e| e.source == "canciller")
            .collect();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].approved, ["chancellor"]);
    }

    #[test]
    fn countries_from_cues() {
        let c = countries(&fold(
            "Los funcionarios de EE.UU. y de México se reunieron en Washington.",
        ));
        assert!(
            c.contains("us") && c.contains("mx") && c.contains("latam"),
            "{c:?}"
        );
        assert!(!c.contains("es"));
        // A cue that ends a sentence, a region, an institution.
        let c = countries(&fold("El presidente viajó a Washington."));
        assert!(c.contains("us"), "{c:?}");
        let c = countries(&fold("La Guardia Civil detuvo a dos hombres en Murcia"));
        assert!(c.contains("es") && !c.contains("latam"), "{c:?}");
        let c = countries(&fold("The Chancellor spoke in Cardiff"));
        assert_eq!(c, HashSet::from(["gb".to_string()]));
    }

    #[test]
    fn phrases_match_inflections() {
        let es = LangData::get("es");
        let keys = phrase_keys("secretario de Estado", es);
        let text = crate::analyse::tokens::tokenize("Los secretarios de Estado, Laura Gómez");
        let toks = token_keys(&text, "Los secretarios de Estado, Laura Gómez", es);
        assert_eq!(
            find_phrase(&keys, &toks, &vec![false; toks.len()]),
            [(1, 4)]
        );
    }
}
