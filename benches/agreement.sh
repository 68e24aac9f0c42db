#!/usr/bin/env bash
# Solver/checker agreement and time-limit campaign (issue: hardened runs).
# Generates rounds for four regions, two sizes, with and without a course term, solves each
# under three strategy sets with a time limit, re-checks every plan with `trappa check`, and
# writes one CSV row per run: round, strategies, solve exit, check exit, wall seconds, limit.
# Usage: benches/agreement.sh TRAPPA_BINARY OUT_DIR ROUNDS [TIME_LIMIT] [JOBS]
set -euo pipefail
bin=$(realpath "$1"); out=$2; rounds=$3; limit=${4:-5}; jobs=${5:-2}
mkdir -p "$out"
echo "round,strategies,solve_exit,check_exit,wall_s,limit_s" > "$out/runs.csv"
one() {
    local bin=$1 out=$2 limit=$3 i=$4
    local regions=(gr jonkoping uppsala halland) sizes=(40 120)
    local region=${regions[$((i % 4))]} size=${sizes[$(((i / 4) % 2))]} courses=""
    (( (i / 8) % 2 == 1 )) && courses="--courses --term"
    local r="$out/r$i"; mkdir -p "$r"
    "$bin" generate --region "$region" --participants "$size" --seed "$i" $courses --out "$r/round.json" >/dev/null
    local sets=("--strategy exact" "--strategy greedy --timetable-strategy greedy --group-strategy local-search" "--timetable-strategy milp --group-strategy local-search")
    local k=0
    for s in "${sets[@]}"; do
        local t0=$(date +%s.%N) se=0 ce=0
        "$bin" solve "$r/round.json" --out "$r/plan$k" --quiet --time-limit "$limit" $s >/dev/null 2>"$r/err$k" || se=$?
        local wall=$(echo "$(date +%s.%N) - $t0" | bc)
        "$bin" check "$r/round.json" "$r/plan$k" >/dev/null 2>&1 || ce=$?
        echo "r$i-$region-$size${courses:+-kurser},\"$s\",$se,$ce,$wall,$limit"
        k=$((k + 1))
    done
}
export -f one
seq 0 $((rounds - 1)) | xargs -P "$jobs" -I{} bash -c "one '$bin' '$out' '$limit' {}" >> "$out/runs.csv"
python3 - "$out/runs.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
dis = [r for r in rows if (r["solve_exit"] == "0") != (r["check_exit"] == "0") or r["solve_exit"] not in ("0", "1")]
over = [r for r in rows if float(r["wall_s"]) > float(r["limit_s"]) + 2]
walls = sorted(float(r["wall_s"]) for r in rows)
print(f"runs {len(rows)}, rounds {len({r['round'] for r in rows})}, disagreements {len(dis)}, "
      f"checker rejections {sum(r['check_exit'] != '0' for r in rows)}, over limit+2 s {len(over)}, "
      f"wall median {walls[len(walls)//2]:.2f} s, max {walls[-1]:.2f} s")
for r in dis[:10] + over[:10]:
    print("  ", r)
PY
