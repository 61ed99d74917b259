"""Loading each side of a diff: brief JSON as it is, any other report briefed first."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Final, TypeAlias

from pydantic import ValidationError

from briefing.backends import Backend
from briefing.config import max_report_bytes
from briefing.errors import BriefFormatError
from briefing.schema import Brief
from briefing.tools.diff.classify import diff_briefs
from briefing.tools.diff.model import BriefDiff

BackendChoice: TypeAlias = Backend | Callable[[], Backend] | None
#: How much larger than the report limit a brief JSON may be: a brief quotes every claim of
#: its reports with their citations, about 12 bytes for every byte of report.
BRIEF_SIZE_RATIO: Final = 16


def _brief_from_json(data: object, name: str) -> Brief | None:
    """The brief in parsed JSON, None when the JSON is not meant as a brief."""
    if not isinstance(data, dict) or not ({"schema_version", "claims"} & data.keys()):
        return None
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise BriefFormatError(
            f"{name} is not a valid brief: {where}: {first['msg']}{more}"
        ) from None


def load_brief_or_report(path: str, backend: BackendChoice = None,
                         generated_at: datetime | None = None) -> Brief:
    """A brief from ``path`` ("-" for stdin): brief JSON as it is, any other report briefed.
    A brief JSON may be BRIEF_SIZE_RATIO times the report limit (BRIEFING_MAX_BYTES), so the
    brief of any report that could be briefed can be diffed.

    Detected by content, not by extension: a JSON object with ``schema_version`` or
    ``claims`` is a brief (and must validate, else BriefFormatError); anything else is a
    report (text, HTML, JSON or JSONL, as `briefing generate` reads them), briefed with
    ``backend`` (a Backend, or a callable making one on first need).
    """
    from briefing.io.formats import parse_reports, to_source
    from briefing.io.sources import check_size, decode, read_bytes

    name = "standard input" if path == "-" else path
    most = BRIEF_SIZE_RATIO * max_report_bytes()
    raw = read_bytes(path, most)
    text, encoding = decode(raw, name, limit=most)
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):  # read as a report: that says why
            data = None
        brief = _brief_from_json(data, name)
        if brief is not None:
            return brief
    from briefing.brief.assembly import build_brief

    check_size(raw, name)  # a report, not a brief: the report limit
    sources = [to_source(report) for report in parse_reports(path, text, encoding)]
    chosen = backend if backend is None or isinstance(backend, Backend) else backend()
    return build_brief(sources, backend=chosen, generated_at=generated_at)


def diff_files(old: str, new: str, backend: BackendChoice = None,
               generated_at: datetime | None = None) -> BriefDiff:
    """Diff two files, each a brief JSON or a report (briefed first with ``backend``)."""
    if old == "-" and new == "-":
        from briefing.errors import ConfigurationError

        raise ConfigurationError("only one of OLD and NEW can be standard input (-)")
    if backend is not None and not isinstance(backend, Backend):
        factory = backend
        made: list[Backend] = []

        def once() -> Backend:
            if not made:
                made.append(factory())
            return made[0]

        backend = once
    before = load_brief_or_report(old, backend, generated_at)
    after = load_brief_or_report(new, backend, generated_at)
    return diff_briefs(before, after)
