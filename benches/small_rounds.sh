#!/bin/bash
# Small rounds through the coordinator's path: `trappa solve` (default `auto`, no time limit)
# on the shipped small course round and on generated rounds of 20, 30 and 40 participants
# (Göteborgsregionen, seeds 1–5, with and without one area per term, courses only), each plan
# checked by `trappa check`. The target: the optimum proven by `auto` in at most 1 s.
#   bash benches/small_rounds.sh [TRAPPA_BINARY]     (default: target/release/trappa)
# Prints one line per round: wall time of the solve, the timetable's status, objective and
# bound, and the load average at its end.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/trappa}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/instances/liten-kursomgang.json" "$work/liten-kursomgang.json"
rounds=(liten-kursomgang)
for n in 20 30 40; do
  for seed in 1 2 3 4 5; do
    "$bin" generate --participants "$n" --courses --no-groups --seed "$seed" --out "$work/gr$n-s$seed.json" >/dev/null
    "$bin" generate --participants "$n" --courses --term --no-groups --seed "$seed" --out "$work/gr$n-term-s$seed.json" >/dev/null
    rounds+=("gr$n-s$seed" "gr$n-term-s$seed")
  done
done
for name in "${rounds[@]}"; do
  start=$(date +%s.%N)
  "$bin" solve "$work/$name.json" --out "$work/$name-plan" --quiet >/dev/null
  end=$(date +%s.%N)
  verdict=$("$bin" check "$work/$name.json" "$work/$name-plan" >/dev/null 2>&1 && echo valid || echo INVALID)
  python3 - "$work/$name-plan/plan.json" "$name" "$start" "$end" "$verdict" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
path, name, start, end, verdict, load = sys.argv[1:]
t = json.load(open(path))["timetable"]
served = sum(len(s["attendees"]) for s in t["sessions"])
print(f"{name:18} wall {float(end) - float(start):5.2f} s  {t['status']['optimality']:8} objective {t['objective']['total']:12.2f}  "
      f"bound {t['status']['bound']:12.2f}  seats {served:3}  {verdict}  load {load}")
PY
done
