//! `cotejo check` output: JSON (the `cotejo.report/1` contract of
//! DESIGN.md) and text for people, grouped by aligned pair with the
//! offending spans marked.

use crate::checks::{Finding, Severity, Span};
use crate::output::{escape, escape_flowing};
use crate::pipeline::{AlignedPair, Document};
use serde_json::{Value, json};

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }

    /// "2 errors, 1 warning, 0 notes".
    pub fn line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}, {}, {}",
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "note", "notes")
        )
    }
}

fn spans_json<'d>(
    doc: &'d Document,
    spans: &[Span],
    offsets: &mut super::OffsetCache<'d>,
) -> Value {
    spans
        .iter()
        .map(|s| {
            let text = &doc.paragraphs[s.paragraph].text;
            let at = offsets.of(doc, s.paragraph);
            let (line, column) = doc.paragraphs[s.paragraph].line_column(s.range.start);
            json!({
                "paragraph": s.paragraph,
                "sentence": doc.analyses[s.paragraph].sentence_of(s.range.start),
                "start": at.of(s.range.start),
                "end": at.of(s.range.end),
                "text": text.get(s.range.clone()).unwrap_or(""),
                "line": line,
                "column": column,
            })
        })
        .collect()
}

/// One finding as the contract's JSON object, plus its spans (offsets in
/// characters of the paragraph's original text, sentence numbered from 0).
fn finding_json<'d>(
    pair: &'d AlignedPair,
    f: &Finding,
    offsets: &mut super::OffsetCache<'d>,
) -> Value {
    let mut v = json!({
        "check": f.check,
        "severity": f.severity,
        "source": f.source,
        "target": f.target,
        "message": f.message,
        "evidence": f.evidence,
        "spans": {
            "source": spans_json(&pair.source, &f.source_spans, offsets),
            "target": spans_json(&pair.target, &f.target_spans, offsets),
        },
    });
    if let Some(unit) = unit_of(pair, f) {
        v["unit"] = json!(unit);
    }
    v
}

/// The unit of a bilingual file a finding is about: its first source
/// paragraph's, else its first target paragraph's; `None` for other inputs.
pub fn unit_of<'d>(pair: &'d AlignedPair, f: &Finding) -> Option<&'d str> {
    f.source
        .first()
        .and_then(|&i| pair.source.units.get(i))
        .or_else(|| f.target.first().and_then(|&j| pair.target.units.get(j)))
        .map(String::as_str)
}

/// The whole report as `cotejo.report/1`.
pub fn json(pair: &AlignedPair, findings: &[Finding]) -> Value {
    let s = Summary::of(findings);
    let mut offsets = super::OffsetCache::default();
    let items: Vec<Value> = findings
        .iter()
        .map(|f| finding_json(pair, f, &mut offsets))
        .collect();
    let doc =
        |d: &Document| json!({"path": d.path, "lang": d.lang, "paragraphs": d.paragraphs.len()});
    json!({
        "schema": "cotejo.report/1",
        "source": doc(&pair.source),
        "target": doc(&pair.target),
        "alignment": pair.links.iter().map(super::alignment::link_json).collect::<Vec<_>>(),
        "findings": items,
        "summary": {"errors": s.errors, "warnings": s.warnings, "infos": s.infos},
    })
}

/// How the text report marks spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `[[span]]`, for files, pipes and `NO_COLOR`.
    Plain,
    /// ANSI colours, for a terminal.
    Color,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        match self {
            Style::Plain => s.to_string(),
            Style::Color => format!("\x1b[{code}m{s}\x1b[0m"),
        }
    }

    fn mark(self, severity: Severity, s: &str) -> String {
        match self {
            Style::Plain => format!("[[{s}]]"),
            Style::Color => format!("\x1b[4;{}m{s}\x1b[0m", severity_color(severity)),
        }
    }
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "31",
        Severity::Warning => "33",
        Severity::Info => "36",
    }
}

/// Bytes of context quoted on each side of the spans of a long sentence.
const QUOTE_CONTEXT: usize = 200;

/// The sentences of a paragraph that hold a span, with the spans marked; the
/// whole paragraph when a span covers it, shortened when long.
fn quote(doc: &Document, paragraph: usize, spans: &[(&Span, Severity)], style: Style) -> String {
    let text = &doc.paragraphs[paragraph].text;
    let a = &doc.analyses[paragraph];
    let mut ranges: Vec<(std::ops::Range<usize>, Severity)> = spans
        .iter()
        .filter(|(s, _)| s.paragraph == paragraph && s.range.end <= text.len())
        .map(|(s, sev)| (s.range.clone(), *sev))
        .collect();
    ranges.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let whole = ranges
        .iter()
        .any(|(r, _)| r.start == 0 && r.end == text.len());
    let (from, to) = if ranges.is_empty() || whole {
        (0, text.len())
    } else {
        let first = a
            .sentences
            .get(a.sentence_of(ranges[0].0.start))
            .map_or(0, |r| r.start);
        let last_end = ranges
            .iter()
            .map(|(r, _)| r.end)
            .max()
            .unwrap_or(text.len());
        let last = a
            .sentences
            .get(a.sentence_of(last_end.saturating_sub(1)))
            .map_or(text.len(), |r| r.end);
        let (from, to) = (first.min(ranges[0].0.start), last.max(last_end));
        // A sentence of a megabyte is quoted around its spans only.
        if to - from > 4 * QUOTE_CONTEXT {
            let mut from = from.max(ranges[0].0.start.saturating_sub(QUOTE_CONTEXT));
            let mut to = to.min(last_end + QUOTE_CONTEXT);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            while !text.is_char_boundary(to) {
                to += 1;
            }
            (from, to)
        } else {
            (from, to)
        }
    };
    // A whole paragraph is shortened to 300 characters below: read no more.
    let to = if whole && to > 4 * QUOTE_CONTEXT * 4 {
        let mut cut = 4 * QUOTE_CONTEXT * 4;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        cut
    } else {
        to
    };
    let mut out = String::new();
    if from > 0 {
        out.push_str("… ");
    }
    let mut at = from;
    for (r, sev) in ranges.iter().filter(|_| !whole) {
        if r.start < at || r.end > to {
            continue;
        }
        // Document text is escaped piece by piece, before the marks (which
        // may be colour codes) go around it.
        out.push_str(&escape_flowing(&text[at..r.start]));
        out.push_str(&style.mark(*sev, &escape_flowing(&text[r.clone()])));
        at = r.end;
    }
    out.push_str(&escape_flowing(&text[at..to]));
    if to < text.len() {
        out.push_str(" …");
    }
    let one_line = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if whole && one_line.chars().count() > 300 {
        let cut: String = one_line.chars().take(300).collect();
        return format!("{cut} …");
    }
    one_line
}

