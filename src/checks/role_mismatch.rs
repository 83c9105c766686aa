//! A person given another title or role in the translation than the source
//! gives them: two people's roles swapped, the prime minister called
//! president, a Secretary of State made Secretary of Defense.
//!
//! ## Why it matters
//! Every name is there and every title is a real office, so nothing looks
//! wrong; but "his son Zorica and his wife Dushko" for «su esposa Zorica y su
//! hijo Dushko», or the victim and the defendant of a trial exchanged, tell
//! another story. A title or role (`data/titles/xx.tsv`: offices, family
//! roles, victim and defendant) right before a name (`el abogado Christian
//! Schertz`) or after it between commas (`Jessica Chambers, la víctima`)
//! belongs to that name. In each sentence pair, a name whose role in the
//! translation is not the one (or a broader one) it has in the source is
//! reported; where the source sentence gives the name no role, the roles
//! the source gives it elsewhere decide.
//!
//! ## Example
//! The Spanish says «Quinton Tellis, el acusado de 29 años, y Jessica
//! Chambers, la víctima de 19 años»; the English "Quinton Tellis, the
//! 29-year-old victim, and Jessica Chambers, the 19-year-old defendant".

use super::{Context, Finding, SentenceWords, Severity};
use crate::langdata::HashMap;
use crate::phrases::Match;
use crate::titles::Titles;

/// A role bound to a name in a sentence.
pub struct NameRole {
    /// The folded name word, and where it is among the words.
    pub name: String,
    pub at: usize,
    /// Index into [`Titles::offices`].
    pub office: usize,
    pub title: Match<usize>,
}

/// The roles bound to names in some words: a title right before a name, or
/// after it behind a comma (and an article at most).
pub fn name_roles(words: &SentenceWords, titles: &Titles) -> Vec<NameRole> {
    let mut out = Vec::new();
    let n = words.words.len();
    // A name starting at `j`: `j` and the name words after it (a capital
    // after an abbreviation's period is a name, not a sentence start:
    // `EE. UU. Mike Pompeo`).
    let named = |k: usize| {
        words.is_name[k] || (words.capitalized[k] && k > 0 && words.words[k - 1].contains('.'))
    };
    let run_from = |j: usize| {
        std::iter::once(j)
            .chain((j + 1..n).take_while(|&k| named(k) && !words.pause_before[k]))
            .collect::<Vec<_>>()
    };
    let run_to = |j: usize| {
        let mut v: Vec<usize> = std::iter::once(j)
            .chain(
                (0..j)
                    .rev()
                    .take_while(|&k| words.is_name[k] && !words.pause_before[k + 1]),
            )
            .collect();
        v.reverse();
        v
    };
    for m in titles.forms.find_all(&words.words) {
        // The name right after the title (`Sen. Ruiz`: a capital after an
        // abbreviation's period is a name, not a sentence start), or after a
        // place joined by a particle (`senador de Arizona Jeff Flake`).
        let after = m.start + m.len;
        let starts_name = |k: usize| {
            k < n
                && (words.is_name[k] || (k == after && words.capitalized[k]))
                && !words.pause_before[k]
        };
        let particle_then_name = |k: usize| {
            k + 1 < n
                && titles.particles.iter().any(|p| p == words.words[k])
                && !words.pause_before[k]
                && words.is_name[k + 1]
                && !words.pause_before[k + 1]
        };
        let mut names = Vec::new();
        if starts_name(after) {
            names = run_from(after);
        } else {
            // `senador de Arizona Jeff Flake`, `subsecretario de Estado de
            // EE. UU. Mike Pompeo`: places or bodies joined by particles, then
            // the person; a lone name there is the place (`representante de
            // Bolivia`).
            let mut at = after;
            for _ in 0..3 {
                if !particle_then_name(at) {
                    break;
                }
                let run = run_from(at + 1);
                if run.len() > 1 {
                    names = run[1..].to_vec();
                    break;
                }
                at += 2;
            }
        }
        // `the First Minister, Elin Jones, who`: an apposition after a title
        // its article introduces, the name closed by a pause or the end.
        if names.is_empty()
            && after < n
            && words.pause_before[after]
            && words.is_name[after]
            && m.start > 0
            && titles
                .articles
                .iter()
                .any(|a| a == words.words[m.start - 1])
        {
            let run = run_from(after);
            let end = run[run.len() - 1] + 1;
            if end == n || words.pause_before[end] {
                names = run;
            }
        }
        if names.is_empty() && m.start > 0 {
            // `X, la víctima`, `X, the 29-year-old defendant`: a pause, then an article.
            let names_end = (1..=3).find_map(|back| {
                let at = m.start.checked_sub(back)?;
                // An article, and compound adjectives (`29-year-old`).
                let between = (at + 1..m.start).all(|k| {
                    let w = words.words[k];
                    titles.articles.iter().any(|a| a == w) || w.contains('-')
                });
                (words.is_name[at] && between && words.pause_before[at + 1]).then_some(at)
            });
            if let Some(end) = names_end {
                names = run_to(end);
            }
        }
        for k in names {
            out.push(NameRole {
                name: words.words[k].to_string(),
                at: k,
                office: m.tag,
                title: m,
            });
        }
    }
    out
}

