#!/usr/bin/env bash
# The steps of the poolguard GitHub Action (action.yml), as a script that runs anywhere: it lints
# once, writes SARIF (for code scanning) and the text report into the output folder, prints the
# GitHub workflow commands that become pull-request annotations, and exits with poolguard's code.
#
# Environment (action.yml maps its inputs onto these):
#   POOLGUARD           the poolguard launcher (default: poolguard on PATH)
#   POOLGUARD_PATHS     what to lint, space-separated (default: .)
#   POOLGUARD_OUTPUT    the folder for the reports (default: poolguard-reports)
#   POOLGUARD_BASELINE  a git revision, folder or snapshot to compare with (default: none)
#   POOLGUARD_NEW_ONLY  true: report only findings the baseline does not have too
#   POOLGUARD_FAIL_ON   error | warning | note | never (default: error)
#   GITHUB_OUTPUT       set by GitHub: receives sarif=<file> and exit-code=<n>
set -uo pipefail

poolguard="${POOLGUARD:-poolguard}"
output="${POOLGUARD_OUTPUT:-poolguard-reports}"
read -r -a paths <<< "${POOLGUARD_PATHS:-.}"

args=(lint "${paths[@]}" --format text,sarif,github --output "$output"
  --fail-on "${POOLGUARD_FAIL_ON:-error}")
if [[ -n "${POOLGUARD_BASELINE:-}" ]]; then
  args+=(--baseline "$POOLGUARD_BASELINE")
fi
if [[ "${POOLGUARD_NEW_ONLY:-false}" == "true" ]]; then
  args+=(--new-only)
fi

mkdir -p "$output"
"$poolguard" "${args[@]}"
code=$?

# Exit 2 (bad input) writes no reports: its message on stderr is what the log shows.
if [[ -f "$output/poolguard.github.txt" ]]; then
  cat "$output/poolguard.github.txt"
fi
if [[ -f "$output/poolguard.txt" ]]; then
  cat "$output/poolguard.txt"
fi
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "sarif=$output/poolguard.sarif"
    echo "exit-code=$code"
  } >> "$GITHUB_OUTPUT"
fi
exit "$code"
