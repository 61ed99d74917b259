"""Library entry points behind CLI commands: load reports, build the brief."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .backends import Backend
from .schema import Brief


def generate_brief(
    reports: Sequence[str],
    backend: Backend | None = None,
    title: str | None = None,
    generated_at: datetime | None = None,
) -> Brief:
    """Load report files (or "-" for stdin) and build one brief from them."""
    from .assembly import build_brief
    from .sources import load_file

    sources = [load_file(path) for path in reports]
    return build_brief(sources, backend=backend, title=title, generated_at=generated_at)
