//! Reading a document: bytes from a file or stdin, decoded and normalised to
//! the text every later stage sees (DESIGN.md, "Paragraphs").

use crate::error::InputError;
use std::io::Read;

pub mod html;
pub mod po;
pub mod tmx;
pub mod xliff;
mod xml;

/// How a file is read: chosen by `--input`, or by its extension and content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension (`.html`, `.htm`, `.xhtml`), then by content
    /// (`<!doctype html`, `<html`), else plain text.
    #[default]
    Auto,
    /// Plain text: paragraphs separated by blank lines.
    Text,
    /// A saved web page: block elements are paragraphs.
    Html,
    /// XLIFF 1.2 or 2.0: source and target in one file.
    Xliff,
    /// TMX 1.4b: translation units of a translation memory.
    Tmx,
    /// A gettext PO file.
    Po,
}

impl InputFormat {
    /// Whether a file of this format holds both source and target.
    pub fn is_bilingual(self) -> bool {
        matches!(
            self,
            InputFormat::Xliff | InputFormat::Tmx | InputFormat::Po
        )
    }
}

/// A bilingual file (XLIFF, TMX, PO) as read: its languages, when it names
/// them, and its units in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    pub units: Vec<Unit>,
}

/// One translation unit: its identifier in the file (XLIFF `id`, TMX `tuid`
/// or 1-based position, PO msgctxt and msgid), its source and its target
/// (`None` when the file has none or an empty one: untranslated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub source: Segment,
    pub target: Option<Segment>,
}

/// The text of one side of a unit, inline codes as placeholders (`{g:1}`,
/// `{/g:1}`, `{x:2}`), no blank line inside, and where it starts in the
/// file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub line: usize,
    pub column: usize,
}

impl Segment {
    /// A segment of `raw` text starting at `line`/`column`, trimmed (the
    /// position moved past what was trimmed) and with blank lines dropped so
    /// it stays one paragraph; `None` when nothing is left.
    pub fn new(raw: &str, line: usize, column: usize) -> Option<Segment> {
        let (mut line, mut column) = (line, column);
        let lead = &raw[..raw.len() - raw.trim_start().len()];
        for c in lead.chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        let text: Vec<&str> = raw
            .trim()
            .split('\n')
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        if text.is_empty() {
            return None;
        }
        Some(Segment {
            text: text.join("\n"),
            line,
            column,
        })
    }
}

/// The 1-based line and column (in characters) of byte offsets of a text.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    newlines: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> LineIndex<'t> {
        LineIndex {
            text,
            newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
        }
    }

    pub(crate) fn line_column(&self, byte: usize) -> (usize, usize) {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = self.newlines.partition_point(|&n| n < byte);
        let start = if k == 0 { 0 } else { self.newlines[k - 1] + 1 };
        (k + 1, self.text[start..byte].chars().count() + 1)
    }
}

/// The format of a bilingual file, by `--input`, else by extension, else by
/// its first bytes; `None` for a monolingual file.
pub fn bilingual_format(path: &str, bytes: &[u8], format: InputFormat) -> Option<InputFormat> {
    if format != InputFormat::Auto {
        return format.is_bilingual().then_some(format);
    }
    let lower = path.to_ascii_lowercase();
    let ext = |es: &[&str]| es.iter().any(|e| lower.ends_with(e));
    if ext(&[".xlf", ".xliff", ".sdlxliff", ".mxliff"]) {
        return Some(InputFormat::Xliff);
    }
    if ext(&[".tmx"]) {
        return Some(InputFormat::Tmx);
    }
    if ext(&[".po", ".pot"]) {
        return Some(InputFormat::Po);
    }
    // By content: the root element among the first kilobytes.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let root = head
        .match_indices('<')
        .map(|(i, _)| &head[i + 1..])
        .find(|r| !r.starts_with('?') && !r.starts_with('!'))?;
    if root.starts_with("xliff") {
        Some(InputFormat::Xliff)
    } else if root.starts_with("tmx") {
        Some(InputFormat::Tmx)
    } else {
        None
    }
}

