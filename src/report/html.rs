//! `check --format html`: one self-contained page (no network, no external
//! assets) a fact-checker opens in a browser: the two texts side by side, row
//! by row as aligned, site chrome greyed, each finding marked in place on
//! both sides with its message under the row, a summary, filters by severity
//! and check, and keys to move between findings. All document text is
//! escaped, and a Content-Security-Policy forbids loading anything.

use super::LinkIndex;
use super::findings::Summary;
use super::xml::escape;
use crate::checks::{Finding, Severity, Span};
use crate::pipeline::{AlignedPair, Document, LinkKind};

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.6em 1em;z-index:2}
h1{font-size:1.15em;margin:0 0 .2em}
.summary{margin:.2em 0}.summary b.error{color:#b00020}.summary b.warning{color:#8a5a00}.summary b.info{color:#005a8a}
#filters label{margin-right:.8em;white-space:nowrap}#filters fieldset{display:inline;border:0;padding:0;margin:0 1.2em 0 0}
.keys{color:#666;font-size:.85em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{vertical-align:top;padding:.4em .6em;border-bottom:1px solid #eee;text-align:left}
th.idx,td.idx{width:6.5em;color:#888;font-size:.8em}th.score,td.score{width:3.5em;color:#888;font-size:.8em}
tr.boilerplate td.text{color:#999;background:#f0f0f0}
tr.boilerplate td.text:not(.empty)::before{content:"site chrome";display:block;font-size:.7em;text-transform:uppercase;color:#aaa}
td.text p{margin:0 0 .4em}td.empty{background:repeating-linear-gradient(45deg,#fff,#fff 6px,#f6f6f6 6px,#f6f6f6 12px)}
mark{border-radius:2px;padding:0 1px}mark.error{background:#ffd3d8}mark.warning{background:#ffe9b0}mark.info{background:#d6ecff}
mark.current{outline:2px solid #333}
tr.findings td{padding-top:0}
ul.findings{margin:0;padding-left:1.2em}li.finding{margin:.15em 0}li.finding.current{background:#fff6c8}
.sev{font-weight:600;font-size:.8em;text-transform:uppercase}.sev.error{color:#b00020}.sev.warning{color:#8a5a00}.sev.info{color:#005a8a}
code{font-size:.85em;background:#eee;padding:0 .25em;border-radius:3px}
.hide-error .f-error,.hide-warning .f-warning,.hide-info .f-info{display:none}
.hide-error mark.error,.hide-warning mark.warning,.hide-info mark.info{background:none}
#global{padding:.5em 1em}
"#;

const SCRIPT: &str = r#"
(function(){
  var body=document.body;
  body.classList.add('js');
  document.querySelectorAll('#filters input[data-sev]').forEach(function(box){
    box.addEventListener('change',function(){body.classList.toggle('hide-'+box.dataset.sev,!box.checked);});
  });
  document.querySelectorAll('#filters input[data-check]').forEach(function(box){
    box.addEventListener('change',function(){
      document.querySelectorAll('.c-'+box.dataset.check).forEach(function(el){
        el.classList.toggle('check-off',!box.checked);
        if(el.tagName==='LI'){el.style.display=box.checked?'':'none';}
        if(el.tagName==='MARK'){el.style.background=box.checked?'':'none';}
      });
    });
  });
  var at=-1;
  function visible(){return Array.prototype.filter.call(document.querySelectorAll('li.finding'),function(li){return li.offsetParent!==null;});}
  function go(step){
    var list=visible(); if(!list.length){return;}
    document.querySelectorAll('.current').forEach(function(el){el.classList.remove('current');});
    at=(at+step+list.length)%list.length;
    var li=list[at]; li.classList.add('current');
    document.querySelectorAll('mark[data-f="'+li.dataset.f+'"]').forEach(function(m){m.classList.add('current');});
    var row=document.getElementById(li.dataset.row)||li; row.scrollIntoView({block:'center'});
  }
  document.addEventListener('keydown',function(e){
    if(e.target.tagName==='INPUT'){return;}
    if(e.key==='j'||e.key==='n'){go(1);}
    if(e.key==='k'||e.key==='p'){go(-1);}
  });
})();
"#;

/// A paragraph's text with the spans of findings marked, escaped.
fn marked(doc: &Document, paragraph: usize, marks: &[(&Span, usize, &Finding)]) -> String {
    let text = &doc.paragraphs[paragraph].text;
    let mut spans: Vec<&(&Span, usize, &Finding)> = marks
        .iter()
        .filter(|(s, _, _)| s.paragraph == paragraph && s.range.end <= text.len())
        .collect();
    // Where spans overlap, the most severe finding is the one marked.
    spans.sort_by_key(|(s, _, f)| {
        (
            s.range.start,
            std::cmp::Reverse(f.severity),
            std::cmp::Reverse(s.range.end),
        )
    });
    let mut out = String::new();
    let mut at = 0;
    for (s, k, f) in spans {
        if s.range.start < at
            || !text.is_char_boundary(s.range.start)
            || !text.is_char_boundary(s.range.end)
        {
            continue;
        }
        out.push_str(&escape(&text[at..s.range.start]));
        out.push_str(&format!(
            "<mark class=\"{sev} c-{check}\" data-f=\"{k}\" title=\"{msg}\">{inner}</mark>",
            sev = f.severity.as_str(),
            check = f.check,
            msg = escape(&f.message),
            inner = escape(&text[s.range.clone()])
        ));
        at = s.range.end;
    }
    out.push_str(&escape(&text[at..]));
    out.replace('\n', "<br>")
}

fn finding_item(k: usize, f: &Finding, row: &str) -> String {
    let expected = f
        .evidence
        .expected
        .as_deref()
        .map(|e| format!(" <span class=\"expected\">expected: «{}»</span>", escape(e)))
        .unwrap_or_default();
    format!(
        "<li class=\"finding f-{sev} c-{check}\" id=\"f-{k}\" data-f=\"{k}\" data-row=\"{row}\"><span class=\"sev {sev}\">{sev}</span> <code>{check}</code> {msg}{expected}</li>",
        sev = f.severity.as_str(),
        check = f.check,
        msg = escape(&f.message),
    )
}

/// The page.
pub fn html(pair: &AlignedPair, findings: &[Finding]) -> String {
    let (s, t) = (&pair.source, &pair.target);
    let index = LinkIndex::new(pair);
    let where_: Vec<Option<usize>> = findings.iter().map(|f| index.link_of(f)).collect();
    let source_marks: Vec<(&Span, usize, &Finding)> = findings
        .iter()
        .enumerate()
        .flat_map(|(k, f)| f.source_spans.iter().map(move |sp| (sp, k, f)))
        .collect();
    let target_marks: Vec<(&Span, usize, &Finding)> = findings
        .iter()
        .enumerate()
        .flat_map(|(k, f)| f.target_spans.iter().map(move |sp| (sp, k, f)))
        .collect();
    let sum = Summary::of(findings);
    let mut checks: Vec<&str> = findings.iter().map(|f| f.check).collect();
    checks.sort_unstable();
    checks.dedup();

    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    page.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!(
        "<title>cotejo: {} → {}</title>\n<style>{STYLE}</style></head>\n<body>\n<header>\n",
        escape(&s.path),
        escape(&t.path)
    ));
    page.push_str(&format!(
        "<h1>cotejo: {} ({}) → {} ({})</h1>\n",
        escape(&s.path),
        escape(s.lang),
        escape(&t.path),
        escape(t.lang)
    ));
    page.push_str(&format!(
        "<p class=\"summary\"><b class=\"error\">{} error{}</b>, <b class=\"warning\">{} warning{}</b>, <b class=\"info\">{} note{}</b> in {} aligned links ({} and {} paragraphs).</p>\n",
        sum.errors,
        if sum.errors == 1 { "" } else { "s" },
        sum.warnings,
        if sum.warnings == 1 { "" } else { "s" },
        sum.infos,
        if sum.infos == 1 { "" } else { "s" },
        pair.links.len(),
        s.paragraphs.len(),
        t.paragraphs.len()
    ));
    page.push_str("<div id=\"filters\"><fieldset><b>Show:</b> ");
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        page.push_str(&format!(
            "<label><input type=\"checkbox\" checked data-sev=\"{0}\"> {0}</label>",
            sev.as_str()
        ));
    }
    page.push_str("</fieldset><fieldset><b>Checks:</b> ");
    for c in &checks {
        page.push_str(&format!(
            "<label><input type=\"checkbox\" checked data-check=\"{c}\"> {c}</label>"
        ));
    }
    page.push_str("</fieldset></div>\n<p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous.</p>\n</header>\n");

    page.push_str(&format!(
        "<table id=\"pairs\"><thead><tr><th class=\"idx\">¶</th><th lang=\"{}\">{}</th><th lang=\"{}\">{}</th><th class=\"score\">score</th></tr></thead>\n<tbody>\n",
        escape(s.lang),
        escape(&s.path),
        escape(t.lang),
        escape(&t.path)
    ));
    let side = |doc: &Document, ix: &[usize], marks: &[(&Span, usize, &Finding)]| -> String {
        if ix.is_empty() {
            return "<td class=\"text empty\"></td>".to_string();
        }
        let ps: String = ix
            .iter()
            .map(|&i| format!("<p data-p=\"{i}\">{}</p>", marked(doc, i, marks)))
            .collect();
        format!("<td class=\"text\" lang=\"{}\">{ps}</td>", escape(doc.lang))
    };
    let join = |v: &[usize]| {
        if v.is_empty() {
            "–".to_string()
        } else {
            v.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
        }
    };
    for (k, l) in pair.links.iter().enumerate() {
        let kind = if l.kind == LinkKind::Boilerplate {
            "boilerplate"
        } else {
            "content"
        };
        let row = format!("link-{k}");
        page.push_str(&format!(
            "<tr class=\"link {kind}\" id=\"{row}\"><td class=\"idx\">{} ↔ {}</td>{}{}<td class=\"score\">{:.2}</td></tr>\n",
            join(&l.link.source),
            join(&l.link.target),
            side(s, &l.link.source, &source_marks),
            side(t, &l.link.target, &target_marks),
            l.link.score.score
        ));
        let items: String = findings
            .iter()
            .enumerate()
            .filter(|(n, _)| where_[*n] == Some(k))
            .map(|(n, f)| finding_item(n, f, &row))
            .collect();
        if !items.is_empty() {
            page.push_str(&format!("<tr class=\"findings\"><td></td><td colspan=\"3\"><ul class=\"findings\">{items}</ul></td></tr>\n"));
        }
    }
    page.push_str("</tbody></table>\n");
    let global: String = findings
        .iter()
        .enumerate()
        .filter(|(n, _)| where_[*n].is_none())
        .map(|(n, f)| finding_item(n, f, "global"))
        .collect();
    if !global.is_empty() {
        page.push_str(&format!("<section id=\"global\"><h2>Across the document</h2><ul class=\"findings\">{global}</ul></section>\n"));
    }
    page.push_str(&format!("<script>{SCRIPT}</script>\n</body></html>\n"));
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::check_pair_full;

    #[test]
    fn hostile_text_is_shown_not_run() {
        let es = "El alcalde dijo <script>alert(1)</script> que 34 escuelas <img src=x onerror=alert(2)> cerraron.";
        let en = "The mayor said <script>alert(1)</script> that 43 schools <img src=x onerror=alert(2)> closed.";
        let (pair, findings) = check_pair_full(es, en);
        let page = html(&pair, &findings);
        // The only script element is ours, and no element carries an event handler.
        assert_eq!(page.matches("<script>").count(), 1);
        assert!(!page.contains("<img"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
        // The changed figure is marked on both sides, with its finding listed.
        assert!(
            page.contains("<mark class=\"error c-number-mismatch\""),
            "{page}"
        );
        assert!(page.contains("class=\"finding f-error c-number-mismatch\""));
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "no external asset"
        );
    }
}
