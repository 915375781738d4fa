#!/usr/bin/env bash
# Times `poolguard lint` on an example repository against yamllint and Spectral on the same YAML
# files, in one hyperfine run, and prints each median and its ratio to yamllint's.
#
#   benchmarks/cli.sh [EXAMPLE_DIR]        default: examples/incident
#   RUNS=20 WARMUP=3                       hyperfine settings
#   SKIP_SPECTRAL=1                        leave Spectral out (it is installed with npm on first use)
#
# Needs: a built jar (./poolguard builds it), yamllint; hyperfine and python3 for the statistics
# (without hyperfine a plain loop measures instead). Spectral goes into benchmarks/.tools.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
cd "$root"
example="${1:-examples/incident}"
runs="${RUNS:-20}"
warmup="${WARMUP:-3}"
out="$root/benchmarks/results"
mkdir -p "$out"

mapfile -t files < <(find "$example" -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)
echo "input: $example (${#files[@]} YAML files, $(cat "${files[@]}" | wc -l) lines)"

# poolguard: the launcher, once its jar is built and its class-data-sharing archive exists.
./poolguard --version >/dev/null
jar="$(ls "$root"/linter-cli/target/poolguard-cli-*-all.jar | head -1)"
for _ in $(seq 1 600); do
  ls "$root"/linter-cli/target/cds/*.jsa.size >/dev/null 2>&1 && break
  sleep 0.1
done
java="$(command -v java)"

names=("poolguard" "poolguard (plain java -jar)" "yamllint")
commands=(
  "$root/poolguard lint --fail-on never $example"
  "$java -jar $jar lint --fail-on never $example"
  "yamllint -c $bench/yamllint.yaml ${files[*]}"
)
if [ -z "${SKIP_SPECTRAL:-}" ]; then
  spectral="$bench/.tools/node_modules/.bin/spectral"
  if [ ! -x "$spectral" ]; then
    echo "installing Spectral into benchmarks/.tools (npm)..." >&2
    npm install --silent --no-audit --no-fund --prefix "$bench/.tools" @stoplight/spectral-cli@6.16.3 >&2
  fi
  names+=("spectral")
  commands+=("$spectral lint --quiet --ruleset $bench/spectral.yaml ${files[*]}")
fi

echo "java: $("$java" -version 2>&1 | head -1)"
echo "yamllint: $(yamllint --version)"
[ -n "${spectral:-}" ] && echo "spectral: $("$spectral" --version)"

if command -v hyperfine >/dev/null && command -v python3 >/dev/null; then
  args=(-N --warmup "$warmup" --runs "$runs" -i --export-json "$out/cli.json" --style basic)
  for i in "${!commands[@]}"; do
    args+=(-n "${names[$i]}" "${commands[$i]}")
  done
  # java -version: the JVM's own floor, for explaining what is left.
  args+=(-n "java -version (JVM floor)" "$java -version")
  hyperfine "${args[@]}" >"$out/cli.txt"
  python3 - "$out/cli.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = next(r["median"] for r in results if r["command"] == "yamllint")
print(f"{'command':30} {'median':>9} {'min':>9} {'max':>9} {'stddev':>8} {'cpu':>9} {'vs yamllint':>12}")
for r in results:
    cpu = (r["user"] + r["system"]) * 1000  # mean user + system time
    print(f"{r['command']:30} {r['median']*1000:7.1f}ms {r['min']*1000:7.1f}ms "
          f"{r['max']*1000:7.1f}ms {r['stddev']*1000:6.1f}ms {cpu:7.1f}ms {r['median']/base:11.2f}x")
EOF
else
  echo "(hyperfine or python3 missing: a plain loop of $runs runs, medians only)"
  for i in "${!commands[@]}"; do
    times=()
    for _ in $(seq 1 "$runs"); do
      start=$(date +%s%N)
      ${commands[$i]} >/dev/null 2>&1 || true
      times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-30s %6s ms\n' "${names[$i]}" "$median"
  done
fi
