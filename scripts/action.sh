#!/usr/bin/env bash
# The steps of servicegap's GitHub Action (action.yml at the repository's root), kept here so that
# the test suite runs exactly what the action runs (test/e2e/action.test.ts).
#
#   action.sh install   build servicegap from this repository (the action's own checkout), once
#   action.sh run       validate (SARIF beside the report), then report to HTML with the gates
#
# Inputs come as environment variables, as action.yml passes them: INPUT_DATA (required),
# INPUT_CONFIG, INPUT_FAIL_ABOVE, INPUT_FAIL_IF_ANY_EXCLUDED (true/false), INPUT_OUTPUT_DIR
# (default servicegap-report). The exit code is servicegap's: 3 invalid data, 1 a gate tripped.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
servicegap() { node "$root/bin/servicegap.js" "$@"; }

case "${1:-}" in
  install)
    # From the repository itself, never from a registry name that anyone could publish under.
    if [ ! -f "$root/dist/bundle/cli.cjs" ]; then
      (cd "$root" && npm ci --no-audit --no-fund && npm run build)
    fi
    echo "servicegap $(servicegap --version) from $root"
    ;;
  run)
    data="${INPUT_DATA:-}"
    if [ -z "$data" ]; then
      echo "::error title=servicegap action::the input \"data\" (the data folder) is required" >&2
      exit 2
    fi
    out="${INPUT_OUTPUT_DIR:-servicegap-report}"
    mkdir -p "$out"
    if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "report-dir=$out" >> "$GITHUB_OUTPUT"; fi
    inputs=(--data "$data")
    if [ -n "${INPUT_CONFIG:-}" ]; then inputs+=(--config "$INPUT_CONFIG"); fi
    gates=()
    if [ -n "${INPUT_FAIL_ABOVE:-}" ]; then gates+=(--fail-above "$INPUT_FAIL_ABOVE"); fi
    if [ "${INPUT_FAIL_IF_ANY_EXCLUDED:-false}" = "true" ]; then gates+=(--fail-if-any-excluded); fi
    # Input errors: annotations on the lines, and SARIF for code scanning; exit 3 stops here.
    # (--quiet: its warnings are the report's too, and are said once, there.)
    servicegap validate "${inputs[@]}" --quiet --format sarif --out "$out/servicegap.sarif"
    # The report for the artefact; the step summary and the gates (exit 1 after writing).
    servicegap report "${inputs[@]}" --out "$out/report.html" ${gates[@]+"${gates[@]}"}
    ;;
  *)
    echo "usage: action.sh install|run" >&2
    exit 2
    ;;
esac
