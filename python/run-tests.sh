#!/usr/bin/env bash
# Tests of the Python package (issue 15), from a clean clone: creates a venv, installs maturin
# and pytest from PyPI, builds the wheel (`maturin build --release`), installs it into the
# venv as a user would, builds the CLI it is compared with, checks the Dask example against
# the CLI's batch, and runs pytest on python/tests.
#
#   bash python/run-tests.sh [PYTEST ARGS...]
#
# Environment:
#   PYTHON          the interpreter for the venv (default: python3; CPython >= 3.10)
#   SKILLGAP_VENV   the venv (default: python/.venv; reused when it exists)
#   SKILLGAP_BIN    the skillgap binary to compare with (default: built now,
#                   target/release/skillgap); any build of this commit gives the same JSON
#   SKILLGAP_CORPUS resume PDFs added to the comparisons (default: ../shared/corpus/pdf)
#   WITH_DASK=0     skip the distributed example's check (python/examples/check_dask.sh,
#                   which installs dask[bag,distributed] into the venv: about 10 s)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${SKILLGAP_VENV:-$root/python/.venv}
python=${PYTHON:-python3}

echo "== venv $venv (maturin, pytest)"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check "maturin>=1.9,<2" "pytest>=7"

echo "== maturin build --release (the wheel)"
rm -rf python/dist
(cd python && "$venv/bin/maturin" build --release --locked --interpreter "$venv/bin/python" --out dist)
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps python/dist/skillgap-*.whl

if [ -z "${SKILLGAP_BIN:-}" ]; then
  echo "== cargo build --release (the CLI to compare with)"
  cargo build --locked --release --bin skillgap
  export SKILLGAP_BIN=$root/target/release/skillgap
fi

if [ "${WITH_DASK:-1}" != 0 ]; then
  echo "== the Dask example writes the CLI batch's JSON Lines (python/examples/check_dask.sh)"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "dask[bag,distributed]"
  SKILLGAP_PYTHON="$venv/bin/python" bash python/examples/check_dask.sh
fi

echo "== pytest python/tests"
# From the repository root, where `import skillgap` finds the installed wheel, never the
# source folder python/skillgap (which has no native module).
"$venv/bin/python" -m pytest -p no:cacheprovider -q "$root/python/tests" "$@"
