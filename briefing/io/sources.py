"""Building a Source from bytes or text: decoding any encoding, YAML front matter, provenance."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from briefing.errors import SourceError
from briefing.schema import Source

#: Reports larger than this are refused (override with BRIEFING_MAX_BYTES).
DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
_FRONT_MATTER: Final = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
METADATA_KEYS: Final[tuple[str, ...]] = ("title", "publisher", "published", "url", "reliability")
_RELIABILITY: Final = frozenset("ABCDEF")
TEXT_SUFFIXES: Final = frozenset({".txt", ".md", ".markdown", ".text", "",
                                   ".html", ".htm", ".json", ".jsonl", ".pdf", ".docx", ".eml"})


def _max_bytes() -> int:
    raw = os.environ.get("BRIEFING_MAX_BYTES")
    if raw and raw.isdigit():
        return int(raw)
    return DEFAULT_MAX_BYTES


def check_size(data: bytes, name: str) -> None:
    """Refuse an empty report, or one over the size limit (BRIEFING_MAX_BYTES)."""
    if not data.strip():
        raise SourceError(f"{name} is empty")
    if len(data) > _max_bytes():
        raise SourceError(
            f"{name} is {len(data) / 1e6:.1f} MB, over the limit of {_max_bytes() / 1e6:.0f} MB "
            "(set BRIEFING_MAX_BYTES to raise it)"
        )


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode report bytes, detecting the encoding; refuse binary data. Returns (text, encoding)."""
    check_size(data, name)
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SourceError(f"{name} cannot be decoded as {encoding}: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name} looks like a binary file, not a text report")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise SourceError(
                f"{name} is not valid UTF-8 and its encoding could not be detected"
            ) from None
        text, encoding = str(best), best.encoding
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text[:65536]) // 100):
        raise SourceError(f"{name} looks like a binary file, not a text report")
    return text, encoding


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if not (value.hour or value.minute) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Separate optional YAML front matter from the report body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"{name} has front matter that is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise SourceError(f"{name} has front matter that is not a mapping of keys to values")
    return data, text[match.end() :]


def _first_line_title(body: str) -> str | None:
    for line in body.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            if len(stripped.split()) <= 16 and stripped[-1] not in ".!;:,":
                return stripped
            return None
    return None


def make_source(
    body: str,
    *,
    path: str | None = None,
    encoding: str | None = None,
    metadata: dict[str, Any] | None = None,
    source_id: str = "S1",
) -> Source:
    """Build a Source from its text (front matter removed) and metadata."""
    name = path or "report"
    meta = {k: v for k, v in (metadata or {}).items() if v is not None}
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise SourceError(f"{name} has no report text")
    reliability = str(meta.get("reliability") or "F").strip().upper()
    if reliability not in _RELIABILITY:
        raise SourceError(f"{name}: reliability must be one of A-F, not {reliability!r}")
    title = meta.get("title")
    return Source(
        id=source_id,
        title=str(title) if title else _first_line_title(body)
        or (Path(path).stem if path and path != "-" else None),
        publisher=str(meta["publisher"]) if meta.get("publisher") else None,
        published=_iso(meta.get("published")),
        url=str(meta["url"]) if meta.get("url") else None,
        path=path,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        reliability=reliability,  # type: ignore[arg-type]
        encoding=encoding,
        text=body,
    )


def read_bytes(path: str) -> bytes:
    """Bytes of a report file, or of stdin for "-", with one clear error when unreadable."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.exists():
        raise SourceError(f"{path}: no such file")
    if file.is_dir():
        raise SourceError(f"{path} is a directory, not a report file")
    try:
        return file.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path} cannot be read: {exc.strerror or exc}") from exc
