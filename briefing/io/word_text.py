"""Word (.docx) reports: paragraphs and table rows in document order, through python-docx.

Text outside the body's paragraphs and tables (text boxes, footnotes and endnotes, comments,
headers and footers, tables nested in table cells) is not read; the Source names what of it
the document holds.
"""

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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _texts(element: Any, tag: str) -> int:
    """How many ``tag`` elements under ``element`` hold text (a text box drawn twice, as a
    shape and as its VML fallback, counts once)."""
    count = 0
    for found in element.iter(f"{_W}{tag}"):
        if any(a.tag == _FALLBACK for a in found.iterancestors()):
            continue
        if "".join(found.itertext()).strip():
            count += 1
    return count


def _part_notes(document: Any) -> list[str]:
    """Footnotes, endnotes and comments with text, counted from their parts of the package."""
    from lxml import etree

    found: list[str] = []
    kinds = {"/word/footnotes.xml": ("footnote", "footnote"),
             "/word/endnotes.xml": ("endnote", "endnote"),
             "/word/comments.xml": ("comment", "comment")}
    for part in document.part.package.iter_parts():
        kind = kinds.get(str(part.partname))
        if kind is None:
            continue
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        # ids -1 and 0 of footnotes and endnotes are the separator lines Word always writes
        count = sum(1 for note in root.iter(f"{_W}{kind[0]}")
                    if note.get(f"{_W}id") not in {"-1", "0"} and "".join(note.itertext()).strip())
        if count:
            found.append(f"{count} {kind[1]}{'s' if count != 1 else ''}")
    return found


def _margins_have_text(document: Any) -> bool:
    """Whether any section defines a header or footer of its own that holds text."""
    for section in document.sections:
        for margin in (section.header, section.footer, section.first_page_header,
                       section.first_page_footer, section.even_page_header,
                       section.even_page_footer):
            if not margin.is_linked_to_previous and any(
                    paragraph.text.strip() for paragraph in margin.paragraphs):
                return True
    return False


def _not_read(document: Any) -> list[str]:
    """What of a Word document holds text that ``_blocks`` does not read."""
    body = document.element.body
    found: list[str] = []
    boxes = _texts(body, "txbxContent")
    if boxes:
        found.append(f"{boxes} text box{'es' if boxes != 1 else ''}")
    nested = sum(1 for table in body.iter(f"{_W}tbl")
                 if any(a.tag == f"{_W}tc" for a in table.iterancestors()))
    if nested:
        found.append(f"{nested} table{'s' if nested != 1 else ''} nested in table cells")
    found.extend(_part_notes(document))
    if _margins_have_text(document):
        found.append("headers and footers")
    return [f"{', '.join(found)} of the document"] if found else []


def read_docx(data: bytes, name: str) -> Extracted:
    """The document's text, one paragraph a line; its title from the document properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError) as exc:
        raise SourceError(f"{name} is not a readable Word document: {exc}") from exc
    text = "\n".join(_blocks(document))
    if not text.strip():
        raise SourceError(f"{name} is a Word document without text")
    title = (document.core_properties.title or "").strip()
    return Extracted(text, {"title": title} if title else {}, not_read=_not_read(document))
