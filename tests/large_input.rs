//! The largest input cotejo reads: past the limit a one-line error, exit 2,
//! and the file is not read whole into memory first.

use std::process::Command;

#[test]
fn a_file_over_the_limit_is_refused_with_the_limit_named() {
    let dir = std::env::temp_dir().join(format!("cotejo-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    // Sparse: 65 MiB on paper, nothing on disk.
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(cotejo::read::MAX_INPUT_BYTES + (1 << 20))
        .unwrap();
    let small = dir.join("en.txt");
    std::fs::write(&small, "The government announced new measures on Thursday.").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cotejo"))
        .args(["check", big.to_str().unwrap(), small.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("big.txt") && stderr.contains("larger than the 64 MiB limit"),
        "{stderr}"
    );
}
