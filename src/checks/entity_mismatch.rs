//! A person, place or organisation named in the source and missing from the translation.
//!
//! A name counts as present when the translation has it accent- and
//! case-insensitively, spelled a little differently (Jaro-Winkler, so
//! `Villalobos` meets `Villalobo`), translated through the gazetteer
//! (`Casa Blanca` / `White House`, `La Haya` / `The Hague`, a name inside a
//! longer one: `Partido Laborista` in `Miembro de la Asamblea del Partido
//! Laborista` / `Labour AM`), by its demonym (`Estados Unidos` / `American`),
//! or word by word through the lexicon (`Guardia Nacional` / `National
//! Guard`). Abbreviations are one word however spaced (`EE. UU.`, `EE.UU.`,
//! `U.K.` / `UK`); an acronym is found spelled out by its initials, by what
//! the language data says it stands for (`GOP` / `republicano`, `ONG` /
//! `NGO`, `HMP` / `prisión`) or as its plural (`IPs` / `IP`); a Roman
//! numeral in digits (`siglo XIX` / `19th-century`); a time zone after a
//! time (`09:30 BST`) is not a name. Every word of a name that is not a
//! common word must be there (`Linux Magazine` is not `Linux Systems`).
//! Common words are those of the lexicon, of the language's word list
//! (English: SCOWL) and with common-word endings.
//!
//! Severity follows the evidence. Another name in its place (a word for a
//! word, an acronym for an acronym, a name that opens a sentence if the
//! translation names it elsewhere) is an error; an acronym in place of an
//! acronym, most likely its translation (`SAI` / `UPS`), a warning. A name
//! simply missing is a warning where the rest of its sentence is missing
//! too (fewer than half of its other words found), and a note where the
//! sentence is there (the name said another way). Capitalised common words
//! in its place (`Capítulo` / `Chapter`) are most likely its translation: a
//! note. Where the source language has neither lexicon nor word list, a
//! capitalised common noun cannot be told from a name (French `État`, every
//! German noun): a missing single word or German run is then a note, and a
//! name with any of its words present passes.
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
use crate::analyse::numbers::roman;
use crate::analyse::tokens::TokenKind;
use crate::gazetteer::Gazetteer;
use crate::langdata::{HashSet, LangData};
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
    /// The same without periods (`u.k` as `uk`).
    undotted_text: String,
    /// Acronyms written here, folded and without periods (`dwn`).
    acronyms: HashSet<String>,
}

