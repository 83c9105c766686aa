//! Apertium bilingual dictionaries as `lt-print` dumps them: the compiled
//! transducer (`/usr/share/apertium/apertium-eng-spa/spa-eng.autobil.bin`
//! from Debian's `apertium-eng-spa`) in AT&T text form. Apertium's data is
//! GPL: cotejo reads the user's dump, never ships one.
//!
//! Each section (sections are separated by `--`) is a transducer:
//! `FROM<TAB>TO<TAB>INPUT<TAB>OUTPUT[<TAB>WEIGHT]` arcs and `STATE[<TAB>WEIGHT]`
//! final states, `ε` the empty symbol and `<n>`-like symbols the tags. Every
//! path from state 0 to a final state is an entry: its input symbols spell the
//! source lemma (`casa<n><f>`), its outputs the target (`house<n>`).

use crate::error::InputError;

/// Arcs followed in one section, per arc it has: walking a dictionary's
/// paths takes two or three steps an arc (Apertium's English-Spanish: 286,000
/// for 130,000 arcs), while sections that expand patterns (money, times)
/// have billions of paths, all of them useless here.
const STEPS_PER_ARC: usize = 40;
/// Longest path followed, in arcs: no dictionary lemma is longer.
const MAX_DEPTH: usize = 120;

struct Arc {
    to: usize,
    input: String,
    output: String,
}

/// Whether a text looks like an AT&T dump: its first line is an arc.
pub fn looks_like(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let fields: Vec<&str> = first.split('\t').collect();
    fields.len() >= 4 && fields[..2].iter().all(|f| f.parse::<usize>().is_ok())
}

/// The `(source, target)` word pairs of a dump; pairs that are the same on
/// both sides or hold digits (names, numbers, times) say nothing a lexicon
/// needs to and are left out.
pub fn parse(text: &str, path: &str) -> Result<Vec<(String, String)>, InputError> {
    let mut pairs = Vec::new();
    let mut line_no = 0;
    let mut section: Vec<(usize, &str)> = Vec::new();
    for line in text.lines() {
        line_no += 1;
        if line.trim() == "--" {
            read_section(&section, path, &mut pairs)?;
            section.clear();
        } else if !line.trim().is_empty() {
            section.push((line_no, line));
        }
    }
    read_section(&section, path, &mut pairs)?;
    pairs.sort();
    pairs.dedup();
    Ok(pairs)
}

