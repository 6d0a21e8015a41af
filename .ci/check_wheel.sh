#!/usr/bin/env bash
# The install a user makes: build the wheel, install it into a fresh venv outside the checkout, and use it
# from an unrelated folder that holds a `models.py` of its own (the import names must not collide).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python -m pip wheel -q --no-deps -w "$WORK/dist" "$REPO"
python -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WORK"/dist/solarfleet-*.whl
mkdir "$WORK/elsewhere" && cd "$WORK/elsewhere"
printf 'raise SystemExit("a stray models.py was imported")\n' > models.py
printf 'raise SystemExit("a stray app.py was imported")\n' > app.py
export SOLARFLEET_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen
"$WORK/venv/bin/solarfleet-cli" fleet list
"$WORK/venv/bin/solarfleet-cli" simulate --park "Kunshan Asia No.1"
"$WORK/venv/bin/python" -m solarfleet.app --self-test --report-dir "$WORK/report"
"$WORK/venv/bin/python" - <<'PY'
import importlib.metadata as md
# the wheel's files below site-packages (the console scripts sit outside it, as ../../../bin/…)
top = {p.parts[0] for p in md.files("solarfleet") if p.parts[0] != ".." and not p.parts[0].endswith(".dist-info")}
assert top == {"solarfleet"}, f"the wheel installs more than one top-level name: {sorted(top)}"
print("wheel installs only:", sorted(top))
PY
echo "wheel install: OK"
