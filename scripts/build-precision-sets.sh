#!/usr/bin/env bash
# Builds the correct-translation sets whose false alarms docs/evaluation.md
# counts (real pairs, Debian descriptions, all Debian news en->es/fr/pt,
# GNOME help en->fr/de/it, the curated real errors).
# Usage: OUT=target/prec-eval EVAL=../shared/eval scripts/build-precision-sets.sh
# then:  python3 scripts/count-false-alarms.py target/release/cotejo target/prec-eval/news-fr out.tsv
set -eu
EVAL=$(cd "${EVAL:-../shared/eval}" && pwd)
R=$EVAL/real
OUT=$(mkdir -p "${OUT:?set OUT to a scratch folder}" && cd "$OUT" && pwd)
C=$OUT/cache
cd "$OUT"
bash "$R/build_all.sh" real --cache "$C" > real.log 2>&1
python3 "$EVAL/debian-descriptions.py" ddtp > ddtp.log 2>&1
python3 "$R/debian_news.py" news-en-es --docs 0 --en-source > news-en-es.log 2>&1
for l in fr pt; do
  python3 "$R/debian_news.py" news-$l --docs 0 --en-source --data "$R/data/debian-news.$l.jsonl.gz" > news-$l.log 2>&1
done
for l in fr de it; do
  python3 "$R/gnome_help.py" gnome-$l --docs 40 --en-source --lang $l --cache "$C" > gnome-$l.log 2>&1
done
python3 "$R/debian_news.py" real-errors --real-errors > real-errors.log 2>&1
