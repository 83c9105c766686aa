//! `cotejo batch`: many pairs in one run, in parallel, each pair's failure
//! reported with its id without stopping the others. Inputs: a manifest
//! (`SOURCE<TAB>TARGET[<TAB>ID]`, paths relative to it), a directory of pair
//! folders, or JSON lines on stdin (`{"id", "source", "target"}` with the
//! texts), which makes cotejo the map step of Spark, Hadoop Streaming or Beam.

use crate::checks::{Finding, Severity};
use crate::error::InputError;
use crate::pipeline::{AlignedPair, Checker};
use crate::report::findings::{Summary, json};
use rayon::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Where a pair's two texts come from.
#[derive(Debug, Clone)]
pub enum Texts {
    Files {
        source: String,
        target: String,
    },
    Inline {
        source: String,
        target: String,
    },
    /// One bilingual file (XLIFF, TMX, PO), holding both.
    Bilingual {
        path: String,
    },
}

/// One pair to check.
#[derive(Debug, Clone)]
pub struct PairInput {
    pub id: String,
    pub texts: Texts,
}

/// What became of one pair.
pub enum Outcome {
    Checked {
        id: String,
        pair: Box<AlignedPair>,
        findings: Vec<Finding>,
    },
    Failed {
        id: String,
        error: InputError,
    },
}

impl Outcome {
    pub fn id(&self) -> &str {
        match self {
            Outcome::Checked { id, .. } | Outcome::Failed { id, .. } => id,
        }
    }

    /// The pair's `cotejo.report/1` with its id, or `{"id", "error"}`.
    pub fn report(&self) -> Value {
        match self {
            Outcome::Checked { id, pair, findings } => {
                // The id first, then the report as `check` writes it.
                let mut map = serde_json::Map::new();
                map.insert("id".into(), Value::String(id.clone()));
                if let Value::Object(report) = json(pair, findings) {
                    map.extend(report);
                }
                Value::Object(map)
            }
            Outcome::Failed { id, error } => {
                serde_json::json!({"id": id, "error": error.to_string()})
            }
        }
    }
}

/// One pair read from a list of pairs, or the id and reason of an entry
/// that could not be read as one (it becomes a failed pair).
pub type Parsed = Result<PairInput, (String, InputError)>;

/// Pairs listed in a manifest: `SOURCE<TAB>TARGET[<TAB>ID]` a line, paths
/// relative to the manifest's folder; `#` starts a comment. A malformed line
/// is a failed pair naming its line, so the rest of the batch still runs;
/// its id is the one it gives, else its line number, as for any pair.
pub fn from_manifest(path: &str) -> Result<Vec<Parsed>, InputError> {
    let text = crate::read::read_text(path)?;
    let base = Path::new(path).parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let id = f
            .get(2)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("{}", n + 1));
        let resolve = |p: &str| base.join(p.trim()).display().to_string();
        // A bilingual file stands alone on its line: `nota.xlf[<TAB><TAB>ID]`.
        let alone = f.get(1).is_none_or(|t| t.trim().is_empty());
        if alone && crate::read::bilingual_format(f[0].trim(), b"", Default::default()).is_some() {
            out.push(Ok(PairInput {
                id,
                texts: Texts::Bilingual {
                    path: resolve(f[0]),
                },
            }));
            continue;
        }
        if f.len() < 2 || f[0].trim().is_empty() || f[1].trim().is_empty() {
            let error = InputError::new(
                path,
                format!(
                    "line {}: expected SOURCE<TAB>TARGET[<TAB>ID], found '{line}'",
                    n + 1
                ),
            );
            out.push(Err((id, error)));
            continue;
        }
        out.push(Ok(PairInput {
            id,
            texts: Texts::Files {
                source: resolve(f[0]),
                target: resolve(f[1]),
            },
        }));
    }
    Ok(out)
}

/// Whether a file name matches a pattern with `*` wildcards (`*.es.txt`).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first)
        || !name[first.len()..].ends_with(last)
        || name.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(k) => rest = &rest[k + middle.len()..],
            None => return false,
        }
    }
    true
}

/// Threads for `--jobs N`: at least one, at most [`MAX_JOBS_PER_CORE`] a
/// core. Checking is CPU-bound: more threads than that only add stacks and
/// pairs held in memory at once (`--jobs 10000` took 1.4 GB for 2 pairs).
pub fn jobs(n: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    n.clamp(1, cores * MAX_JOBS_PER_CORE)
}

/// The most threads `--jobs` starts for each core.
pub const MAX_JOBS_PER_CORE: usize = 4;

