"""The wheel holds every package and resource, under one import name, and declares what it imports."""
from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
FOLDERS = {"app", "widgets", "models", "resources"}

#: import name -> distribution name, where they differ
DIST_OF = {"appdirs": "appdirs", "sqlite_utils": "sqlite-utils", "PySide6": "PySide6-Essentials",
           "yaml": "pyyaml", "dask": "dask", "distributed": "dask"}


def test_every_package_folder_is_listed():
    listed = set(SETUPTOOLS["packages"])
    on_disk = set()
    for folder in FOLDERS:
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO)
            on_disk.add("solarfleet." + ".".join(rel.parts))
    assert on_disk == listed, f"missing from pyproject: {sorted(on_disk - listed)}; stale: {sorted(listed - on_disk)}"


def test_one_import_name():
    mapping = SETUPTOOLS["package-dir"]
    assert mapping == {f"solarfleet.{f}": f for f in FOLDERS}
    assert all(p.startswith("solarfleet.") for p in SETUPTOOLS["packages"])


def test_every_resource_is_package_data():
    import fnmatch
    globs = SETUPTOOLS["package-data"]["solarfleet.resources"]
    shipped = [p for p in (REPO / "resources").rglob("*")
               if p.is_file() and "screenshots" not in p.parts and p.suffix not in (".py", ".ts", ".md", ".pyc")
               and "__pycache__" not in p.parts]
    for p in shipped:
        rel = p.relative_to(REPO / "resources").as_posix()
        assert any(fnmatch.fnmatch(rel, g) for g in globs), f"{rel} is not package data"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_runtime_import_is_declared():
    from packaging.requirements import Requirement
    declared = {Requirement(r).name.lower() for r in PYPROJECT["project"]["dependencies"]}
    optional = {Requirement(r).name.lower() for extra in PYPROJECT["project"]["optional-dependencies"].values()
                for r in extra}
    used = set()
    for folder in ("app", "widgets", "models"):
        for p in (REPO / folder).rglob("*.py"):
            used |= _imports(p)
    third_party = {n for n in used if n not in sys.stdlib_module_names and n not in ("solarfleet", "__future__")}
    # Windows-only stdlib modules are in stdlib_module_names too; what remains are distributions
    missing = []
    for name in sorted(third_party):
        dist = DIST_OF.get(name, name).lower().replace("_", "-")
        if dist not in declared and dist not in optional:
            missing.append(name)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
    # optional ones (Dask) are imported lazily, never at module level of the GUI or CLI start-up
    assert "requests" in declared
