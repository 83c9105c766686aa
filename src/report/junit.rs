//! JUnit XML, for CI dashboards: one test suite for the pair, one test case
//! per check; a check fails when it has a finding at or above `--fail-on`,
//! and its findings are listed in the failure. Findings below the threshold
//! go to the case's `system-out`.

use super::xml::escape;
use crate::checks::{Finding, REGISTRY, Severity};
use crate::pipeline::AlignedPair;

fn describe(f: &Finding) -> String {
    let join = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    format!(
        "[{}] source {} / target {}: {}",
        f.severity.as_str(),
        join(&f.source),
        join(&f.target),
        f.message
    )
}

/// The JUnit document; `threshold` is the `--fail-on` severity (`None`: never fail).
pub fn junit(pair: &AlignedPair, findings: &[Finding], threshold: Option<Severity>) -> String {
    let failing = |f: &&Finding| threshold.is_some_and(|t| f.severity >= t);
    let suite = format!("{} -> {}", pair.source.path, pair.target.path);
    let mut cases = String::new();
    let mut failures = 0;
    for c in REGISTRY {
        let mine: Vec<&Finding> = findings.iter().filter(|f| f.check == c.name).collect();
        let (bad, other): (Vec<&Finding>, Vec<&Finding>) = mine.into_iter().partition(failing);
        cases.push_str(&format!(
            "    <testcase classname=\"cotejo\" name=\"{}\">\n",
            escape(c.name)
        ));
        if !bad.is_empty() {
            failures += 1;
            let text: Vec<String> = bad.iter().map(|f| describe(f)).collect();
            cases.push_str(&format!(
                "      <failure message=\"{} finding{}\" type=\"{}\">{}</failure>\n",
                bad.len(),
                if bad.len() == 1 { "" } else { "s" },
                bad.iter()
                    .map(|f| f.severity)
                    .max()
                    .unwrap_or(Severity::Error)
                    .as_str(),
                escape(&text.join("\n"))
            ));
        }
        if !other.is_empty() {
            let text: Vec<String> = other.iter().map(|f| describe(f)).collect();
            cases.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&text.join("\n"))
            ));
        }
        cases.push_str("    </testcase>\n");
    }
    let n = REGISTRY.len();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cotejo\" tests=\"{n}\" failures=\"{failures}\" errors=\"0\">\n  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n</testsuites>\n",
        escape(&suite)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::check_pair_full;

    #[test]
    fn one_case_per_check_failing_at_the_threshold() {
        let es =
            "Protección Civil contabilizó más de 1.500 viviendas dañadas y 34 escuelas afectadas.";
        let en = "Civil Protection counted more than 1,500 damaged homes and 43 affected <schools> & more.";
        let (pair, findings) = check_pair_full(es, en);
        let xml = junit(&pair, &findings, Some(Severity::Error));
        let mut reader = quick_xml::Reader::from_str(&xml);
        let (mut cases, mut failures) = (Vec::new(), Vec::new());
        let mut current = String::new();
        loop {
            match reader.read_event().expect("well-formed JUnit XML") {
                quick_xml::events::Event::Start(e) if e.local_name().as_ref() == "testcase" => {
                    current = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "name")
                        .map(|a| a.value.to_string())
                        .unwrap_or_default();
                    cases.push(current.clone());
                }
                quick_xml::events::Event::Start(e) if e.local_name().as_ref() == "failure" => {
                    failures.push(current.clone())
                }
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(cases.len(), REGISTRY.len());
        assert_eq!(failures, ["number-mismatch"]);
        assert!(junit(&pair, &findings, None).contains("failures=\"0\""));
    }
}
