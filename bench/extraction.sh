#!/usr/bin/env bash
# Speed benchmark: trafilatura `extract()` vs our HTML extractor on the scrapinghub
# article-extraction pages. Run from the repo root:
#   bash bench/extraction.sh [path/to/scrapinghub]
# Prints pages/s for both and the ratio. Not a test: timings depend on the machine.
set -euo pipefail

DATA="${1:-../shared/eval/extraction/scrapinghub}"
if [ ! -f "$DATA/ground-truth.json" ]; then
    echo "no ground-truth.json under $DATA" >&2
    exit 1
fi
DATA="$(cd "$DATA" && pwd)"
REPS="${REPS:-5}"
VENV="target/bench-venv"

# (a) a venv with trafilatura, made once.
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import trafilatura, lxml_html_clean" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet trafilatura lxml_html_clean
fi

# (b) trafilatura: decompress everything first, then time extract() in one process.
echo "== trafilatura"
"$VENV/bin/python" - "$DATA" <<'PY'
import gzip, json, os, sys, time
import trafilatura

data = sys.argv[1]
gold = json.load(open(os.path.join(data, "ground-truth.json"), encoding="utf-8"))
pages = []
for pid in sorted(gold):
    with gzip.open(os.path.join(data, "html", pid + ".html.gz"), "rb") as f:
        pages.append((pid, f.read().decode("utf-8", errors="replace"), gold[pid].get("url")))
total = sum(len(h.encode("utf-8")) for _, h, _ in pages)
start = time.perf_counter()
out = {}
for pid, html, url in pages:
    out[pid] = trafilatura.extract(html, url=url) or ""
elapsed = time.perf_counter() - start
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {total / 1e6:.1f} MB, "
      f"{elapsed:.3f} s, {len(pages) / elapsed:.1f} pages/s")
print(f"TRAFILATURA_SECONDS={elapsed:.6f}")
PY
