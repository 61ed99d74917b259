"""PDF reports: the text layer of each page through pypdf, and where each page begins."""

from __future__ import annotations

import io
from typing import Any

from briefing.errors import SourceError
from briefing.io.extracted import Extracted

#: What separates two pages in the extracted text (a blank line: a paragraph break).
PAGE_BREAK = "\n\n"


def _metadata(reader: Any) -> dict[str, Any]:
    info = reader.metadata
    title = getattr(info, "title", None) if info is not None else None
    return {"title": str(title).strip()} if title and str(title).strip() else {}


def read_pdf(data: bytes, name: str) -> Extracted:
    """The text of every page, pages separated by a blank line; a PDF without a text layer
    (a scan) or one that cannot be read is a SourceError saying so."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(f"{name} is an encrypted PDF; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise SourceError(f"{name} is not a readable PDF: {exc}") from exc
    if not pages:
        raise SourceError(f"{name} is a PDF without pages")
    if not any(page.strip() for page in pages):
        raise SourceError(
            f"{name} has no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of "
            "images, a scan?); run OCR on it first (for example ocrmypdf) and brief the result")
    text_parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for number, page in enumerate(pages):
        body = page.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if number:
            text_parts.append(PAGE_BREAK)
            offset += len(PAGE_BREAK)
        starts.append(offset)
        text_parts.append(body)
        offset += len(body)
    return Extracted("".join(text_parts), _metadata(reader), starts, _blank_pages(pages))


def _blank_pages(pages: list[str]) -> list[str]:
    """Pages without a text layer in a PDF that has one elsewhere (a scanned page, a chart)."""
    blank = [number for number, page in enumerate(pages, start=1) if not page.strip()]
    if not blank:
        return []
    which = "page " + str(blank[0]) if len(blank) == 1 else "pages " + ", ".join(map(str, blank))
    return [f"{which} of {len(pages)}: no text (blank, or images of text: OCR the file to read them)"]
