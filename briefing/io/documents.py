"""Binary report formats (PDF, Word .docx, e-mail .eml): which one a file is, and its text."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from typing import Final, Literal

from briefing.config import max_report_bytes
from briefing.errors import SourceError
from briefing.io.email_text import read_eml
from briefing.io.extracted import Extracted
from briefing.io.pdf_text import read_pdf
from briefing.io.word_text import read_docx

DocumentFormat = Literal["pdf", "docx", "eml"]
#: Suffixes of the formats read from bytes, not decoded as text first.
DOCUMENT_SUFFIXES: Final[dict[str, DocumentFormat]] = {".pdf": "pdf", ".docx": "docx", ".eml": "eml"}
_READERS: Final = {"pdf": read_pdf, "docx": read_docx, "eml": read_eml}
#: How much larger than the report limit a Word archive may unpack: its XML carries markup
#: around the text, but an archive unpacking to far more is a decompression bomb.
UNPACKED_RATIO: Final = 10


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def document_format(path: str, data: bytes) -> DocumentFormat | None:
    """The binary format of a report: by suffix, else by its first bytes (standard input, a
    file without a known suffix); None for text formats."""
    if path != "-":
        by_suffix = DOCUMENT_SUFFIXES.get(Path(path).suffix.lower())
        if by_suffix is not None:
            return by_suffix
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    return None


def _check_unpacked_size(data: bytes, name: str) -> None:
    """Refuse a Word archive that would unpack to more than UNPACKED_RATIO times the report
    limit, before any of it is unpacked (a few hundred kilobytes can unpack to gigabytes)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        return  # the reader says what is wrong with it
    if unpacked > UNPACKED_RATIO * max_report_bytes():
        raise SourceError(
            f"{name} unpacks to {unpacked / 1e6:.0f} MB, over {UNPACKED_RATIO} times the limit of "
            f"{max_report_bytes() / 1e6:.0f} MB (set BRIEFING_MAX_BYTES to raise it)")


def read_document(kind: DocumentFormat, data: bytes, name: str) -> Extracted:
    """The text and metadata of a PDF, Word document or e-mail, held to the report size limit
    (BRIEFING_MAX_BYTES) after unpacking as well as before."""
    if kind == "docx":
        _check_unpacked_size(data, name)
    extracted = _READERS[kind](data, name)
    if len(extracted.text) > max_report_bytes():
        raise SourceError(
            f"{name} holds {len(extracted.text) / 1e6:.1f} MB of text, over the limit of "
            f"{max_report_bytes() / 1e6:.0f} MB (set BRIEFING_MAX_BYTES to raise it)")
    return extracted