/// The text report: findings grouped by aligned pair, both sides quoted
/// with the spans marked, then a one-line summary. Paths, quotes and
/// messages come from documents: their control characters are escaped
/// ([`crate::output::escape`]), so a document cannot drive the terminal.
pub fn text(pair: &AlignedPair, findings: &[Finding], style: Style) -> String {
    let (s, t) = (&pair.source, &pair.target);
    let paragraphs = |n: usize| format!("{n} paragraph{}", if n == 1 { "" } else { "s" });
    let mut out = format!(
        "{} ({}, {}) -> {} ({}, {})\n",
        escape(&s.path),
        s.lang,
        paragraphs(s.paragraphs.len()),
        escape(&t.path),
        t.lang,
        paragraphs(t.paragraphs.len())
    );
    // Findings attach to the link holding their first paragraph; those spread
    // over several links come last.
    let index = super::LinkIndex::new(pair);
    let link_of = |f: &Finding| index.link_of(f);
    let mut groups: Vec<(Option<usize>, Vec<&Finding>)> = Vec::new();
    // Each link's group by look-up: a search per finding was quadratic in
    // the number of links with findings (a million omissions).
    let mut group_of: std::collections::HashMap<Option<usize>, usize> = Default::default();
    for f in findings {
        let k = link_of(f);
        let g = *group_of.entry(k).or_insert_with(|| {
            groups.push((k, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(f);
    }
    groups.sort_by_key(|(k, _)| k.unwrap_or(usize::MAX));
    for (k, fs) in &groups {
        let (src, tgt): (Vec<usize>, Vec<usize>) = match k {
            Some(k) => (
                pair.links[*k].link.source.clone(),
                pair.links[*k].link.target.clone(),
            ),
            None => {
                let mut a: Vec<usize> = fs.iter().flat_map(|f| f.source.clone()).collect();
                let mut b: Vec<usize> = fs.iter().flat_map(|f| f.target.clone()).collect();
                a.sort_unstable();
                a.dedup();
                b.sort_unstable();
                b.dedup();
                (a, b)
            }
        };
        let header = match k {
            Some(k) => format!(
                "{}source {} <-> target {}  (score {:.2})",
                pair.links[*k]
                    .unit
                    .as_deref()
                    .map(|u| format!("unit {}: ", escape(&crate::checks::excerpt(u, 60))))
                    .unwrap_or_default(),
                describe(&src),
                describe(&tgt),
                pair.links[*k].link.score.score
            ),
            None => "across the document".to_string(),
        };
        out.push('\n');
        out.push_str(&style.paint("1", &format!("== {header}")));
        out.push('\n');
        let marks = |side: fn(&Finding) -> &Vec<Span>| -> Vec<(&Span, Severity)> {
            fs.iter()
                .flat_map(|f| side(f).iter().map(move |s| (s, f.severity)))
                .collect()
        };
        let (sm, tm) = (marks(|f| &f.source_spans), marks(|f| &f.target_spans));
        let shown = |v: &[usize], m: &[(&Span, Severity)]| -> Vec<usize> {
            let marked: Vec<usize> = v
                .iter()
                .copied()
                .filter(|i| m.iter().any(|(s, _)| s.paragraph == *i))
                .collect();
            if marked.is_empty() {
                v.iter().copied().take(1).collect()
            } else {
                marked
            }
        };
        for i in shown(&src, &sm) {
            out.push_str(&format!(
                "  {} {:>3}: {}\n",
                s.lang,
                i,
                quote(s, i, &sm, style)
            ));
        }
        for j in shown(&tgt, &tm) {
            out.push_str(&format!(
                "  {} {:>3}: {}\n",
                t.lang,
                j,
                quote(t, j, &tm, style)
            ));
        }
        for f in fs {
            let sev = style.paint(
                severity_color(f.severity),
                &format!("{:<7}", f.severity.as_str()),
            );
            out.push_str(&format!(
                "  {sev} {}: {}\n",
                f.check,
                escape_flowing(&f.message)
            ));
        }
    }
    let omitted = findings.iter().filter(|f| f.check == "omission").count();
    let added = findings.iter().filter(|f| f.check == "addition").count();
    let links = pair.links.len();
    out.push_str(&format!(
        "\n{} in {links} link{} ({omitted} paragraph{} omitted, {added} added)\n",
        Summary::of(findings).line(),
        if links == 1 { "" } else { "s" },
        if omitted == 1 { "" } else { "s" }
    ));
    out
}

fn describe(v: &[usize]) -> String {
    match v {
        [] => "-".into(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first}-{last}"),
    }
}
