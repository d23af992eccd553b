#!/usr/bin/env bash
# Print the path of a working python<VERSION> (e.g. 3.12), or fail with a clear message.
# Looks at: $PYTHON<major><minor> (e.g. PYTHON312), python<VERSION> on PATH (a pyenv shim counts only
# if it really runs), pyenv's versions/<VERSION>.*, then /usr/bin and /usr/local/bin.
set -euo pipefail
want="${1:?usage: find_python.sh 3.12}"
var="PYTHON${want/./}"
candidates=()
[ -n "${!var:-}" ] && candidates+=("${!var}")
candidates+=("python$want")
if command -v pyenv >/dev/null 2>&1; then
  root="$(pyenv root)"
  for dir in $(ls -d "$root/versions/$want".* 2>/dev/null | sort -V -r); do candidates+=("$dir/bin/python$want"); done
fi
candidates+=("/usr/bin/python$want" "/usr/local/bin/python$want")
for candidate in "${candidates[@]}"; do
  if out="$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" && [ "$out" = "$want" ]; then
    command -v "$candidate" || echo "$candidate"
    exit 0
  fi
done
echo "find_python.sh: no working Python $want found (tried: ${candidates[*]})." >&2
echo "Install it (e.g. 'pyenv install $want' or Debian's python$want) or set $var=/path/to/python$want." >&2
exit 1
