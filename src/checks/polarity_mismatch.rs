//! Negation dropped or added, or a word rendered by its opposite, in an
//! aligned sentence pair.
//!
//! ## Why it matters
//! "No descartó" rendered "ruled out", "se negó a" rendered "agreed to",
//! "the sanctions were tightened" rendered «se relajaron»: the sentence
//! keeps every name and number and says the opposite. Nothing that compares
//! forms sees it. Each language's data file (`data/polarity/xx.tsv`) lists
//! its negators, the phrases that hold one without negating (`not only`),
//! and words of opposite poles of shared meaning classes (increase /
//! decrease, approve / reject, win / lose, support / oppose, strengthen /
//! weaken, continue / end, accept / refuse, allow / forbid, guilty /
//! innocent, succeed / fail, include / exclude, more / less, attend /
//! miss). In each sentence pair, a class whose only pole in the source is
//! the opposite of its only pole in the translation is reported; so is a
//! negation on one side only, unless the other side says it with a word of
//! a negative pole (`no pudo` / `failed`). A language without a data file
//! is not checked.
//!
//! ## Example
//! The Spanish says «Corea del Norte no rechazó de plano la
//! desnuclearización» and the English "North Korea rejected
//! denuclearisation outright": the negation is gone.

use super::{Context, Finding, Severity, Span};
use crate::lexicon::stem;
use crate::pipeline::SentenceRef;
use crate::polarity::{CLASSES, Polarity};
use crate::score::cognate_key;

/// Sentence links scoring below this may pair sentences that do not
/// translate each other; their polarity says nothing.
const MIN_SCORE: f64 = 0.4;

pub fn run(ctx: &Context) -> Vec<Finding> {
    let (Some(sp), Some(tp)) = (
        Polarity::get(ctx.pair.source.lang),
        Polarity::get(ctx.pair.target.lang),
    ) else {
        return vec![];
    };
    if sp.forms.is_empty() || tp.forms.is_empty() {
        return vec![];
    }
    let lexicon = &ctx.pair.lexicon;
    let mut out = Vec::new();
    for pair in ctx.sentence_pairs() {
        if pair.source.is_empty() || pair.target.is_empty() || pair.score < MIN_SCORE {
            continue;
        }
        let s_words = &pair.source_words;
        let t_words = &pair.target_words;
        let s = sp.signature(&s_words.words);
        let t = tp.signature(&t_words.words);
        let (source, target) = pair.paragraphs();
        let opposite = s.opposite_classes(&t);
        if s.negated() == t.negated() {
            for &c in &opposite {
                let (Some(a), Some(b)) = (s.word_of(c), t.word_of(c)) else {
                    continue;
                };
                let (sa, tb) = (s_words.span(&a), t_words.span(&b));
                let message = format!(
                    "«{}» is rendered by its opposite «{}» ({})",
                    s_words.text(ctx.pair.source.paragraphs.as_slice(), &sa),
                    t_words.text(ctx.pair.target.paragraphs.as_slice(), &tb),
                    CLASSES[c]
                );
                out.push(pair.finding(
                    ctx.pair,
                    "polarity-mismatch",
                    Severity::Warning,
                    message,
                    sa,
                    tb,
                ));
            }
        }
        if !opposite.is_empty() {
            // Reported above; or a negation on one side and an opposite word
            // on the other (`no aumentó` / `fell`): said another way, or not.
            continue;
        }
        let s_stems: Vec<String> = s_words.words.iter().map(|w| stem(w)).collect();
        let t_stems: Vec<String> = t_words.words.iter().map(|w| stem(w)).collect();
        let translates = |source_stem: &str, target_stem: &str| {
            source_stem == target_stem
                || lexicon
                    .translations(source_stem)
                    .iter()
                    .any(|tr| tr == target_stem)
                || cognate_key(source_stem).is_some_and(|k| cognate_key(target_stem) == Some(k))
        };
        // Each negator is followed to the word it negates and that word to
        // its rendering: a rendering with no negator near it lost the
        // negation (`no la está considerando` / `it is being considered`),
        // whatever other negations the sentence has.
        for source_negates in [true, false] {
            let (negating, other, words, data, prefixes, other_words, own, theirs) =
                if source_negates {
                    (
                        &s,
                        &t,
                        &s_words,
                        ctx.source_lang,
                        tp,
                        &t_words,
                        &s_stems,
                        &t_stems,
                    )
                } else {
                    (
                        &t,
                        &s,
                        &t_words,
                        ctx.target_lang,
                        sp,
                        &s_words,
                        &t_stems,
                        &s_stems,
                    )
                };
            if !negating.negated() {
                continue;
            }
            let pair_of = |mine: &str, other: &str| {
                if source_negates {
                    translates(mine, other)
                } else {
                    translates(other, mine)
                }
            };
            // Said with a word: `failed`, `ignorant`, or a negating prefix on
            // a word whose base the negating side has (`descontento` / `not happy`).
            let prefixed = other_words.words.iter().any(|w| {
                prefixes.negative_prefixes.iter().any(|pre| {
                    w.strip_prefix(pre.as_str()).is_some_and(|base| {
                        base.chars().count() >= 4 && own.iter().any(|x| pair_of(x, &stem(base)))
                    })
                })
            });
            if other.has_negative_word_beyond(negating) || prefixed {
                continue;
            }
            // The first content word after a negator must find its rendering
            // on the other side.
            // Where both sides negate, comparing negator by negator
            // (`no forma parte ... no la está considerando` / `is not part
            // ... is being considered`) found one more error in the
            // development set for ten false alarms in real documents: not done.
            if other.negated() {
                continue;
            }
            let lost = negating.negators.iter().find_map(|m| {
                let after = m.start + m.len;
                let content = (after..(after + 3).min(words.words.len())).filter(|&k| {
                    let w = words.words[k];
                    w.chars().count() > 1 && !data.is_stopword(w)
                });
                content.take(1).find_map(|k| {
                    let st = stem(words.words[k]);
                    theirs.iter().any(|x| pair_of(&st, x)).then_some((*m, k))
                })
            });
            let Some((negator, word)) = lost else {
                continue;
            };
            let first = words.span(&negator);
            let last = words.span(&crate::phrases::Match {
                start: word,
                len: 1,
                tag: (),
            });
            let span = Span::new(first.paragraph, first.range.start..last.range.end);
            let message = if source_negates {
                let neg = super::span_text(&ctx.pair.source, &span);
                format!("the source negates («{neg}») and the translation does not")
            } else {
                let neg = super::span_text(&ctx.pair.target, &span);
                format!("the translation negates («{neg}») what the source does not")
            };
            let f = Finding::new(
                "polarity-mismatch",
                Severity::Warning,
                message,
                &source,
                &target,
            );
            out.push(if source_negates {
                f.source_span(&ctx.pair.source, span)
                    .target_span(&ctx.pair.target, whole(&pair.target))
            } else {
                f.source_span(&ctx.pair.source, whole(&pair.source))
                    .target_span(&ctx.pair.target, span)
            });
        }
    }
    out
}

