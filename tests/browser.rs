//! The HTML report in a real browser: headless Chromium renders the report
//! of the bundled pair and of a hostile pair, the test reads the DOM after
//! scripts ran, and a screenshot is kept under `target/browser/`. `.ci/run`
//! installs Debian's `chromium`; where it is absent the test says so and
//! checks nothing else.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|dir| Path::new(dir).join(name))
                .find(|p| p.is_file())
        })
}

fn headless(browser: &Path, profile: &Path, extra: &[&str], page: &Path) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn report(dir: &Path, name: &str, es: &str, en: &str) -> PathBuf {
    let (s, t) = (
        dir.join(format!("{name}.es.txt")),
        dir.join(format!("{name}.en.txt")),
    );
    std::fs::write(&s, es).unwrap();
    std::fs::write(&t, en).unwrap();
    let (pair, findings) = cotejo::pipeline::check_files(
        &s.display().to_string(),
        &t.display().to_string(),
        &cotejo::pipeline::Options::default(),
        &[],
    )
    .unwrap();
    let page = dir.join(format!("{name}.html"));
    std::fs::write(&page, cotejo::report::html::html(&pair, &findings)).unwrap();
    page
}

#[test]
fn html_report_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!(
            "browser test skipped: no chromium on PATH (install Debian's `chromium`; .ci/run does)"
        );
        return;
    };
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let profile = out.join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/telemundo-2024-01-19");
    let es = std::fs::read_to_string(corpus.join("es.txt")).unwrap();
    let en = std::fs::read_to_string(corpus.join("en.txt")).unwrap();
    let page = report(&out, "telemundo", &es, &en);

    let dom = headless(&browser, &profile, &["--dump-dom"], &page);
    assert!(
        dom.contains("class=\"js\""),
        "the report's own script did not run"
    );
    assert!(
        dom.contains("<mark class=\"error c-term-mistranslation\""),
        "finding not marked in place"
    );
    assert!(
        dom.contains("term-mistranslation</code>"),
        "finding not listed"
    );
    headless(
        &browser,
        &profile,
        &[
            "--window-size=1400,2000",
            &format!("--screenshot={}", out.join("telemundo.png").display()),
        ],
        &page,
    );
    assert!(out.join("telemundo.png").is_file(), "no screenshot");

    // Hostile text: had it run, it would mark the body.
    let hostile_es = "El alcalde dijo <script>document.body.setAttribute('data-pwned','script')</script> que 34 escuelas <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> cerraron por las lluvias.";
    let hostile_en = "The mayor said <script>document.body.setAttribute('data-pwned','script')</script> that 43 schools <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> closed because of the rains.";
    let page = report(&out, "hostile", hostile_es, hostile_en);
    let dom = headless(&browser, &profile, &["--dump-dom"], &page);
    assert!(
        dom.contains("class=\"js\""),
        "the report's own script did not run"
    );
    assert!(!dom.contains("data-pwned="), "hostile input executed");
    assert!(
        dom.contains("&lt;script&gt;"),
        "hostile input not shown as text"
    );
}