/// Titles of some words bound to no name, relations aside.
fn loose_target(words: &SentenceWords, bound: &[NameRole], titles: &Titles) -> usize {
    titles
        .forms
        .find_all(&words.words)
        .iter()
        .filter(|m| !bound.iter().any(|x| x.title == **m))
        .filter(|m| !titles.relations.contains(&titles.offices[m.tag]))
        .count()
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let (Some(st), Some(tt)) = (
        Titles::get(ctx.pair.source.lang),
        Titles::get(ctx.pair.target.lang),
    ) else {
        return vec![];
    };
    let pairs = ctx.sentence_pairs();
    let sides: Vec<_> = pairs
        .iter()
        .map(|p| {
            let s = &p.source_words;
            let t = &p.target_words;
            let (sr, tr) = (name_roles(s, st), name_roles(t, tt));
            (s, t, sr, tr)
        })
        .collect();
    // Every role the source gives each name, anywhere.
    let mut known: HashMap<&str, Vec<&str>> = HashMap::default();
    for (_, _, sr, _) in &sides {
        for r in sr {
            known
                .entry(r.name.as_str())
                .or_default()
                .push(st.offices[r.office].as_str());
        }
    }
    let mut out = Vec::new();
    for (pair, (s, t, sr, tr)) in pairs.iter().zip(&sides) {
        // One finding a title, however many words its name has.
        let mut reported: Vec<usize> = Vec::new();
        for r in tr {
            let office = tt.offices[r.office].as_str();
            let fits = |roles: &[&str]| roles.iter().any(|o| st.covers(o, office));
            let here: Vec<&NameRole> = sr.iter().filter(|x| x.name == r.name).collect();
            let here_offices: Vec<&str> =
                here.iter().map(|x| st.offices[x.office].as_str()).collect();
            let elsewhere = known.get(r.name.as_str()).map_or(&[][..], Vec::as_slice);
            // Titles of the source sentence bound to no name (`el senador de
            // Arizona` said apart from the name).
            let loose: Vec<&str> = st
                .forms
                .find_all(&s.words)
                .iter()
                .filter(|m| !sr.iter().any(|x| x.title == **m))
                .map(|m| st.offices[m.tag].as_str())
                .filter(|o| !st.relations.iter().any(|r| r == o))
                .collect();
            let wrong = if here.is_empty() {
                // No role here: the name must be in the source sentence, with
                // a title loose in it or roles elsewhere.
                // A loose title is this name's only when it is the sentence's one
                // and the translation binds it here.
                let roles = if loose.len() == 1 && loose_target(t, tr, tt) == 0 {
                    &loose[..]
                } else {
                    elsewhere
                };
                // Any title of this source sentence that fits may be this one.
                let sentence: Vec<&str> = st
                    .forms
                    .find_all(&s.words)
                    .iter()
                    .map(|m| st.offices[m.tag].as_str())
                    .collect();
                s.words.contains(&r.name.as_str())
                    && !roles.is_empty()
                    && !fits(roles)
                    && !fits(&sentence)
            } else {
                !fits(&here_offices)
            };
            if !wrong || reported.contains(&r.title.start) {
                continue;
            }
            reported.push(r.title.start);
            let ts = t.span(&r.title);
            let (source, target) = pair.paragraphs();
            let name = super::span_text(
                &ctx.pair.target,
                &t.span(&Match {
                    start: r.at,
                    len: 1,
                    tag: (),
                }),
            );
            let target_title = super::span_text(&ctx.pair.target, &ts);
            let f = match here.first() {
                Some(sr) => {
                    let ss = s.span(&sr.title);
                    let message = format!(
                        "«{name}» is «{}» ({}) in the source but «{target_title}» ({office}) in the translation",
                        super::span_text(&ctx.pair.source, &ss),
                        here_offices[0]
                    );
                    Finding::new(
                        "role-mismatch",
                        Severity::Warning,
                        message,
                        &source,
                        &target,
                    )
                    .source_span(&ctx.pair.source, ss)
                }
                None if !elsewhere.is_empty() && !fits(elsewhere) => {
                    let mut roles = elsewhere.to_vec();
                    roles.sort_unstable();
                    roles.dedup();
                    let message = format!(
                        "«{name}» is «{target_title}» ({office}) in the translation; the source gives no title here and calls them {} elsewhere",
                        roles.join(", ")
                    );
                    Finding::new(
                        "role-mismatch",
                        Severity::Warning,
                        message,
                        &source,
                        &target,
                    )
                }
                None => {
                    let message = format!(
                        "«{name}» is «{target_title}» ({office}) in the translation; the source sentence says {}",
                        loose.join(", ")
                    );
                    Finding::new(
                        "role-mismatch",
                        Severity::Warning,
                        message,
                        &source,
                        &target,
                    )
                }
            };
            out.push(f.target_span(&ctx.pair.target, ts));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::tests::check_pair;

    #[test]
    fn flags_swapped_roles_and_not_faithful_ones() {
        let es = "Quinton Tellis, el acusado de 29 años, y Jessica Chambers, la víctima de 19 años, vivían en Valparaíso.";
        let swapped = "Quinton Tellis, the 29-year-old victim, and Jessica Chambers, the 19-year-old defendant, lived in Valparaíso.";
        let f = check_pair(es, swapped, "role-mismatch");
        assert!(!f.is_empty(), "{f:#?}");
        // The first name of a sentence is no name to analysis; the second is.
        assert!(
            f.iter().any(|f| f
                .message
                .contains("«Jessica» is «víctima» (victim) in the source but «defendant»")),
            "{f:#?}"
        );
        let right = "Quinton Tellis, the 29-year-old defendant, and Jessica Chambers, the 19-year-old victim, lived in Valparaíso.";
        assert!(check_pair(es, right, "role-mismatch").is_empty());
    }

    #[test]
    fn a_title_given_elsewhere_decides() {
        let es = "El primer ministro Zoran Zaev votó el domingo en Skopie.\n\nZaev dijo que el resultado era una victoria.";
        let en = "Prime Minister Zoran Zaev voted on Sunday in Skopje.\n\nPresident Zaev said the result was a victory.";
        let f = check_pair(es, en, "role-mismatch");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].target, [1]);
        let good = "Prime Minister Zoran Zaev voted on Sunday in Skopje.\n\nZaev said the result was a victory.";
        assert!(check_pair(es, good, "role-mismatch").is_empty());
    }

    #[test]
    fn a_title_apart_from_its_name_by_places_or_a_comma() {
        let en = "The struggle could be a headache for the Presiding Officer, Elin Jones, who will table a bill.\n\nU.S. Secretary of State Mike Pompeo told the council on Thursday that sanctions must continue.";
        let es = "La lucha podría traer de cabeza a la presidenta de la Asamblea, Elin Jones, que presentará un proyecto de ley.\n\nEl secretario de Estado de EE. UU. Mike Pompeo dijo al consejo el jueves que las sanciones deben continuar.";
        assert!(check_pair(en, es, "role-mismatch").is_empty());
        let wrong = es
            .replace("la presidenta de la Asamblea", "la primera ministra")
            .replace("El secretario de Estado", "El subsecretario de Estado");
        let f = check_pair(en, &wrong, "role-mismatch");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(
            f[0].message.contains("«Elin» is «Presiding Officer»"),
            "{f:#?}"
        );
        assert!(f[1].message.contains("«subsecretario»"), "{f:#?}");
    }
}
