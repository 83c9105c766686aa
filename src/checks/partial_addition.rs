//! A sentence of the translation with no counterpart inside its aligned
//! link, or a sentence said twice where the source says it once.
//!
//! ## Why it matters
//! A sentence added inside a paragraph (a gloss, a claim from another
//! story, a machine-translation loop repeating itself) hides in a link that
//! scores well on everything else. The sentences of every link are aligned
//! like its paragraphs; a target sentence left unlinked whose content words
//! find almost nothing in the source paragraphs of its link is reported, and
//! so is a sentence repeated inside one link.
//!
//! ## Example
//! The Spanish says «Queremos hacer nuestras propias leyes.» once; the
//! English paragraph reads "We want to make our own laws. We want to make
//! our own laws."

use super::partial_omission::unlinked_sentences;
use super::{Context, Finding};
use crate::score::Side;

pub fn run(ctx: &Context) -> Vec<Finding> {
    unlinked_sentences(ctx, Side::Target)
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    const ES: &str = "El alcalde de Valparaíso inauguró el lunes el nuevo puerto de contenedores. Los pescadores de la bahía protestaron frente al municipio durante la ceremonia.";

    #[test]
    fn flags_an_added_and_a_repeated_sentence() {
        let added = "The mayor of Valparaíso opened the new container port on Monday. Chile's copper exports reached a record high in the third quarter of the year. The fishermen of the bay protested in front of the town hall during the ceremony.";
        let f = check_pair(ES, added, "partial-addition");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("copper exports"), "{}", f[0].message);
        let repeated = "The mayor of Valparaíso opened the new container port on Monday. The fishermen of the bay protested in front of the town hall during the ceremony. The fishermen of the bay protested in front of the town hall during the ceremony.";
        let f = check_pair(ES, repeated, "partial-addition");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.starts_with("a sentence is repeated"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_faithful_paragraph_has_none() {
        let en = "The mayor of Valparaíso opened the new container port on Monday. The fishermen of the bay protested in front of the town hall during the ceremony.";
        assert!(check_pair(ES, en, "partial-addition").is_empty());
    }
}
