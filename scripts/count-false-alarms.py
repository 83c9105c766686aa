#!/usr/bin/env python3
"""Error/warning findings of cotejo on correct pairs (sets of scripts/build-precision-sets.sh):
count-false-alarms.py COTEJO DIR OUT.tsv
DIR/pairs/NAME/{es.txt,en.txt,README}; README naming 'source en.txt' makes English the source.
Prints per-check counts and links; OUT.tsv has one row per finding (pair, check, severity, message)."""
import json, os, subprocess, sys, collections
cotejo, root, out = sys.argv[1:4]
pairs = os.path.join(root, "pairs") if os.path.isdir(os.path.join(root, "pairs")) else root
links = 0; per = collections.Counter(); rows = []
for name in sorted(os.listdir(pairs)):
    d = os.path.join(pairs, name)
    readme = open(os.path.join(d, "README")).read() if os.path.exists(os.path.join(d, "README")) else ""
    other = [f for f in os.listdir(d) if f.endswith(".txt") and f != "en.txt"][0]
    src, tgt = ("en.txt", other) if "source en.txt" in readme else (other, "en.txt")
    p = subprocess.run([cotejo, "check", os.path.join(d, src), os.path.join(d, tgt), "--format", "json"],
                       capture_output=True, text=True)
    if p.returncode == 2:
        print("failed:", name, p.stderr.strip(), file=sys.stderr); continue
    rep = json.loads(p.stdout)
    links += len(rep["alignment"])
    for f in rep["findings"]:
        if f["severity"] in ("error", "warning"):
            per[f["check"]] += 1
            rows.append((name, f["check"], f["severity"], f["message"].replace("\t", " ").replace("\n", " ")))
with open(out, "w") as fh:
    for r in rows: fh.write("\t".join(r) + "\n")
total = sum(per.values())
print("%s: %d/%d (%.1f%%) %s" % (root, total, links, 100.0 * total / max(links, 1),
      " ".join("%s=%d" % kv for kv in per.most_common())))
