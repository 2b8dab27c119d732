#!/usr/bin/env bash
# Scale benchmark: generates N cases (default 10000 and 100000) with tools/DataGenerator into a fresh SQLite file,
# starts the Host (Release, Development settings) on it, and prints p50/p95/p99 in ms and the answer size of the
# officers' lists, a case page, the dashboard and the Elsa instance list.
#   scripts/scale-benchmark.sh [N ...]         e.g. scripts/scale-benchmark.sh 10000
# Environment: REPEATS (timed calls per row, default 100), PORT (default 5091), WORK (default /tmp/scale-benchmark),
# SKIP_BUILD (set: use the existing Release build),
# NOW (the generated data's "now", default: the current hour; the Host's clock is the real one).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
repeats=${REPEATS:-100}
port=${PORT:-5091}
work=${WORK:-/tmp/scale-benchmark}

[ -n "${SKIP_BUILD:-}" ] || dotnet build -c Release tools/DataGenerator -v q -nologo >/dev/null
host_dll=src/Host/bin/Release/net10.0/Workflows.Host.dll
generator_dll=tools/DataGenerator/bin/Release/net10.0/Workflows.Tools.DataGenerator.dll

echo "Scale benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| cases | request | p50 ms | p95 ms | p99 ms | KB |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  dir="$work/$n"
  rm -rf "$dir" && mkdir -p "$dir"
  settings=(--Workflows:DataPath "$dir/data" --Logging:Path "$dir/logs" --Serilog:MinimumLevel:Default Warning)
  dotnet "$generator_dll" --instances "$n" --seed 1 ${NOW:+--now "$NOW"} "${settings[@]}" >"$dir/generate.log" 2>&1 \
    || { cat "$dir/generate.log"; exit 1; }
  # The Host from its build folder: its content root holds the definitions and the Studio files.
  (cd "$(dirname "$host_dll")" && ASPNETCORE_ENVIRONMENT=Development exec dotnet Workflows.Host.dll --urls "http://127.0.0.1:$port" "${settings[@]}") \
    >"$dir/host.log" 2>&1 &
  host=$!
  trap 'kill $host 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 $host 2>/dev/null || { cat "$dir/host.log"; exit 1; }
    sleep 0.5
  done
  python3 scripts/scale_benchmark.py "http://127.0.0.1:$port" "$(printf "%'d" "$n")" "$repeats"
  kill $host && wait $host 2>/dev/null || true
  trap - EXIT
  echo "<!-- $n: $(tail -1 "$dir/generate.log") -->"
done
