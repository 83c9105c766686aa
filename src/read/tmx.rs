//! TMX 1.4b: each `<tu>` is one unit, named by its `tuid` or else its
//! 1-based position. The source is the `<tuv>` in the header's `srclang`
//! (the first `<tuv>` when that is `*all*` or missing), the target the first
//! `<tuv>` in another language. Inline codes (`<bpt>`, `<ept>`, `<ph>`,
//! `<it>`) become placeholders, `<hi>` is transparent, `<ut>` dropped.

use super::xml::{Xml, attr, segment, skip};
use super::{Bilingual, Segment, Unit};
use crate::error::InputError;
use quick_xml::events::Event;

/// Reads a TMX document (decoded text).
pub fn read(text: &str, path: &str) -> Result<Bilingual, InputError> {
    let mut xml = Xml::new(text, path, "TMX");
    let mut file = Bilingual::default();
    let mut seen_root = false;
    let mut srclang: Option<String> = None;
    // The unit being read: its id and its variants (language, segment).
    let mut tu: Option<String> = None;
    let mut tus = 0usize;
    let mut variants: Vec<(String, Option<Segment>)> = Vec::new();
    let mut lang = String::new();
    loop {
        match xml.next()? {
            Event::Start(e) | Event::Empty(e) if !seen_root => {
                if e.local_name().as_ref() != "tmx" {
                    let name = e.local_name().as_ref().to_string();
                    return Err(InputError::new(
                        path,
                        format!(
                            "is not TMX: its root element is <{}>, not <tmx>",
                            crate::output::escape(&name)
                        ),
                    ));
                }
                seen_root = true;
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "header" => srclang = attr(&e, "srclang"),
                "tu" => {
                    tus += 1;
                    tu = Some(attr(&e, "tuid").unwrap_or_else(|| tus.to_string()));
                    variants.clear();
                }
                "tuv" => lang = attr(&e, "lang").unwrap_or_default(),
                "seg" if tu.is_some() => variants.push((lang.clone(), segment(&mut xml)?)),
                "note" | "prop" => skip(&mut xml)?,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "header" => srclang = attr(&e, "srclang"),
            Event::End(e) if e.local_name().as_ref() == "tu" => {
                let Some(id) = tu.take() else { continue };
                let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
                let source_at = srclang
                    .as_deref()
                    .filter(|s| !same(s, "*all*"))
                    .and_then(|s| variants.iter().position(|(l, _)| same(l, s)))
                    .unwrap_or(0);
                let Some((source_lang, Some(source))) = variants.get(source_at).cloned() else {
                    continue;
                };
                let target = variants
                    .iter()
                    .enumerate()
                    .find(|(k, (l, _))| *k != source_at && !same(l, &source_lang))
                    .map(|(_, (l, s))| (l.clone(), s.clone()));
                file.source_lang.get_or_insert(source_lang);
                if let Some((l, _)) = &target {
                    file.target_lang.get_or_insert(l.clone());
                }
                file.units.push(Unit {
                    id,
                    source,
                    target: target.and_then(|(_, s)| s),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(InputError::new(path, "is not TMX: it has no <tmx> element"));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="es" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
  <body>
    <tu tuid="n1">
      <prop type="x">nada</prop>
      <tuv xml:lang="es"><seg>Llegaron <bpt i="1">&lt;b&gt;</bpt>30<ept i="1">&lt;/b&gt;</ept> personas.</seg></tuv>
      <tuv xml:lang="en"><seg>Thirty <ph x="2"/>people came.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en"><seg>Rain</seg></tuv>
      <tuv xml:lang="es"><seg><hi>Lluvia</hi></seg></tuv>
    </tu>
    <tu tuid="n3"><tuv xml:lang="es"><seg>Sola</seg></tuv></tu>
  </body>
</tmx>"#;

    #[test]
    fn reads_units_languages_and_codes() {
        let f = read(DOC, "m.tmx").unwrap();
        assert_eq!(
            (f.source_lang.as_deref(), f.target_lang.as_deref()),
            (Some("es"), Some("en"))
        );
        let ids: Vec<&str> = f.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["n1", "2", "n3"]);
        let u = &f.units[0];
        assert_eq!(u.source.text, "Llegaron {bpt:1}30{ept:1} personas.");
        assert_eq!((u.source.line, u.source.column), (7, 31));
        assert_eq!(u.target.as_ref().unwrap().text, "Thirty {ph:2}people came.");
        // The source variant is the one in srclang, wherever it stands.
        assert_eq!(f.units[1].source.text, "Lluvia");
        assert_eq!(f.units[1].target.as_ref().unwrap().text, "Rain");
        assert_eq!(f.units[2].target, None);
    }

    #[test]
    fn malformed_is_an_error_with_line() {
        let e = read("<tmx>\n<body>\n<tu><tuv><seg>a</tuv>", "b.tmx").unwrap_err();
        assert!(e.problem.contains("line 3"), "{}", e.problem);
        assert!(e.problem.starts_with("is not well-formed TMX"));
    }
}
