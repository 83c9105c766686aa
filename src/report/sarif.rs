//! SARIF 2.1.0, for code-scanning dashboards: one run, the check registry as
//! its rules, one result per finding located in the translation (or, for an
//! omission, in the source), the other side as a related location. Columns
//! count Unicode code points.

use super::{CharOffsets, OffsetCache};
use crate::checks::{Finding, REGISTRY, Severity, Span};
use crate::pipeline::{AlignedPair, Document};
use serde_json::{Value, json};

/// Line and column (both from 1) in the file of a byte offset of a paragraph.
fn line_col(doc: &Document, paragraph: usize, offset: usize, at: &CharOffsets) -> (usize, usize) {
    let offset = offset.min(doc.paragraphs[paragraph].text.len());
    let p = &doc.paragraphs[paragraph];
    let breaks = at.newlines_before(offset);
    let column = at.of(offset) - at.of(at.line_start(offset)) + 1;
    // The paragraph's first line starts where the paragraph does in the
    // file (a web page's or a bilingual file's markup before it).
    let column = if breaks == 0 {
        column + p.column - 1
    } else {
        column
    };
    (p.line + breaks, column)
}

/// Longest snippet quoted, in characters: a location may be a whole
/// paragraph, and a report over thousands of findings must not repeat it.
const SNIPPET_CHARS: usize = 300;

fn snippet(text: &str) -> String {
    match text.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn location<'d>(doc: &'d Document, span: &Span, offsets: &mut OffsetCache<'d>) -> Value {
    let at = offsets.of(doc, span.paragraph);
    let (start_line, start_column) = line_col(doc, span.paragraph, span.range.start, at);
    let (end_line, end_column) = line_col(doc, span.paragraph, span.range.end, at);
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": doc.path},
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": snippet(crate::checks::span_text(doc, span))},
            },
        },
    })
}

/// Spans of one side, or the first paragraph named when the finding marks none.
fn locations<'d>(
    doc: &'d Document,
    spans: &[Span],
    paragraphs: &[usize],
    offsets: &mut OffsetCache<'d>,
) -> Vec<Value> {
    if !spans.is_empty() {
        return spans.iter().map(|s| location(doc, s, offsets)).collect();
    }
    paragraphs
        .first()
        .map(|&i| location(doc, &Span::new(i, 0..doc.paragraphs[i].text.len()), offsets))
        .into_iter()
        .collect()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result<'d>(pair: &'d AlignedPair, f: &Finding, offsets: &mut OffsetCache<'d>) -> Value {
    let target = locations(&pair.target, &f.target_spans, &f.target, offsets);
    let source = locations(&pair.source, &f.source_spans, &f.source, offsets);
    // Where the translation is at fault, point there; an omission has only the source.
    let (main, related) = if target.is_empty() {
        (source, target)
    } else {
        (target, source)
    };
    let mut properties = json!({
        "sourceParagraphs": f.source,
        "targetParagraphs": f.target,
        "evidence": f.evidence,
    });
    if let Some(unit) = super::findings::unit_of(pair, f) {
        properties["unit"] = json!(unit);
    }
    json!({
        "ruleId": f.check,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": main,
        "relatedLocations": related.into_iter().enumerate().map(|(k, mut l)| {
            l["id"] = json!(k);
            l
        }).collect::<Vec<_>>(),
        "properties": properties,
    })
}

/// The SARIF log.
pub fn sarif(pair: &AlignedPair, findings: &[Finding]) -> Value {
    let mut offsets = OffsetCache::default();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| result(pair, f, &mut offsets))
        .collect();
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|c| {
            json!({
                "id": c.name,
                "shortDescription": {"text": c.summary()},
                "fullDescription": {"text": c.documentation()},
                "help": {"text": c.documentation(), "markdown": c.documentation()},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cotejo",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": [
                {"location": {"uri": pair.source.path}, "sourceLanguage": pair.source.lang},
                {"location": {"uri": pair.target.path}, "sourceLanguage": pair.target.lang},
            ],
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::check_pair_full;

    #[test]
    fn results_point_at_lines_and_columns() {
        let es =
            "Protección Civil contabilizó más de 1.500 viviendas dañadas y 34 escuelas afectadas.";
        let en = "Civil Protection counted more than 1,500 damaged homes\nand 43 affected schools.";
        let (pair, findings) = check_pair_full(es, en);
        let log = sarif(&pair, &findings);
        assert_eq!(log["version"], "2.1.0");
        let results = log["runs"][0]["results"].as_array().unwrap();
        let r = results
            .iter()
            .find(|r| r["ruleId"] == "number-mismatch" && r["level"] == "error")
            .unwrap();
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            (Some(2), Some(5))
        );
        assert_eq!(region["snippet"]["text"], "43");
        let related = &r["relatedLocations"][0]["physicalLocation"];
        assert_eq!(related["artifactLocation"]["uri"], "es.txt");
        // Every result names a rule of the run.
        let rules: Vec<&str> = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert!(
            results
                .iter()
                .all(|r| rules.contains(&r["ruleId"].as_str().unwrap()))
        );
    }

    #[test]
    fn a_bilingual_file_points_into_itself_and_names_the_unit() {
        let po = "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgctxt \"nota\"\nmsgid \"Son 34 escuelas afectadas en total.\"\nmsgstr \"There are 43 affected schools in total.\"\n";
        let file = crate::read::po::read(po, "n.po").unwrap();
        let options = crate::pipeline::Options {
            source_lang: Some("es".into()),
            ..Default::default()
        };
        let (pair, findings) = crate::pipeline::Checker::new(options, &[])
            .unwrap()
            .check_bilingual("n.po", &file)
            .unwrap();
        let log = sarif(&pair, &findings);
        let r = log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "number-mismatch")
            .unwrap()
            .clone();
        assert_eq!(
            r["properties"]["unit"],
            "nota\u{4}Son 34 escuelas afectadas en total."
        );
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "n.po");
        // `msgstr "There are 43`: line 6, the 4 at column 19.
        assert_eq!(loc["region"]["startLine"], 6);
        assert_eq!(loc["region"]["startColumn"], 19);
        let json = crate::report::findings::json(&pair, &findings);
        assert_eq!(json["alignment"][0]["unit"], json["findings"][0]["unit"]);
    }

    #[test]
    fn a_unit_id_cannot_drive_the_terminal() {
        let po =
            "msgid \"\\033[31mSe abrieron 34 escuelas.\"\nmsgstr \"43 schools were opened.\"\n";
        let file = crate::read::po::read(po, "n.po").unwrap();
        assert!(file.units[0].id.contains('\u{1b}'));
        let (pair, findings) = crate::pipeline::Checker::new(Default::default(), &[])
            .unwrap()
            .check_bilingual("n.po", &file)
            .unwrap();
        assert!(!findings.is_empty());
        let text =
            crate::report::findings::text(&pair, &findings, crate::report::findings::Style::Plain);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("unit \\x1b[31m"), "{text}");
    }
}
