//! Splitting a document into paragraphs: maximal runs of non-blank lines,
//! numbered from 0 (DESIGN.md). Every index in every output is this numbering.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// One paragraph: its original text for reports and its NFC form for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Position in the document, from 0.
    pub index: usize,
    /// The lines as written (joined with `\n`), trailing whitespace kept out.
    pub text: String,
    /// `text` in Unicode NFC, what analysis reads.
    pub normalized: String,
    /// 1-based line number of the paragraph's first line.
    pub line: usize,
    /// 1-based column (in characters) of the paragraph's first character on
    /// that line: 1 in plain text, where the text starts in a web page.
    pub column: usize,
}

impl Paragraph {
    /// The 1-based line and column in the original file of byte `offset` of
    /// `text`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let before = self.text.get(..offset).unwrap_or(&self.text);
        match before.rfind('\n') {
            Some(nl) => (
                self.line + before.matches('\n').count(),
                before[nl + 1..].chars().count() + 1,
            ),
            None => (self.line, self.column + before.chars().count()),
        }
    }
}

/// Splits normalised text (LF line ends) into paragraphs.
pub fn split(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut first_line = 0;
    for (n, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            flush(&mut out, &mut lines, first_line);
        } else {
            if lines.is_empty() {
                first_line = n + 1;
            }
            lines.push(line.trim_end());
        }
    }
    flush(&mut out, &mut lines, first_line);
    out
}

fn flush(out: &mut Vec<Paragraph>, lines: &mut Vec<&str>, line: usize) {
    if lines.is_empty() {
        return;
    }
    let text = lines.join("\n");
    lines.clear();
    // Most text is NFC already, which the quick check tells without composing.
    let normalized = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.clone(),
        _ => text.nfc().collect(),
    };
    out.push(Paragraph {
        index: out.len(),
        text,
        normalized,
        line,
        column: 1,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_and_whitespace_lines_are_blank() {
        let p = split("uno\ndos\n\n \t\ntres\n\n\n");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "uno\ndos");
        assert_eq!((p[1].index, p[1].line, p[1].text.as_str()), (1, 5, "tres"));
    }

    #[test]
    fn nfc_for_analysis_original_for_reports() {
        let p = split("Ca\u{301}rdenas");
        assert_eq!(p[0].text, "Ca\u{301}rdenas");
        assert_eq!(p[0].normalized, "Cárdenas");
    }
}
