#!/usr/bin/env bash
# Formats, then applies lint fixes (braces that Prettier's line breaks call for), then formats again.
set -euo pipefail
cd "$(dirname "$0")/.."
npx prettier --write --log-level warn "${@:-.}"
npx eslint --fix --no-error-on-unmatched-pattern "${@:-.}" || true
npx prettier --write --log-level warn "${@:-.}"
