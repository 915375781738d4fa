#!/usr/bin/env bash
# Fuzzes every Jazzer target for MINUTES minutes each (default 5), one after another, on one core
# at low priority. Extra arguments go to Maven (e.g. -o).
#
#   scripts/fuzz.sh [MINUTES] [MAVEN-ARGS...]
#   FUZZ_TARGETS=LintPipeline scripts/fuzz.sh 30     # only the targets whose name contains it
#
# A crash stops that target and is saved by Jazzer as
# <module>/src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>: fix the bug and keep
# the file, it is a regression seed from then on (every `mvn verify` runs it). The corpus grows in
# <module>/.cifuzz-corpus/ (git-ignored). Logs and a summary land in target/fuzz/.
set -uo pipefail

minutes="${1:-5}"
shift || true
cd "$(dirname "$0")/.."

targets=(
  "linter-core dev.poolguard.core.config.ConfigLoaderFuzzTest#yamlLoaderNeverThrows"
  "linter-core dev.poolguard.core.config.ConfigLoaderFuzzTest#propertiesLoaderNeverThrows"
  "linter-core dev.poolguard.core.project.PoolguardConfigFuzzTest#poolguardYamlLoadsOrFailsWithOneLine"
  "rules dev.poolguard.rules.fuzz.LintPipelineFuzzTest#lintNeverCrashes"
  "linter-core dev.poolguard.core.text.GlobFuzzTest#globMatchesLikeJavaAndNeverBacktracks"
)

pin=()
if command -v taskset > /dev/null; then
  pin=(taskset -c "${FUZZ_CPU:-0}")
fi

mkdir -p target/fuzz
summary=target/fuzz/summary.txt
: > "$summary"
status=0
for entry in "${targets[@]}"; do
  read -r module test <<< "$entry"
  if [[ -n "${FUZZ_TARGETS:-}" && "$test" != *"$FUZZ_TARGETS"* ]]; then
    continue
  fi
  class="${test%%#*}"
  log="target/fuzz/${test##*.}.log"
  echo "fuzzing $test for ${minutes} min" | tee -a "$summary"
  started=$(date +%s)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${minutes}m" "${pin[@]}" nice -n 19 \
    mvn -B "$@" test -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true > "$log" 2>&1
  result=$?
  output="$module/target/surefire-reports/$class-output.txt"
  [ -f "$output" ] && cp "$output" "target/fuzz/${test##*.}.fuzzer.txt"
  # libFuzzer reports on the Maven log; the test's own output lands in the surefire report.
  runs=$(grep -aho 'Done [0-9]* runs in [0-9]* second' "$log" "$output" 2> /dev/null | tail -1)
  last=$(grep -ah '^#[0-9]' "$log" "$output" 2> /dev/null | tail -1)
  if [ "$result" -eq 0 ]; then
    verdict="no crash"
  else
    verdict="FAILED (crash or build error, see $log)"
    status=1
  fi
  echo "  $verdict; $(( $(date +%s) - started )) s; ${runs:-$last}" | tee -a "$summary"
done
exit $status
