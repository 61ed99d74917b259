"""Binary report formats (PDF, Word .docx, e-mail .eml): which one a file is, and its text."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from typing import Final, Literal

from briefing.io.email_text import read_eml
from briefing.io.extracted import Extracted
from briefing.io.pdf_text import read_pdf
from briefing.io.word_text import read_docx

DocumentFormat = Literal["pdf", "docx", "eml"]
#: Suffixes of the formats read from bytes, not decoded as text first.
DOCUMENT_SUFFIXES: Final[dict[str, DocumentFormat]] = {".pdf": "pdf", ".docx": "docx", ".eml": "eml"}
_READERS: Final = {"pdf": read_pdf, "docx": read_docx, "eml": read_eml}


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


def read_document(kind: DocumentFormat, data: bytes, name: str) -> Extracted:
    """The text and metadata of a PDF, Word document or e-mail."""
    return _READERS[kind](data, name)
