#!/usr/bin/env bash
# Dependability under load (issue #18): clones this repository twice into a temporary folder and runs
# `npm test` RUNS times in each clone at the same time, so every run has another `npm test` beside it.
# Prints one line per run (exit code and seconds) and leaves the logs in the printed folder.
# Usage: scripts/test-under-load.sh [RUNS]   (default 5 per clone: 10 runs in all)
set -euo pipefail
runs=${1:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/ecl-under-load-XXXXXX)
# A checkout is readable by every user (the exporter runs its CLI as nobody when the tests run as root).
chmod 755 "$work"
# The seed sources are read from ../shared beside the repository, as in a normal checkout.
[ -e "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
loop() {
  local dir=$work/$1
  git clone -q "$repo" "$dir"
  (cd "$dir" && npm ci --no-audit --no-fund > ci.log 2>&1)
  for i in $(seq 1 "$runs"); do
    local started=$SECONDS rc=0
    (cd "$dir" && npm test > "test-$i.log" 2>&1) || rc=$?
    echo "$1 run $i: exit $rc, $((SECONDS - started)) s" | tee -a "$work/results.txt"
  done
}
echo "logs in $work"
loop a & loop b & wait
echo "passed: $(grep -c 'exit 0' "$work/results.txt") of $((2 * runs))"