fn read_section(
    lines: &[(usize, &str)],
    path: &str,
    pairs: &mut Vec<(String, String)>,
) -> Result<(), InputError> {
    if lines.is_empty() {
        return Ok(());
    }
    // State numbers are renumbered densely in order of appearance (state 0
    // first), so memory follows the input, not the largest number in it.
    let mut ids: crate::langdata::HashMap<u64, usize> = Default::default();
    ids.insert(0, 0);
    let mut arcs: Vec<Vec<Arc>> = vec![Vec::new()];
    let mut finals: Vec<bool> = vec![false];
    for &(n, line) in lines {
        let fields: Vec<&str> = line.trim_end_matches('\t').split('\t').collect();
        let mut state = |i: usize| -> Result<usize, InputError> {
            let number = fields[i].parse::<u64>().map_err(|_| {
                InputError::new(
                    path,
                    format!("line {n}: '{}' is not a state number", fields[i]),
                )
            })?;
            let next = ids.len();
            let id = *ids.entry(number).or_insert(next);
            if id == arcs.len() {
                arcs.push(Vec::new());
                finals.push(false);
            }
            Ok(id)
        };
        let from = state(0)?;
        match fields.len() {
            1 | 2 => finals[from] = true,
            4 | 5 => {
                let to = state(1)?;
                let symbol = |s: &str| {
                    if s == "ε" || s == "@0@" {
                        String::new()
                    } else {
                        s.to_string()
                    }
                };
                arcs[from].push(Arc {
                    to,
                    input: symbol(fields[2]),
                    output: symbol(fields[3]),
                });
            }
            _ => {
                return Err(InputError::new(
                    path,
                    format!("line {n}: expected FROM<TAB>TO<TAB>INPUT<TAB>OUTPUT or a final state"),
                ));
            }
        }
    }
    // Depth-first over paths, never entering a state twice on one path (so
    // loops end), up to `max_steps` arcs.
    let mut on_path = vec![false; arcs.len()];
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)]; // (state, next arc)
    let (mut input, mut output) = (Vec::<usize>::new(), Vec::<usize>::new());
    let (mut in_text, mut out_text) = (String::new(), String::new());
    let mut steps = 0;
    let max_steps = STEPS_PER_ARC * lines.len();
    if let Some(p) = on_path.get_mut(0) {
        *p = true;
    }
    while let Some(&mut (state, ref mut next)) = stack.last_mut() {
        if *next == 0 && finals.get(state).copied().unwrap_or(false) {
            pairs.extend(entry(&in_text, &out_text));
        }
        let arc = arcs.get(state).and_then(|a| a.get(*next));
        *next += 1;
        match arc {
            // Entries with digits are never kept: do not walk into them.
            Some(arc)
                if !on_path[arc.to]
                    && stack.len() < MAX_DEPTH
                    && steps < max_steps
                    && !has_digit(&arc.input)
                    && !has_digit(&arc.output) =>
            {
                steps += 1;
                on_path[arc.to] = true;
                input.push(in_text.len());
                output.push(out_text.len());
                in_text.push_str(&arc.input);
                out_text.push_str(&arc.output);
                stack.push((arc.to, 0));
            }
            Some(_) => {}
            None => {
                on_path[state] = false;
                stack.pop();
                if let (Some(i), Some(o)) = (input.pop(), output.pop()) {
                    in_text.truncate(i);
                    out_text.truncate(o);
                }
            }
        }
    }
    Ok(())
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// A path's two sides without tags and lemma marks, if it is a word pair
/// worth keeping.
fn entry(input: &str, output: &str) -> Option<(String, String)> {
    let clean = |s: &str| -> String {
        let mut out = String::with_capacity(s.len());
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                '#' | '+' if !in_tag => out.push(' '),
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (source, target) = (clean(input), clean(output));
    let useful = !source.is_empty()
        && !target.is_empty()
        && source != target
        && !source
            .chars()
            .chain(target.chars())
            .any(|c| c.is_ascii_digit());
    useful.then_some((source, target))
}

#[cfg(test)]
mod tests {
    use super::*;

    // casa<n> -> house<n>, cosa<n> -> thing<n>, sharing the first state.
    const DUMP: &str = "0\t1\tc\tε\t0.000000\t\n\
        1\t2\ta\tε\t0.000000\t\n1\t6\to\tε\t0.000000\t\n\
        2\t3\ts\tε\t0.000000\t\n3\t4\ta\thouse\t0.000000\t\n4\t5\t<n>\t<n>\t0.000000\t\n\
        6\t7\ts\tε\t0.000000\t\n7\t8\ta\tthing\t0.000000\t\n8\t5\t<n>\t<n>\t0.000000\t\n\
        5\t0.000000\n--\n0\t1\tX\tX\n1\t0\tY\tY\n1\n";

    #[test]
    fn reads_entries_and_skips_identity_and_loops() {
        assert!(looks_like(DUMP));
        let pairs = parse(DUMP, "d.att").unwrap();
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(got, [("casa", "house"), ("cosa", "thing")]);
    }

    /// Found by fuzzing: state numbers sized the tables, so one arc to
    /// state 49,999,999 took 1.2 GB.
    #[test]
    fn huge_state_numbers_cost_nothing() {
        let pairs = parse(
            "0\t18446744073709551615\tsi\tyes\n18446744073709551615\n",
            "d.att",
        )
        .unwrap();
        assert_eq!(pairs, [("si".to_string(), "yes".to_string())]);
    }

    #[test]
    fn bad_line_is_named() {
        let e = parse("0\t1\ta\tb\nx\t2\ta\tb\n", "d.att").unwrap_err();
        assert!(e.problem.starts_with("line 2:"), "{}", e.problem);
        assert!(!looks_like("casa\thouse\n"));
    }
}
