"""Library entry points behind CLI commands: load reports, build the brief."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import datetime

from briefing.backends import Backend
from briefing.schema import Brief


def generate_brief(
    reports: Sequence[str],
    backend: Backend | None = None,
    title: str | None = None,
    generated_at: datetime | None = None,
    ratings: Mapping[str, str] | str | os.PathLike[str] | None = None,
    encoding: str | None = None,
) -> Brief:
    """Load reports (files of any supported format, folders, or "-" for stdin) and build one
    brief from them. ``ratings`` is a publisher → reliability (A-F) table or a YAML file of one;
    ``encoding`` forces the reports' encoding instead of detecting it.
    """
    from briefing.brief.assembly import build_brief
    from briefing.io.formats import load_sources

    sources = [source for path in reports
               for source in load_sources(path, ratings=ratings, encoding=encoding)]
    return build_brief(sources, backend=backend, title=title, generated_at=generated_at)
