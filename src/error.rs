//! Errors that stop a command: bad input or bad usage. Each names the file (or
//! the option) and the problem on one line, and maps to exit status 2.

use std::fmt;

/// An input or usage problem, reported as `cotejo: WHAT: PROBLEM`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file path (or `-` for stdin, or an option name) the problem is about.
    pub what: String,
    /// What is wrong, in words a user understands.
    pub problem: String,
}

impl InputError {
    pub fn new(what: impl Into<String>, problem: impl Into<String>) -> Self {
        InputError {
            what: what.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, always: a multi-line problem would break log parsers.
        let problem = self.problem.replace(['\n', '\r'], " ");
        write!(f, "{}: {}", self.what, problem)
    }
}

impl std::error::Error for InputError {}
