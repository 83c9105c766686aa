//! Tokens: words, numbers and URLs with their byte spans in the paragraph's
//! NFC text, plus the folded forms that analysis compares.

use crate::langdata::HashSet;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Url,
}

/// One token; its folded form lives in the [`Tokens`] it belongs to, so a
/// token is a few integers and a long document costs no allocation per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte span in the NFC paragraph text.
    pub start: usize,
    pub end: usize,
    /// Span of the folded form in [`Tokens::folded_text`].
    folded_start: u32,
    folded_end: u32,
    /// First letter upper-case.
    pub capitalized: bool,
    /// First word of a sentence (so capitalisation says nothing about names).
    pub sentence_start: bool,
}

/// The tokens of a paragraph with their folded forms: lower-cased, accents
/// removed (`Cárdenas` -> `cardenas`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    list: Vec<Token>,
    folded_text: String,
}

impl Tokens {
    /// The folded form of a token of this list.
    pub fn folded(&self, t: &Token) -> &str {
        &self.folded_text[t.folded_start as usize..t.folded_end as usize]
    }

    fn push(
        &mut self,
        text: &str,
        kind: TokenKind,
        start: usize,
        end: usize,
        sentence_start: bool,
    ) {
        let s = &text[start..end];
        let folded_start = self.folded_text.len() as u32;
        if kind == TokenKind::Word && s.contains(' ') {
            // `EE. UU.` is the abbreviation `ee.uu`, as `EE.UU.` is.
            fold_into(&s.replace(' ', ""), &mut self.folded_text);
        } else {
            fold_into(s, &mut self.folded_text);
        }
        self.list.push(Token {
            kind,
            start,
            end,
            folded_start,
            folded_end: self.folded_text.len() as u32,
            capitalized: s.chars().next().is_some_and(char::is_uppercase),
            sentence_start,
        });
    }
}

impl std::ops::Deref for Tokens {
    type Target = [Token];
    fn deref(&self) -> &[Token] {
        &self.list
    }
}

/// Lower-cases and strips accents: `Cárdenas` -> `cardenas`, `Ñandú` -> `nandu`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending to `out`; ASCII, most of any text, skips decomposition.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        // Char by char is the same as the whole string: decomposition is per
        // character, and canonical reordering only moves the combining marks
        // that folding drops.
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if (c as usize) < LATIN_END {
                out.push_str(&latin_folded()[c as usize - 0x80]);
            } else {
                fold_slowly(c, out);
            }
        }
    }
}

/// End of the accented Latin letters (U+0080 to U+024F), which are folded
/// once: decomposing them letter by letter was a twentieth of a batch.
const LATIN_END: usize = 0x250;

/// The folded form of each character from U+0080 to [`LATIN_END`].
fn latin_folded() -> &'static [String] {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..LATIN_END as u32)
            .map(|k| {
                let mut folded = String::new();
                // Every code point of the range is a character.
                if let Some(c) = char::from_u32(k) {
                    fold_slowly(c, &mut folded);
                }
                folded
            })
            .collect()
    })
}

fn fold_slowly(c: char, out: &mut String) {
    out.extend(
        std::iter::once(c)
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase),
    );
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Splits a paragraph into tokens; punctuation is skipped but `.`, `!`, `?`
/// and `:` mark where the next sentence starts.
pub fn tokenize(text: &str) -> Tokens {
    tokenize_in(text, &HashSet::default())
}

