//! gettext PO files: each entry is one unit, `msgid` its source and
//! `msgstr` its target (an empty `msgstr` is an untranslated unit). A
//! plural entry gives one unit per form: `msgid` against `msgstr[0]`, then
//! `msgid_plural` against each further form (unit `ID[n]`). The unit is
//! named as gettext and translate-toolkit key it: `msgctxt`, U+0004, `msgid`
//! (the `msgid` alone without a context). The header entry (`msgid ""`)
//! gives the languages: `Language:` is the target's, `X-Source-Language:`
//! the source's (else detected). Obsolete entries (`#~`) are skipped;
//! fuzzy ones (`#, fuzzy`) are checked like the others: their translation
//! is there, and is exactly what a reviewer must look at. Placeholders
//! (`%s`, `%1$s`, `{name}`) are text already.

use super::{Bilingual, Segment, Unit};
use crate::error::InputError;

/// One string of an entry: its text and where its first non-empty piece starts.
#[derive(Default, Clone)]
struct Str {
    text: String,
    at: Option<(usize, usize)>,
}

#[derive(Default)]
struct Entry {
    line: usize,
    ctxt: Option<Str>,
    id: Option<Str>,
    plural: Option<Str>,
    strs: Vec<(usize, Str)>,
}

/// Which string continuation lines extend.
#[derive(Clone, Copy)]
enum Field {
    Ctxt,
    Id,
    Plural,
    Str(usize),
}

/// Reads a PO file (decoded text).
pub fn read(text: &str, path: &str) -> Result<Bilingual, InputError> {
    let mut file = Bilingual::default();
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    let bad = |n: usize, problem: String| {
        InputError::new(
            path,
            format!("is not a valid PO file (line {n}): {problem}"),
        )
    };
    for (k, raw) in text.split('\n').enumerate() {
        let n = k + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            // A blank line or a comment after the strings ends the entry.
            if entry.id.is_some() && (line.is_empty() || !line.starts_with("#~")) {
                finish(&mut file, std::mem::take(&mut entry), path)?;
                field = None;
            }
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let (keyword, rest) = match line.find(|c: char| c.is_whitespace() || c == '"') {
            Some(i) => (&line[..i], line[i..].trim_start()),
            None => (line, ""),
        };
        let rest_at = indent + (line.len() - rest.len());
        if keyword.is_empty() {
            // A continuation: "more text".
            let s = parse_string(line, n, indent).map_err(|p| bad(n, p))?;
            let target = match field {
                Some(Field::Ctxt) => entry.ctxt.as_mut(),
                Some(Field::Id) => entry.id.as_mut(),
                Some(Field::Plural) => entry.plural.as_mut(),
                Some(Field::Str(i)) => entry
                    .strs
                    .iter_mut()
                    .find(|(j, _)| *j == i)
                    .map(|x| &mut x.1),
                None => None,
            };
            let Some(target) = target else {
                return Err(bad(n, "a string outside any msgid or msgstr".into()));
            };
            append(target, s, n);
            continue;
        }
        let s = parse_string(rest, n, rest_at).map_err(|p| bad(n, p))?;
        let mut start = |entry: &mut Entry| {
            if (entry.id.is_some() && !entry.strs.is_empty())
                || (entry.ctxt.is_some() && keyword == "msgctxt")
            {
                let done = std::mem::take(entry);
                finish(&mut file, done, path)
            } else {
                Ok(())
            }
        };
        let new = |s: (String, (usize, usize))| {
            let mut v = Str::default();
            append(&mut v, s, n);
            v
        };
        match keyword {
            "msgctxt" => {
                start(&mut entry)?;
                entry.line = n;
                entry.ctxt = Some(new(s));
                field = Some(Field::Ctxt);
            }
            "msgid" => {
                start(&mut entry)?;
                if entry.ctxt.is_none() {
                    entry.line = n;
                }
                entry.id = Some(new(s));
                field = Some(Field::Id);
            }
            "msgid_plural" => {
                entry.plural = Some(new(s));
                field = Some(Field::Plural);
            }
            _ => {
                let index = if keyword == "msgstr" {
                    Some(0)
                } else {
                    keyword
                        .strip_prefix("msgstr[")
                        .and_then(|r| r.strip_suffix(']'))
                        .and_then(|i| i.parse::<usize>().ok())
                        .filter(|&i| i < 64)
                };
                let Some(i) = index else {
                    return Err(bad(
                        n,
                        format!(
                            "unknown keyword «{}»",
                            crate::output::escape(&keyword.chars().take(40).collect::<String>())
                        ),
                    ));
                };
                if entry.id.is_none() {
                    return Err(bad(n, "msgstr without a msgid before it".into()));
                }
                entry.strs.push((i, new(s)));
                field = Some(Field::Str(i));
            }
        }
    }
    if entry.id.is_some() {
        finish(&mut file, entry, path)?;
    }
    Ok(file)
}

fn append(to: &mut Str, (text, at): (String, (usize, usize)), _line: usize) {
    if to.at.is_none() && !text.is_empty() {
        to.at = Some(at);
    }
    to.text.push_str(&text);
}

