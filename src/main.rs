//! The `cotejo` command: parses arguments, runs the library, prints.

use clap::{Parser, Subcommand, ValueEnum};
use cotejo::analyse::language::parse_code;
use cotejo::batch;
use cotejo::checks::{REGISTRY, Severity};
use cotejo::error::InputError;
use cotejo::eval;
use cotejo::lexicon::Lexicon;
use cotejo::output::{self, Failure, Inputs, Stdout, escape, say};
use cotejo::pipeline::{Checker, Options, align_files, check_files};
use cotejo::report::findings::Style;
use cotejo::report::{self, alignment, findings};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

// mimalloc: a batch allocates many small strings (tokens, keys) per pair;
// the system allocator was a fifth of the run, mimalloc about a twentieth.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Checks a translation against its original: aligns them paragraph by
/// paragraph and flags what a careful bilingual editor would flag.
#[derive(Parser)]
#[command(name = "cotejo", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct LangArgs {
    /// Language of SOURCE (ISO 639-1, e.g. es); detected when not given.
    #[arg(long, value_name = "CODE")]
    source_lang: Option<String>,
    /// Language of TARGET (ISO 639-1, e.g. en); detected when not given.
    #[arg(long, value_name = "CODE")]
    target_lang: Option<String>,
    /// A bilingual word list added to the bundled lexicon (repeatable): TSV
    /// (`source<TAB>target`), a FreeDict `.index`, or an Apertium `lt-print`
    /// dump. Its languages come from the file name (`fr-en.tsv`,
    /// `freedict-spa-eng.index`), else SOURCE to TARGET. See docs/lexicons.md.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<String>,
    /// Leave out the bundled lexicon (use only --lexicon lists, or none).
    #[arg(long)]
    no_bundled_lexicon: bool,
    /// How to read the files: `auto` goes by extension (.html, .htm, .xhtml;
    /// .xlf, .xliff, .tmx, .po) and content (`<!doctype html`, `<html`,
    /// `<xliff`, `<tmx`), else plain text. A bilingual file (xliff, tmx, po)
    /// is given alone: `cotejo check FILE`.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputArg::Auto)]
    input: InputArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    /// By extension and content.
    Auto,
    /// Plain text, paragraphs separated by blank lines.
    Text,
    /// A saved web page.
    Html,
    /// XLIFF 1.2 or 2.0 (bilingual).
    Xliff,
    /// TMX 1.4b (bilingual).
    Tmx,
    /// A gettext PO file (bilingual).
    Po,
}

impl InputArg {
    fn format(self) -> cotejo::read::InputFormat {
        use cotejo::read::InputFormat;
        match self {
            InputArg::Auto => InputFormat::Auto,
            InputArg::Text => InputFormat::Text,
            InputArg::Html => InputFormat::Html,
            InputArg::Xliff => InputFormat::Xliff,
            InputArg::Tmx => InputFormat::Tmx,
            InputArg::Po => InputFormat::Po,
        }
    }
}

