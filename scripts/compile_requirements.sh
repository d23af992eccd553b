#!/usr/bin/env bash
# Recompile the lock files in requirements/ from their .in files with pip-tools (`make upgrade`).
# Each stack is compiled by its own Python, as Open edX repositories do; run on purpose, review, commit.
set -euo pipefail
cd "$(dirname "$0")/.."
export CUSTOM_COMPILE_COMMAND="make upgrade"
opts=(-q --strip-extras --no-emit-find-links --no-emit-index-url --resolver=backtracking)
compile() {  # compile <python version> <stack> [extra pip-compile options]
  local python venv="build/pip-tools-$1"
  python="$(scripts/find_python.sh "$1")"
  [ -x "$venv/bin/pip-compile" ] || { "$python" -m venv "$venv" && "$venv/bin/pip" install -q pip-tools; }
  "$venv/bin/pip-compile" "${opts[@]}" "${@:3}" -o "requirements/$2.txt" "requirements/$2.in"
  echo "requirements/$2.txt"
}
compile 3.11 ulmo --allow-unsafe
compile 3.12 verawood --allow-unsafe
# XBlock >= 6.2 ships web_fragments; xblock-sdk still declares the separate distribution: keep it out.
compile 3.12 willow --unsafe-package web-fragments
compile 3.12 bench --allow-unsafe
# The Tutor plugin's test stacks (scripts/test_tutor.sh), compiled as they were first locked.
for tutor in requirements/tutor*.in; do compile 3.11 "$(basename "$tutor" .in)"; done
