//! `cotejo align` output: TSV (DESIGN.md) and JSON with the score components.

use crate::pipeline::{AlignedLink, AlignedPair, Document};
use serde_json::{Value, json};

fn indices(v: &[usize]) -> String {
    v.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
}

/// `SRC<TAB>TGT<TAB>SCORE`, one link a line, in document order.
pub fn tsv(pair: &AlignedPair) -> String {
    let mut out = String::new();
    for l in &pair.links {
        out.push_str(&format!(
            "{}\t{}\t{:.3}\n",
            indices(&l.link.source),
            indices(&l.link.target),
            l.link.score.score
        ));
    }
    out
}

fn document(d: &Document) -> Value {
    json!({
        "path": d.path,
        "lang": d.lang,
        "paragraphs": d.paragraphs.len(),
        "paragraph_langs": d.paragraph_langs(),
    })
}

/// One link as both reports write it: `source`, `target`, `score`, `kind`.
pub fn link_json(l: &AlignedLink) -> Value {
    let mut v = json!({
        "source": l.link.source,
        "target": l.link.target,
        "score": round3(l.link.score.score),
        "kind": l.kind,
    });
    if let Some(unit) = &l.unit {
        v["unit"] = json!(unit);
    }
    if !l.sentences.is_empty() {
        v["sentences"] = l
            .sentences
            .iter()
            .map(|s| json!({"source": s.source, "target": s.target, "score": round3(s.score)}))
            .collect();
    }
    v
}

/// The alignment as JSON: documents, then links with kind and components.
pub fn json(pair: &AlignedPair) -> Value {
    let links: Vec<Value> = pair
        .links
        .iter()
        .map(|l| {
            let mut link = link_json(l);
            link["components"] = json!({
                "length": round3(l.link.score.length),
                "lexical": l.link.score.lexical.map(round3),
                "anchors": l.link.score.anchors.map(round3),
            });
            link
        })
        .collect();
    json!({
        "schema": "cotejo.alignment/1",
        "source": document(&pair.source),
        "target": document(&pair.target),
        "alignment": links,
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
