#!/usr/bin/env bash
# Speed benchmark: trafilatura `extract()` vs our HTML extractor on the scrapinghub
# article-extraction pages. Run from the repo root:
#   bash bench/extraction.sh [path/to/scrapinghub]
# Prints pages/s for both and the ratio, by wall time (trafilatura: one pass; ours:
# the median of REPS passes, default 5) and by CPU time (robust when the machine is
# shared). Also scores trafilatura's output with our metric implementation, so both
# F1 figures come from the same scorer. Not a test: timings depend on the machine.
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
    "$VENV/bin/pip" install --quiet "trafilatura==2.0.0" lxml_html_clean
fi

# (b) trafilatura: decompress everything first, then time extract() in one process.
echo "== trafilatura"
TRAF_OUT="target/bench-trafilatura-output.json"
TRAF_LOG="$(mktemp)"
"$VENV/bin/python" - "$DATA" "$TRAF_OUT" <<'PY' | tee "$TRAF_LOG"
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
cpu_start = time.process_time()
out = {}
for pid, html, url in pages:
    out[pid] = trafilatura.extract(html, url=url) or ""
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(out, f)
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {total / 1e6:.1f} MB, "
      f"{elapsed:.3f} s, {len(pages) / elapsed:.1f} pages/s")
print(f"trafilatura CPU time: {cpu:.3f} s ({len(pages) / cpu:.1f} pages/s of CPU)")
print(f"TRAFILATURA_SECONDS={elapsed:.6f}")
print(f"TRAFILATURA_CPU_SECONDS={cpu:.6f}")
PY

# (c) ours: a release bench binary, single thread, decompression not timed.
echo "== parallax"
cargo build --quiet --release -p eval --example bench_extraction
OURS_LOG="$(mktemp)"
target/release/examples/bench_extraction "$DATA" --reps "$REPS" --score-json "$TRAF_OUT" | tee "$OURS_LOG"

T=$(sed -n 's/^TRAFILATURA_SECONDS=//p' "$TRAF_LOG")
P=$(sed -n 's/^PARALLAX_SECONDS=//p' "$OURS_LOG")
TF=$(sed -n 's/^OTHER_F1=//p' "$OURS_LOG")
PF=$(sed -n 's/^PARALLAX_F1=//p' "$OURS_LOG")
TC=$(sed -n 's/^TRAFILATURA_CPU_SECONDS=//p' "$TRAF_LOG")
PC=$(sed -n 's/^PARALLAX_CPU_SECONDS=//p' "$OURS_LOG")
PAGES=$(sed -n 's/^PAGES=//p' "$OURS_LOG")
rm -f "$TRAF_LOG" "$OURS_LOG"
echo "== summary"
awk -v t="$T" -v p="$P" -v tc="$TC" -v pc="$PC" -v tf="$TF" -v pf="$PF" -v n="$PAGES" 'BEGIN {
    printf "                 wall pages/s   CPU pages/s   F1\n"
    printf "trafilatura:     %12.1f  %12.1f   %.4f\n", n / t, n / tc, tf
    printf "parallax:        %12.1f  %12.1f   %.4f\n", n / p, (pc > 0 ? n / pc : 0), pf
    printf "speed-up (wall): %8.1fx\n", t / p
    if (pc > 0) printf "speed-up (CPU):  %8.1fx\n", tc / pc
}'
