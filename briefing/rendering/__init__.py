"""Rendering a Brief as Markdown, JSON or an HTML review page through sandboxed Jinja templates.

Templates receive plain data only (rendering.context), run in a sandbox that reaches no
object's methods, and are bounded in time and output size (rendering.sandbox).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from briefing.errors import TemplateError
from briefing.io.resources import resource_dir
from briefing.rendering.context import PlainContext, brief_context, plain, plural, utc_minute
from briefing.rendering.json_output import brief_json, brief_json_chunks
from briefing.rendering.sandbox import BoundedSandbox, RenderLimits, run_bounded_pieces
from briefing.schema import Brief
from briefing.text.likelihood import describe

__all__ = ["FORMATS", "RenderLimits", "brief_context", "brief_json", "brief_json_chunks",
           "environment", "piece_renderer", "render", "render_pieces", "render_template",
           "renderer"]

FORMATS: Final = ("markdown", "json", "html")
_TEMPLATE_NAMES: Final = {"markdown": "brief.md.j2", "html": "brief.html.j2"}


def environment(templates: str | Path | None = None, *, html: bool = False) -> Any:
    """The sandboxed Jinja environment: the user's folder first, then the shipped templates.

    One environment per folder and mode is kept, so templates compile once per process (Jinja
    reloads a template whose file changed).
    """
    folder = None if templates is None else str(Path(templates).resolve())
    if folder is not None and not Path(folder).is_dir():
        raise TemplateError(f"template folder {templates} does not exist")
    return _environment(folder, html)


def _bytecode_cache() -> Any:
    """Compiled templates kept under the cache folder, so a new process skips Jinja's compiler.

    Jinja keys each entry by the template's name and a checksum of its source, so an edited
    template compiles afresh. A folder that cannot be written just means no cache.
    """
    from jinja2 import FileSystemBytecodeCache

    from briefing.config import default_cache_dir

    class QuietCache(FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
                super().dump_bytecode(bucket)

    folder = default_cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(folder))


def _oneline(value: Any) -> str:
    return " ".join(str(value).split())


@lru_cache(maxsize=16)
def _environment(templates: str | None, html: bool) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    loaders = []
    if templates is not None:
        loaders.append(FileSystemLoader(templates))
    loaders.append(FileSystemLoader(str(resource_dir("templates"))))
    env = BoundedSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["likelihood"] = describe
    env.filters["oneline"] = _oneline
    env.filters["plural"] = plural
    env.filters["utc_minute"] = utc_minute
    return env


def renderer(name: str, templates: str | Path | None = None, *, html: bool = False,
             limits: RenderLimits | None = None) -> Callable[[dict[str, Any]], str]:
    """A function rendering one template with a context, compiled once, bounded every time.

    The context is turned into plain data first (``plain``): a pydantic model inside it reaches
    the template as its JSON data. Every failure is a TemplateError.
    """
    pieces = piece_renderer(name, templates, html=html, limits=limits)
    return lambda context: "".join(pieces(context))


def piece_renderer(name: str, templates: str | Path | None = None, *, html: bool = False,
                   limits: RenderLimits | None = None
                   ) -> Callable[[dict[str, Any]], Iterable[str]]:
    """As ``renderer``, the output in pieces of text (joined, the output), to be written one
    after another: the template has run to its end, within its limits, before the first."""
    env = environment(templates, html=html)
    bounds = limits or RenderLimits.from_env()
    user = templates is not None
    template = _compile(env, name)

    def render_pieces(context: dict[str, Any]) -> Iterable[str]:
        data = context if isinstance(context, PlainContext) else plain(context)
        return run_bounded_pieces(name, lambda: template.generate(**data), bounds,
                                  cap_memory=user)

    return render_pieces


def _compile(env: Any, name: str) -> Any:
    """The compiled template, with a missing or broken one as a TemplateError."""
    from jinja2 import TemplateError as JinjaTemplateError

    try:
        return env.get_template(name)
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" at line {line}" if line else ""
        raise TemplateError(f"template {name} failed{where}: {exc.message or exc}") from exc


def render_template(name: str, context: dict[str, Any], templates: str | Path | None = None,
                    *, html: bool = False, limits: RenderLimits | None = None) -> str:
    """Render one template by name with a context (as plain data), within the limits."""
    return renderer(name, templates, html=html, limits=limits)(context)


def render(brief: Brief, format: str = "markdown", templates: str | Path | None = None,
           *, limits: RenderLimits | None = None) -> str:
    """Render a Brief. ``format`` is markdown, json or html; ``templates`` overrides ours.

    ``limits`` bounds the time and output of the template (default: RenderLimits.from_env()).
    """
    return "".join(render_pieces(brief, format, templates, limits=limits))


def render_pieces(brief: Brief, format: str = "markdown", templates: str | Path | None = None,
                  *, limits: RenderLimits | None = None, release: bool = False) -> Iterable[str]:
    """``render`` in pieces of text, to be written one after another without the whole text
    in memory at once: JSON is made as it is written; a template has run to its end, within
    its limits, before the first piece is returned. With ``release``, a template's data takes
    the brief's claims out of it (``brief.claims`` is left empty: for a caller that renders a
    brief once and drops it, so a long report's claims are not held twice)."""
    if format == "json":
        return brief_json_chunks(brief)
    if format not in _TEMPLATE_NAMES:
        raise TemplateError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    html = format == "html"
    bounds = (limits or RenderLimits.from_env()).for_reports(
        sum(len(source.text) for source in brief.sources))
    pieces = piece_renderer(_TEMPLATE_NAMES[format], templates, html=html, limits=bounds)
    return pieces(brief_context(brief, review_page=html, release=release))
