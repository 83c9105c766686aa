#!/usr/bin/env python3
"""Recall of number and date checks on real translation errors.

Usage: scripts/check-real-errors.py PAIRS_DIR [--cotejo PATH] [--source es|en]

PAIRS_DIR is built by ../shared/eval/real/debian_news.py OUT --real-errors (OUT/pairs): Debian news
pages whose Spanish translation has curated number errors listed in each pair's expect.tsv
("es:PARAGRAPH<TAB>number<TAB>note"). English is the original, so the default source is en.
Prints each missed error and each number/date finding outside the expected paragraphs (some of
those are real errors the curated list does not hold), then the totals.
"""
import argparse, glob, json, os, subprocess

ap = argparse.ArgumentParser()
ap.add_argument("pairs")
ap.add_argument("--cotejo", default="target/release/cotejo")
ap.add_argument("--source", default="en", choices=["en", "es"])
a = ap.parse_args()
found = total = other = 0
for d in sorted(glob.glob(os.path.join(a.pairs, "*"))):
    expected = []
    if os.path.exists(os.path.join(d, "expect.tsv")):
        for line in open(os.path.join(d, "expect.tsv"), encoding="utf-8"):
            where, _, note = line.rstrip("\n").split("\t")
            expected.append((int(where.split(":")[1]), note))
    files = [os.path.join(d, "en.txt"), os.path.join(d, "es.txt")]
    if a.source == "es":
        files.reverse()
    out = subprocess.run([a.cotejo, "check", *files, "--format", "json", "--fail-on", "never"],
                         capture_output=True, text=True, check=True)
    findings = [f for f in json.loads(out.stdout)["findings"]
                if f["check"] in ("number-mismatch", "date-mismatch") and f["severity"] != "info"]
    side = "target" if a.source == "en" else "source"
    for idx, note in expected:
        total += 1
        if any(idx in f[side] for f in findings):
            found += 1
        else:
            print("MISSED", os.path.basename(d), idx, note)
    for f in findings:
        if not any(i in [e[0] for e in expected] for i in f[side]):
            other += 1
            print("OTHER ", os.path.basename(d), f["severity"], f["message"][:120])
print(f"found {found}/{total} curated errors; {other} other number/date findings")
