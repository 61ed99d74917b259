"""Building a Source from bytes or text: decoding any encoding, YAML front matter, provenance."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any, Final

from briefing.config import max_report_bytes
from briefing.errors import SourceError
from briefing.io.metadata import check_date, text_value
from briefing.schema import Source

_FRONT_MATTER: Final = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
METADATA_KEYS: Final[tuple[str, ...]] = ("title", "publisher", "published", "url", "reliability")
_RELIABILITY: Final = frozenset("ABCDEF")
TEXT_SUFFIXES: Final = frozenset({".txt", ".md", ".markdown", ".text", "",
                                   ".html", ".htm", ".json", ".jsonl", ".pdf", ".docx", ".eml"})


#: Below this many bytes, an encoding guessed for non-UTF-8 text is uncertain and is named.
SHORT_TEXT_BYTES: Final = 4096


def check_size(data: bytes, name: str, limit: int | None = None) -> None:
    """Refuse an empty report, or one over the size limit (``limit``, by default the report
    limit BRIEFING_MAX_BYTES)."""
    if not data.strip():
        raise SourceError(f"{name} is empty")
    most = max_report_bytes() if limit is None else limit
    if len(data) > most:
        raise SourceError(
            f"{name} is {len(data) / 1e6:.1f} MB, over the limit of {most / 1e6:.0f} MB "
            "(set BRIEFING_MAX_BYTES to raise it)"
        )


def decode(data: bytes, name: str, encoding: str | None = None, *,
           limit: int | None = None) -> tuple[str, str]:
    """Decode report bytes, detecting the encoding unless one is given; refuse binary data.

    Returns (text, encoding). A guess for short non-UTF-8 text is named in a BriefingWarning.
    """
    check_size(data, name, limit)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise SourceError(f"{name} cannot be decoded as {encoding}: {exc.reason} at byte "
                              f"{exc.start}") from exc
        except LookupError as exc:
            raise SourceError(f"{name}: unknown encoding {encoding!r}") from exc
        return _checked_text(text.removeprefix("\ufeff"), name), encoding
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, found in boms:
        if data.startswith(bom):
            try:
                return data.decode(found), found
            except UnicodeDecodeError as exc:
                raise SourceError(f"{name} cannot be decoded as {found}: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name} looks like a binary file, not a text report")
    try:
        text, found = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, found = _guess(data, name)
    return _checked_text(text, name), found


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of bytes that are not UTF-8, as charset-normalizer guesses them."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(
            f"{name} is not valid UTF-8 and its encoding could not be detected "
            "(pass --encoding to choose one)"
        ) from None
    if len(data) < SHORT_TEXT_BYTES:
        import warnings

        from briefing.errors import BriefingWarning

        warnings.warn(f"{name} is not UTF-8; assumed {best.encoding} from only {len(data)} "
                      "bytes (pass --encoding to choose)", BriefingWarning, stacklevel=4)
    return str(best), best.encoding


def _checked_text(text: str, name: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file)."""
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text[:65536]) // 100):
        raise SourceError(f"{name} looks like a binary file, not a text report")
    return text


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Separate optional YAML front matter from the report body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    from briefing.io.metadata import describe_yaml_error, load_yaml

    try:
        data = load_yaml(match.group("yaml")) or {}
    except yaml.YAMLError as exc:
        raise SourceError(
            f"{name} has front matter that is not valid YAML: {describe_yaml_error(exc)}"
        ) from exc
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


def display_name(path: str) -> str:
    """A file name as text: bytes of the name that are not UTF-8 (which Python keeps as lone
    surrogates) become U+FFFD, so the name can be written into a brief and printed."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def make_source(
    body: str,
    *,
    path: str | None = None,
    encoding: str | None = None,
    metadata: dict[str, Any] | None = None,
    source_id: str = "S1",
) -> Source:
    """Build a Source from its text (front matter removed) and metadata."""
    path = display_name(path) if path is not None else None
    name = path or "report"
    meta = {k: v for k, v in (metadata or {}).items() if v is not None}
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise SourceError(f"{name} has no report text")
    reliability = str(meta.get("reliability") or "F").strip().upper()
    if reliability not in _RELIABILITY:
        raise SourceError(f"{name}: reliability must be one of A-F, not {reliability!r}")
    try:
        title, publisher, url = (text_value(meta.get(key), name, key)
                                 for key in ("title", "publisher", "url"))
        published = check_date(meta.get("published"), name, "published")
    except ValueError as exc:
        raise SourceError(str(exc)) from None
    return Source(
        id=source_id,
        title=title or _first_line_title(body)
        or (Path(path).stem if path and path != "-" else None),
        publisher=publisher,
        published=published,
        url=url,
        path=path,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        reliability=reliability,  # type: ignore[arg-type]
        encoding=encoding,
        text=body,
    )


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """Bytes of a report file, or of stdin for "-", with one clear error when unreadable.

    Reads no more than ``limit`` bytes (default: the report limit, BRIEFING_MAX_BYTES) and one
    more: a file past it is refused without being read whole, so a link to /dev/zero or an
    endless pipe costs a few megabytes, not the machine's memory.
    """
    most = max_report_bytes() if limit is None else limit
    name = "standard input" if path == "-" else path
    if path == "-":
        data = sys.stdin.buffer.read(most + 1)
    else:
        file = Path(path)
        if not file.exists():
            raise SourceError(f"{path}: no such file")
        if file.is_dir():
            raise SourceError(f"{path} is a directory, not a report file")
        try:
            with file.open("rb") as stream:
                data = stream.read(most + 1)
        except OSError as exc:
            raise SourceError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if len(data) > most:
        raise SourceError(f"{name} is over the limit of {most / 1e6:.0f} MB "
                          "(set BRIEFING_MAX_BYTES to raise it)")
    return data


def read_utf8_text(path: Path) -> str:
    """A UTF-8 file's text (gold annotations, brat files), or one SourceError saying why it
    cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path} is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise SourceError(f"{path} cannot be read: {exc.strerror or exc}") from None
