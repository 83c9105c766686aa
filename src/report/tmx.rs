//! TMX 1.4b: the aligned content pairs as translation units, for CAT tools
//! (OmegaT, Trados) and translation memories. Site chrome and unmatched
//! paragraphs are left out; a unit whose side holds several paragraphs joins
//! them with a space.

use super::xml::escape;
use crate::pipeline::{AlignedPair, Document, LinkKind};

fn side(doc: &Document, indices: &[usize]) -> String {
    let text: Vec<String> = indices
        .iter()
        .map(|&i| {
            doc.paragraphs[i]
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    escape(&text.join(" "))
}

/// The TMX document.
pub fn tmx(pair: &AlignedPair) -> String {
    let (s, t) = (&pair.source, &pair.target);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n",
    );
    out.push_str(&format!(
        "  <header creationtool=\"cotejo\" creationtoolversion=\"{}\" segtype=\"paragraph\" o-tmf=\"cotejo\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(s.lang)
    ));
    let units = pair.links.iter().filter(|l| {
        l.kind == LinkKind::Content && !l.link.source.is_empty() && !l.link.target.is_empty()
    });
    for (n, l) in units.enumerate() {
        out.push_str(&format!(
            "    <tu tuid=\"{}\">\n      <prop type=\"x-cotejo-score\">{:.3}</prop>\n      <prop type=\"x-cotejo-paragraphs\">{} / {}</prop>\n      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n    </tu>\n",
            n + 1,
            l.link.score.score,
            join(&l.link.source),
            join(&l.link.target),
            escape(s.lang),
            side(s, &l.link.source),
            escape(t.lang),
            side(t, &l.link.target),
        ));
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

fn join(v: &[usize]) -> String {
    v.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, align_texts};

    #[test]
    fn units_are_escaped_and_parse_back() {
        let es = "Portada del diario\n\nEl Gobierno anunció <b>nuevas</b> medidas & ayudas para 300 familias afectadas por las lluvias.\n\n© 2024 Diario. Todos los derechos reservados.";
        let en = "The Government announced <b>new</b> measures & aid for 300 families affected by the rains.";
        let pair = align_texts("es.txt", es, "en.txt", en, &Options::default());
        let xml = tmx(&pair);
        assert!(
            xml.contains("&lt;b&gt;nuevas&lt;/b&gt; medidas &amp; ayudas"),
            "{xml}"
        );
        // Parse it back: well-formed, one unit, both languages.
        let mut reader = quick_xml::Reader::from_str(&xml);
        let (mut tus, mut langs) = (0, Vec::new());
        loop {
            match reader.read_event().expect("well-formed TMX") {
                quick_xml::events::Event::Start(e) if e.local_name().as_ref() == "tu" => tus += 1,
                quick_xml::events::Event::Start(e) if e.local_name().as_ref() == "tuv" => {
                    langs.extend(e.attributes().flatten().map(|a| a.value.to_string()))
                }
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(tus, 1);
        assert_eq!(langs, ["es", "en"]);
    }
}
