//! A failed run writes nothing to `-o`: no half report, no empty file.

use std::process::Command;

#[test]
fn nothing_is_written_when_input_is_bad() {
    let dir = std::env::temp_dir().join(format!("cotejo-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("en.txt");
    std::fs::write(
        &good,
        "The Government announced new measures for the families affected by the rains.",
    )
    .unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"abc\xffdef").unwrap();
    for format in ["json", "html", "sarif", "junit", "tmx", "text"] {
        let out = dir.join(format!("report.{format}"));
        let status = Command::new(env!("CARGO_BIN_EXE_cotejo"))
            .args([
                "check",
                bad.to_str().unwrap(),
                good.to_str().unwrap(),
                "--format",
                format,
                "-o",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&status.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.contains("bad.txt") && stderr.contains("byte offset 3"),
            "{stderr}"
        );
        assert!(
            !out.exists(),
            "{format}: a failed run left {}",
            out.display()
        );
    }
    // And no temporary file is left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
