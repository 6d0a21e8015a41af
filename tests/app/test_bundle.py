"""Build the PyInstaller bundle from build.spec on this machine and run its ``--self-test``.

Slow (1–2 min, ~400 MB in a temp dir): skipped unless ``SOLARFLEET_BUNDLE_TEST=1`` (``.ci/run`` sets
it). The build time and bundle size are printed and written to ``$SOLARFLEET_BUNDLE_REPORT`` if set.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SOLARFLEET_BUNDLE_TEST") != "1",
                       reason="builds the PyInstaller bundle (~1-2 min); set SOLARFLEET_BUNDLE_TEST=1"),
]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_bundle_builds_and_passes_self_test(tmp_path):
    pytest.importorskip("PyInstaller", reason="pip install '.[bundle]'")
    from solarfleet.app import APP_NAME, __version__
    dist, work = tmp_path / "dist", tmp_path / "work"
    t0 = time.perf_counter()
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(dist), "--workpath", str(work), str(REPO / "build.spec")],
                           cwd=REPO, capture_output=True, text=True, timeout=1800)
    build_s = time.perf_counter() - t0
    assert build.returncode == 0, build.stderr[-4000:]
    folder = dist / APP_NAME
    exe = folder / (APP_NAME + (".exe" if sys.platform == "win32" else ""))
    assert exe.is_file(), sorted(p.name for p in dist.iterdir())
    size_mb = _size(folder) / 1e6
    # the README screenshots and the .ts sources stay out; the compiled translations go in
    internal = folder / "_internal" if (folder / "_internal").is_dir() else folder
    resources = internal / "solarfleet" / "resources"
    assert (resources / "i18n" / "solarfleet_zh_CN.qm").is_file()
    assert not (resources / "screenshots").exists() and not list(resources.rglob("*.ts"))

    report_dir = tmp_path / "report"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOLARFLEET_DATA_DIR=str(tmp_path / "data"))
    env.pop("PYTHONPATH", None)  # the bundle must run from its own files
    t0 = time.perf_counter()
    run = subprocess.run([str(exe), "--self-test", "--report-dir", str(report_dir)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    self_test_s = time.perf_counter() - t0
    assert run.returncode == 0, run.stdout + run.stderr + (report_dir / "self_test.txt").read_text()
    report = json.loads((report_dir / "self_test.json").read_text(encoding="utf-8"))
    assert report["ok"] and report["frozen"] and report["version"] == __version__
    steps = {s["step"]: s for s in report["steps"]}
    assert all(s["ok"] for s in steps.values()) and len(steps) >= 7
    assert steps["simulate and store one demo park"]["specific_yield_kWh_kWp"] > 600
    figures = {"build_s": round(build_s, 1), "bundle_MB": round(size_mb, 1), "self_test_s": round(self_test_s, 1),
               "platform": sys.platform}
    print("bundle:", json.dumps(figures))
    if os.environ.get("SOLARFLEET_BUNDLE_REPORT"):
        Path(os.environ["SOLARFLEET_BUNDLE_REPORT"]).write_text(json.dumps(figures) + "\n", encoding="utf-8")
