#!/usr/bin/env bash
# Tests of the Tutor plugin (tutor-contrib-bemotande) on Tutor 21 (Ulmo) and Tutor 22 (Verawood).
#
# For each Tutor version: a venv build/venv-tutorNN from the lock file requirements/tutorNN.txt
# (pip-compile of requirements/tutorNN.in), the plugin installed into it, then pytest tests/tutor.
# No Docker: the tests assert what Tutor renders and run the job's script against a stand-in
# manage.py. Usage: scripts/test_tutor.sh [21 22] [-- pytest args]
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
versions=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do versions+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#versions[@]} -gt 0 ] || versions=(21 22)

# The plugin ships the course tarball: build it first (make course also validates it).
make --no-print-directory course

wheel_dir=build/tutor-test/wheel
rm -rf "$wheel_dir"
for version in "${versions[@]}"; do
  venv="build/venv-tutor$version"
  lock="requirements/tutor$version.txt"
  stamp="$venv/.installed-$(sha256sum "$lock" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    rm -rf "$venv"
    "$PYTHON" -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q -r "$lock"
    touch "$stamp"
  fi
  # Always reinstall the plugin: the tarball it carries may have changed.
  "$venv/bin/pip" install -q --no-deps --force-reinstall ./tutor-contrib-bemotande
  if [ ! -d "$wheel_dir" ]; then
    # One real wheel of bemotande-xblocks for the local-wheel test, shared by both versions.
    "$venv/bin/pip" wheel -q --no-deps -w "$wheel_dir" .
  fi
  echo "== tutor $("$venv/bin/tutor" --version | awk '{print $NF}') (tests/tutor)"
  BEMOTANDE_TEST_WHEEL="$(ls "$PWD/$wheel_dir"/bemotande_xblocks-*.whl)" \
    "$venv/bin/python" -m pytest tests/tutor "$@"
done