/// What `check` and `batch` share.
#[derive(clap::Args)]
struct CheckArgs {
    /// A glossary (TSV or TBX) whose entries add to and replace the bundled
    /// ones (repeatable).
    #[arg(long, value_name = "FILE")]
    glossary: Vec<String>,
    /// Exit with status 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    #[command(flatten)]
    langs: LangArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Align SOURCE and TARGET paragraph by paragraph.
    Align {
        /// The original (`-` for stdin).
        source: String,
        /// The translation (`-` for stdin).
        target: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AlignFormat::Tsv)]
        format: AlignFormat,
        /// Write to FILE instead of stdout (atomically: all or nothing).
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
        #[command(flatten)]
        langs: LangArgs,
    },
    /// Align SOURCE and TARGET and flag what a careful bilingual editor would:
    /// omissions, additions, untranslated text, changed numbers, dates and
    /// names, mistranslated and inconsistent terms. Given one bilingual file
    /// (XLIFF, TMX, PO), checks each of its units as given.
    Check {
        /// The original (`-` for stdin), or a bilingual file alone.
        source: String,
        /// The translation (`-` for stdin); none for a bilingual file.
        target: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Write to FILE instead of stdout (atomically: all or nothing).
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
        #[command(flatten)]
        checking: CheckArgs,
    },
    /// Check many pairs in one run, in parallel: from a manifest, a directory
    /// of pair folders, or JSON lines on stdin.
    Batch {
        /// A file listing `SOURCE<TAB>TARGET[<TAB>ID]`, paths relative to it;
        /// a bilingual file (.xlf, .xliff, .tmx, .po) stands alone on its
        /// line (`FILE[<TAB><TAB>ID]`).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["dir", "jsonl"])]
        manifest: Option<String>,
        /// A directory holding one folder per pair.
        #[arg(long, value_name = "DIR", conflicts_with = "jsonl")]
        dir: Option<String>,
        /// Read `{"id", "source", "target"}` lines from stdin (`-`) and write
        /// one JSON report per line to stdout, in order.
        #[arg(long, value_name = "-")]
        jsonl: Option<String>,
        /// With --dir: the source file of a pair folder (with --target-glob;
        /// without both, a folder's source is the file its README names as
        /// `source FILE`, else `es.txt`, else the `.txt` that is not `en.txt`).
        #[arg(long, value_name = "GLOB", requires = "target_glob")]
        source_glob: Option<String>,
        /// With --dir: the target file of a pair folder.
        #[arg(long, value_name = "GLOB", requires = "source_glob")]
        target_glob: Option<String>,
        /// Pairs checked at once (default: one per core; at most 4 per core).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Also write an HTML index, one HTML report per pair and summary.json here.
        /// Not with --jsonl.
        #[arg(long, value_name = "DIR", conflicts_with = "jsonl")]
        report: Option<String>,
        /// stdout: `jsonl` (one report per pair) or `summary` (a TSV line per pair).
        #[arg(long, value_enum, default_value_t = BatchFormat::Jsonl)]
        format: BatchFormat,
        #[command(flatten)]
        checking: CheckArgs,
    },
    /// List every check with its documentation.
    Checks {
        /// `text` for a terminal, `markdown` for docs/checks.md.
        #[arg(long, value_enum, default_value_t = ChecksFormat::Text)]
        format: ChecksFormat,
    },
    /// Align every pair folder under DIR holding a `gold.tsv` and print link
    /// precision, recall and F1 per pair and overall.
    Eval {
        dir: String,
        #[command(flatten)]
        langs: LangArgs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Findings grouped by aligned pair, for a terminal.
    Text,
    /// The `cotejo.report/1` report.
    Json,
    /// A self-contained page, the texts side by side with findings in place.
    Html,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML: one test case per check.
    Junit,
    /// TMX 1.4b of the aligned content pairs.
    Tmx,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormat {
    Jsonl,
    Summary,
}

#[derive(Clone, Copy, ValueEnum)]
enum ChecksFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum AlignFormat {
    /// `SRC<TAB>TGT<TAB>SCORE`, a link a line.
    Tsv,
    /// Documents and links with kinds and score components.
    Json,
    /// TMX 1.4b of the aligned content pairs.
    Tmx,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help, --version: what was asked for, on stdout.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            say(one_line(&e.render().to_string()));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        // Whoever read stdout has gone (`| head -1`): end quietly, with
        // status 0, as ripgrep does (docs/robustness.md).
        Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Input(e)) => {
            say(e);
            ExitCode::from(2)
        }
    }
}

/// A usage error on one line: clap's message and its possible values,
/// without the usage block (log parsers and CI read one line).
fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
        })
        .map(|l| l.strip_prefix("error: ").unwrap_or(l))
        .collect();
    format!("{} (see cotejo --help)", parts.join(" "))
}

fn options(langs: &LangArgs) -> Result<Options, InputError> {
    let source_lang = langs
        .source_lang
        .as_deref()
        .map(|c| parse_code("--source-lang", c))
        .transpose()?;
    let target_lang = langs
        .target_lang
        .as_deref()
        .map(|c| parse_code("--target-lang", c))
        .transpose()?;
    let mut lexicons = Vec::new();
    for path in &langs.lexicon {
        // A file name without a language pair is read as the pair given, or Spanish to English.
        let default = (source_lang.unwrap_or("es"), target_lang.unwrap_or("en"));
        lexicons.push(Lexicon::load(path, default)?);
    }
    Ok(Options {
        source_lang: source_lang.map(str::to_string),
        target_lang: target_lang.map(str::to_string),
        lexicons,
        no_bundled_lexicon: langs.no_bundled_lexicon,
        input: langs.input.format(),
    })
}

/// The files a command reads, which its output may never replace; checked
/// against `-o` (or standard output) before any work is done.
fn guard(
    output: Option<&str>,
    files: &[&str],
    more: &[String],
    langs: &LangArgs,
) -> Result<Inputs, InputError> {
    let mut inputs = Inputs::default();
    for path in files
        .iter()
        .copied()
        .chain(more.iter().chain(&langs.lexicon).map(String::as_str))
    {
        inputs.add(path);
    }
    match output {
        Some(path) => inputs.check_output(path)?,
        None => inputs.check_stdout()?,
    }
    Ok(inputs)
}

