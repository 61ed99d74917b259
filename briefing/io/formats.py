"""Input formats: HTML pages, JSON, JSONL, folders and text files turned into Sources."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from briefing.errors import SourceError
from briefing.io.documents import DOCUMENT_SUFFIXES, document_format, read_document
from briefing.io.html_pages import html_document
from briefing.io.sources import (
    METADATA_KEYS,
    TEXT_SUFFIXES,
    check_size,
    decode,
    display_name,
    make_source,
    read_bytes,
    split_front_matter,
)
from briefing.schema import Source

Format = Literal["text", "html", "json", "jsonl"]

#: Metadata a report may carry besides its text (front matter, JSON keys, HTML meta tags).
#: Suffixes read as reports; anything else in a folder is skipped.
SUFFIXES: Final[dict[str, Format]] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_HTML_START: Final = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main)\b",
    re.IGNORECASE | re.DOTALL,
)
#: Keys of a brief (a file `briefing generate --format json` wrote), to refuse it politely.
_BRIEF_KEYS: Final = frozenset({"schema_version", "claims", "generator"})

#: Turns a {publisher: letter} table into a lookup; see briefing.reliability.
RatingLookup = Callable[[str | None], str | None]


@dataclass
class Report:
    """One report found in a file, before it becomes a Source: its text and metadata."""

    body: str
    metadata: dict[str, Any]
    path: str
    encoding: str | None
    page_starts: list[int] | None = None
    not_read: list[str] | None = None


def detect_format(path: str, text: str) -> Format:
    """The format of a report: by suffix first, by sniffing the content when the suffix is silent.

    A ``.txt`` or ``.md`` file is always text, whatever it holds. A file without a known suffix
    (or standard input) is HTML when it starts like a page, JSON when it parses as JSON, JSONL
    when every non-blank line is a JSON object, and text otherwise.
    """
    by_suffix = SUFFIXES.get(Path(path).suffix.lower()) if path != "-" else None
    if by_suffix is not None:
        return by_suffix
    if _HTML_START.match(text):
        return "html"
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in {"{", "["}:
        try:
            json.loads(stripped)
        except RecursionError:
            return "json"  # reading it says why it cannot be read
        except ValueError:
            lines = [line for line in stripped.splitlines() if line.strip()]
            if lines and all(line.lstrip().startswith("{") for line in lines):
                return "jsonl"
            return "text"
        return "json"
    return "text"


def _text_reports(text: str, name: str, path: str, encoding: str | None) -> list[Report]:
    front, body = split_front_matter(text, name)
    metadata: dict[str, Any] = {k: front[k] for k in METADATA_KEYS if k in front}
    return [Report(body, metadata, path, encoding)]


def _html_reports(text: str, name: str, path: str, encoding: str | None) -> list[Report]:
    """Main text and metadata of a web page, without navigation, ads and boilerplate."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html_document(text, name),
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not str(body).strip():
        raise SourceError(f"{name}: no article text could be extracted from the HTML page")
    metadata: dict[str, Any] = {
        "title": getattr(document, "title", None),
        "publisher": getattr(document, "sitename", None) or getattr(document, "hostname", None),
        "published": getattr(document, "date", None),
        "url": getattr(document, "url", None),
    }
    kept: dict[str, Any] = {k: v for k, v in metadata.items() if v}
    return [Report(str(body), kept, path, encoding)]


def _record(value: Any, name: str, where: str) -> dict[str, Any]:
    """Check one JSON report object: a mapping with a non-empty string "text"."""
    if not isinstance(value, dict):
        raise SourceError(f"{name}{where}: a report must be a JSON object with a \"text\" key, "
                          f"not {type(value).__name__}")
    if value.keys() >= _BRIEF_KEYS:
        raise SourceError(f"{name}{where} is a brief (briefing's JSON output), not a report")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SourceError(f"{name}{where}: the report has no \"text\" (a non-empty string)")
    return value


def _from_record(value: dict[str, Any], path: str, encoding: str | None) -> Report:
    metadata: dict[str, Any] = {
        k: value[k] for k in METADATA_KEYS if value.get(k) not in (None, "")
    }
    return Report(str(value["text"]), metadata, path, encoding)


def _loads(text: str, name: str) -> Any:
    """Parse JSON; invalid or too deeply nested JSON is one SourceError naming the file."""
    try:
        return json.loads(text)
    except RecursionError:
        raise SourceError(f"{name} holds JSON nested too deeply to read") from None
    except ValueError as exc:
        raise SourceError(f"{name} is not valid JSON: {exc}") from exc


