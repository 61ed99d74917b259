"""Templates receive exactly the documented variables, and nothing but plain data."""

from __future__ import annotations

import re
from typing import Any

from briefing import build_brief, load_source
from briefing.backends.offline import OfflineBackend
from briefing.rendering import brief_context

from .conftest import FIXED_TIME, FIXTURES, ROOT, SEED


def _documented() -> list[str]:
    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    section = text.split("## Variables of brief templates", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)


def _plain(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), where
            _plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            _plain(item, f"{where}[{number}]")
    else:
        assert value is None or type(value) in (str, int, float, bool), f"{where}: {type(value)}"


def test_documented_names_are_exactly_what_templates_receive() -> None:
    context = brief_context(build_brief(load_source(SEED), backend=OfflineBackend(),
                                        generated_at=FIXED_TIME))
    documented = _documented()
    assert len(documented) == len(set(documented))
    assert sorted(documented) == sorted(context)


def test_templates_receive_plain_data_only() -> None:
    sources = [load_source(path) for path in sorted((FIXTURES / "multi" / "wire").glob("*.md"))]
    context = brief_context(build_brief(sources, backend=OfflineBackend(), generated_at=FIXED_TIME))
    _plain(context, "context")