/// [`tokenize`] for a language whose `elisions` (`l`, `dell`) are words of
/// their own before an apostrophe: `l'État` is `l` and `État`.
pub fn tokenize_in(text: &str, elisions: &HashSet<String>) -> Tokens {
    let bytes = text.as_bytes();
    let mut out = Tokens::default();
    let mut sentence_start = true;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if starts_url(rest) {
            let mut end = i + rest.find(char::is_whitespace).unwrap_or(rest.len());
            while end > i && matches!(bytes[end - 1], b'.' | b',' | b')' | b';' | b':' | b']') {
                end -= 1;
            }
            out.push(text, TokenKind::Url, i, end, false);
            i = end.max(i + 1);
            continue;
        }
        // An inline code of a bilingual file (`{x:2}`): its id is no number
        // of the text, and the code itself no word.
        if c == '{'
            && let Some(n) = super::placeholders::code_len(rest)
        {
            i += n;
            continue;
        }
        if c.is_ascii_digit() {
            let end = number_end(text, i);
            out.push(text, TokenKind::Number, i, end, false);
            sentence_start = false;
            i = end;
            continue;
        }
        if is_word_char(c) {
            let end = word_end(text, i, elisions);
            out.push(text, TokenKind::Word, i, end, sentence_start);
            sentence_start = false;
            i = end + possessive_len(&text[end..]);
            continue;
        }
        // A line break inside a paragraph starts a list item or a heading; a
        // dash after a space (`iprelay -- Demonio proxy`) or an opening quote
        // starts a clause, whose first word is capitalised as a sentence's.
        let after_space = i > 0 && text[..i].ends_with(char::is_whitespace);
        let dash = matches!(c, '-' | '–' | '—') && after_space;
        if matches!(
            c,
            '.' | '!' | '?' | ':' | '¡' | '¿' | '…' | '\n' | '«' | '“' | '"'
        ) || dash
        {
            sentence_start = true;
        }
        i += c.len_utf8();
    }
    out
}

/// Length of an English possessive `'s` at the start of `rest`, else 0.
fn possessive_len(rest: &str) -> usize {
    let apostrophe = rest.chars().next().filter(|c| matches!(c, '\'' | '’'));
    match apostrophe {
        Some(a) => {
            let after = &rest[a.len_utf8()..];
            let s = after.starts_with(['s', 'S']) && !after[1..].starts_with(char::is_alphanumeric);
            if s { a.len_utf8() + 1 } else { 0 }
        }
        None => 0,
    }
}

fn starts_url(s: &str) -> bool {
    let head: String = s.chars().take(8).flat_map(char::to_lowercase).collect();
    head.starts_with("http://") || head.starts_with("https://") || head.starts_with("www.")
}

/// A word runs over letters, digits and marks, over `-` or an apostrophe
/// between letters (`Lloyd-Jones`, `O'Brien`, `COVID-19`) and over a
/// period between letters (`EE.UU`, `U.S`, `a.m`), and over a period and
/// one space between capitals of an abbreviation (`EE. UU.`, `J. K.`). An
/// English possessive `'s` is not part of the word (`Friday's` is `Friday`).
fn word_end(text: &str, start: usize, elisions: &HashSet<String>) -> usize {
    let mut end = start;
    let rest = &text[start..];
    let mut chars = rest.char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if is_word_char(c) {
            end = start + off + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            '-' => next.is_some_and(is_word_char),
            '\'' | '’' => {
                next.is_some_and(is_word_char)
                    && possessive_len(&rest[off..]) == 0
                    && (elisions.is_empty() || !elisions.contains(&fold(&rest[..off])))
            }
            '.' => {
                let segment = rest[..off]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .count();
                if next.is_some_and(char::is_alphabetic) && segment <= 2 {
                    true
                } else if spaced_abbreviation(&rest[..off], &rest[off + 1..]) {
                    chars.next();
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if !joins {
            break;
        }
    }
    end
}

/// Whether `before.` and ` after` are segments of one abbreviation written
/// with spaces (`EE. UU.`, `S. A.`): one or two capitals each side, the one
/// after followed by a period.
fn spaced_abbreviation(before: &str, after: &str) -> bool {
    let capitals = |s: &str| {
        let n = s.chars().take_while(|c| c.is_uppercase()).count();
        (1..=2).contains(&n).then_some(n)
    };
    let tail = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>();
    let Some(after) = after.strip_prefix(' ') else {
        return false;
    };
    capitals(&tail).is_some_and(|n| n == tail.chars().count())
        && capitals(after).is_some_and(|n| {
            let rest = &after[after.char_indices().nth(n).map_or(after.len(), |(i, _)| i)..];
            rest.starts_with('.')
        })
}

/// A number runs over digits, and over `.` `,` or a no-break space between
/// digits (`20.000`, `1,5`, `20 000`).
fn number_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut group = 0;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if c.is_ascii_digit() {
            end = start + off + 1;
            group += 1;
        } else if matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}')
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            group = 0;
        } else if matches!(c, ' ' | '\'' | '’')
            && group <= 3
            && three_digits_follow(&text[start + off + c.len_utf8()..])
        {
            // `60 000` (RAE, SI) and `60'000`: a space or an apostrophe between groups of three.
            group = 0;
        } else {
            break;
        }
    }
    end
}

