//! Output that never loses a file, never hides a failed write and never lets
//! a document drive the terminal: what `tests/cmd/` cannot pin (hard links,
//! devices, FIFOs, planted symlinks, a full disk, a closed pipe, file names
//! with control characters).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ES: &str = "Las inundaciones dejan 12 muertos en el sur de Brasil\n\nLas lluvias torrenciales dejaron al menos 12 muertos y obligaron a evacuar a más de 3.000 personas, informó el lunes la Defensa Civil.\n";
const EN: &str = "Floods leave 12 dead in southern Brazil\n\nTorrential rains left at least 12 people dead and forced more than 3,000 people to evacuate, Civil Defense said on Monday.\n";

fn cotejo() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cotejo"))
}

/// A fresh folder holding `es.txt` and `en.txt`.
fn pair_dir() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (es, en) = (dir.path().join("es.txt"), dir.path().join("en.txt"));
    std::fs::write(&es, ES).unwrap();
    std::fs::write(&en, EN).unwrap();
    (dir, es, en)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 2 with exactly one line on stderr holding `needle`.
fn assert_one_line_error(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{err}");
}

#[test]
fn an_input_is_never_replaced_by_any_name() {
    let (dir, es, en) = pair_dir();
    let hard = dir.path().join("hard-link.txt");
    std::fs::hard_link(&es, &hard).unwrap();
    let symlink = dir.path().join("symlink.txt");
    std::os::unix::fs::symlink(&en, &symlink).unwrap();
    let dotted = dir.path().join(".").join("es.txt");
    for (command, out) in [
        ("check", &hard),
        ("align", &hard),
        ("check", &symlink),
        ("align", &dotted),
    ] {
        let run = cotejo()
            .args([command, s(&es), s(&en), "-o", s(out)])
            .output()
            .unwrap();
        assert_one_line_error(&run, "is the input file");
        assert!(stderr(&run).contains(s(out)), "names the file");
    }
    // A glossary is an input too.
    let glossary = dir.path().join("glossary.tsv");
    std::fs::write(&glossary, "lluvias\trains\n").unwrap();
    let run = cotejo()
        .args(["check", s(&es), s(&en), "--glossary", s(&glossary)])
        .args(["-o", s(&glossary)])
        .output()
        .unwrap();
    assert_one_line_error(&run, "is an input file");
    assert_eq!(std::fs::read_to_string(&es).unwrap(), ES);
    assert_eq!(std::fs::read_to_string(&en).unwrap(), EN);
    assert_eq!(
        std::fs::read_to_string(&glossary).unwrap(),
        "lluvias\trains\n"
    );
    assert!(std::fs::symlink_metadata(&symlink).unwrap().is_symlink());
}

#[test]
fn standard_output_appending_to_an_input_is_refused() {
    let (_dir, es, en) = pair_dir();
    let append = std::fs::OpenOptions::new().append(true).open(&es).unwrap();
    let run = cotejo()
        .args(["check", s(&es), s(&en)])
        .stdout(append)
        .output()
        .unwrap();
    assert_one_line_error(&run, "standard output: is the input file");
    assert_eq!(std::fs::read_to_string(&es).unwrap(), ES);
}

#[test]
fn a_batch_report_never_replaces_an_input() {
    let (dir, es, en) = pair_dir();
    let report = dir.path().join("report");
    std::fs::create_dir_all(&report).unwrap();
    // A pair whose target is a hard link to the report's summary.json.
    let summary = report.join("summary.json");
    std::fs::hard_link(&en, &summary).unwrap();
    let manifest = dir.path().join("manifest.tsv");
    std::fs::write(&manifest, "es.txt\treport/summary.json\tpair\n").unwrap();
    let run = cotejo()
        .args(["batch", "--manifest", s(&manifest), "--report", s(&report)])
        .output()
        .unwrap();
    assert_one_line_error(&run, "summary.json: is ");
    assert!(stderr(&run).contains("an output never replaces an input"));
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), EN);
    // Nor the manifest itself.
    std::fs::remove_file(&summary).unwrap();
    std::fs::write(&manifest, format!("{}\t{}\tpair\n", s(&es), s(&en))).unwrap();
    std::fs::hard_link(&manifest, &summary).unwrap();
    let run = cotejo()
        .args(["batch", "--manifest", s(&manifest), "--report", s(&report)])
        .output()
        .unwrap();
    assert_one_line_error(&run, "summary.json: is ");
    assert!(stderr(&run).contains("an output never replaces an input"));
    assert!(
        std::fs::read_to_string(&manifest)
            .unwrap()
            .ends_with("\tpair\n")
    );
}