/// Reads `path` (or stdin for `-`) as a bilingual file when `format` or its
/// extension or content says it is one: `Ok(None)` for any other file.
pub fn read_bilingual(path: &str, format: InputFormat) -> Result<Option<Bilingual>, InputError> {
    let bytes = read_bytes(path)?;
    let Some(kind) = bilingual_format(path, &bytes, format) else {
        return Ok(None);
    };
    let text = decode(&bytes, path)?;
    let file = match kind {
        InputFormat::Xliff => xliff::read(&text, path)?,
        InputFormat::Tmx => tmx::read(&text, path)?,
        _ => po::read(&text, path)?,
    };
    if file.units.is_empty() {
        return Err(InputError::new(
            path,
            "holds no translation unit with source text: there is nothing to check",
        ));
    }
    Ok(Some(file))
}

/// One document as the pipeline takes it: the text of its paragraphs
/// (separated by blank lines) and, for a document that was not plain text,
/// where each paragraph was in the file and which are site chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    pub layout: Option<Layout>,
}

/// Per paragraph of an [`Input`]'s text: its 1-based line and column in the
/// original file, and whether the markup says it is site chrome (`nav`,
/// `header`, `footer`, `aside`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    pub lines: Vec<usize>,
    pub columns: Vec<usize>,
    pub chrome: Vec<bool>,
}

impl Input {
    /// Plain text, its paragraphs where the blank lines put them.
    pub fn plain(text: String) -> Input {
        Input { text, layout: None }
    }
}

/// Reads `path` (or stdin for `-`) as `format` says.
pub fn read_input(path: &str, format: InputFormat) -> Result<Input, InputError> {
    let bytes = read_bytes(path)?;
    if let Some(kind) = bilingual_format(path, &bytes, format) {
        let name = match kind {
            InputFormat::Xliff => "an XLIFF",
            InputFormat::Tmx => "a TMX",
            _ => "a PO",
        };
        return Err(InputError::new(
            path,
            format!(
                "is {name} file, which holds source and target: give it alone (cotejo check FILE)"
            ),
        ));
    }
    let format = match format {
        InputFormat::Auto if html::looks_like(path, &bytes) => InputFormat::Html,
        InputFormat::Auto => InputFormat::Text,
        f => f,
    };
    match format {
        InputFormat::Html => html::read(&bytes, path),
        _ => Ok(Input::plain(decode(&bytes, path)?)),
    }
}

/// Reads a source and a target as [`read_input`] does; at most one of them
/// may be stdin, and they may not be the same file.
pub fn read_input_pair(
    source: &str,
    target: &str,
    format: InputFormat,
) -> Result<(Input, Input), InputError> {
    check_pair(source, target)?;
    Ok((read_input(source, format)?, read_input(target, format)?))
}

/// Largest input accepted, in bytes. Alignment is linear, but a report over a
/// bigger file is no longer something a person reads; say so instead of
/// running out of memory on a wrong file.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` (or stdin for `-`) and decodes it with [`decode`].
pub fn read_text(path: &str) -> Result<String, InputError> {
    let bytes = read_bytes(path)?;
    decode(&bytes, path)
}

/// Reads a source and a target; at most one of them may be stdin.
pub fn read_pair(source: &str, target: &str) -> Result<(String, String), InputError> {
    check_pair(source, target)?;
    Ok((read_text(source)?, read_text(target)?))
}

fn check_pair(source: &str, target: &str) -> Result<(), InputError> {
    if source == "-" && target == "-" {
        return Err(InputError::new(
            "-",
            "standard input can be only one of SOURCE and TARGET",
        ));
    }
    let same = source != "-"
        && std::fs::canonicalize(source)
            .ok()
            .zip(std::fs::canonicalize(target).ok())
            .is_some_and(|(a, b)| a == b);
    if same {
        // A document is trivially its own translation; comparing one with
        // itself is a mistake on the command line.
        return Err(InputError::new(target, "is the same file as SOURCE"));
    }
    Ok(())
}

