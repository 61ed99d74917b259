"""briefing: turn raw reports into briefs that keep facts, judgments and speculation apart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.version import __version__

__all__ = [
    "Brief",
    "BriefingError",
    "Claim",
    "Source",
    "__version__",
    "build_brief",
    "diff_briefs",
    "extract",
    "load_source",
    "load_sources",
    "render",
]

if TYPE_CHECKING:
    from briefing.backends import Backend
    from briefing.errors import BriefingError
    from briefing.schema import Brief, Claim, Source


def load_source(path_or_text: Any, **metadata: Any) -> Source:
    """Load a report from a path, "-" (stdin) or its text; metadata overrides front matter."""
    from briefing.io.formats import load_source as _load

    return _load(path_or_text, **metadata)


def load_sources(path: Any, *, ratings: Any = None, **metadata: Any) -> list[Source]:
    """Every report in a file (.txt, .md, .html, .json, .jsonl), a folder, or "-" (stdin).

    ``ratings`` is a publisher → reliability (A-F) mapping or a YAML file of one.
    """
    from briefing.io.formats import load_sources as _load_all

    return _load_all(path, ratings=ratings, **metadata)


def extract(source: Source, backend: Backend | None = None) -> list[Claim]:
    """The grounded claims of one source (offline backend unless a model is configured)."""
    from briefing.brief.assembly import extract_grounded

    return extract_grounded(source, backend).claims


def build_brief(sources: Any, backend: Backend | None = None, title: str | None = None,
                **options: Any) -> Brief:
    """Build a Brief from one Source or a list of them."""
    from briefing.brief.assembly import build_brief as _build

    return _build(sources, backend=backend, title=title, **options)


def render(brief: Brief, format: str = "markdown", templates: Any = None, *,
           limits: Any = None) -> str:
    """Render a Brief as markdown, json or html; ``templates`` is a folder overriding ours;
    ``limits`` (a briefing.rendering.RenderLimits) bounds the template's time and output."""
    from briefing.rendering import render as _render

    return _render(brief, format=format, templates=templates, limits=limits)


def diff_briefs(old: Brief, new: Brief) -> Any:
    """What changed between two briefs of a developing story (a BriefDiff)."""
    from briefing.tools.diff import diff_briefs as _diff

    return _diff(old, new)


def __getattr__(name: str) -> Any:
    if name in {"Brief", "Claim", "Source"}:
        from briefing import schema

        return getattr(schema, name)
    if name == "BriefingError":
        from briefing.errors import BriefingError

        return BriefingError
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
