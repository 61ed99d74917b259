"""Architecture rules: the library never imports the CLI; the schema imports no backend."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Modules of the briefing package that a file imports (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "briefing" or m.startswith("briefing.")}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_library_never_imports_the_cli(path: Path) -> None:
    if path.name in {"cli.py", "__main__.py"}:
        return
    assert "briefing.cli" not in _imports(path)


def test_schema_imports_no_backend_and_no_io() -> None:
    imported = _imports(PACKAGE / "schema.py")
    assert not {m for m in imported if m.startswith("briefing.")}, imported


def test_every_module_starts_with_a_docstring() -> None:
    missing = [p.name for p in MODULES if ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert not missing
