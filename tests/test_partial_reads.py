"""Issue 12, item 7: a file read only in part says so, on stderr and in the brief.

E-mail attachments, PDF pages without text, and the parts of a Word document the reader leaves
out (text boxes, footnotes, comments, headers and footers, nested tables) are named in
``Source.not_read``, in one ``Warning:`` line, and in the Markdown, HTML and JSON brief. A file
read whole says nothing of the kind. Every file is written here, about fictional places.
"""

from __future__ import annotations

import json
import re
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.errors import BriefingWarning
from briefing.io.formats import load_sources

from .test_document_inputs import PAGE_ONE, PAGE_TWO, write_docx, write_pdf

BODY = ("Customs officers in Varn held three lorries at the Osk crossing on Monday.\n"
        "The border agency said the lorries carried 12 tonnes of copper wire.\n")


def _eml(path: Path, attachments: list[tuple[str, bytes]]) -> Path:
    message = EmailMessage()
    message["From"] = "Varn Desk <desk@example.invalid>"
    message["Subject"] = "Lorries held at Osk"
    message["Date"] = "Mon, 23 Nov 2026 08:00:00 +0000"
    message.set_content(BODY)
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream",
                               filename=name)
    path.write_bytes(bytes(message))
    return path


def _generate(path: Path, *options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["generate", str(path), *options])
    return result.exit_code, result.stdout, result.stderr


def test_email_attachments_are_named_on_stderr_and_in_every_format(tmp_path: Path) -> None:
    path = _eml(tmp_path / "osk.eml", [("manifest.pdf", b"%PDF-1.4 x"), ("photo 1.jpg", b"\xff")])
    code, markdown, stderr = _generate(path)
    assert code == 0
    warnings = [line for line in stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1
    assert "read in part" in warnings[0]
    assert "2 attachments" in warnings[0] and "manifest.pdf" in warnings[0]
    assert "photo 1.jpg" in warnings[0]
    # the note opens the brief, before its bottom line, and the source entry repeats it
    head = markdown.split("## Bottom line up front")[0]
    assert "Read in part: S1" in head and "manifest.pdf, photo 1.jpg" in head
    sources = markdown.split("## Sources")[1]
    assert "**read in part**" in sources and "not read: 2 attachments" in sources

    code, output, _ = _generate(path, "--format", "json")
    source = json.loads(output)["sources"][0]
    assert len(source["not_read"]) == 1
    assert source["not_read"][0].startswith("2 attachments of the e-mail")

    code, page, _ = _generate(path, "--format", "html")
    assert code == 0
    assert page.count('class="partial"') >= 2  # under the title and over the source's text
    assert "manifest.pdf" in page


def test_email_without_attachments_is_read_whole(tmp_path: Path) -> None:
    code, markdown, stderr = _generate(_eml(tmp_path / "osk.eml", []))
    assert code == 0
    assert "Warning:" not in stderr
    assert "read in part" not in markdown.lower()
    code, output, _ = _generate(_eml(tmp_path / "osk.eml", []), "--format", "json")
    assert json.loads(output)["sources"][0]["not_read"] == []


def test_pdf_page_without_text_is_named(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for lines in (PAGE_ONE, None, PAGE_TWO):
        pdf.add_page()
        if lines is None:
            pdf.rect(20, 20, 100, 60, style="F")  # a picture of text: no text layer
            continue
        pdf.set_font("Helvetica", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "mixed.pdf"))
    with pytest.warns(BriefingWarning, match="read in part"):
        [source] = load_sources(tmp_path / "mixed.pdf")
    assert len(source.not_read) == 1
    assert source.not_read[0].startswith("page 2 of 3: no text")
    # the pages that were read are all there
    assert "Port Arlen" in source.text and "Velmar" in source.text


def test_pdf_with_text_on_every_page_is_read_whole(tmp_path: Path) -> None:
    [source] = load_sources(write_pdf(tmp_path / "t.pdf", [PAGE_ONE, PAGE_TWO]))
    assert source.not_read == []


_TEXT_BOX = (
    '<w:p><w:r><w:pict><v:shape style="width:200pt;height:50pt"><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>Inset: the Osk crossing stays shut until Friday.</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
)
_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t>Figures from the Varn border agency.</w:t></w:r></w:p>'
    "</w:footnote>"
    '<w:footnote w:id="2"><w:p><w:r><w:t>Unconfirmed.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _with_text_box_and_footnotes(path: Path) -> Path:
    """Add a VML text box to the body, and a footnotes part with two footnotes."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode()
    if "xmlns:v=" not in document:
        document = document.replace("<w:document ", '<w:document xmlns:v="urn:schemas-microsoft-'
                                    'com:vml" ', 1)
    parts["word/document.xml"] = re.sub(r"(<w:body>)", r"\1" + _TEXT_BOX, document,
                                        count=1).encode()
    parts["word/footnotes.xml"] = _FOOTNOTES.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="footnotes.xml"/></Relationships>')).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>')).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_word_parts_outside_the_body_are_named(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Dock workers in Pellgrad stopped the morning ferries on Monday.")
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].add_table(rows=1, cols=1).rows[0].cells[0].text = "Osk: closed"
    document.sections[0].header.paragraphs[0].text = "Pellgrad desk, restricted"
    document.save(str(tmp_path / "strike.docx"))
    path = _with_text_box_and_footnotes(tmp_path / "strike.docx")
    with pytest.warns(BriefingWarning, match="read in part"):
        [source] = load_sources(path)
    [note] = source.not_read
    assert note.startswith("1 text box, 1 table nested in table cells, 2 footnotes")
    assert note.endswith("headers and footers of the document")
    assert "Inset" not in source.text and "Figures from" not in source.text


def test_word_document_of_paragraphs_and_tables_is_read_whole(tmp_path: Path) -> None:
    [source] = load_sources(write_docx(tmp_path / "ferry.docx"))
    assert source.not_read == []


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04 not a report")
    (folder / "notes.odt").write_bytes(b"PK\x03\x04 nor this")
    (folder / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (folder / "~lock.txt").write_text("", encoding="utf-8")
    (folder / "sub").mkdir()
    return folder


def test_folder_names_the_files_it_skips(tmp_path: Path) -> None:
    code, markdown, stderr = _generate(_folder(tmp_path))
    assert code == 0 and "Osk crossing" in markdown
    warnings = [line for line in stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == [f"Warning: {tmp_path / 'in'}: 2 files skipped, not in a report format "
                        "(figures.xlsx, notes.odt)"]


def test_batch_names_the_files_it_skips(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", "--each", str(_folder(tmp_path)),
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert sum("2 files skipped" in line for line in result.stderr.splitlines()) == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.md"]
