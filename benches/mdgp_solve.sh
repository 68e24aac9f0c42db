#!/bin/bash
# MDGPLIB through the coordinator's path: `trappa import mdgp` + `trappa solve --time-limit`
# (10 s for n = 120, 30 s for n = 240) on the twelve n = 120/240 instances shipped in
# tests/data/mdgp, each value as a percentage of the published best-known value.
#   bash benches/mdgp_solve.sh [TRAPPA_BINARY]     (default: target/release/trappa)
# Prints one line per instance with the wall time and the load average at its end.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/trappa}
data=$root/tests/data/mdgp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$data"/instances/*_n120_* "$data"/instances/*_n240_*; do
  name=$(basename "$f" .txt)
  case $name in *n120*) limit=10 ;; *) limit=30 ;; esac
  best=$(grep "^$name," "$data/best_known.csv" | cut -d, -f4)
  "$bin" import mdgp "$f" --out "$work/$name.json" >/dev/null
  start=$(date +%s.%N)
  "$bin" solve "$work/$name.json" --out "$work/$name-plan" --time-limit "$limit" --quiet >/dev/null
  end=$(date +%s.%N)
  "$bin" check "$work/$name.json" "$work/$name-plan" >/dev/null
  value=$(grep -o '"diversity": [0-9.]*' "$work/$name-plan/plan.json" | head -1 | cut -d' ' -f2)
  python3 -c "print(f'$name  --time-limit $limit  wall {$end-$start:.1f} s  value {$value}  best-known {$best}  {100*$value/$best:.3f} %  load $(cut -d' ' -f1 /proc/loadavg)')"
done