#[test]
fn a_device_or_fifo_is_written_through_and_a_directory_refused() {
    let (dir, es, en) = pair_dir();
    let run = cotejo()
        .args(["check", s(&es), s(&en), "-o", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let run = cotejo()
        .args(["align", s(&es), s(&en), "-o", s(&fifo)])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    // Still a FIFO (checked first: were it replaced, the reader would wait
    // for ever).
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(reader.join().unwrap().starts_with("0\t0\t"));

    let run = cotejo()
        .args(["check", s(&es), s(&en), "-o", s(dir.path())])
        .output()
        .unwrap();
    assert_one_line_error(&run, "is a directory");

    // A device that fails the write is an error naming it.
    let run = cotejo()
        .args(["check", s(&es), s(&en), "-o", "/dev/full"])
        .output()
        .unwrap();
    assert_one_line_error(&run, "/dev/full: cannot write: No space left on device");
}

#[test]
fn a_symlink_planted_at_the_old_temporary_name_is_not_followed() {
    let (dir, _es, en) = pair_dir();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let out = dir.path().join("report.json");
    // The source comes on stdin, so the process waits while the trap is set
    // at the temporary name it used to write (`.NAME.cotejo-PID.tmp`).
    let mut child = cotejo()
        .args(["check", "-", s(&en), "--format", "json", "-o", s(&out)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let trap = dir
        .path()
        .join(format!(".report.json.cotejo-{}.tmp", child.id()));
    std::os::unix::fs::symlink(&victim, &trap).unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ES.as_bytes())
        .unwrap();
    let run = child.wait_with_output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let meta = std::fs::symlink_metadata(&out).unwrap();
    assert!(meta.is_file(), "the report is a file of its own");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("cotejo.report/1")
    );
    // No temporary file is left beside it (the trap is the test's own).
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") && !n.contains(".cotejo-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_replaced_report_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, es, en) = pair_dir();
    let out = dir.path().join("report.txt");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = cotejo()
        .args(["check", s(&es), s(&en), "-o", s(&out)])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert!(std::fs::read_to_string(&out).unwrap().contains("0 errors"));
}

fn manifest(dir: &Path) -> PathBuf {
    let m = dir.join("manifest.tsv");
    std::fs::write(&m, "es.txt\ten.txt\tone\nes.txt\ten.txt\ttwo\n").unwrap();
    m
}

#[test]
fn a_full_disk_on_stdout_is_an_error_in_every_command() {
    let (dir, es, en) = pair_dir();
    let m = manifest(dir.path());
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", s(&es), s(&en)],
        vec!["check", s(&es), s(&en), "--format", "json"],
        vec!["check", s(&es), s(&en), "--format", "html"],
        vec!["align", s(&es), s(&en)],
        vec!["align", s(&es), s(&en), "--format", "json"],
        vec!["batch", "--manifest", s(&m)],
        vec!["batch", "--manifest", s(&m), "--format", "summary"],
        vec!["checks"],
    ];
    for args in runs {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let run = cotejo().args(&args).stdout(full).output().unwrap();
        assert_one_line_error(&run, "standard output: cannot write");
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = cotejo()
        .args(["batch", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = serde_json::json!({"id": "a", "source": ES, "target": EN}).to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{line}\n").as_bytes())
        .unwrap();
    assert_one_line_error(
        &child.wait_with_output().unwrap(),
        "standard output: cannot write",
    );
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let (dir, es, en) = pair_dir();
    let m = manifest(dir.path());
    // One finding at least, so `check` alone would exit 1.
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, EN.replace("3,000", "30,000")).unwrap();
    let line = serde_json::json!({"id": "a", "source": ES, "target": EN}).to_string();
    let runs: Vec<(Vec<&str>, String)> = vec![
        (vec!["check", s(&es), s(&wrong)], String::new()),
        (vec!["align", s(&es), s(&en)], String::new()),
        (vec!["batch", "--manifest", s(&m)], String::new()),
        (vec!["batch", "--jsonl", "-"], format!("{line}\n{line}\n")),
    ];
    for (args, input) in runs {
        let mut child = cotejo()
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before anything is written.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.as_bytes()).unwrap();
        drop(stdin);
        let run = child.wait_with_output().unwrap();
        assert_eq!(run.status.code(), Some(0), "{args:?}: {}", stderr(&run));
        assert_eq!(stderr(&run), "", "{args:?}");
    }
}

#[test]
fn a_stderr_that_cannot_be_written_is_no_panic() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let run = cotejo()
        .args(["check", "no-such-file.txt", "other.txt"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn control_characters_in_paths_and_ids_are_escaped() {
    let (dir, es, en) = pair_dir();
    let evil = dir.path().join("no-such\x1b]0;owned\x07\u{202e}txt.exe");
    let run = cotejo().args(["check", s(&evil), s(&en)]).output().unwrap();
    let err = stderr(&run);
    assert_one_line_error(
        &run,
        "no-such\\x1b]0;owned\\x07\\u{202e}txt.exe: no such file",
    );
    assert!(
        !err.contains('\x1b') && !err.contains('\u{202e}'),
        "{err:?}"
    );

    // The text report's header names the files as they are spelled.
    let named = dir.path().join("es\x1b[2J.txt");
    std::fs::copy(&es, &named).unwrap();
    let run = cotejo()
        .args(["check", s(&named), s(&en)])
        .output()
        .unwrap();
    let out = String::from_utf8(run.stdout).unwrap();
    assert!(
        out.starts_with(&format!("{}/es\\x1b[2J.txt (es,", s(dir.path()))),
        "{out}"
    );
    assert!(!out.contains('\x1b'));

    // A folder name cannot forge a row or a field of the batch summary,
    // nor a failed pair's line on stderr.
    let root = dir.path().join("pairs");
    for (name, target) in [
        ("a\tforged\t9\t9\t9\t1", EN),
        ("b\nforged\t9", EN),
        ("c\x1b[1m", ""),
    ] {
        let folder = root.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("es.txt"), ES).unwrap();
        std::fs::write(folder.join("en.txt"), target).unwrap();
    }
    let run = cotejo()
        .args(["batch", "--dir", s(&root), "--format", "summary"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let out = String::from_utf8(run.stdout.clone()).unwrap();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert_eq!(rows[0][0], "a\\tforged\\t9\\t9\\t9\\t1");
    assert_eq!(rows[1][0], "b\\nforged\\t9");
    assert_eq!(rows[2][0], "c\\x1b[1m");
    assert_eq!(rows[2][1], "error");
    assert!(rows[..2].iter().all(|r| r.len() == 5), "{rows:?}");
    assert!(
        rows[2].len() == 3 && !rows[2][2].contains('\x1b'),
        "{rows:?}"
    );
    let err = stderr(&run);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("cotejo: pair c\\x1b[1m: ") && !err.contains('\x1b'),
        "{err:?}"
    );
}

#[test]
fn control_characters_in_documents_are_escaped_in_the_text_report() {
    let dir = tempfile::tempdir().unwrap();
    let (es, en) = (dir.path().join("es.txt"), dir.path().join("en.txt"));
    std::fs::write(
        &es,
        "Las lluvias dejaron 20.000 damnificados\x1b[H en Chiapas\ny Tabasco, informó \u{202e}Protección Civil.\n",
    )
    .unwrap();
    std::fs::write(
        &en,
        "The rains left 2,000 people\x1b]P\x07 affected in Chiapas and Tabasco, Civil Protection reported.\n",
    )
    .unwrap();
    let run = cotejo()
        .args(["check", s(&es), s(&en), "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let out = String::from_utf8(run.stdout).unwrap();
    assert!(
        !out.contains(['\x1b', '\x07', '\u{202e}']),
        "raw control characters: {out:?}"
    );
    // Escaped where they stood, the paragraph's line break read as a space,
    // the number-mismatch span still marked.
    assert!(
        out.contains("damnificados\\x1b[H en Chiapas y Tabasco, informó \\u{202e}Protección"),
        "{out}"
    );
    assert!(
        out.contains("[[2,000]] people\\x1b]P\\x07 affected"),
        "{out}"
    );
    assert!(out.contains("number-mismatch"), "{out}");
}
