//! Placeholders in a segment's text: the inline codes the XLIFF and TMX
//! readers write as `{g:1}`, `{/g:1}`, `{x:2}`, `{ph}`, and the variables
//! of software strings: printf conversions (`%s`, `%d`, `%1$s`, `%.2f`,
//! `%(name)s`) and braces (`{name}`, `{0}`). `%%` is a literal percent sign.

use std::ops::Range;

/// One placeholder: where it is and the key it is compared by (a printf
/// conversion without its own position is numbered by its place among
/// them, so `%s %d` and `%2$d %1$s` hold the same keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub range: Range<usize>,
    pub key: String,
}

/// Length of an inline-code placeholder the readers write (`{g:1}`,
/// `{/g:1}`, `{ph}` is not one: it needs a colon) at the start of `rest`.
/// The tokenizer skips these: an id is not a number of the text.
pub fn code_len(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('{')?;
    let end = body.find('}')?;
    let inner = body[..end].strip_prefix('/').unwrap_or(&body[..end]);
    let (name, id) = inner.split_once(':')?;
    let ok = !name.is_empty()
        && name.len() <= 8
        && name.chars().all(|c| c.is_ascii_lowercase())
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    ok.then_some(end + 2)
}

/// Length of a brace placeholder (`{name}`, `{0}`, `{g:1}`, `{/g:1}`) at
/// the start of `rest`.
fn brace_len(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('{')?;
    let end = body.find('}')?;
    let inner = &body[..end];
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let ok = !inner.is_empty()
        && inner.len() <= 64
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
    ok.then_some(end + 2)
}

/// A printf conversion at the start of `rest`: its length, its explicit
/// position (`%2$s`) and its conversion letter.
fn printf(rest: &str) -> Option<(usize, Option<String>, String)> {
    let b = rest.as_bytes();
    if b.first() != Some(&b'%') {
        return None;
    }
    let mut i = 1;
    // %(name)s
    if b.get(1) == Some(&b'(') {
        let close = rest[2..].find(')')? + 2;
        let name = &rest[2..close];
        if name.is_empty()
            || name.len() > 32
            || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return None;
        }
        let conv = *b.get(close + 1)?;
        return b"sdifr".contains(&conv).then(|| {
            (
                close + 2,
                Some(name.to_string()),
                (conv as char).to_string(),
            )
        });
    }
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        from..*i
    };
    let mut position = None;
    let d = digits(&mut i);
    if !d.is_empty() && b.get(i) == Some(&b'$') {
        position = Some(rest[d].to_string());
        i += 1;
    } else {
        i = 1;
    }
    // Flags (no space: «10 % de» is prose), width, precision, length.
    while b.get(i).is_some_and(|c| b"-+0#'".contains(c)) {
        i += 1;
    }
    digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        digits(&mut i);
    }
    while b.get(i).is_some_and(|c| b"hlLqjzt".contains(c)) {
        i += 1;
    }
    let conv = *b.get(i)?;
    b"diouxXeEfFgGaAcsp"
        .contains(&conv)
        .then(|| (i + 1, position, (conv as char).to_string()))
}

/// The placeholders of a text, in order.
pub fn find(text: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    let mut unnumbered = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if rest.starts_with("%%") {
            i += 2;
            continue;
        }
        if c == '{'
            && let Some(n) = brace_len(rest)
        {
            out.push(Placeholder {
                range: i..i + n,
                key: rest[..n].to_string(),
            });
            i += n;
            continue;
        }
        if c == '%'
            && let Some((n, position, conv)) = printf(rest)
        {
            let position = position.unwrap_or_else(|| {
                unnumbered += 1;
                unnumbered.to_string()
            });
            out.push(Placeholder {
                range: i..i + n,
                key: format!("%{position}${conv}"),
            });
            i += n;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str) -> Vec<String> {
        find(t).into_iter().map(|p| p.key).collect()
    }

    #[test]
    fn finds_codes_printf_and_braces() {
        assert_eq!(
            keys("Hola {g:1}%s{/g:1}, {name}: %1$d y %.2f%% %(n)s"),
            ["{g:1}", "%1$s", "{/g:1}", "{name}", "%1$d", "%2$f", "%n$s"]
        );
        // Prose is not a placeholder.
        assert!(keys("el 10 % de la población {no es} 100%").is_empty());
        assert_eq!(code_len("{x:2} y"), Some(5));
        assert_eq!(code_len("{/g:a-1}"), Some(8));
        assert_eq!(code_len("{name}"), None);
    }

    #[test]
    fn reordered_printf_holds_the_same_keys() {
        let mut a = keys("%s tiene %d años");
        let mut b = keys("%2$d years has %1$s");
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }
}
