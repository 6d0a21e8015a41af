"""Benchmark: peak memory of reading a survey package (tracemalloc), against the file's size.

Run: ``python tests/bench/survey_package_memory.py [MB ...]`` (default 16 64 160). For each size, a package of
the demo fleet's first park with JPEG photos of 8 MB (random bytes behind a JPEG signature; a package's
photos are checked by their signature) is written with the product's own writer, then read back with
:func:`solarfleet.models.survey.package.read_survey_package` under :mod:`tracemalloc`. Reported: file size,
peak traced memory during the read, peak / file size, and the read time (inflated on a loaded machine).

The largest package accepted is :data:`~solarfleet.models.survey.package.MAX_PACKAGE_BYTES`; the peak at that
size is extrapolated from the ratio. Prints a table, then ONE JSON line with the figures.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["SOLARFLEET_DATA_DIR"] = tempfile.mkdtemp(prefix="solarfleet-bench-")

PHOTO_MB = 8


def _package(total_mb: float, folder: Path) -> Path:
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.survey.package import PackageSite, Photo, SurveyPackage, write_survey_package
    park = demo_fleet().parks[0]
    n = max(1, round(total_mb * 0.75 / PHOTO_MB))  # base64 makes the photos 4/3 larger in the file
    photos = tuple(Photo(f"roof_{i:03d}.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + os.urandom(PHOTO_MB * 2 ** 20 - 4))
                   for i in range(n))
    path = folder / f"package_{total_mb:g}mb.json"
    write_survey_package(SurveyPackage((PackageSite(park, None, photos),), "2026-01-01T00:00:00Z", "bench"), path)
    return path


def measure(total_mb: float, folder: Path) -> dict:
    from solarfleet.models.survey.package import read_survey_package
    path = _package(total_mb, folder)
    size = path.stat().st_size
    tracemalloc.start()
    t0 = time.perf_counter()
    package = read_survey_package(path)
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    photos = len(package.sites[0].photos)
    del package
    path.unlink()
    return {"file_mb": round(size / 2 ** 20, 1), "photos": photos, "peak_mb": round(peak / 2 ** 20, 1),
            "peak_per_file": round(peak / size, 2), "read_s": round(seconds, 2)}


def main(sizes) -> dict:
    from solarfleet.models.survey.package import MAX_PACKAGE_BYTES
    folder = Path(tempfile.mkdtemp(prefix="solarfleet-bench-pkg-"))
    rows = [measure(mb, folder) for mb in sizes]
    print(f"{'file [MB]':>10} {'photos':>7} {'peak [MB]':>10} {'peak/file':>10} {'read [s]':>9}")
    for r in rows:
        print(f"{r['file_mb']:>10,.1f} {r['photos']:>7} {r['peak_mb']:>10,.1f} {r['peak_per_file']:>10.2f} "
              f"{r['read_s']:>9.2f}")
    worst = max(r["peak_per_file"] for r in rows)
    cap_mb = MAX_PACKAGE_BYTES / 2 ** 20
    print(f"largest package accepted {cap_mb:,.0f} MB → peak ≈ {worst * cap_mb:,.0f} MB (ratio {worst:.2f})")
    figures = {"bench": "survey_package_memory", "rows": rows, "max_package_mb": cap_mb,
               "peak_per_file_max": worst, "peak_at_cap_mb": round(worst * cap_mb)}
    print(json.dumps(figures))
    return figures


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [16.0, 64.0, 160.0])
