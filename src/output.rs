//! Where cotejo's output goes, in one place: files written without ever
//! replacing what they must not, standard output with every write checked,
//! and text meant for a terminal with its control characters escaped.

use crate::error::InputError;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Failure {
    /// Bad input or usage, or a write that failed: one line on stderr, exit 2.
    Input(InputError),
    /// Whoever read standard output went away (`| head -1`): the run ends
    /// quietly, as ripgrep's does.
    Closed,
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Failure {
        Failure::Input(e)
    }
}

/// What `what` is called in an error about standard output.
pub const STDOUT: &str = "standard output";

/// A failed write to `what`: a closed pipe when it was one, else an error.
pub fn write_failure(what: &str, e: &std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::Closed
    } else {
        Failure::Input(InputError::new(what, format!("cannot write: {e}")))
    }
}

/// Standard output, every write checked: a failure (a full disk) is an
/// error, a closed pipe is [`Failure::Closed`].
pub struct Stdout {
    out: std::io::Stdout,
}

impl Default for Stdout {
    fn default() -> Stdout {
        Stdout::new()
    }
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            out: std::io::stdout(),
        }
    }

    /// Writes `text` and flushes it.
    pub fn write(&mut self, text: &str) -> Result<(), Failure> {
        let mut out = self.out.lock();
        out.write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| write_failure(STDOUT, &e))
    }

    /// Writes `line` and a newline, and flushes them.
    pub fn line(&mut self, line: &str) -> Result<(), Failure> {
        let mut out = self.out.lock();
        out.write_all(line.as_bytes())
            .and_then(|_| out.write_all(b"\n"))
            .and_then(|_| out.flush())
            .map_err(|e| write_failure(STDOUT, &e))
    }
}