def _json_reports(text: str, name: str, path: str, encoding: str | None) -> list[Report]:
    data = _loads(text, name)
    if isinstance(data, list):
        if not data:
            raise SourceError(f"{name} holds an empty list: no reports")
        return [
            _from_record(_record(item, name, f" item {i}"), f"{path}#{i}", encoding)
            for i, item in enumerate(data, start=1)
        ]
    return [_from_record(_record(data, name, ""), path, encoding)]


def _jsonl_reports(text: str, name: str, path: str, encoding: str | None) -> list[Report]:
    reports = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        value = _loads(line, f"{name} line {number}")
        record = _record(value, name, f" line {number}")
        reports.append(_from_record(record, f"{path}:{number}", encoding))
    if not reports:
        raise SourceError(f"{name} holds no reports")
    return reports


_PARSERS: Final = {
    "text": _text_reports,
    "html": _html_reports,
    "json": _json_reports,
    "jsonl": _jsonl_reports,
}


def _document_report(path: str, data: bytes, name: str) -> Report | None:
    """The report of a PDF, Word document or e-mail (None for text formats)."""
    kind = document_format(path, data)
    if kind is None:
        return None
    check_size(data, name)
    extracted = read_document(kind, data, name)
    if extracted.not_read:
        import warnings

        from briefing.errors import BriefingWarning

        warnings.warn(f"{name} is read in part; not read: {'; '.join(extracted.not_read)}",
                      BriefingWarning, stacklevel=2)
    return Report(extracted.text, extracted.metadata, path, None, extracted.page_starts or None,
                  extracted.not_read or None)


def parse_reports(path: str, text: str, encoding: str | None = None) -> list[Report]:
    """The reports held by one decoded file (several for JSON lists and JSONL)."""
    name = "standard input" if path == "-" else path
    return _PARSERS[detect_format(path, text)](text, name, path, encoding)


def to_source(report: Report, ratings: RatingLookup | None = None, **metadata: Any) -> Source:
    """A Source from a Report: explicit metadata wins over the report's own, which wins over the
    reliability table (a rating written into a report is more specific than its publisher's)."""
    merged = dict(report.metadata)
    merged.update({k: v for k, v in metadata.items() if v is not None})
    if ratings is not None and not merged.get("reliability"):
        rating = ratings(str(merged["publisher"]) if merged.get("publisher") else None)
        if rating:
            merged["reliability"] = rating
    source = make_source(report.body, path=report.path, encoding=report.encoding, metadata=merged)
    if report.page_starts or report.not_read:
        source = source.model_copy(update={"page_starts": report.page_starts,
                                           "not_read": report.not_read or []})
    return source


def is_report_file(path: Path) -> bool:
    """Whether a folder entry is read as a report: a visible file with a report suffix."""
    return (path.is_file() and not path.name.startswith((".", "~"))
            and (path.suffix.lower() in SUFFIXES or path.suffix.lower() in DOCUMENT_SUFFIXES))


def report_files(folder: str | os.PathLike[str], *, announce_skipped: bool = False) -> list[Path]:
    """Report files directly inside a folder, sorted by name; other files are skipped.

    With ``announce_skipped``, visible files that are skipped (not a report format) are named in
    one BriefingWarning, so a folder is never read in part silently; sub-folders, hidden files
    and editor lock files ("~...") are passed over without a word.
    """
    directory = Path(folder)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise SourceError(f"{directory} cannot be listed: {exc.strerror or exc}") from exc
    files = [entry for entry in entries if is_report_file(entry)]
    if announce_skipped:
        _announce_skipped(directory, [entry for entry in entries if entry not in files])
    if not files:
        raise SourceError(
            f"{directory} holds no reports (files ending in "
            f"{', '.join(sorted([*SUFFIXES, *DOCUMENT_SUFFIXES]))})"
        )
    return files


def _announce_skipped(directory: Path, others: list[Path]) -> None:
    visible = [entry for entry in others if not entry.name.startswith((".", "~"))]
    _warn_skipped(directory, [entry for entry in visible if entry.is_file()], "file",
                  "not in a report format")
    # pipes, devices, sockets and links to nothing: reading one could block or never end
    _warn_skipped(directory, [entry for entry in visible
                              if not entry.is_file() and not entry.is_dir()], "entry",
                  "not a regular file")


