#!/usr/bin/env bash
# Fuzzes every target for MINUTES minutes each (default 2), starting from the seed corpus
# built from tests/fixtures. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Crashes land in fuzz/artifacts/TARGET/; each one found becomes a regression test in
# tests/it/hostile.rs.
set -euo pipefail
cd "$(dirname "$0")"
minutes="${1:-2}"
seconds=$((minutes * 60))
targets=(dataset_json gexf graphml gml node_link csv lexicon session anchor)
./seed-corpus.sh
for target in "${targets[@]}"; do
  echo "== $target: ${minutes} min"
  cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 2>&1 | tail -n 3
done
