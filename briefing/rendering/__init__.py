"""Rendering a Brief as Markdown, JSON or HTML through sandboxed Jinja templates."""

from __future__ import annotations

import contextlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from briefing.errors import TemplateError
from briefing.io.resources import resource_dir
from briefing.schema import Brief
from briefing.text.likelihood import describe

FORMATS: Final = ("markdown", "json", "html")
_TEMPLATE_NAMES: Final = {"markdown": "brief.md.j2", "html": "brief.html.j2"}


def brief_json(brief: Brief) -> str:
    """The Brief as stable, indented JSON (the contract other tools read)."""
    return json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def environment(templates: str | Path | None = None, *, html: bool = False) -> Any:
    """A sandboxed Jinja environment: the user's folder first, then the shipped templates.

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


@lru_cache(maxsize=16)
def _environment(templates: str | None, html: bool) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loaders = []
    if templates is not None:
        loaders.append(FileSystemLoader(templates))
    loaders.append(FileSystemLoader(str(resource_dir("templates"))))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["likelihood"] = describe
    env.filters["oneline"] = lambda value: " ".join(str(value).split())
    return env


def render_template(name: str, context: dict[str, Any], templates: str | Path | None = None,
                    *, html: bool = False) -> str:
    """Render one template by name with a context, turning Jinja failures into TemplateError."""
    from jinja2 import TemplateError as JinjaTemplateError
    from jinja2.exceptions import SecurityError

    env = environment(templates, html=html)
    try:
        return str(env.get_template(name).render(**context))
    except SecurityError as exc:
        raise TemplateError(f"template {name} tried something the sandbox forbids: {exc}") from exc
    except JinjaTemplateError as exc:
        raise TemplateError(f"template {name} failed: {exc}") from exc


def brief_context(brief: Brief) -> dict[str, Any]:
    """What brief templates see: the brief, its claims by kind, holders and citations."""
    by_holder: dict[str, list[Any]] = {}
    for claim in brief.claims_of("assessment"):
        by_holder.setdefault(claim.attributed_to or "The report", []).append(claim)
    sources = {source.id: source for source in brief.sources}
    return {
        "brief": brief,
        "facts": brief.claims_of("fact"),
        "assessments": brief.claims_of("assessment"),
        "assessments_by_holder": by_holder,
        "uncertainties": brief.claims_of("uncertainty"),
        "sources": sources,
        "multi_source": len(brief.sources) > 1,
    }


def render(brief: Brief, format: str = "markdown", templates: str | Path | None = None) -> str:
    """Render a Brief. ``format`` is markdown, json or html; ``templates`` overrides ours."""
    if format == "json":
        return brief_json(brief)
    if format not in _TEMPLATE_NAMES:
        raise TemplateError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    return render_template(_TEMPLATE_NAMES[format], brief_context(brief), templates,
                           html=format == "html")
