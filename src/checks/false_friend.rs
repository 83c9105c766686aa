//! A word rendered by its look-alike with another meaning (actualmente /
//! actually, realizar / realize, asistir / assist).
//!
//! ## Why it matters
//! False friends survive every check of form: the word is there, spelled
//! like the original, and means something else. "He has not realized a
//! press briefing" for «no ha realizado una rueda de prensa» (held), "the
//! actual shareholders" for «los actuales accionistas» (current). Each
//! language pair's data file (`data/false-friends/SRC-TGT.tsv`) lists the
//! source word, its wrong look-alikes, the right renderings and the source
//! words that make the look-alike right after all (in its source
//! paragraph: `audiencia` among television words is an audience); in each aligned
//! sentence pair, a source word whose sentence's translation has a wrong
//! look-alike and none of the right renderings is reported. Pairs without a
//! file are not checked.
//!
//! ## Example
//! The Spanish says «la comisión que actualmente redacta la ley» and the
//! English "the committee which is actually drafting the law": «actualmente»
//! means currently.

use super::{Context, Finding, SentenceWords, Severity};
use crate::false_friends::FalseFriends;

pub fn run(ctx: &Context) -> Vec<Finding> {
    let Some(ff) = FalseFriends::get(ctx.pair.source.lang, ctx.pair.target.lang) else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut context: Option<(&crate::pipeline::AlignedLink, SentenceWords)> = None;
    for pair in ctx.matched_sentence_pairs() {
        let s_words = &pair.source_words;
        let t_words = &pair.target_words;
        // What decides the sense may be said in the next sentence: the
        // words that excuse the look-alike are looked for in the link's
        // source, read once a link.
        if context
            .as_ref()
            .is_none_or(|(l, _)| !std::ptr::eq(*l, pair.link))
        {
            let words = SentenceWords::of(
                &ctx.pair.source,
                &ctx.pair.source.sentences_of(&pair.link.link.source),
            );
            context = Some((pair.link, words));
        }
        let Some((_, context)) = context.as_ref() else {
            continue;
        };
        let mut reported = Vec::new();
        for m in ff.sources.find_all(&s_words.words) {
            let e = &ff.entries[m.tag];
            if reported.contains(&m.tag)
                || !e.unless.find_all(&context.words).is_empty()
                || (!e.require.is_empty() && e.require.find_all(&context.words).is_empty())
                || !e.right.find_all(&t_words.words).is_empty()
            {
                continue;
            }
            let Some(wrong) = e.wrong.find_all(&t_words.words).first().copied() else {
                continue;
            };
            reported.push(m.tag);
            let (ss, ts) = (s_words.span(&m), t_words.span(&wrong));
            let quote =
                |d: &crate::pipeline::Document, s: &super::Span| super::span_text(d, s).to_string();
            let meanings: Vec<&str> = e.right_text.split(", ").take(3).collect();
            let mut message = format!(
                "«{}» is rendered «{}», a false friend; it means {}",
                quote(&ctx.pair.source, &ss),
                quote(&ctx.pair.target, &ts),
                meanings.join(", ")
            );
            if !e.note.is_empty() {
                message.push_str(&format!(" ({})", e.note));
            }
            out.push(
                pair.finding(ctx.pair, "false-friend", Severity::Warning, message, ss, ts)
                    .with_expected(e.right_text.clone()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn flags_a_false_friend_and_not_the_right_rendering() {
        let es =
            "La comisión que actualmente redacta la nueva ley de pesca se reunirá en Valparaíso.";
        let wrong =
            "The committee which is actually drafting the new fishing law will meet in Valparaíso.";
        let f = check_pair(es, wrong, "false-friend");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message
                .starts_with("«actualmente» is rendered «actually»"),
            "{}",
            f[0].message
        );
        let right = "The committee which is currently drafting the new fishing law will meet in Valparaíso.";
        assert!(check_pair(es, right, "false-friend").is_empty());
    }

    #[test]
    fn a_context_word_makes_the_look_alike_right() {
        let es =
            "En realidad, la comisión actualmente no redacta ninguna ley de pesca en Valparaíso.";
        let en = "Actually, the committee is not drafting any fishing law in Valparaíso.";
        assert!(check_pair(es, en, "false-friend").is_empty());
    }
}