impl<'d> TargetWords<'d> {
    fn of(doc: &'d Document, indices: &[usize]) -> TargetWords<'d> {
        let mut t = TargetWords {
            words: HashSet::default(),
            undotted: HashSet::default(),
            stems: HashSet::default(),
            cognates: HashSet::default(),
            text: " ".into(),
            undotted_text: String::new(),
            acronyms: HashSet::default(),
        };
        let lang = LangData::get(doc.lang);
        for &j in indices {
            let a = &doc.analyses[j];
            let text = &doc.paragraphs[j].text;
            for tok in a.tokens.iter() {
                let w = a.tokens.folded(tok);
                // An acronym stands for its words too (`NGO`, `non-governmental
                // organization`), which the other side may translate.
                if is_acronym(&text[tok.start..tok.end]) {
                    t.acronyms.insert(w.replace('.', ""));
                    for e in lang.expansions(w) {
                        for part in e {
                            t.text.push_str(part);
                            t.text.push(' ');
                            if t.words.insert(part) {
                                t.stems.insert(stem(part));
                                t.cognates.extend(cognate_key(part));
                            }
                        }
                    }
                }
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
        t.undotted_text = t.text.replace('.', "");
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
    /// Undotted too: `UK` is `U.K.`; and without a leading article of the
    /// target language: `the hague` is found as `Hague`.
    fn has_phrase(&self, key: &str, ctx: &Context) -> bool {
        if key.is_empty() {
            return false;
        }
        let key = match key.split_once(' ') {
            Some((article, rest)) if ctx.target_lang.articles.contains(article) => rest,
            _ => key,
        };
        self.text.contains(&format!(" {key} "))
            || (key.contains('.') || self.undotted_text.len() < self.text.len())
                && self
                    .undotted_text
                    .contains(&format!(" {} ", key.replace('.', "")))
    }

    /// Whether a rendering of a name (a [`crate::gazetteer::key`]) is here,
    /// as the name or as a demonym of it (`United States` / `American`).
    fn has_rendering(&self, r: &str, ctx: &Context) -> bool {
        self.has_phrase(r, ctx)
            || ctx
                .target_lang
                .demonyms
                .get(r)
                .is_some_and(|ds| ds.iter().any(|d| self.has_phrase(d, ctx)))
    }

    /// Whether a source name (as a key) is here through the gazetteer, or
    /// left as it is and named by its demonym.
    fn has_gazetteer_name(&self, key: &str, ctx: &Context, gazetteer: &Gazetteer) -> bool {
        if gazetteer
            .renderings(key)
            .iter()
            .any(|r| self.has_rendering(r, ctx))
        {
            return true;
        }
        // A demonym of the source (`American`): its place, rendered.
        if let Some(places) = ctx.source_lang.demonym_places.get(key) {
            return places.iter().any(|p| {
                self.has_rendering(p, ctx)
                    || gazetteer
                        .renderings(p)
                        .iter()
                        .any(|r| self.has_rendering(r, ctx))
            });
        }
        false
    }

    fn has_word(&self, w: &str, ctx: &Context, gazetteer: &Gazetteer) -> bool {
        if self.has_plain_word(w, ctx, gazetteer) {
            return true;
        }
        // An acronym of the source language spelled out or translated (`GOP`
        // / `republicano`, `ONG` / `NGO`): a word of what it stands for.
        ctx.source_lang.expansions(w).iter().any(|e| {
            e.iter()
                .filter(|p| !ctx.source_lang.is_stopword(p) && p.chars().count() > 2)
                .any(|p| self.has_plain_word(p, ctx, gazetteer))
        })
    }

    fn has_plain_word(&self, w: &str, ctx: &Context, gazetteer: &Gazetteer) -> bool {
        if self.words.contains(w) {
            return true;
        }
        // A plural acronym (`IPs`) is its singular (`IP`), and the other way.
        let short = (2..=6).contains(&w.len());
        if short
            && (w
                .strip_suffix('s')
                .is_some_and(|sg| sg.len() >= 2 && self.words.contains(sg))
                || self.words.contains(format!("{w}s").as_str()))
        {
            return true;
        }
        // A Roman numeral written in digits (`siglo XIX` / `19th-century`).
        if w.chars().count() > 1
            && roman(w).is_some_and(|v| self.words.contains(v.to_string().as_str()))
        {
            return true;
        }
        // An acronym with or without periods (`RMS` / `R.M.S.`, `EE.UU.` / `EEUU`).
        if self.undotted.contains(w)
            || (w.contains('.') && self.words.contains(w.replace('.', "").as_str()))
        {
            return true;
        }
        if self.has_gazetteer_name(w, ctx, gazetteer) {
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
        // Acronyms translated letter by letter: ADN / DNA, AC / CA, A.I. / IA.
        let letters = |s: &str| {
            let mut v: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
            v.sort_unstable();
            v
        };
        let own = letters(w);
        if (2..=5).contains(&own.len())
            && self
                .words
                .iter()
                .any(|t| t.len() <= 2 * own.len() && letters(t) == own)
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

    /// Whether the translation writes the name as the acronym of its words
    /// (`Debian Weekly News` / `DWN`). Three letters at least, as in
    /// [`Self::spells_out`].
    fn has_acronym_of(&self, name: &Name) -> bool {
        let initials: String = name.words.iter().filter_map(|w| w.chars().next()).collect();
        initials.chars().count() >= 3 && self.acronyms.contains(&initials)
    }

    fn has_name(
        &self,
        name: &Name,
        ctx: &Context,
        gazetteer: &Gazetteer,
        common: &CommonWords,
        keys: &[String],
        known: bool,
    ) -> bool {
        if self.has_acronym_of(name) {
            return true;
        }
        let tokens = &ctx.pair.source.analyses[name.paragraph].tokens;
        let key_of = |r: std::ops::Range<usize>| key_of(tokens, r);
        if keys
            .iter()
            .any(|k| self.has_gazetteer_name(k, ctx, gazetteer))
        {
            return true;
        }
        // Names inside the name, through the gazetteer (`Partido Laborista`
        // in `Miembro de la Asamblea del Partido Laborista` / `Labour AM`).
        let mut covered = vec![false; name.words.len()];
        let n = name.word_tokens.len();
        if n > 2 {
            for a in 0..n {
                for b in a + 1..n {
                    if a == 0 && b == n - 1 {
                        continue;
                    }
                    let key = key_of(name.word_tokens[a]..name.word_tokens[b] + 1);
                    if self.has_gazetteer_name(&key, ctx, gazetteer) {
                        covered[a..=b].iter_mut().for_each(|c| *c = true);
                    }
                }
            }
        }
        // Every proper word must be there (`Linux Magazine` is not `Linux
        // Systems`); common words may be paraphrased, as long as something
        // of the name is there (`Sistema de Seguimiento de Fallos` / `bug
        // tracking system`). A name the gazetteer knows, none of whose
        // renderings is here, is here only word for word (`Carolina del Sur`
        // is not `North Carolina`), each common word as itself or as a
        // rendering of its own: the lexicon's phrases lend their words each
        // other's renderings (`sur` gives `carolina`).
        let own_rendering = |w: &str| {
            self.words.contains(w)
                || ctx.pair.lexicon.translations(&stem(w)).iter().any(|tr| {
                    self.stems.contains(tr) && !name.words.iter().any(|o| o != w && stem(o) == *tr)
                })
        };
        let (mut found, mut missing_proper) = (0, 0);
        for (k, w) in name.words.iter().enumerate() {
            let here = if known && common.is_common(w) {
                covered[k] || own_rendering(w)
            } else {
                covered[k] || self.has_word(w, ctx, gazetteer)
            };
            if here {
                found += 1;
            } else if known || !common.is_common(w) {
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

/// Single capitalised words opening a sentence of the translation that are
/// names: named elsewhere in the translation (`Zárate also denied`).
fn sentence_start_names(ctx: &Context, indices: &[usize], names: &HashSet<&str>) -> Vec<Name> {
    let doc = &ctx.pair.target;
    let lang = ctx.target_lang;
    let mut out = Vec::new();
    for &i in indices {
        let a = &doc.analyses[i];
        for (k, t) in a.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !t.sentence_start || !t.capitalized {
                continue;
            }
            let w = a.tokens.folded(t);
            if w.chars().count() < 3 || lang.is_stopword(w) || lang.is_calendar_word(w) {
                continue;
            }
            let next_is_name = a.names.binary_search(&(k + 1)).is_ok();
            if !next_is_name && names.contains(w) {
                out.push(Name {
                    paragraph: i,
                    span: t.start..t.end,
                    tokens: k..k + 1,
                    words: vec![w.to_string()],
                    word_tokens: vec![k],
                });
            }
        }
    }
    out
}

/// Whether a name of the translation is only common words of its language
/// (`Chapter`, `Turn Off`, `USB-Floppy`), which a language with a word list
/// or a lexicon into it tells.
fn common_words_only(n: &Name, lang: &LangData, reverse: &crate::lexicon::Lexicon) -> bool {
    fn common(w: &str, lang: &LangData, reverse: &crate::lexicon::Lexicon) -> bool {
        if let Some((_, last)) = w.rsplit_once('-').filter(|(_, l)| l.chars().count() > 2) {
            return common(last, lang, reverse);
        }
        lang.is_common_word(w) || lang.is_stopword(w) || !reverse.translations(&stem(w)).is_empty()
    }
    (!lang.common_words.is_empty() || !reverse.is_empty())
        && n.words.iter().all(|w| common(w, lang, reverse))
}

/// Whether a name is a time zone after a time (`09:30 BST`, `8 p.m. ET`).
fn is_time_zone_after_time(ctx: &Context, name: &Name) -> bool {
    let english = LangData::get("en");
    let zone =
        |w: &String| ctx.source_lang.time_zones.contains(w) || english.time_zones.contains(w);
    if !name.words.iter().all(zone) {
        return false;
    }
    let a = &ctx.pair.source.analyses[name.paragraph];
    let text = &ctx.pair.source.paragraphs[name.paragraph].text;
    let Some(before) = name.tokens.start.checked_sub(1).map(|k| &a.tokens[k]) else {
        return false;
    };
    let clock = matches!(a.tokens.folded(before), "a.m" | "p.m" | "am" | "pm" | "h");
    let minutes =
        before.kind == TokenKind::Number && text[..before.start].ends_with([':', '.', 'h']);
    clock || minutes
}

/// Whether the sentence that holds a name shares little else with the
/// translation: fewer than half of its other content words are found there,
/// which is how a dropped sentence looks (and a paraphrased name does not).
fn sentence_shares_little(
    ctx: &Context,
    name: &Name,
    here: &TargetWords,
    gazetteer: &Gazetteer,
) -> bool {
    let a = &ctx.pair.source.analyses[name.paragraph];
    let sentence = a.sentences.get(a.sentence_of(name.span.start)).cloned();
    let Some(sentence) = sentence else {
        return true;
    };
    let (mut content, mut found) = (0, 0);
    for (k, t) in a.tokens.iter().enumerate() {
        if t.start < sentence.start || t.end > sentence.end || name.tokens.contains(&k) {
            continue;
        }
        let w = a.tokens.folded(t);
        if t.kind != TokenKind::Word || w.chars().count() <= 3 || ctx.source_lang.is_stopword(w) {
            continue;
        }
        content += 1;
        if here.has_word(w, ctx, gazetteer) {
            found += 1;
        }
    }
    // Without a lexicon only names, numbers and cognates can be found, a
    // third of a faithful sentence's words at best: the sentence is missing
    // only where none of them is there.
    if ctx.pair.lexicon.is_empty() {
        return found == 0;
    }
    found * 2 < content || content == 0
}

/// The words of some tokens, folded, as a gazetteer key.
fn key_of(tokens: &crate::analyse::tokens::Tokens, r: std::ops::Range<usize>) -> String {
    tokens[r]
        .iter()
        .map(|t| tokens.folded(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gazetteer keys of a source name: its words, as written (`Corea del
/// Norte`), and with the article it may start with (`La Haya`).
fn name_keys(name: &Name, ctx: &Context) -> Vec<String> {
    let tokens = &ctx.pair.source.analyses[name.paragraph].tokens;
    let mut keys = vec![name.words.join(" "), key_of(tokens, name.tokens.clone())];
    if let Some(before) = name.tokens.start.checked_sub(1) {
        let t = &tokens[before];
        if t.capitalized && ctx.source_lang.articles.contains(tokens.folded(t)) {
            keys.push(key_of(tokens, before..name.tokens.end));
        }
    }
    keys
}

/// Which of a run's words make up one of `renderings` with their
/// neighbours, function words between them included (`états-unis`,
/// `amérique du nord`).
fn rendered_words(
    tokens: &crate::analyse::tokens::Tokens,
    run: &Name,
    renderings: &HashSet<&str>,
) -> Vec<bool> {
    let n = run.word_tokens.len();
    let mut rendered = vec![false; n];
    if renderings.is_empty() {
        return rendered;
    }
    for a in 0..n {
        // Renderings are short: six words at most.
        for b in a + 1..=n.min(a + 6) {
            let key = key_of(tokens, run.word_tokens[a]..run.word_tokens[b - 1] + 1);
            if renderings.contains(key.as_str()) {
                rendered[a..b].iter_mut().for_each(|r| *r = true);
            }
        }
    }
    rendered
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
    let reverse = crate::lexicon::Lexicon::bundled(ctx.pair.target.lang, ctx.pair.source.lang);
    // Every name word of the translation, to tell a name that opens a
    // sentence (`Zárate also denied`) from a capitalised first word.
    let target_names: HashSet<&str> = ctx
        .pair
        .target
        .analyses
        .iter()
        .flat_map(|a| a.name_words())
        .collect();
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
        let source_names: Vec<(Name, Vec<String>)> = names(&ctx.pair.source, &l.link.source)
            .into_iter()
            .map(|n| {
                let keys = name_keys(&n, ctx);
                (n, keys)
            })
            .collect();
        // The gazetteer's renderings of the source's names: a target name
        // that is one (`Japon` for `Japan`) stands in no one's place.
        let renderings: HashSet<&str> = source_names
            .iter()
            .flat_map(|(_, keys)| keys.iter().flat_map(|k| gazetteer.renderings(k)))
            .map(String::as_str)
            .collect();
        let (strangers, common_strangers): (Vec<Name>, Vec<Name>) =
            names(&ctx.pair.target, &l.link.target)
                .into_iter()
                .chain(sentence_start_names(ctx, &l.link.target, &target_names))
                // The part of a run the source does not account for: `Rodrigo
                // Valverde` in `Economy Minister Rodrigo Valverde`.
                .flat_map(|n| {
                    let tokens = &ctx.pair.target.analyses[n.paragraph].tokens;
                    let rendered = rendered_words(tokens, &n, &renderings);
                    let mut parts = Vec::new();
                    let mut k = 0;
                    while k < n.words.len() {
                        let start = k;
                        while k < n.words.len() && !rendered[k] && !accounted(&n.words[k]) {
                            k += 1;
                        }
                        if k > start {
                            parts.extend(n.find(&ctx.pair.target, &n.words[start..k]));
                        }
                        k += 1;
                    }
                    parts
                })
                .partition(|n| !common_words_only(n, ctx.target_lang, &reverse));
        for (name, keys) in source_names {
            // A place or body the gazetteer knows is one, whatever its words.
            let known = keys.iter().any(|k| !gazetteer.renderings(k).is_empty());
            if !(is_entity(&name, &common) || known)
                || is_time_zone_after_time(ctx, &name)
                || here.has_name(&name, ctx, gazetteer, &common, &keys, known)
            {
                continue;
            }
            let text = &ctx.pair.source.paragraphs[name.paragraph].text[name.span.clone()];
            if is_acronym(text) && here.spells_out(text, ctx) {
                continue;
            }
            // Capitalised common words in its place (`Capítulo` / `Chapter`,
            // `Intro` / `Enter`, `YENDO` / `GOING`) are most likely its
            // translation, not another name.
            // Like stands for like: a single word for a word, an acronym for
            // an acronym (`Capacidad` is not swapped for `URL`, nor `SSL` for
            // `GnuTLS`); a longer name for any name.
            let target_text =
                |r: &Name| &ctx.pair.target.paragraphs[r.paragraph].text[r.span.clone()];
            let alike: Vec<&Name> = strangers
                .iter()
                .filter(|r| name.words.len() > 1 || is_acronym(target_text(r)) == is_acronym(text))
                // Without word knowledge any name of the translation looks
                // unaccounted for: only one of the same length stands in its
                // place (not `U.S` for `Código Fonte Aberto`).
                // A single word is replaced by a single word too.
                .filter(|r| {
                    (common.knows_words && name.words.len() > 1)
                        || r.words.len() == name.words.len()
                })
                .collect();
            let rendered_as_common_words = alike.is_empty() && !common_strangers.is_empty();
            let replaced = alike
                .iter()
                .find(|s| s.words.len() == name.words.len())
                .or(alike.first())
                .copied()
                .or(common_strangers.first().filter(|_| !common.knows_words));
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
            // Severity as the evidence: another name in its place is an
            // error (an acronym in place of an acronym is most likely its
            // translation, `SAI` / `UPS`: a warning); a name simply missing
            // is a warning where its sentence seems to be missing too, and a
            // note where the rest of the sentence is there (a name said
            // another way: `the tribunal`, `the country`).
            let severity = if rendered_as_common_words
                || (!sure_of_words && (!acronym || replaced_by_acronym))
            {
                Severity::Info
            } else if replaced.is_some() {
                if acronym && replaced_by_acronym {
                    Severity::Warning
                } else {
                    Severity::Error
                }
            } else if !sure_of_words || (!common.knows_words && !acronym) {
                // Without word knowledge a title given in words of the
                // translation (`Pacotes Pessoais`) looks missing.
                Severity::Info
            } else if sentence_shares_little(ctx, &name, &here, gazetteer) {
                Severity::Warning
            } else {
                Severity::Info
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
    fn storage_units_in_octets_are_the_same_units() {
        let en = "The installation image needs 650 MB of disk space and 2 GB of memory on the new laptop.";
        let fr = "L'image d'installation nécessite 650 Mo d'espace disque et 2 Go de mémoire sur le nouvel ordinateur portable.";
        let f = check_pair(en, fr, "entity-mismatch");
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_rendered_name_is_no_substitute_and_an_acronym_of_the_name_is_the_name() {
        use crate::checks::Severity;
        let en = "The Debian Weekly News reports that developers from Japan and Freedonia met in Tokyo for three days to work on the installer.";
        let fr = "La DWN rapporte que des développeurs du Japon se sont réunis à Tokyo pendant trois jours pour travailler sur l'installateur.";
        let f = check_pair(en, fr, "entity-mismatch");
        // Only Freedonia is missing, and with its sentence there (Japan,
        // Tokyo) and no lexicon for the pair to say more: a note, not an
        // error naming «Japon» in its place.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].evidence.source_text.as_deref(), Some("Freedonia"));
        assert_eq!(f[0].severity, Severity::Info, "{f:#?}");
    }

    #[test]
    fn a_place_the_gazetteer_knows_is_not_another_with_a_shared_word() {
        let es = "Los teléfonos de los senadores Lindsey Graham, de Carolina del Sur, y Mike Lee, de Utah, se publicaron el jueves.";
        let wrong = "The phone numbers of Senators Lindsey Graham of North Carolina and Mike Lee of Utah were posted on Thursday.";
        let f = check_pair(es, wrong, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].evidence.source_text.as_deref(),
            Some("Carolina del Sur")
        );
        let right = wrong.replace("North", "South");
        assert!(check_pair(es, &right, "entity-mismatch").is_empty());
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
        // Nor is another name of a different length in its place.
        let pt = "O movimento do Código Fonte Aberto cresceu muito em Bruxelas durante este ano.";
        let en = "The Open Source movement grew a lot in Brussels this year.";
        let f = check_pair(pt, en, "entity-mismatch");
        assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:#?}");
        let pt = "O ministro Rui Costa disse que a universidade vai receber centenas de visitantes este ano.";
        let en =
            "Minister Pedro Lopes said the university will receive hundreds of visitors this year.";
        let f = check_pair(pt, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn abbreviations_articles_numerals_and_zones_are_found() {
        let cases = [
            (
                "El gobierno de EE. UU. y el del Reino Unido firmaron en La Haya un tratado del siglo XIX.",
                "The U.S. government and the U.K. one signed a 19th-century treaty in The Hague.",
            ),
            (
                "The A.I. lab opened at 10:45 BST at HMP Ford, a GOP aide said.",
                "El laboratorio de IA abrió a las 10:45 en la prisión de Ford, dijo un asesor republicano.",
            ),
            (
                "La ONG ayudó al Partido Verde y a los Estados Unidos ante la Corte Suprema.",
                "The NGO helped the Green Party and the American people before the Supreme Court.",
            ),
        ];
        for (src, tgt) in cases {
            let f = check_pair(src, tgt, "entity-mismatch");
            assert!(f.is_empty(), "{src}\n{f:#?}");
        }
    }

    #[test]
    fn severity_follows_the_evidence() {
        use crate::checks::Severity;
        // Another name in its place: an error.
        let es = "Asimismo, el ministro Quiroga negó que el presidente usara el tema marítimo como muleta política.";
        let en = "Minister Montenegro also denied that the president was using the maritime issue as a political crutch.";
        let f = check_pair(es, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Error);
        // A name opening the sentence stands in its place when the
        // translation names it elsewhere.
        let es2 = format!(
            "{es}\n\nEl ministro Montenegro habló después con la prensa en el puerto de Arica."
        );
        let en2 = "Montenegro also denied that the president was using the maritime issue as a political crutch.\n\nMinister Montenegro later spoke to the press at the port of Arica.";
        let f = check_pair(&es2, en2, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Error);
        // Missing, the rest of its sentence there: a note.
        let en = "The minister also denied that the president was using the maritime issue as a political crutch.";
        let f = check_pair(es, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Info);
        // Missing with its sentence: a warning.
        let es = "El Senado votó el lunes para aprobar el presupuesto de las oficinas regionales del próximo año. Además, Quiroga dijo que la policía detuvo a tres ladrones en el puerto.";
        let en = "The Senate voted on Monday to approve the budget of the regional offices for next year.";
        let f = check_pair(es, en, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        // A capitalised label rendered by a capitalised common word: a note.
        let es = "Pulse Retroceso para volver y espere a que termine la copia.";
        let en = "Press Backspace to go back and wait until the copy finishes.";
        let f = check_pair(es, en, "entity-mismatch");
        assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:#?}");
    }

    #[test]
    fn the_world_is_known_and_kept_apart() {
        // Countries and languages change form across languages (CLDR).
        let en = "The manual was translated into Swedish and Dutch by volunteers from Norway and India last year.";
        let fr = "Le manuel a été traduit en suédois et en néerlandais par des bénévoles de Norvège et d'Inde l'an dernier.";
        let f = check_pair(en, fr, "entity-mismatch");
        assert!(f.is_empty(), "{f:#?}");
        // A language or a country put for another is still found.
        let wrong = fr.replace("suédois", "danois").replace("Norvège", "Suède");
        let f = check_pair(en, &wrong, "entity-mismatch");
        let named: Vec<_> = f
            .iter()
            .filter_map(|f| f.evidence.source_text.as_deref())
            .collect();
        assert_eq!(named, ["Swedish", "Norway"], "{f:#?}");
        // Equatorial Guinea is not Guinea.
        let en = "The president of Equatorial Guinea met the president of Chad in Paris on Monday.";
        let wrong = "Le président de la Guinée a rencontré lundi à Paris le président du Tchad.";
        let f = check_pair(en, wrong, "entity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].evidence.source_text.as_deref(),
            Some("Equatorial Guinea")
        );
        let right = wrong.replace("Guinée", "Guinée équatoriale");
        assert!(check_pair(en, &right, "entity-mismatch").is_empty());
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
