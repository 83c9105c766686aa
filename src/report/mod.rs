//! Reports: what the pipeline found, written for people and for pipelines.

pub mod alignment;
pub mod findings;
pub mod html;
pub mod junit;
pub mod sarif;
pub mod tmx;
pub mod xml;

/// Which link holds each paragraph, to attach findings to aligned pairs.
pub struct LinkIndex {
    source: Vec<usize>,
    target: Vec<usize>,
}

impl LinkIndex {
    pub fn new(pair: &crate::pipeline::AlignedPair) -> LinkIndex {
        let mut source = vec![usize::MAX; pair.source.paragraphs.len()];
        let mut target = vec![usize::MAX; pair.target.paragraphs.len()];
        for (k, l) in pair.links.iter().enumerate() {
            l.link.source.iter().for_each(|&i| source[i] = k);
            l.link.target.iter().for_each(|&j| target[j] = k);
        }
        LinkIndex { source, target }
    }

    /// The one link holding every paragraph of a finding; `None` when it
    /// spans several (an inconsistency across the document).
    pub fn link_of(&self, f: &crate::checks::Finding) -> Option<usize> {
        let mut links = f
            .source
            .iter()
            .map(|&i| self.source.get(i).copied())
            .chain(f.target.iter().map(|&j| self.target.get(j).copied()));
        let first = links.next()??;
        links.all(|k| k == Some(first)).then_some(first)
    }
}

/// Character offsets of byte offsets in one text, counted from checkpoints
/// every few kilobytes: thousands of spans in a long paragraph must not each
/// count from its start.
pub(crate) struct CharOffsets<'t> {
    text: &'t str,
    /// (byte, characters before it) at char boundaries, in order.
    marks: Vec<(usize, usize)>,
    /// Byte offsets of the line breaks.
    newlines: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    const STEP: usize = 4096;

    pub(crate) fn new(text: &'t str) -> CharOffsets<'t> {
        let mut marks = vec![(0, 0)];
        let (mut byte, mut chars) = (0, 0);
        while byte + Self::STEP < text.len() {
            let mut next = byte + Self::STEP;
            while !text.is_char_boundary(next) {
                next -= 1;
            }
            chars += text[byte..next].chars().count();
            byte = next;
            marks.push((byte, chars));
        }
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        CharOffsets {
            text,
            marks,
            newlines,
        }
    }

    /// Line breaks before a byte offset.
    pub(crate) fn newlines_before(&self, byte: usize) -> usize {
        self.newlines.partition_point(|&n| n < byte)
    }

    /// Where the line holding a byte offset starts.
    pub(crate) fn line_start(&self, byte: usize) -> usize {
        match self.newlines_before(byte) {
            0 => 0,
            k => self.newlines[k - 1] + 1,
        }
    }

    pub(crate) fn of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = self.marks.partition_point(|&(b, _)| b <= byte) - 1;
        let (from, chars) = self.marks[k];
        chars + self.text.get(from..byte).map_or(0, |t| t.chars().count())
    }
}

/// [`CharOffsets`] of the paragraphs spans point into, built on first use.
#[derive(Default)]
pub(crate) struct OffsetCache<'d> {
    by_paragraph:
        std::collections::HashMap<(*const crate::pipeline::Document, usize), CharOffsets<'d>>,
}

impl<'d> OffsetCache<'d> {
    pub(crate) fn of(
        &mut self,
        doc: &'d crate::pipeline::Document,
        paragraph: usize,
    ) -> &CharOffsets<'d> {
        self.by_paragraph
            .entry((doc as *const crate::pipeline::Document, paragraph))
            .or_insert_with(|| CharOffsets::new(&doc.paragraphs[paragraph].text))
    }
}