/// Adds an entry's units (or, for the header, its languages).
fn finish(file: &mut Bilingual, e: Entry, path: &str) -> Result<(), InputError> {
    let Some(id) = e.id else {
        return Err(InputError::new(
            path,
            format!(
                "is not a valid PO file (line {}): an entry without msgid",
                e.line
            ),
        ));
    };
    let str_of = |i: usize| e.strs.iter().find(|(j, _)| *j == i).map(|(_, s)| s);
    if id.text.is_empty() && e.ctxt.is_none() {
        // The header: `Key: value` lines.
        if let Some(h) = str_of(0) {
            for l in h.text.lines() {
                if let Some((k, v)) = l.split_once(':') {
                    let v = v.trim();
                    if v.is_empty() {
                        continue;
                    }
                    match k.trim() {
                        "Language" => file.target_lang = Some(v.to_string()),
                        "X-Source-Language" => file.source_lang = Some(v.to_string()),
                        _ => {}
                    }
                }
            }
        }
        return Ok(());
    }
    let key = match &e.ctxt {
        Some(c) => format!("{}\u{4}{}", c.text, id.text),
        None => id.text.clone(),
    };
    let seg = |s: &Str| {
        let (line, column) = s.at.unwrap_or((e.line, 1));
        Segment::new(&s.text, line, column)
    };
    let Some(source) = seg(&id) else {
        return Ok(());
    };
    file.units.push(Unit {
        id: key.clone(),
        source,
        target: str_of(0).and_then(seg),
    });
    if let Some(plural) = e.plural.as_ref().and_then(seg) {
        let mut forms: Vec<usize> = e.strs.iter().map(|(i, _)| *i).filter(|&i| i > 0).collect();
        forms.sort_unstable();
        forms.dedup();
        for i in forms {
            file.units.push(Unit {
                id: format!("{key}[{i}]"),
                source: plural.clone(),
                target: str_of(i).and_then(seg),
            });
        }
    }
    Ok(())
}

/// Parses one quoted string, `"..."` with C escapes; returns its text and
/// the 1-based line and column of its first character (`at` is the byte
/// column of `s` in its line, from 0).
fn parse_string(s: &str, line: usize, at: usize) -> Result<(String, (usize, usize)), String> {
    let Some(body) = s.strip_prefix('"') else {
        return Err("expected a string in double quotes".into());
    };
    let mut out = String::new();
    let mut chars = body.char_indices();
    loop {
        let Some((_, c)) = chars.next() else {
            return Err("a string without its closing quote".into());
        };
        match c {
            '"' => {
                let after = chars.as_str().trim();
                if !after.is_empty() && !after.starts_with('#') {
                    return Err("text after the closing quote".into());
                }
                break;
            }
            '\\' => {
                let Some((_, e)) = chars.next() else {
                    return Err("a string without its closing quote".into());
                };
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    '0'..='7' => {
                        let mut v = e.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            let rest = chars.as_str();
                            match rest.chars().next().and_then(|c| c.to_digit(8)) {
                                Some(d) => {
                                    v = v * 8 + d;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        char::from_u32(v)
                            .filter(|&c| c != '\0')
                            .ok_or_else(|| "a NUL character (\\0) in a string".to_string())?
                    }
                    other => {
                        return Err(format!(
                            "unknown escape sequence (a backslash before «{}») in a string",
                            crate::output::escape(&other.to_string())
                        ));
                    }
                });
            }
            c => out.push(c),
        }
    }
    // Position of the first character after the opening quote.
    Ok((out, (line, at + 2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = r#"# Una traducción
msgid ""
msgstr ""
"Project-Id-Version: nota\n"
"Language: en\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: nota.c:1
msgid "El alcalde llegó."
msgstr "The mayor arrived."

msgctxt "titular"
msgid ""
"Lluvia en "
"%s"
msgstr "Rain in %s"

#, fuzzy
msgid "Son \"%d\" personas\ty\\ya."
msgstr ""

msgid "Un archivo"
msgid_plural "%d archivos"
msgstr[0] "One file"
msgstr[1] "%d files"

#~ msgid "viejo"
#~ msgstr "old"
"#;

    #[test]
    fn reads_entries_header_contexts_and_escapes() {
        let f = read(PO, "n.po").unwrap();
        assert_eq!(f.target_lang.as_deref(), Some("en"));
        assert_eq!(f.source_lang, None);
        let ids: Vec<&str> = f.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "El alcalde llegó.",
                "titular\u{4}Lluvia en %s",
                "Son \"%d\" personas\ty\\ya.",
                "Un archivo",
                "Un archivo[1]"
            ]
        );
        let u = &f.units[0];
        assert_eq!((u.source.line, u.source.column), (9, 8));
        assert_eq!(u.target.as_ref().unwrap().line, 10);
        // Multi-line strings: joined, positioned at their first non-empty piece.
        assert_eq!(f.units[1].source.text, "Lluvia en %s");
        assert_eq!((f.units[1].source.line, f.units[1].source.column), (14, 2));
        // An empty msgstr is untranslated.
        assert_eq!(f.units[2].target, None);
        // Plural forms: msgid_plural against msgstr[1].
        assert_eq!(f.units[4].source.text, "%d archivos");
        assert_eq!(f.units[4].target.as_ref().unwrap().text, "%d files");
    }

    #[test]
    fn bad_escapes_and_strings_name_the_line() {
        let e = read("msgid \"a\"\nmsgstr \"b\\q\"\n", "x.po").unwrap_err();
        assert_eq!(e.what, "x.po");
        assert!(e.problem.contains("line 2"), "{}", e.problem);
        assert!(e.problem.contains("unknown escape"), "{}", e.problem);
        let e = read("msgid \"a\nmsgstr \"b\"\n", "x.po").unwrap_err();
        assert!(e.problem.contains("line 1") && e.problem.contains("closing quote"));
        assert!(read("msgstr \"b\"\n", "x.po").is_err());
        assert!(read("msgid \"a\"\nbogus \"b\"\n", "x.po").is_err());
        assert!(read("\"a\"\n", "x.po").is_err());
        // Octal escapes; odd plural indices do not crash.
        let f = read("msgid \"a\\101\"\nmsgstr[7] \"b\"\n", "x.po").unwrap();
        assert_eq!(f.units[0].source.text, "aA");
    }
}