/// Exactly three digits, then no digit.
fn three_digits_follow(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let tokens = tokenize(t);
        tokens
            .iter()
            .map(|x| tokens.folded(x).to_string())
            .collect()
    }

    /// Folding the whole string at once, as `fold` did before its table.
    fn fold_whole(s: &str) -> String {
        s.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn folding_by_table_is_folding_the_whole_string() {
        let every_latin: String = (0x80..0x300u32).filter_map(char::from_u32).collect();
        for s in [
            every_latin.as_str(),
            "Cárdenas Ñandú São Paulo Düsseldorf Straße İstanbul",
            "e\u{301}te\u{323}\u{302} ǅemal Ǆ ﬁn Ωμέγα Tiếng Việt",
        ] {
            assert_eq!(fold(s), fold_whole(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_folds_as_a_whole(s in "\\PC{0,60}") {
            proptest::prop_assert_eq!(fold(&s), fold_whole(&s));
        }
    }

    #[test]
    fn words_numbers_and_urls() {
        assert_eq!(
            words("Marta Cárdenas dijo: 20.000 millones, 1,5 % (ver https://x.org/a)."),
            [
                "marta",
                "cardenas",
                "dijo",
                "20.000",
                "millones",
                "1,5",
                "ver",
                "https://x.org/a"
            ]
        );
        assert_eq!(
            words("EE.UU. y U.S. officials' Friday's meeting at 3 a.m. Fin.Luego"),
            [
                "ee.uu",
                "y",
                "u.s",
                "officials",
                "friday",
                "meeting",
                "at",
                "3",
                "a.m",
                "fin",
                "luego"
            ]
        );
        assert_eq!(
            words("unas 60 000 personas en 2019 200 casas, 261'000 páginas"),
            [
                "unas", "60 000", "personas", "en", "2019", "200", "casas", "261'000", "paginas"
            ]
        );
        let t = tokenize("Lloyd-Jones y O'Brien, 3.");
        assert_eq!(t.folded(&t[0]), "lloyd-jones");
        assert_eq!(t.folded(&t[2]), "o'brien");
        assert_eq!(t[3].kind, TokenKind::Number);
        assert_eq!(&"Lloyd-Jones y O'Brien, 3."[t[3].start..t[3].end], "3");
    }

    #[test]
    fn spaced_abbreviations_are_one_token() {
        assert_eq!(
            words("la ONG de EE. UU. y la S. A. de D.C. Pero A. Luego"),
            [
                "la", "ong", "de", "ee.uu", "y", "la", "s.a", "de", "d.c", "pero", "a", "luego"
            ]
        );
        let text = "Plan B. El plan";
        let t = tokenize(text);
        assert_eq!(&text[t[1].start..t[1].end], "B");
        let text = "de EE. UU. El";
        let t = tokenize(text);
        assert_eq!(&text[t[1].start..t[1].end], "EE. UU");
        assert!(t[2].sentence_start);
    }

    #[test]
    fn sentence_starts() {
        let d = tokenize("iprelay -- Demonio proxy, «Dame una C»");
        assert!(d[1].sentence_start && d[3].sentence_start && !d[2].sentence_start);
        let t = tokenize("El gobierno habló. Biden no. ¿Quién?");
        let starts: Vec<bool> = t.iter().map(|t| t.sentence_start).collect();
        assert_eq!(starts, [true, false, false, true, false, true]);
        assert!(t[3].capitalized);
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        assert_eq!(words("Ba\u{301}rcena"), ["barcena"]);
    }
}
