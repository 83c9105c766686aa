//! What the XLIFF and TMX readers share: a streaming XML reader
//! (`quick-xml`, which never builds a tree and never expands an entity the
//! file declares, so a "billion laughs" document is an error, not a
//! gigabyte) and the gathering of one segment's text, its inline codes
//! turned into placeholders.

use super::{LineIndex, Segment};
use crate::error::InputError;
use quick_xml::events::{BytesStart, Event};

/// Deepest element nesting accepted: no translation file comes near it, and
/// a document built to be deep is refused before it costs anything.
pub const MAX_DEPTH: usize = 256;

/// A streaming reader over a decoded file that reports errors with the
/// file, line and column.
pub struct Xml<'t> {
    pub reader: quick_xml::Reader<&'t [u8]>,
    pub lines: LineIndex<'t>,
    pub path: &'t str,
    pub what: &'static str,
    depth: usize,
}

impl<'t> Xml<'t> {
    pub fn new(text: &'t str, path: &'t str, what: &'static str) -> Xml<'t> {
        let mut reader = quick_xml::Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Xml {
            reader,
            lines: LineIndex::new(text),
            path,
            what,
            depth: 0,
        }
    }

    /// An error at a byte offset: `is not well-formed XLIFF (line 3, column 7): ...`.
    pub fn error_at(&self, byte: u64, problem: impl std::fmt::Display) -> InputError {
        let (line, column) = self.lines.line_column(byte as usize);
        InputError::new(
            self.path,
            format!(
                "is not well-formed {} (line {line}, column {column}): {problem}",
                self.what
            ),
        )
    }

    /// The next event; ends of file inside an element and nesting past
    /// [`MAX_DEPTH`] are errors.
    pub fn next(&mut self) -> Result<Event<'t>, InputError> {
        let event = self
            .reader
            .read_event()
            .map_err(|e| self.error_at(self.reader.error_position(), e))?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.error_at(
                        self.reader.buffer_position(),
                        format!("elements nested deeper than {MAX_DEPTH}"),
                    ));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof if self.depth > 0 => {
                return Err(self.error_at(
                    self.reader.buffer_position(),
                    "the file ends inside an element",
                ));
            }
            _ => {}
        }
        Ok(event)
    }

    /// Byte offset just after the last event read.
    pub fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }
}

/// An attribute's value by local name (`xml:lang` is `lang`), unescaped.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::default())
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

/// How an inline element inside a segment is kept.
enum Inline {
    /// A placeholder for it (and, for paired codes, one for its end); the
    /// text inside it is the segment's own (`<g>`, `<pc>`).
    Paired,
    /// One placeholder; what is inside is native code, not text (`<ph>`,
    /// `<bpt>`, `<ept>`, `<it>`).
    Code,
    /// Neither placeholder nor text (`<ut>`, TMX `<sub>` inside codes).
    Dropped,
    /// Transparent: its text is the segment's, no placeholder (`<mrk>`,
    /// `<hi>`, `<sm/>`).
    Transparent,
}

fn inline_kind(name: &str) -> Inline {
    match name {
        "g" | "pc" => Inline::Paired,
        "x" | "bx" | "ex" | "ph" | "bpt" | "ept" | "it" | "sc" | "ec" | "cp" => Inline::Code,
        "ut" | "sub" => Inline::Dropped,
        _ => Inline::Transparent,
    }
}

/// The identifier a placeholder carries: XLIFF `id` (or `startRef` of an
/// `<ec>`), TMX `i` (paired codes) or `x`.
fn inline_id(e: &BytesStart) -> Option<String> {
    ["id", "startRef", "i", "x", "hex"]
        .iter()
        .find_map(|k| attr(e, k))
}

/// A placeholder as written in the text: `{g:1}`, `{/g:1}`, `{ph}`.
pub fn placeholder(name: &str, id: Option<&str>, closing: bool) -> String {
    let slash = if closing { "/" } else { "" };
    match id {
        Some(id) => {
            // Kept to what the placeholder syntax allows, so an id cannot
            // forge text or another placeholder.
            let id: String = id
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                .take(32)
                .collect();
            format!("{{{slash}{name}:{id}}}")
        }
        None => format!("{{{slash}{name}}}"),
    }
}

/// Reads the content of the segment element just opened (`<source>`,
/// `<target>`, `<seg>`) up to its end tag: text, CDATA and references
/// resolved, inline codes as placeholders. Returns the segment (`None` when
/// it holds no text) positioned where its text starts.
pub fn segment(xml: &mut Xml) -> Result<Option<Segment>, InputError> {
    let start = xml.position();
    let mut text = String::new();
    // Open elements inside the segment: (name, placeholder to close with).
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    // Depth inside an element whose content is not text.
    let mut skipping = 0usize;
    loop {
        let before = xml.reader.buffer_position();
        match xml.next()? {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if skipping > 0 {
                    skipping += 1;
                    continue;
                }
                match inline_kind(&name) {
                    Inline::Paired => {
                        let id = inline_id(&e);
                        text.push_str(&placeholder(&name, id.as_deref(), false));
                        open.push((name.clone(), Some(placeholder(&name, id.as_deref(), true))));
                    }
                    Inline::Code => {
                        text.push_str(&placeholder(&name, inline_id(&e).as_deref(), false));
                        skipping = 1;
                    }
                    Inline::Dropped => skipping = 1,
                    Inline::Transparent => open.push((name, None)),
                }
            }
            Event::Empty(e) => {
                if skipping > 0 {
                    continue;
                }
                let name = e.local_name().as_ref().to_string();
                match inline_kind(&name) {
                    Inline::Paired | Inline::Code => {
                        let id = inline_id(&e);
                        text.push_str(&placeholder(&name, id.as_deref(), false));
                        if matches!(inline_kind(&name), Inline::Paired) {
                            text.push_str(&placeholder(&name, id.as_deref(), true));
                        }
                    }
                    Inline::Dropped | Inline::Transparent => {}
                }
            }
            Event::End(_) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                match open.pop() {
                    Some((_, Some(close))) => text.push_str(&close),
                    Some((_, None)) => {}
                    // The segment element's own end.
                    None => break,
                }
            }
            Event::Text(t) if skipping == 0 => text.push_str(&t.xml10_content()),
            Event::CData(t) if skipping == 0 => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().map_err(|e| xml.error_at(before, e))?
                } else {
                    quick_xml::escape::resolve_predefined_entity(r.as_ref())
                        .and_then(|s| s.chars().next())
                };
                let c = c.ok_or_else(|| {
                    xml.error_at(
                        before,
                        format!(
                            "unknown entity &{};: entities the file declares are not expanded",
                            crate::output::escape(r.as_ref())
                        ),
                    )
                })?;
                if skipping == 0 {
                    text.push(c);
                }
            }
            Event::Eof => return Err(xml.error_at(before, "the file ends inside a segment")),
            _ => {}
        }
    }
    let (line, column) = xml.lines.line_column(start);
    Ok(Segment::new(&text, line, column))
}

/// Skips the rest of the element just opened.
pub fn skip(xml: &mut Xml) -> Result<(), InputError> {
    let mut depth = 1;
    while depth > 0 {
        match xml.next()? {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => {
                return Err(xml.error_at(xml.reader.buffer_position(), "the file ends early"));
            }
            _ => {}
        }
    }
    Ok(())
}
