//! FreeDict dictionaries in dictd format, as Debian installs them
//! (`dict-freedict-spa-eng`: `/usr/share/dictd/freedict-spa-eng.index` and
//! `.dict.dz`). FreeDict is GPL: cotejo reads the user's copy, never ships one.
//!
//! The `.index` lists `headword<TAB>offset<TAB>length`, offsets in dictd's
//! base64 digits, into the `.dict.dz` (gzip with random-access chunks; read
//! whole here). An entry is the headword line (`abad /aˈβað/`), then senses,
//! numbered (`1. at, to, toward`) or not (`aboard`), separated by commas.

use crate::error::InputError;
use std::io::Read;

/// Largest dictionary text read (decompressed): FreeDict's biggest is ~60 MB.
const MAX_DICT_BYTES: u64 = 512 << 20;

/// The `(headword, translation)` pairs of a dictd dictionary given by either
/// of its two files.
pub fn read(path: &str) -> Result<Vec<(String, String)>, InputError> {
    let base = path
        .strip_suffix(".index")
        .or_else(|| path.strip_suffix(".dict.dz"))
        .or_else(|| path.strip_suffix(".dict"))
        .unwrap_or(path);
    let index_path = format!("{base}.index");
    let index = crate::read::read_text(&index_path)?;
    let dict = read_dict(base)?;
    parse(&index, &dict, &index_path)
}

fn read_dict(base: &str) -> Result<Vec<u8>, InputError> {
    let (path, compressed) = match std::fs::metadata(format!("{base}.dict.dz")) {
        Ok(_) => (format!("{base}.dict.dz"), true),
        Err(_) => (format!("{base}.dict"), false),
    };
    let file = std::fs::File::open(&path).map_err(|e| crate::read::io_problem(&path, &e))?;
    let mut bytes = Vec::new();
    let result = if compressed {
        flate2::read::MultiGzDecoder::new(file)
            .take(MAX_DICT_BYTES)
            .read_to_end(&mut bytes)
    } else {
        file.take(MAX_DICT_BYTES).read_to_end(&mut bytes)
    };
    result.map_err(|e| InputError::new(&path, format!("not a dictd dictionary: {e}")))?;
    Ok(bytes)
}

/// dictd's base64 number: `A`-`Z`, `a`-`z`, `0`-`9`, `+`, `/` are digits 0..63.
fn base64_number(s: &str) -> Option<usize> {
    s.bytes().try_fold(0usize, |n, b| {
        let digit = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n.checked_mul(64)?.checked_add(digit as usize)
    })
}

/// Pairs from an index and the decompressed dictionary it points into.
pub fn parse(index: &str, dict: &[u8], path: &str) -> Result<Vec<(String, String)>, InputError> {
    let mut pairs = Vec::new();
    for (n, line) in index.lines().enumerate() {
        let bad = |what: &str| InputError::new(path, format!("line {}: {what}", n + 1));
        let mut fields = line.split('\t');
        let (Some(head), Some(offset), Some(length)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(bad("expected HEADWORD<TAB>OFFSET<TAB>LENGTH"));
        };
        // dictd's own entries (`00databaseinfo`, `00-database-url`) describe the file.
        if head.starts_with("00database") || head.starts_with("00-database") {
            continue;
        }
        let (Some(offset), Some(length)) = (base64_number(offset), base64_number(length)) else {
            return Err(bad("offset or length is not a dictd number"));
        };
        let entry = offset
            .checked_add(length)
            .and_then(|end| dict.get(offset..end))
            .ok_or_else(|| bad("points past the end of the dictionary"))?;
        let entry = String::from_utf8_lossy(entry);
        for translation in translations(&entry) {
            pairs.push((head.to_string(), translation));
        }
    }
    Ok(pairs)
}

/// The translations of one entry: every comma- or semicolon-separated item of
/// the lines after the headword, without sense numbers, notes in brackets or
/// cross-references.
fn translations(entry: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in entry.lines().skip(1) {
        let line = line.trim();
        let lower = line.to_lowercase();
        if lower.starts_with("see") || lower.starts_with("synonym") || lower.starts_with("note") {
            continue;
        }
        let line = line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['.', ')'])
            .trim();
        for item in strip_brackets(line).split([',', ';']) {
            let item = item.trim();
            if !item.is_empty() && item.chars().any(char::is_alphabetic) {
                out.push(item.to_string());
            }
        }
    }
    out
}

/// Text without `(...)`, `[...]` and `<...>` notes.
fn strip_brackets(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| match c {
            '(' | '[' | '<' => {
                depth += 1;
                false
            }
            ')' | ']' | '>' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbered_and_plain_senses() {
        let dict = "a /a/\n1. at, to (place)\n2. in\nabad /aˈβað/\nabbot\n";
        // `a` at 0, 31 bytes; `abad` after it.
        let a_len = "a /a/\n1. at, to (place)\n2. in\n".len();
        let index = format!(
            "00databaseinfo\tA\tB\na\tA\t{}\nabad\t{}\t{}\n",
            enc(a_len),
            enc(a_len),
            enc(dict.len() - a_len)
        );
        let pairs = parse(&index, dict.as_bytes(), "d.index").unwrap();
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            got,
            [("a", "at"), ("a", "to"), ("a", "in"), ("abad", "abbot")]
        );
    }

    #[test]
    fn bad_index_names_the_line() {
        let e = parse("a\tA\tZZZZ\n", b"short", "d.index").unwrap_err();
        assert_eq!(e.what, "d.index");
        assert!(
            e.problem.starts_with("line 1: points past"),
            "{}",
            e.problem
        );
        let e = parse("a\tA\n", b"", "d.index").unwrap_err();
        assert!(e.problem.contains("HEADWORD"), "{}", e.problem);
    }

    fn enc(mut n: usize) -> String {
        const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = Vec::new();
        loop {
            s.push(DIGITS[n % 64]);
            n /= 64;
            if n == 0 {
                break;
            }
        }
        s.reverse();
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn base64_numbers() {
        assert_eq!(base64_number("A"), Some(0));
        assert_eq!(base64_number("BA"), Some(64));
        assert_eq!(base64_number("CgE"), Some(2 * 4096 + 32 * 64 + 4));
        assert_eq!(base64_number("*"), None);
    }
}