/// Prints `cotejo: MESSAGE` on stderr, control characters escaped. A
/// stderr that cannot be written to is not worth a panic.
pub fn say(message: impl std::fmt::Display) {
    let line = format!("cotejo: {}\n", escape(&message.to_string()));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Whether a character could drive a terminal or hide text: the C0 and C1
/// controls, DEL, the bidirectional embeddings, overrides, isolates and marks,
/// and the line and paragraph separators.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Text from a document, a path or an id, made safe for a terminal and for
/// one TSV field: every control character is written as an escape (`\t`,
/// `\n`, `\r`, `\x1b`, `\u{9b}`, `\u{202e}`), every other character is kept.
/// JSON, HTML and XML escape for themselves and never go through this.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii() && is_unsafe(c) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`escape`] for running text quoted on one line: a line break or a tab
/// in a paragraph reads as the space it stands for, not as `\n`.
pub fn escape_flowing(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let spaced: String = s
        .chars()
        .map(|c| {
            if c.is_whitespace() && is_unsafe(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    Cow::Owned(escape(&spaced).into_owned())
}

/// The files a run reads, by device and inode, so that no output replaces
/// one of them however it is spelled (`./es.txt`, a hard link, a symlink).
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    files: HashMap<(u64, u64), String>,
}

impl Inputs {
    /// Adds a file read (`-`: standard input, when it is a file). A file
    /// that does not exist is not one to protect; reading it fails anyway.
    pub fn add(&mut self, path: &str) {
        let meta = if path == "-" {
            stdin_metadata()
        } else {
            std::fs::metadata(path).ok()
        };
        if let Some(m) = meta.filter(|m| m.is_file()) {
            self.files
                .entry((m.dev(), m.ino()))
                .or_insert_with(|| path.to_string());
        }
    }

    fn input_named(&self, meta: &std::fs::Metadata) -> Option<&str> {
        self.files
            .get(&(meta.dev(), meta.ino()))
            .map(String::as_str)
    }

    /// Refuses `path` as an output when it is one of the inputs.
    pub fn check_output(&self, path: &str) -> Result<(), InputError> {
        match std::fs::metadata(path) {
            Ok(m) => match self.input_named(&m) {
                Some(input) => Err(refusal(path, input)),
                None => Ok(()),
            },
            Err(_) => Ok(()),
        }
    }

    /// Refuses standard output when it is an input (`>> es.txt`).
    pub fn check_stdout(&self) -> Result<(), InputError> {
        match stdout_metadata() {
            Some(m) if m.is_file() => match self.input_named(&m) {
                Some(input) => Err(refusal(STDOUT, input)),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }
}

fn refusal(output: &str, input: &str) -> InputError {
    let problem = if output == input {
        "is an input file; an output never replaces an input".to_string()
    } else {
        format!("is the input file {input}; an output never replaces an input")
    };
    InputError::new(output, problem)
}

fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

fn stdout_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

/// Writes `content` to `path`, never replacing what it must not.
///
/// - An input of the run ([`Inputs`]) is refused, whatever its spelling.
/// - A directory is an error.
/// - Anything else that exists and is not a regular file (a device, a FIFO,
///   `/dev/null`) is opened and written through, not replaced.
/// - A regular file, or a new one, is written atomically: to a temporary
///   file of unpredictable name created exclusively (`O_EXCL`, so a
///   symlink planted anywhere is never followed) beside it, synced, renamed
///   over the target, and the folder synced. A failure leaves the target as
///   it was and no temporary file behind.
pub fn write_file(path: &str, content: &[u8], inputs: &Inputs) -> Result<(), InputError> {
    inputs.check_output(path)?;
    let fail = |e: std::io::Error| InputError::new(path, format!("cannot write: {e}"));
    let target = Path::new(path);
    let existing = match std::fs::metadata(target) {
        Ok(m) if m.is_dir() => {
            return Err(InputError::new(
                path,
                "is a directory; give the output a file name",
            ));
        }
        Ok(m) if !m.is_file() => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(fail)?;
            return f.write_all(content).and_then(|_| f.flush()).map_err(fail);
        }
        Ok(m) => Some(m.permissions()),
        Err(_) => None,
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A new file gets the mode `File::create` would give it (0666 less the
    // umask); a replaced one keeps its own.
    use std::os::unix::fs::PermissionsExt;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(&dir)
        .map_err(fail)?;
    if let Some(mode) = existing {
        tmp.as_file().set_permissions(mode).map_err(fail)?;
    }
    tmp.write_all(content)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(fail)?;
    tmp.persist(target).map_err(|e| fail(e.error))?;
    sync_dir(&dir).map_err(fail)
}

/// Makes a rename in `dir` durable. A file system that cannot sync a
/// folder says so with `EINVAL`; that is not a failed write.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match std::fs::File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_keeps_text() {
        assert_eq!(escape("Señor Pérez, 20 €"), "Señor Pérez, 20 €");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(escape("a\x1b[31mb"), "a\\x1b[31mb");
        assert_eq!(escape("a\tb\nc\rd\x7f"), "a\\tb\\nc\\rd\\x7f");
        assert_eq!(
            escape("\u{9b}x\u{202e}y\u{2066}"),
            "\\u{9b}x\\u{202e}y\\u{2066}"
        );
        // Joiners, emoji and right-to-left letters are text.
        let text = "👨\u{200d}👩 שלום مرحبا";
        assert_eq!(escape(text), text);
        assert_eq!(escape_flowing("uno\ndos\ttres\x1b"), "uno dos tres\\x1b");
        assert_eq!(escape_flowing("sin\u{a0}cambio"), "sin\u{a0}cambio");
    }

    #[test]
    fn an_input_is_refused_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("es.txt");
        std::fs::write(&input, "texto").unwrap();
        let link = dir.path().join("hard.txt");
        std::fs::hard_link(&input, &link).unwrap();
        let mut inputs = Inputs::default();
        inputs.add(input.to_str().unwrap());
        for out in [link.clone(), dir.path().join(".").join("es.txt")] {
            let e = write_file(out.to_str().unwrap(), b"report", &inputs).unwrap_err();
            assert!(e.problem.contains("input file"), "{e}");
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "texto");
        let other = dir.path().join("report.txt");
        write_file(other.to_str().unwrap(), b"report", &inputs).unwrap();
        assert_eq!(std::fs::read(&other).unwrap(), b"report");
    }
}
