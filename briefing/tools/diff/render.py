"""Rendering a BriefDiff: stable JSON, or Markdown through templates/diff.md.j2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from briefing.errors import TemplateError
from briefing.tools.diff.model import CHANGE_CLASSES, BriefDiff, ChangeClass

CLASS_TITLES: Final[dict[str, str]] = {
    "added": "Added",
    "removed": "Removed",
    "number_changed": "Numbers changed",
    "holder_changed": "Holder changed",
    "likelihood_changed": "Likelihood changed",
    "firmed_up": "Firmed up",
    "walked_back": "Walked back",
    "kind_changed": "Kind changed (assessment ↔ uncertainty)",
    "unchanged": "Unchanged",
}
#: How the summary counts each class ("2 added", "1 number changed").
SUMMARY_LABELS: Final[dict[str, str]] = {
    "added": "added",
    "removed": "removed",
    "number_changed": "number changed",
    "holder_changed": "holder changed",
    "likelihood_changed": "likelihood changed",
    "firmed_up": "firmed up",
    "walked_back": "walked back",
    "kind_changed": "kind changed (assessment ↔ uncertainty)",
    "unchanged": "unchanged",
}
#: Order of the detailed sections: what matters most first.
SECTION_ORDER: Final[tuple[ChangeClass, ...]] = (
    "firmed_up", "walked_back", "likelihood_changed", "number_changed", "holder_changed",
    "kind_changed", "added", "removed",
)


def diff_json(diff: BriefDiff, include_unchanged: bool = False) -> str:
    """The diff as stable, indented JSON (unchanged pairs listed only when asked for)."""
    shown = diff if include_unchanged else diff.model_copy(update={"unchanged": []})
    return json.dumps(shown.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def render_diff(diff: BriefDiff, format: str = "markdown", *, include_unchanged: bool = False,
                templates: str | Path | None = None) -> str:
    """Render a BriefDiff as markdown (templates/diff.md.j2) or json."""
    if format == "json":
        return diff_json(diff, include_unchanged)
    if format != "markdown":
        raise TemplateError(f"unknown diff format {format!r}; choose markdown or json")
    from briefing.rendering import render_template

    context: dict[str, Any] = {
        "diff": diff,
        "titles": CLASS_TITLES,
        "labels": SUMMARY_LABELS,
        "classes": [c for c in CHANGE_CLASSES if c != "unchanged"],
        "sections": [(c, CLASS_TITLES[c], diff.of_class(c)) for c in SECTION_ORDER],
        "unchanged": diff.unchanged if include_unchanged else [],
        "include_unchanged": include_unchanged,
    }
    return render_template("diff.md.j2", context, templates)
