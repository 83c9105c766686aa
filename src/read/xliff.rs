//! XLIFF 1.2 and 2.0: each `<trans-unit>` (1.2) or each `<segment>` of a
//! `<unit>` (2.0) is one unit, its `<source>` and `<target>` the two sides.
//! Languages from `<file source-language target-language>` (1.2) or
//! `<xliff srcLang trgLang>` (2.0). Inline codes become placeholders
//! ([`super::xml::segment`]); `<ignorable>` (2.0), `<alt-trans>` (1.2,
//! suggestions, not the translation) and everything outside units are
//! skipped.

use super::xml::{Xml, attr, segment, skip};
use super::{Bilingual, Unit};
use crate::error::InputError;
use quick_xml::events::Event;

/// Reads an XLIFF document (decoded text).
pub fn read(text: &str, path: &str) -> Result<Bilingual, InputError> {
    let mut xml = Xml::new(text, path, "XLIFF");
    let mut file = Bilingual::default();
    let mut seen_root = false;
    // The unit being read: its id, segments so far in it, and its sides.
    let mut unit_id: Option<String> = None;
    let mut segments_in_unit = 0;
    let mut segment_id: Option<String> = None;
    let mut source = None;
    let mut target = None;
    let mut units_seen = 0usize;
    loop {
        let event = xml.next()?;
        match event {
            Event::Start(e) | Event::Empty(e) if !seen_root => {
                if e.local_name().as_ref() != "xliff" {
                    let name = e.local_name().as_ref().to_string();
                    return Err(InputError::new(
                        path,
                        format!(
                            "is not XLIFF: its root element is <{}>, not <xliff>",
                            crate::output::escape(&name)
                        ),
                    ));
                }
                seen_root = true;
                file.source_lang = attr(&e, "srcLang");
                file.target_lang = attr(&e, "trgLang");
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "file" => {
                    if let Some(l) = attr(&e, "source-language") {
                        file.source_lang.get_or_insert(l);
                    }
                    if let Some(l) = attr(&e, "target-language") {
                        file.target_lang.get_or_insert(l);
                    }
                }
                "trans-unit" | "unit" => {
                    units_seen += 1;
                    unit_id = Some(attr(&e, "id").unwrap_or_else(|| units_seen.to_string()));
                    segments_in_unit = 0;
                    source = None;
                    target = None;
                }
                "segment" => {
                    segments_in_unit += 1;
                    segment_id = attr(&e, "id");
                    source = None;
                    target = None;
                }
                "source" if unit_id.is_some() => source = Some(segment(&mut xml)?),
                "target" if unit_id.is_some() => target = Some(segment(&mut xml)?),
                "ignorable" | "alt-trans" | "notes" | "note" | "header" | "originalData" => {
                    skip(&mut xml)?
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                // 1.2: the unit's one pair; 2.0: each segment's.
                "trans-unit" | "segment" => {
                    let Some(id) = unit_id.clone() else { continue };
                    let id = match (e.local_name().as_ref(), &segment_id) {
                        ("segment", Some(s)) if segments_in_unit > 1 || s != &id => {
                            format!("{id}/{s}")
                        }
                        ("segment", None) if segments_in_unit > 1 => {
                            format!("{id}/{segments_in_unit}")
                        }
                        _ => id,
                    };
                    if let Some(Some(s)) = source.take() {
                        file.units.push(Unit {
                            id,
                            source: s,
                            target: target.take().flatten(),
                        });
                    }
                    target = None;
                    segment_id = None;
                    if e.local_name().as_ref() == "trans-unit" {
                        unit_id = None;
                    }
                }
                "unit" => unit_id = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(InputError::new(
            path,
            "is not XLIFF: it has no <xliff> element",
        ));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="es-ES" target-language="en" datatype="plaintext" original="nota.txt">
    <body>
      <trans-unit id="t1">
        <source>El alcalde &amp; <g id="1">su equipo</g> llegaron.</source>
        <target>The mayor &amp; <g id="1">his team</g> arrived.</target>
        <alt-trans><target>No es esta</target></alt-trans>
      </trans-unit>
      <trans-unit id="t2">
        <source><![CDATA[Son <30> personas]]><x id="2"/></source>
      </trans-unit>
      <trans-unit id="t3">
        <source>Hubo <ph id="3">&lt;br/&gt;</ph>
lluvia.</source>
        <target></target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;

    #[test]
    fn reads_xliff_12_units_languages_and_positions() {
        let f = read(V12, "a.xlf").unwrap();
        assert_eq!(f.source_lang.as_deref(), Some("es-ES"));
        assert_eq!(f.target_lang.as_deref(), Some("en"));
        assert_eq!(f.units.len(), 3);
        let u = &f.units[0];
        assert_eq!(u.id, "t1");
        assert_eq!(u.source.text, "El alcalde & {g:1}su equipo{/g:1} llegaron.");
        assert_eq!((u.source.line, u.source.column), (6, 17));
        let t = u.target.as_ref().unwrap();
        assert_eq!(t.text, "The mayor & {g:1}his team{/g:1} arrived.");
        assert_eq!(t.line, 7);
        // CDATA kept as text; a unit without target is untranslated.
        assert_eq!(f.units[1].source.text, "Son <30> personas{x:2}");
        assert_eq!(f.units[1].target, None);
        // Native code inside <ph> is not text; an empty target is none.
        assert_eq!(f.units[2].source.text, "Hubo {ph:3}\nlluvia.");
        assert_eq!(f.units[2].target, None);
    }

    #[test]
    fn reads_xliff_20_segments() {
        let doc = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment id="s1"><source>Uno <pc id="1">dos</pc>.</source><target>One <pc id="1">two</pc>.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Tres <ph id="2"/>.</source><target>Three <ph id="2"/>.</target></segment>
  </unit>
  <unit id="u2"><segment><source>Cuatro</source></segment></unit>
 </file>
</xliff>"#;
        let f = read(doc, "b.xlf").unwrap();
        assert_eq!(
            (f.source_lang.as_deref(), f.target_lang.as_deref()),
            (Some("es"), Some("en"))
        );
        let ids: Vec<&str> = f.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["u1/s1", "u1/2", "u2"]);
        assert_eq!(f.units[0].source.text, "Uno {pc:1}dos{/pc:1}.");
        assert_eq!(f.units[1].target.as_ref().unwrap().text, "Three {ph:2}.");
        assert_eq!(f.units[0].source.line, 4);
    }

    #[test]
    fn malformed_and_hostile_input_are_errors_with_lines() {
        let e = read(
            "<xliff>\n<file>\n<trans-unit id='a'><source>x</target>",
            "m.xlf",
        )
        .unwrap_err();
        assert_eq!(e.what, "m.xlf");
        assert!(e.problem.contains("line 3"), "{}", e.problem);
        // Entities the file declares are never expanded.
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<xliff><file><body><trans-unit id=\"1\"><source>&b;</source></trans-unit></body></file></xliff>";
        let e = read(laughs, "l.xlf").unwrap_err();
        assert!(e.problem.contains("unknown entity &b;"), "{}", e.problem);
        assert!(e.problem.contains("line 3"), "{}", e.problem);
        // Deep nesting is refused, not recursed into.
        let deep = format!("<xliff>{}", "<g>".repeat(100_000));
        assert!(read(&deep, "d.xlf").unwrap_err().problem.contains("deeper"));
        // A huge attribute is read once, and is only an id.
        let big = format!(
            "<xliff><file><body><trans-unit id=\"{}\"><source>a</source></trans-unit></body></file></xliff>",
            "x".repeat(1 << 20)
        );
        assert_eq!(read(&big, "h.xlf").unwrap().units.len(), 1);
        assert!(
            read("<html/>", "x.xlf")
                .unwrap_err()
                .problem
                .contains("root")
        );
        assert!(read("<xliff><file>", "x.xlf").is_err());
    }
}