fn read_bytes(path: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| InputError::new("-", format!("cannot read standard input: {e}")))?;
    } else {
        let meta = std::fs::metadata(path).map_err(|e| io_problem(path, &e))?;
        if meta.is_dir() {
            return Err(InputError::new(path, "is a directory, not a text file"));
        }
        let file = std::fs::File::open(path).map_err(|e| io_problem(path, &e))?;
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| io_problem(path, &e))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::new(
            path,
            format!(
                "is larger than the {} MiB limit for one document",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// The directories a walk has entered, told apart by device and inode, so
/// that a symlink to `..` (or any loop of links) is entered once.
#[derive(Default)]
pub struct Visited(std::collections::HashSet<(u64, u64)>);

impl Visited {
    /// Whether `dir` is entered for the first time (a directory that cannot
    /// be looked at counts as new: reading it reports the problem).
    pub fn first_visit(&mut self, dir: &std::path::Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        match std::fs::metadata(dir) {
            Ok(m) => self.0.insert((m.dev(), m.ino())),
            Err(_) => true,
        }
    }
}

pub fn io_problem(path: &str, e: &std::io::Error) -> InputError {
    let problem = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    };
    InputError::new(path, problem)
}

/// Decodes bytes to text: UTF-8 (a leading BOM dropped) or UTF-16 with a BOM;
/// CRLF and CR become LF. Binary data, invalid UTF-8 (with its byte offset) and
/// documents without any text are errors naming `path`.
pub fn decode(bytes: &[u8], path: &str) -> Result<String, InputError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, path, 3)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, path, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, path, u16::from_be_bytes)?
    } else {
        utf8(bytes, path, 0)?
    };
    if let Some(pos) = text.find('\0') {
        return Err(InputError::new(
            path,
            format!("looks binary (NUL byte at offset {pos}), not a text document"),
        ));
    }
    if text.trim().is_empty() {
        let problem = if text.is_empty() {
            "is empty: there is no paragraph to align"
        } else {
            "holds only whitespace: there is no paragraph to align"
        };
        return Err(InputError::new(path, problem));
    }
    Ok(normalize_newlines(&text))
}

fn utf8(bytes: &[u8], path: &str, skipped: usize) -> Result<String, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let offset = e.valid_up_to() + skipped;
            if bytes.contains(&0) {
                return Err(InputError::new(
                    path,
                    "looks binary (it contains NUL bytes), not a text document",
                ));
            }
            Err(InputError::new(
                path,
                format!("is not valid UTF-8 (byte offset {offset}); convert it to UTF-8 first"),
            ))
        }
    }
}

fn utf16(bytes: &[u8], path: &str, unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(InputError::new(
            path,
            "has a UTF-16 byte order mark but an odd number of bytes",
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| {
            c.map_err(|_| {
                InputError::new(
                    path,
                    format!("is not valid UTF-16 (byte offset {})", 2 + 2 * i),
                )
            })
        })
        .collect()
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_bom_and_normalises_newlines() {
        let t = decode(b"\xEF\xBB\xBFuno\r\ndos\rtres\n", "x").unwrap();
        assert_eq!(t, "uno\ndos\ntres\n");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "año".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b, "x").unwrap(), "año");
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let e = decode(b"abc\xFFdef", "doc.txt").unwrap_err();
        assert_eq!(e.what, "doc.txt");
        assert!(e.problem.contains("byte offset 3"), "{}", e.problem);
    }

    #[test]
    fn empty_whitespace_and_binary_are_errors() {
        assert!(decode(b"", "x").unwrap_err().problem.contains("empty"));
        assert!(
            decode(b" \n\t\n", "x")
                .unwrap_err()
                .problem
                .contains("whitespace")
        );
        assert!(
            decode(b"ab\0cd", "x")
                .unwrap_err()
                .problem
                .contains("binary")
        );
    }
}