/// Pairs in a directory: each folder under it holding exactly one file
/// matching `source_glob` and one matching `target_glob` is a pair, its id
/// the folder's path under `dir`. Without globs, a folder of two or more
/// `.txt` files is a pair as `cotejo eval` reads one: the source a `README`
/// names (`source en.txt`), else `es.txt`, else the one that is not `en.txt`.
pub fn from_dir(dir: &str, globs: Option<(&str, &str)>) -> Result<Vec<PairInput>, InputError> {
    let root = Path::new(dir);
    if !root.is_dir() {
        return Err(InputError::new(dir, "is not a directory"));
    }
    let mut folders = vec![root.to_path_buf()];
    let mut out = Vec::new();
    let mut k = 0;
    let mut visited = crate::read::Visited::default();
    while k < folders.len() {
        let folder = folders[k].clone();
        k += 1;
        // A symlink to `..` or to the folder itself would loop for ever.
        if !visited.first_visit(&folder) {
            continue;
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map_err(|e| {
                InputError::new(folder.display().to_string(), format!("cannot read: {e}"))
            })?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        let name = |p: &PathBuf| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let files: Vec<&PathBuf> = entries.iter().filter(|p| p.is_file()).collect();
        folders.extend(entries.iter().filter(|p| p.is_dir()).cloned());
        let id = folder
            .strip_prefix(root)
            .unwrap_or(&folder)
            .display()
            .to_string();
        let id = if id.is_empty() { ".".into() } else { id };
        let Some((source_glob, target_glob)) = globs else {
            let texts = files.iter().filter(|p| name(p).ends_with(".txt")).count();
            if let Some(Ok((s, t))) = (texts >= 2).then(|| crate::eval::pair_files(&folder)) {
                out.push(PairInput {
                    id,
                    texts: Texts::Files {
                        source: s.display().to_string(),
                        target: t.display().to_string(),
                    },
                });
            }
            continue;
        };
        let sources: Vec<&&PathBuf> = files
            .iter()
            .filter(|p| glob_match(source_glob, &name(p)))
            .collect();
        let targets: Vec<&&PathBuf> = files
            .iter()
            .filter(|p| glob_match(target_glob, &name(p)) && !glob_match(source_glob, &name(p)))
            .collect();
        if let ([s], [t]) = (sources.as_slice(), targets.as_slice()) {
            out.push(PairInput {
                id,
                texts: Texts::Files {
                    source: s.display().to_string(),
                    target: t.display().to_string(),
                },
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// Parses one JSON line: `{"id": ..., "source": "text", "target": "text"}`.
pub fn from_json_line(line: &str, number: usize) -> Result<PairInput, (String, InputError)> {
    let fallback = format!("line {number}");
    let v: Value = serde_json::from_str(line).map_err(|e| {
        (
            fallback.clone(),
            InputError::new(&fallback, format!("is not JSON: {e}")),
        )
    })?;
    let id = match &v["id"] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => fallback.clone(),
    };
    let text = |key: &str| -> Result<String, (String, InputError)> {
        v[key].as_str().map(str::to_string).ok_or_else(|| {
            (
                id.clone(),
                InputError::new(&id, format!("has no \"{key}\" text")),
            )
        })
    };
    Ok(PairInput {
        texts: Texts::Inline {
            source: text("source")?,
            target: text("target")?,
        },
        id: id.clone(),
    })
}

/// Longest line `batch --jsonl` reads: two documents at the 64 MiB limit and
/// room for the JSON around them. A longer line (one with no end) is a failed
/// pair, skipped to its end without being held.
pub const MAX_JSON_LINE: usize = 2 * crate::read::MAX_INPUT_BYTES as usize + (1 << 20);

/// One line of a JSON-lines stream.
pub enum Line {
    Text(String),
    /// Longer than the limit: dropped as it was read.
    TooLong,
    /// Not UTF-8.
    NotUtf8,
}

/// Reads the next line of `reader` (without its newline), holding at most
/// `limit` bytes of it; `None` at the end of the stream.
pub fn read_line(
    reader: &mut impl std::io::BufRead,
    limit: usize,
) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (piece, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if !too_long && bytes.len() + piece.len() > limit {
            too_long = true;
            bytes = Vec::new();
        }
        if !too_long {
            bytes.extend_from_slice(piece);
        }
        let used = done.unwrap_or(buf.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(match String::from_utf8(bytes) {
        Ok(s) => Line::Text(s),
        Err(_) => Line::NotUtf8,
    }))
}

/// Checks one pair; a failure is an outcome, not an error.
pub fn check(checker: &Checker, input: &PairInput) -> Outcome {
    let result = match &input.texts {
        Texts::Files { source, target } => checker.check_files(source, target),
        Texts::Bilingual { path } => checker.check_file(path),
        Texts::Inline { source, target } => {
            let label = |side: &str| format!("{}:{side}", input.id);
            crate::read::decode(source.as_bytes(), &label("source")).and_then(|s| {
                let t = crate::read::decode(target.as_bytes(), &label("target"))?;
                checker.check_texts(&label("source"), &s, &label("target"), &t)
            })
        }
    };
    match result {
        Ok((pair, findings)) => Outcome::Checked {
            id: input.id.clone(),
            pair: Box::new(pair),
            findings,
        },
        Err(error) => Outcome::Failed {
            id: input.id.clone(),
            error,
        },
    }
}

/// What is kept of a checked pair once its outputs are written: its summary
/// row and the severity of its worst finding.
pub struct Done {
    pub id: String,
    pub row: Value,
    pub failed: bool,
    pub worst: Option<Severity>,
}

/// A pair's outputs, rendered in the worker so the pair itself can be dropped.
pub struct Rendered {
    pub done: Done,
    /// The JSON report line.
    pub report: String,
    /// The HTML report, when a report folder is written.
    pub html: Option<String>,
    pub error: Option<InputError>,
}

/// Renders an outcome and lets the pair go.
pub fn render(outcome: Outcome, html: bool) -> Rendered {
    let report = outcome.report().to_string();
    let row = summary_row(&outcome);
    match outcome {
        Outcome::Checked { id, pair, findings } => Rendered {
            html: html.then(|| crate::report::html::html(&pair, &findings)),
            done: Done {
                id,
                row,
                failed: false,
                worst: findings.iter().map(|f| f.severity).max(),
            },
            report,
            error: None,
        },
        Outcome::Failed { id, error } => Rendered {
            done: Done {
                id,
                row,
                failed: true,
                worst: None,
            },
            report,
            html: None,
            error: Some(error),
        },
    }
}

/// Pairs checked a chunk at a time, in parallel within the chunk, outputs
/// handed over in input order: memory stays flat however many pairs.
pub const CHUNK: usize = 256;

/// Inline text (`--jsonl`) read ahead at most: a chunk ends once it holds this much.
pub const CHUNK_BYTES: usize = 256 << 20;

/// What a batch keeps of its pairs: whether any failed and the worst
/// finding (for the exit status), and each pair's summary row only when a
/// report folder needs them, so a stream of millions of pairs stays flat.
#[derive(Default)]
pub struct Tally {
    pub pairs: usize,
    pub failed: bool,
    pub worst: Option<Severity>,
    pub rows: Vec<Done>,
}

impl Tally {
    /// 2 if any pair failed, else 1 if a finding reaches `threshold`, else 0.
    pub fn exit_status(&self, threshold: Option<Severity>) -> u8 {
        if self.failed {
            return 2;
        }
        u8::from(threshold.is_some_and(|t| self.worst.is_some_and(|w| w >= t)))
    }
}

/// Checks `inputs` chunk by chunk and hands each pair's outputs to `sink`
/// in order; with `html`, renders each pair's HTML report and keeps every
/// pair's summary row for the report folder.
pub fn stream<E>(
    checker: &Checker,
    inputs: impl Iterator<Item = Parsed>,
    html: bool,
    progress: &(dyn Fn() + Sync),
    mut sink: impl FnMut(usize, &Rendered) -> Result<(), E>,
) -> Result<Tally, E> {
    let mut inputs = inputs.peekable();
    let mut tally = Tally::default();
    while inputs.peek().is_some() {
        // At most CHUNK pairs, and at most CHUNK_BYTES of inline text, at once.
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
            let Some(parsed) = inputs.next() else { break };
            if let Ok(PairInput {
                texts: Texts::Inline { source, target },
                ..
            }) = &parsed
            {
                bytes += source.len() + target.len();
            }
            chunk.push(parsed);
        }
        let rendered: Vec<Rendered> = chunk
            .par_iter()
            .map(|parsed| {
                let outcome = match parsed {
                    Ok(input) => check(checker, input),
                    Err((id, error)) => Outcome::Failed {
                        id: id.clone(),
                        error: error.clone(),
                    },
                };
                progress();
                render(outcome, html)
            })
            .collect();
        for r in rendered {
            sink(tally.pairs, &r)?;
            tally.pairs += 1;
            tally.failed |= r.done.failed;
            tally.worst = tally.worst.max(r.done.worst);
            if html {
                tally.rows.push(r.done);
            }
        }
    }
    Ok(tally)
}

/// One row of the batch summary.
pub fn summary_row(outcome: &Outcome) -> Value {
    match outcome {
        Outcome::Checked { id, pair, findings } => {
            let s = Summary::of(findings);
            let content: Vec<f64> = pair
                .links
                .iter()
                .filter(|l| {
                    l.kind == crate::pipeline::LinkKind::Content
                        && !l.link.source.is_empty()
                        && !l.link.target.is_empty()
                })
                .map(|l| l.link.score.score)
                .collect();
            let score = if content.is_empty() {
                0.0
            } else {
                content.iter().sum::<f64>() / content.len() as f64
            };
            serde_json::json!({
                "id": id,
                "source": pair.source.path,
                "target": pair.target.path,
                "errors": s.errors,
                "warnings": s.warnings,
                "infos": s.infos,
                "score": (score * 1000.0).round() / 1000.0,
            })
        }
        Outcome::Failed { id, error } => serde_json::json!({"id": id, "error": error.to_string()}),
    }
}

/// `--report DIR`: one HTML report per pair (written as the batch goes),
/// then an HTML index of all pairs (sortable by errors, warnings, score) and
/// `summary.json`. Every file is written atomically.
pub struct ReportDir {
    root: PathBuf,
    /// The batch's inputs, which no report file may replace.
    inputs: crate::output::Inputs,
}

impl ReportDir {
    /// Creates the folder, after making sure that none of the `pairs`
    /// files it will hold is one of `inputs`.
    pub fn create(
        dir: &str,
        pairs: usize,
        inputs: crate::output::Inputs,
    ) -> Result<ReportDir, InputError> {
        let root = PathBuf::from(dir);
        let report = ReportDir { root, inputs };
        for file in ["summary.json".to_string(), "index.html".to_string()]
            .into_iter()
            .chain((0..pairs).map(Self::page))
        {
            report.inputs.check_output(&report.path(&file))?;
        }
        std::fs::create_dir_all(report.root.join("pairs"))
            .map_err(|e| InputError::new(dir, format!("cannot create: {e}")))?;
        Ok(report)
    }

    fn path(&self, file: &str) -> String {
        self.root.join(file).display().to_string()
    }

    fn write(&self, file: &str, content: &[u8]) -> Result<(), InputError> {
        crate::output::write_file(&self.path(file), content, &self.inputs)
    }

    fn page(n: usize) -> String {
        format!("pairs/{n}.html")
    }

    pub fn write_pair(&self, n: usize, html: &str) -> Result<(), InputError> {
        self.write(&Self::page(n), html.as_bytes())
    }

    pub fn finish(&self, done: &[Done]) -> Result<(), InputError> {
        use crate::report::xml::escape;
        let mut rows = String::new();
        for (n, d) in done.iter().enumerate() {
            let r = &d.row;
            if d.failed {
                rows.push_str(&format!(
                    "<tr class=\"failed\"><td>{}</td><td colspan=\"4\">{}</td></tr>\n",
                    escape(&d.id),
                    escape(r["error"].as_str().unwrap_or(""))
                ));
            } else {
                rows.push_str(&format!(
                    "<tr><td><a href=\"{}\">{}</a></td><td data-v=\"{e}\">{e}</td><td data-v=\"{w}\">{w}</td><td data-v=\"{i}\">{i}</td><td data-v=\"{s}\">{s:.3}</td></tr>\n",
                    Self::page(n),
                    escape(&d.id),
                    e = r["errors"],
                    w = r["warnings"],
                    i = r["infos"],
                    s = r["score"].as_f64().unwrap_or(0.0),
                ));
            }
        }
        let summary = serde_json::json!({"schema": "cotejo.batch/1", "pairs": done.iter().map(|d| &d.row).collect::<Vec<_>>()});
        self.write("summary.json", format!("{summary:#}\n").as_bytes())?;
        let page = INDEX
            .replace("{n}", &done.len().to_string())
            .replace("{rows}", &rows);
        self.write("index.html", page.as_bytes())
    }
}

const INDEX: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>cotejo batch: {n} pairs</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:1em}table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}th{cursor:pointer}tr.failed td{color:#b00020}</style>
</head><body><h1>cotejo batch: {n} pairs</h1><p>Click a column to sort.</p>
<table id="pairs"><thead><tr><th>pair</th><th>errors</th><th>warnings</th><th>notes</th><th>score</th></tr></thead><tbody>
{rows}</tbody></table>
<script>
document.querySelectorAll('#pairs th').forEach(function(th,col){
  var down=true;
  th.addEventListener('click',function(){
    var body=document.querySelector('#pairs tbody');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
      var x=a.cells[col],y=b.cells[col]; if(!x||!y){return 0;}
      var u=x.dataset.v,v=y.dataset.v;
      var r=(u!==undefined&&v!==undefined)?(parseFloat(u)-parseFloat(v)):x.textContent.localeCompare(y.textContent);
      return down?-r:r;
    });
    down=!down; rows.forEach(function(r){body.appendChild(r);});
  });
});
</script></body></html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*.es.txt", "nota.es.txt"));
        assert!(glob_match("*es.txt", "es.txt"));
        assert!(!glob_match("*.es.txt", "nota.en.txt"));
        assert!(glob_match("a*b*c", "axxbyyc") && !glob_match("a*b*c", "axxc"));
    }

    #[test]
    fn a_malformed_manifest_line_is_a_failed_pair() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("manifest.tsv");
        std::fs::write(
            &manifest,
            "es.txt\ten.txt\tok\nlonely\nes.txt\t\tno-target\n\ten.txt\n# note\nes.txt\ten.txt\n",
        )
        .unwrap();
        let parsed = from_manifest(manifest.to_str().unwrap()).unwrap();
        let ids: Vec<String> = parsed
            .iter()
            .map(|p| match p {
                Ok(input) => input.id.clone(),
                Err((id, e)) => format!("{id}: {}", e.problem),
            })
            .collect();
        let expected = |n: usize, line: &str| {
            format!("line {n}: expected SOURCE<TAB>TARGET[<TAB>ID], found '{line}'")
        };
        assert_eq!(
            ids,
            [
                "ok".to_string(),
                format!("2: {}", expected(2, "lonely")),
                format!("no-target: {}", expected(3, "es.txt\t\tno-target")),
                format!("4: {}", expected(4, "\ten.txt")),
                "6".to_string(),
            ]
        );
    }

    #[test]
    fn a_line_longer_than_the_limit_is_dropped_and_the_next_one_read() {
        let mut input =
            std::io::BufReader::with_capacity(4, &b"short\r\nxxxxxxxxxxxxxxxx\nok\n\xff\nend"[..]);
        let mut lines = Vec::new();
        while let Some(line) = read_line(&mut input, 10).unwrap() {
            lines.push(match line {
                Line::Text(t) => t,
                Line::TooLong => "<too long>".into(),
                Line::NotUtf8 => "<not utf-8>".into(),
            });
        }
        assert_eq!(lines, ["short", "<too long>", "ok", "<not utf-8>", "end"]);
    }

    #[test]
    fn jobs_are_capped_at_a_multiple_of_the_cores() {
        let cores = std::thread::available_parallelism().unwrap().get();
        assert_eq!(jobs(0), 1);
        assert_eq!(jobs(1), 1);
        assert_eq!(jobs(10_000), cores * MAX_JOBS_PER_CORE);
    }

    #[test]
    fn json_lines_and_their_errors() {
        let ok = from_json_line(r#"{"id": 7, "source": "Hola.", "target": "Hello."}"#, 1).unwrap();
        assert_eq!(ok.id, "7");
        let (id, e) = from_json_line(r#"{"id": "x", "source": "Hola."}"#, 2)
            .err()
            .unwrap();
        assert_eq!(id, "x");
        assert!(e.problem.contains("target"), "{e}");
        let (id, _) = from_json_line("not json", 3).err().unwrap();
        assert_eq!(id, "line 3");
    }

    #[test]
    fn a_stream_keeps_rows_only_for_a_report_folder() {
        let checker = Checker::new(crate::pipeline::Options::default(), &[]).unwrap();
        let inputs = || {
            let good = from_json_line(
                r#"{"id": "a", "source": "El gobierno anunció 20 medidas el lunes.", "target": "The government announced 21 measures on Monday."}"#,
                1,
            );
            let bad = from_json_line(r#"{"id": "b", "source": "Hola."}"#, 2);
            [good, bad].into_iter()
        };
        let mut seen = Vec::new();
        let tally = stream(&checker, inputs(), false, &|| {}, |n, r| {
            seen.push((n, r.done.id.clone()));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, [(0, "a".to_string()), (1, "b".to_string())]);
        assert_eq!((tally.pairs, tally.failed), (2, true));
        assert_eq!(tally.worst, Some(Severity::Error));
        assert!(tally.rows.is_empty());
        assert_eq!(tally.exit_status(Some(Severity::Error)), 2);
        let with_rows = stream(&checker, inputs(), true, &|| {}, |_, _| Ok::<(), ()>(())).unwrap();
        assert_eq!(with_rows.rows.len(), 2);
    }
}
