"""The shape of the code: one-way layers (import-linter), small functions (radon), no hidden imports.

Every function stays at or below ``MAX_COMPLEXITY`` (radon's cyclomatic complexity), with no
exceptions: the last listed ones were split into named rules and small helpers (issue 13).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "conflict_events"
MAX_COMPLEXITY = 25


# Modules that import parts of the library inside functions on purpose: the command line and
# the engines load heavy parts only when a command needs them (start-up time), never to dodge
# an import cycle.
LAZY_IMPORTERS = frozenset(
    {"__init__.py", "cli.py", "_export_command.py", "_store_cli.py", "batch.py", "dask.py", "pipeline.py"}
)


def _complexities() -> dict[tuple[str, str], int]:
    from radon.complexity import cc_visit
    from radon.visitors import Function

    out: dict[tuple[str, str], int] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for block in cc_visit(path.read_text(encoding="utf-8")):
            blocks = [block, *getattr(block, "methods", ())]
            for b in blocks:
                if isinstance(b, Function):
                    out[(rel, b.fullname)] = max(out.get((rel, b.fullname), 0), b.complexity)
    return out


def test_no_function_is_more_complex_than_the_bar() -> None:
    found = _complexities()
    too_complex = {k: v for k, v in found.items() if v > MAX_COMPLEXITY}
    assert not too_complex, f"functions above complexity {MAX_COMPLEXITY}: {too_complex}"
    assert found, "radon found no functions: the check would pass on nothing"


def test_layers_are_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if exe is None:
        pytest.fail("import-linter is not installed (it is in the dev extra)")
    root = SRC.parents[1]
    proc = subprocess.run([exe, "--no-cache"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "kept" in proc.stdout


def test_library_imports_sit_at_the_top_of_modules() -> None:
    offenders: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if path.name in LAZY_IMPORTERS and "/" not in rel:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if _imports_library(node):
                    offenders.append(f"{rel}:{node.lineno} in {fn.name}")
    assert not offenders, f"imports of the library inside functions: {offenders}"


def _imports_library(node: ast.AST) -> bool:
    return isinstance(node, ast.ImportFrom) and bool(node.level or (node.module or "").startswith("conflict_events"))
