//! The `cotejo` command: parses arguments, runs the library, prints.

use clap::{Parser, Subcommand, ValueEnum};
use cotejo::analyse::language::parse_code;
use cotejo::error::InputError;
use cotejo::eval;
use cotejo::lexicon::Lexicon;
use cotejo::pipeline::{Options, align_files};
use cotejo::report::{self, alignment};
use std::path::Path;
use std::process::ExitCode;

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
    /// A bilingual word list, `source<TAB>target` a line, added to the
    /// bundled lexicon (repeatable). Read as SOURCE-language to TARGET-language.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<String>,
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
    /// Align every pair folder under DIR holding a `gold.tsv` and print link
    /// precision, recall and F1 per pair and overall.
    Eval {
        dir: String,
        #[command(flatten)]
        langs: LangArgs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum AlignFormat {
    Tsv,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("cotejo: {e}");
            ExitCode::from(2)
        }
    }
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
        let text = cotejo::read::read_text(path)?;
        // Without forced languages, a user list is read as Spanish to English.
        let (s, t) = (source_lang.unwrap_or("es"), target_lang.unwrap_or("en"));
        lexicons.push(Lexicon::parse(&text, s, t, path)?);
    }
    Ok(Options {
        source_lang: source_lang.map(str::to_string),
        target_lang: target_lang.map(str::to_string),
        lexicons,
    })
}

fn emit(output: Option<&str>, content: &str) -> Result<(), InputError> {
    match output {
        Some(path) => report::write_atomic(path, content.as_bytes()),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = out.write_all(content.as_bytes()).and_then(|_| out.flush());
            Ok(())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, InputError> {
    match cli.command {
        Command::Align {
            source,
            target,
            format,
            output,
            langs,
        } => {
            let pair = align_files(&source, &target, &options(&langs)?)?;
            let text = match format {
                AlignFormat::Tsv => alignment::tsv(&pair),
                AlignFormat::Json => format!("{:#}\n", alignment::json(&pair)),
            };
            emit(output.as_deref(), &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { dir, langs } => {
            let opts = options(&langs)?;
            let root = Path::new(&dir);
            let pairs = eval::find_pairs(root)?;
            if pairs.is_empty() {
                return Err(InputError::new(
                    &dir,
                    "holds no pair folder with a gold.tsv",
                ));
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
            emit(None, &out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn row(r: &eval::PairResult) -> String {
    format!(
        "{:<40} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6.3}\n",
        r.name,
        r.gold,
        r.precision(),
        r.recall(),
        r.f1(),
        r.lang_accuracy()
    )
}