def _warn_skipped(directory: Path, entries: list[Path], noun: str, why: str) -> None:
    if not entries:
        return
    import warnings

    from briefing.errors import BriefingWarning

    skipped = [display_name(entry.name) for entry in entries]
    shown = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
    nouns = {"file": "files", "entry": "entries"}[noun] if len(skipped) != 1 else noun
    why = why.replace("a regular file", "regular files") if len(skipped) != 1 else why
    warnings.warn(f"{display_name(str(directory))}: {len(skipped)} {nouns} skipped, {why} "
                  f"({shown})", BriefingWarning, stacklevel=4)


def load_reports(path: str | os.PathLike[str], encoding: str | None = None) -> list[Report]:
    """Every report in a file, in standard input ("-"), or in the report files of a folder.

    ``encoding`` forces one encoding instead of detecting it.
    """
    name = os.fspath(path)
    if name != "-" and Path(name).is_dir():
        return [report for file in report_files(name, announce_skipped=True)
                for report in load_reports(str(file), encoding)]
    display = "standard input" if name == "-" else name
    data = read_bytes(name)
    document = _document_report(name, data, display)
    if document is not None:
        return [document]
    text, found = decode(data, display, encoding)
    return parse_reports(name, text, found)


def load_sources(
    path: str | os.PathLike[str],
    *,
    ratings: RatingLookup | Mapping[str, str] | str | os.PathLike[str] | None = None,
    encoding: str | None = None,
    **metadata: Any,
) -> list[Source]:
    """Load every report a path holds: a file of any supported format, "-", or a folder.

    ``ratings`` is a reliability table (a publisher → A-F mapping or a YAML file of one);
    ``encoding`` forces one encoding instead of detecting it;
    ``metadata`` (title, publisher, published, url, reliability) overrides what reports say.
    """
    lookup = rating_lookup(ratings)
    return [to_source(report, lookup, **metadata) for report in load_reports(path, encoding)]


def load_one(path: str, text: str, encoding: str | None, **metadata: Any) -> Source:
    """The single report of a decoded HTML or JSON file (for sources.load_file)."""
    reports = parse_reports(path, text, encoding)
    if len(reports) != 1:
        name = "standard input" if path == "-" else path
        raise SourceError(f"{name} holds {len(reports)} reports; load it with load_sources()")
    return to_source(reports[0], None, **metadata)


def rating_lookup(ratings: RatingLookup | Mapping[str, str] | str | os.PathLike[str] | None,
                  ) -> RatingLookup | None:
    """A publisher → letter lookup from a table, a mapping or a YAML file (None: no table)."""
    if ratings is None or callable(ratings):
        return ratings
    from briefing.io.reliability import ReliabilityTable

    if isinstance(ratings, Mapping):
        return ReliabilityTable.from_mapping(ratings).lookup
    return ReliabilityTable.load(ratings).lookup


def load_file(path: str, encoding: str | None = None, **metadata: Any) -> Source:
    """Load a report file (.txt or .md, optional front matter; one HTML page or JSON report),
    or stdin for "-". Files holding several reports (JSONL, folders) need load_sources."""
    name = "standard input" if path == "-" else path
    data = read_bytes(path)
    document = _document_report(path, data, name)
    if document is not None:
        return to_source(document, None, **metadata)
    text, encoding = decode(data, name, encoding)
    if detect_format(path, text) != "text":
        return load_one(path, text, encoding, **metadata)
    front, body = split_front_matter(text, name)
    merged = {k: front[k] for k in METADATA_KEYS if k in front}
    merged.update({k: v for k, v in metadata.items() if v is not None})
    return make_source(body, path=path, encoding=encoding, metadata=merged)


def load_source(path_or_text: str | os.PathLike[str], encoding: str | None = None,
                **metadata: Any) -> Source:
    """Load a report from a path, "-" (stdin), or the report text itself.

    A string is a path when it names an existing file, is "-", or is a single line ending in a
    report suffix (.txt, .md); otherwise it is the report's text.
    """
    if isinstance(path_or_text, os.PathLike):
        return load_file(os.fspath(path_or_text), encoding, **metadata)
    value = path_or_text
    looks_like_path = (
        value == "-"
        or ("\n" not in value and len(value) < 4096 and (
            Path(value).suffix.lower() in TEXT_SUFFIXES - {""} or Path(value).exists()
        ))
    )
    if looks_like_path:
        return load_file(value, encoding, **metadata)
    front, body = split_front_matter(value, "report text")
    merged = {k: front[k] for k in METADATA_KEYS if k in front}
    merged.update({k: v for k, v in metadata.items() if v is not None})
    return make_source(body, metadata=merged)