/// The first sentence of a side, as a span.
fn whole(refs: &[SentenceRef]) -> Span {
    Span::new(refs[0].paragraph, refs[0].range.clone())
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn flags_a_dropped_negation_and_an_opposite() {
        let es =
            "El gobierno de Chile no descartó subir los impuestos a las mineras el próximo año.";
        let dropped =
            "The Chilean government ruled out raising taxes on mining companies next year.";
        let f = check_pair(es, dropped, "polarity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("the source negates («no descartó»)"),
            "{}",
            f[0].message
        );
        let es = "Las exportaciones de cobre aumentaron un 5 % en el tercer trimestre, según el banco central.";
        let opposite =
            "Copper exports fell 5% in the third quarter, according to the central bank.";
        let f = check_pair(es, opposite, "polarity-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("opposite «fell»"), "{}", f[0].message);
    }

    #[test]
    fn faithful_renderings_have_none() {
        for (es, en) in [
            (
                "El gobierno de Chile no descartó subir los impuestos a las mineras el próximo año.",
                "The Chilean government did not rule out raising taxes on mining companies next year.",
            ),
            (
                "El ministro no pudo explicar el retraso de las obras del puerto ante el Congreso.",
                "The minister failed to explain the delay of the port works to Congress.",
            ),
            (
                "Las exportaciones de cobre aumentaron un 5 % en el tercer trimestre, según el banco central.",
                "Copper exports rose 5% in the third quarter, according to the central bank.",
            ),
            (
                "No solo los mineros protestaron frente al edificio del ministerio en Santiago.",
                "Not only the miners protested in front of the ministry building in Santiago.",
            ),
        ] {
            let f = check_pair(es, en, "polarity-mismatch");
            assert!(f.is_empty(), "{en}: {f:#?}");
        }
    }
}
