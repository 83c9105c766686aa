//! Saved web pages: the HTML5 parser of `scraper` (html5ever, the parser of
//! Servo, which recovers from broken markup as browsers do) builds the tree;
//! block elements become paragraphs, scripts and styles are dropped, and the
//! page's navigation, header, footer and asides are kept as site chrome.

use super::{Input, Layout, normalize_newlines};
use crate::error::InputError;
use scraper::{Html, Node};

/// Elements whose text is a paragraph of its own.
const BLOCKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "figcaption",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
    "caption",
    "summary",
    "legend",
    // Containers: text loose in them is a paragraph too, cut where a block starts.
    "div",
    "section",
    "article",
    "main",
    "body",
    "figure",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "form",
    "address",
    "details",
    "hr",
    "br",
];

/// Elements whose content is never text of the page.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
];

/// Elements that hold site chrome, kept as boilerplate.
const CHROME: &[&str] = &["nav", "header", "footer", "aside"];

/// Whether `path` names a web page, or its bytes start like one.
pub fn looks_like(path: &str, bytes: &[u8]) -> bool {
    let lower = path.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start: Vec<u8> = start
        .iter()
        .copied()
        .skip_while(u8::is_ascii_whitespace)
        .take(14)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

/// Reads a web page: its charset from the BOM, else `<meta charset>` or
/// `http-equiv`, else UTF-8.
pub fn read(bytes: &[u8], path: &str) -> Result<Input, InputError> {
    let source = normalize_newlines(&decode(bytes, path)?);
    let html = Html::parse_document(&source);
    let mut walk = Walk::default();
    walk.node(html.tree.root(), false, false);
    walk.flush();
    if walk.paragraphs.is_empty() {
        return Err(InputError::new(
            path,
            "is a web page without text: there is no paragraph to align",
        ));
    }
    let mut layout = Layout::default();
    let mut cursor = 0;
    let mut text = String::new();
    for (para, chrome) in &walk.paragraphs {
        let (line, column, next) = locate(&source, cursor, para);
        cursor = next;
        layout.lines.push(line);
        layout.columns.push(column);
        layout.chrome.push(*chrome);
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(para);
    }
    text.push('\n');
    Ok(Input {
        text,
        layout: Some(layout),
    })
}

/// Decodes a page: a BOM wins, then the charset its markup declares in the
/// first 1024 bytes (as browsers look), else UTF-8.
fn decode(bytes: &[u8], path: &str) -> Result<String, InputError> {
    let (encoding, skip) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, n)) => (e, n),
        None => (declared_charset(bytes).unwrap_or(encoding_rs::UTF_8), 0),
    };
    let body = &bytes[skip..];
    if encoding == encoding_rs::UTF_8 {
        return super::decode(body, path);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        return Err(InputError::new(
            path,
            format!("is not valid {} as its page declares", encoding.name()),
        ));
    }
    Ok(text.into_owned())
}

/// The charset named by `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(c) = tag.find("charset") {
            let value = tag[c + 7..]
                .trim_start()
                .strip_prefix('=')?
                .trim_start()
                .trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            return encoding_rs::Encoding::for_label(&value.as_bytes()[..end]);
        }
    }
    None
}

#[derive(Default)]
struct Walk {
    paragraphs: Vec<(String, bool)>,
    buffer: String,
    chrome: bool,
    pre: bool,
}

impl Walk {
    fn node(&mut self, node: ego_tree::NodeRef<Node>, chrome: bool, pre: bool) {
        match node.value() {
            Node::Text(t) => {
                if self.buffer.is_empty() {
                    self.chrome = chrome;
                    self.pre = pre;
                }
                self.buffer.push_str(t);
            }
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    return;
                }
                let is_chrome = chrome || CHROME.contains(&name);
                let block = BLOCKS.contains(&name) || CHROME.contains(&name);
                if block {
                    self.flush();
                }
                for child in node.children() {
                    self.node(child, is_chrome, pre || name == "pre");
                }
                if block {
                    self.flush();
                }
            }
            _ => {
                for child in node.children() {
                    self.node(child, chrome, pre);
                }
            }
        }
    }

    /// Ends the paragraph being gathered: whitespace collapsed (in `pre`,
    /// line breaks kept, blank lines dropped so it stays one paragraph).
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.buffer);
        let text = if self.pre {
            raw.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        if !text.is_empty() {
            self.paragraphs.push((text, self.chrome));
        }
    }
}

/// Where a paragraph's text starts in the page, searched from `from`: the
/// first of its words that the markup writes as they read (no entity, no
/// tag inside). Returns the 1-based line and column and where to search next.
fn locate(source: &str, from: usize, paragraph: &str) -> (usize, usize, usize) {
    let found = paragraph
        .split_whitespace()
        .take(8)
        .enumerate()
        .find_map(|(i, word)| {
            let at = from + find_in_text(&source[from..], word)?;
            // A later word found: step back to the start of that line's text.
            Some(if i == 0 {
                at
            } else {
                source[..at]
                    .rfind('>')
                    .map_or(at, |g| g + 1 + leading_ws(&source[g + 1..at]))
            })
        })
        .unwrap_or(from);
    let before = &source[..found];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    // The next paragraph is looked for after this one's start.
    let next = found + source[found..].chars().next().map_or(0, char::len_utf8);
    (line, column, next)
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// The first place `word` occurs outside a tag.
fn find_in_text(haystack: &str, word: &str) -> Option<usize> {
    let mut start = 0;
    while let Some(at) = haystack[start..].find(word) {
        let pos = start + at;
        let before = &haystack[..pos];
        let in_tag = before
            .rfind('<')
            .is_some_and(|lt| before.rfind('>').is_none_or(|gt| gt < lt));
        if !in_tag {
            return Some(pos);
        }
        start = pos + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>T</title>\n<style>p{}</style></head>\n<body>\n<nav><ul><li>Inicio</li><li>Deportes</li></ul></nav>\n<h1>El alcalde &amp; el río</h1>\n<p>Son <b>30</b> personas.</p>\n<script>var x = '<p>no</p>';</script>\n<footer>© 2024 Diario</footer>\n</body></html>\n";

    #[test]
    fn blocks_become_paragraphs_chrome_kept_scripts_dropped() {
        let input = read(PAGE.as_bytes(), "p.html").unwrap();
        assert_eq!(
            input.text,
            "Inicio\n\nDeportes\n\nEl alcalde & el río\n\nSon 30 personas.\n\n© 2024 Diario\n"
        );
        let layout = input.layout.unwrap();
        assert_eq!(layout.chrome, vec![true, true, false, false, true]);
        assert_eq!(layout.lines, vec![5, 5, 6, 7, 9]);
        assert_eq!(layout.columns[2], 5);
    }

    #[test]
    fn charset_from_meta() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>a".to_vec();
        page.push(0xF1); // ñ in Latin-1
        page.extend_from_slice(b"o</p></body></html>");
        assert_eq!(read(&page, "x").unwrap().text, "a\u{f1}o\n");
        let equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">";
        assert_eq!(
            declared_charset(equiv).map(|e| e.name()),
            Some("windows-1252")
        );
    }

    #[test]
    fn sniffed_by_extension_or_content() {
        assert!(looks_like("a.HTM", b"hola"));
        assert!(looks_like("a.txt", b"\n  <!doctype html><p>x"));
        assert!(looks_like("-", b"<HTML>"));
        assert!(!looks_like("a.txt", b"Hola <b>mundo</b>"));
    }
}