fn emit(output: Option<&str>, content: &str, inputs: &Inputs) -> Result<(), Failure> {
    match output {
        Some(path) => Ok(output::write_file(path, content.as_bytes(), inputs)?),
        None => Stdout::new().write(content),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Align {
            source,
            target,
            format,
            output,
            langs,
        } => {
            let inputs = guard(output.as_deref(), &[&source, &target], &[], &langs)?;
            let pair = align_files(&source, &target, &options(&langs)?)?;
            let text = match format {
                AlignFormat::Tsv => alignment::tsv(&pair),
                AlignFormat::Json => format!("{:#}\n", alignment::json(&pair)),
                AlignFormat::Tmx => report::tmx::tmx(&pair),
            };
            emit(output.as_deref(), &text, &inputs)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            source,
            target,
            format,
            output,
            checking:
                CheckArgs {
                    glossary,
                    fail_on,
                    langs,
                },
        } => {
            let (inputs, (pair, found)) = match &target {
                Some(target) => {
                    let inputs = guard(output.as_deref(), &[&source, target], &glossary, &langs)?;
                    (
                        inputs,
                        check_files(&source, target, &options(&langs)?, &glossary)?,
                    )
                }
                None => {
                    let inputs = guard(output.as_deref(), &[&source], &glossary, &langs)?;
                    let checker = Checker::new(options(&langs)?, &glossary)?;
                    (inputs, checker.check_file(&source)?)
                }
            };
            let text = match format {
                CheckFormat::Json => format!("{:#}\n", findings::json(&pair, &found)),
                CheckFormat::Html => report::html::html(&pair, &found),
                CheckFormat::Sarif => format!("{:#}\n", report::sarif::sarif(&pair, &found)),
                CheckFormat::Junit => report::junit::junit(&pair, &found, fail_on.threshold()),
                CheckFormat::Tmx => report::tmx::tmx(&pair),
                CheckFormat::Text => {
                    let color = output.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
                    findings::text(
                        &pair,
                        &found,
                        if color { Style::Color } else { Style::Plain },
                    )
                }
            };
            emit(output.as_deref(), &text, &inputs)?;
            let failing = fail_on
                .threshold()
                .is_some_and(|t| found.iter().any(|f| f.severity >= t));
            Ok(if failing {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Batch {
            manifest,
            dir,
            jsonl,
            source_glob,
            target_glob,
            jobs,
            report,
            format,
            checking:
                CheckArgs {
                    glossary,
                    fail_on,
                    langs,
                },
        } => {
            let checker = Checker::new(options(&langs)?, &glossary)?;
            let mut pool = rayon::ThreadPoolBuilder::new();
            if let Some(n) = jobs {
                pool = pool.num_threads(batch::jobs(n));
            }
            let pool = pool
                .build()
                .map_err(|e| InputError::new("--jobs", e.to_string()))?;
            if let Some(input) = jsonl {
                if input != "-" {
                    return Err(Failure::from(InputError::new(
                        "--jsonl",
                        "reads standard input only: pass -",
                    )));
                }
                let status = pool.install(|| batch_jsonl(&checker, fail_on.threshold()))?;
                return Ok(ExitCode::from(status));
            }
            let inputs = match (&manifest, &dir) {
                (Some(m), _) => batch::from_manifest(m)?,
                (None, Some(d)) => {
                    batch::from_dir(d, source_glob.as_deref().zip(target_glob.as_deref()))?
                        .into_iter()
                        .map(Ok)
                        .collect()
                }
                (None, None) => {
                    return Err(Failure::from(InputError::new(
                        "batch",
                        "give --manifest FILE, --dir DIR or --jsonl -",
                    )));
                }
            };
            let mut files: Vec<&str> = manifest.as_deref().into_iter().collect();
            for input in inputs.iter().flatten() {
                match &input.texts {
                    batch::Texts::Files { source, target } => {
                        files.extend([source.as_str(), target.as_str()]);
                    }
                    batch::Texts::Bilingual { path } => files.push(path.as_str()),
                    batch::Texts::Inline { .. } => {}
                }
            }
            let guarded = guard(None, &files, &glossary, &langs)?;
            let report_dir = report
                .as_deref()
                .map(|dir| batch::ReportDir::create(dir, inputs.len(), guarded))
                .transpose()?;
            let bar = progress_bar(inputs.len() as u64);
            let tick = || {
                if let Some(b) = &bar {
                    b.inc(1);
                }
            };
            let mut out = Stdout::new();
            let tally = pool.install(|| {
                batch::stream(
                    &checker,
                    inputs.into_iter(),
                    report_dir.is_some(),
                    &tick,
                    |n, r| {
                        if let Some(error) = &r.error {
                            say(format_args!("pair {}: {error}", r.done.id));
                        }
                        if let (Some(dir), Some(html)) = (&report_dir, &r.html) {
                            dir.write_pair(n, html)?;
                        }
                        let line = match format {
                            BatchFormat::Jsonl => r.report.clone(),
                            BatchFormat::Summary => summary_line(&r.done),
                        };
                        out.line(&line)
                    },
                )
            })?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            if let Some(dir) = report_dir {
                dir.finish(&tally.rows)?;
            }
            Ok(ExitCode::from(tally.exit_status(fail_on.threshold())))
        }
        Command::Checks { format } => {
            Stdout::new().write(&checks_doc(format))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { dir, langs } => {
            let opts = options(&langs)?;
            let root = Path::new(&dir);
            let pairs = eval::find_pairs(root)?;
            if pairs.is_empty() {
                return Err(Failure::from(InputError::new(
                    &dir,
                    "holds no pair folder with a gold.tsv",
                )));
            }
            let mut results = Vec::new();
            let mut out = format!(
                "{:<40} {:>6} {:>6} {:>6} {:>6}\n",
                "pair", "links", "P", "R", "F1"
            );
            for p in &pairs {
                let r = eval::eval_pair(p, root, &opts)?;
                out.push_str(&row(&r));
                results.push(r);
            }
            out.push_str(&row(&eval::total(&results)));
            Stdout::new().write(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A progress bar on stderr, only when stderr is a terminal.
fn progress_bar(len: u64) -> Option<indicatif::ProgressBar> {
    std::io::stderr()
        .is_terminal()
        .then(|| indicatif::ProgressBar::new(len))
}

/// `batch --jsonl -`: reads lines from stdin, checks them a chunk at a time
/// in parallel and writes one report a line, in order, so memory stays flat
/// however long the stream. Returns the exit status.
fn batch_jsonl(checker: &Checker, threshold: Option<Severity>) -> Result<u8, Failure> {
    let mut read_error = None;
    let mut stdin = std::io::stdin().lock();
    let mut n = 0;
    let inputs = std::iter::from_fn(|| {
        loop {
            n += 1;
            let line = match batch::read_line(&mut stdin, batch::MAX_JSON_LINE) {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(e) => {
                    read_error = Some(InputError::new(
                        "-",
                        format!("cannot read standard input: {e}"),
                    ));
                    return None;
                }
            };
            let fail = |problem: String| {
                let id = format!("line {n}");
                Some(Err((id.clone(), InputError::new(id, problem))))
            };
            return match line {
                batch::Line::Text(t) if t.trim().is_empty() => continue,
                batch::Line::Text(t) => Some(batch::from_json_line(&t, n)),
                batch::Line::TooLong => fail(format!(
                    "is longer than the {} MiB limit for one JSON line",
                    batch::MAX_JSON_LINE >> 20
                )),
                batch::Line::NotUtf8 => fail("is not valid UTF-8".into()),
            };
        }
    });
    let mut out = Stdout::new();
    let tally = batch::stream(checker, inputs, false, &|| {}, |_, r| out.line(&r.report))?;
    if let Some(e) = read_error {
        return Err(e.into());
    }
    Ok(tally.exit_status(threshold))
}

/// `batch --format summary`: `ID<TAB>ERRORS<TAB>WARNINGS<TAB>NOTES<TAB>SCORE`,
/// or `ID<TAB>error<TAB>REASON` for a pair that failed. Ids and reasons are
/// escaped: no tab or newline in them can forge a field or a row, and no
/// control character reaches the terminal.
fn summary_line(d: &batch::Done) -> String {
    let r = &d.row;
    let id = escape(&d.id);
    if d.failed {
        format!("{id}\terror\t{}", escape(r["error"].as_str().unwrap_or("")))
    } else {
        format!(
            "{id}\t{}\t{}\t{}\t{}",
            r["errors"], r["warnings"], r["infos"], r["score"]
        )
    }
}

/// The registry's documentation, for a terminal or as docs/checks.md.
fn checks_doc(format: ChecksFormat) -> String {
    match format {
        ChecksFormat::Text => {
            REGISTRY
                .iter()
                .map(|c| format!("{:<24} {}\n", c.name, c.summary()))
                .collect::<String>()
                + "\nRun `cotejo checks --format markdown` for the full documentation.\n"
        }
        ChecksFormat::Markdown => cotejo::checks::markdown(),
    }
}

fn row(r: &eval::PairResult) -> String {
    format!(
        "{:<40} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6.3}\n",
        escape(&r.name),
        r.gold,
        r.precision(),
        r.recall(),
        r.f1(),
        r.lang_accuracy()
    )
}
