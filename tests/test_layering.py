"""Architecture rules: layers (see also pyproject [tool.importlinter]), no import circles, docstrings."""

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
    if path.name == "__main__.py" or path.relative_to(PACKAGE).parts[0] == "cli":
        return
    assert "briefing.cli" not in _imports(path)


def test_schema_imports_no_backend_and_no_io() -> None:
    imported = _imports(PACKAGE / "schema.py")
    assert not {m for m in imported if m.startswith("briefing.")}, imported


def test_every_module_starts_with_a_docstring() -> None:
    missing = [p.name for p in MODULES if ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert not missing


def _cycles() -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan), counting imports inside functions too."""
    import grimp

    graph = grimp.build_graph("briefing")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph.find_modules_directly_imported_by(module)):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_import_circles() -> None:
    assert _cycles() == []


def test_modules_are_readable_in_one_sitting() -> None:
    """No module of the package is over about 400 lines (README: Architecture)."""
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES
            if (n := len(p.read_text("utf-8").splitlines())) > 420}
    assert not long
