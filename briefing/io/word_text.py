"""Word (.docx) reports: paragraphs and table rows in document order, through python-docx."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from briefing.errors import SourceError
from briefing.io.extracted import Extracted


def _blocks(document: Any) -> list[str]:
    """Each paragraph's text, and each table row's cells joined by " | ", in document order."""
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    lines.append(" | ".join(cells))
        elif block.text.strip():
            lines.append(block.text.replace("\r", "").replace("\x0b", "\n"))
    return lines


def read_docx(data: bytes, name: str) -> Extracted:
    """The document's text, one paragraph a line; its title from the document properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(f"{name} is not a readable Word document: {exc}") from exc
    text = "\n".join(_blocks(document))
    if not text.strip():
        raise SourceError(f"{name} is a Word document without text")
    title = (document.core_properties.title or "").strip()
    return Extracted(text, {"title": title} if title else {})
