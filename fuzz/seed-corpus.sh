#!/usr/bin/env bash
# Builds fuzz/corpus/TARGET/ from the project's fixtures (files that load, and files that
# do not), so fuzzing starts from real inputs.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/{dataset_json,gexf,graphml,gml,node_link,csv,lexicon,session,anchor}
cp "$root"/seeds/negotiations.json "$root"/tests/fixtures/valid/*.json "$root"/tests/fixtures/valid/minimal/dataset.json "$root"/tests/fixtures/invalid/*.json corpus/dataset_json/
cp "$root"/tests/fixtures/graphs/*.gexf corpus/gexf/
cp "$root"/tests/fixtures/graphs/*.graphml corpus/graphml/
cp "$root"/tests/fixtures/graphs/*.gml corpus/gml/
cp "$root"/tests/fixtures/graphs/miserables.json corpus/node_link/
cp "$root"/tests/fixtures/graphs/*.csv corpus/csv/
cp "$root"/assets/lexicon/*.lexicon corpus/lexicon/
printf '{"format":"backchannel-session/1","dataset":"seed","nodes":{"hamas":{"x":1,"y":2,"pinned":true}}}' > corpus/session/minimal.json
head -c 3000 "$root"/seeds/000_*.txt > corpus/anchor/article.txt
