"""PDF, Word and e-mail reports: briefed from the CLI and the API, spans slicing back to quotes.

Every test file is written here (fpdf2 for PDFs, python-docx for Word, the standard library for
e-mail), about fictional places and people.
"""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.cli import cli
from briefing.io.formats import load_sources
from briefing.schema import Brief

from .conftest import FIXED_TIME

PAGE_ONE = [
    "The Harven coast guard seized a tanker off Port Arlen on Tuesday.",
    "Officials said the vessel carried 40,000 barrels of undeclared fuel.",
]
PAGE_TWO = [
    "The ministry may open an inquiry into the port authority.",
    "Analysts believe the seizure is likely linked to the sanctions on Velmar.",
]


def write_pdf(path: Path, pages: list[list[str]], title: str | None = "Tanker seized") -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Ferry strike in Pellgrad"
    document.add_paragraph("Dock workers in Pellgrad stopped the morning ferries on Monday.")
    document.add_paragraph("The union said 300 workers joined the strike.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Route"
    table.rows[0].cells[1].text = "Pellgrad to Osk"
    document.add_paragraph("The strike could spread to the northern terminals, officials warned.")
    document.save(str(path))
    return path


def write_eml(path: Path, html: bool = False) -> Path:
    message = EmailMessage()
    message["From"] = "Meridian Desk <desk@example.invalid>"
    message["To"] = "analysts@example.invalid"
    message["Subject"] = "Flooding in the Vell valley"
    message["Date"] = "Fri, 20 Nov 2026 09:30:00 +0000"
    body = ("The Vell river burst its banks near Tamsk on Thursday.\n"
            "Rescuers evacuated 1,200 residents, the regional governor said.\n"
            "More rain may fall over the weekend.\n")
    if html:
        message.set_content("<html><body><article>" + "".join(
            f"<p>{line}</p>" for line in body.splitlines()) + "</article></body></html>",
            subtype="html")
    else:
        message.set_content(body)
        message.add_attachment(b"%PDF-1.4 not read", maintype="application", subtype="pdf",
                               filename="map.pdf")
    path.write_bytes(bytes(message))
    return path


def _check_spans(brief: Brief) -> None:
    texts = {source.id: source.text for source in brief.sources}
    assert brief.claims
    for claim in brief.claims:
        assert texts[claim.source_id][claim.span[0]:claim.span[1]] == claim.quote
        for citation in claim.citations:
            assert texts[citation.source_id][citation.span[0]:citation.span[1]] == citation.quote


def _brief(path: Path) -> Brief:
    return build_brief(load_source(path), backend=OfflineBackend(), generated_at=FIXED_TIME)


def test_pdf_pages_and_citations(tmp_path: Path) -> None:
    brief = _brief(write_pdf(tmp_path / "tanker.pdf", [PAGE_ONE, PAGE_TWO]))
    _check_spans(brief)
    source = brief.sources[0]
    assert source.title == "Tanker seized"
    assert source.page_starts is not None and len(source.page_starts) == 2
    pages = {claim.quote.split()[1]: claim.page for claim in brief.claims}
    assert pages["Harven"] == 1 and pages["ministry"] == 2
    assert all(c.page == claim.page for claim in brief.claims for c in claim.citations)
    markdown = render(brief)
    assert "[S1 p. 2 ¶" in markdown and "[S1 p. 1 ¶" in markdown


def test_scanned_pdf_is_one_clear_error(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a picture of a page, no text layer
    pdf.output(str(tmp_path / "scan.pdf"))
    result = CliRunner().invoke(cli, ["generate", str(tmp_path / "scan.pdf")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("Error: ") and "no text layer" in lines[-1] and "OCR" in lines[-1]
    assert "Traceback" not in result.output


def test_broken_pdf_and_docx_are_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage without objects")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    for name in ("broken.pdf", "broken.docx"):
        result = CliRunner().invoke(cli, ["generate", str(tmp_path / name)])
        assert result.exit_code == 1, result.output
        assert result.stderr.strip().splitlines()[-1].startswith(f"Error: {tmp_path / name}")


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    brief = _brief(write_docx(tmp_path / "strike.docx"))
    _check_spans(brief)
    source = brief.sources[0]
    assert source.title == "Ferry strike in Pellgrad"
    assert source.text.splitlines() == [
        "Dock workers in Pellgrad stopped the morning ferries on Monday.",
        "The union said 300 workers joined the strike.",
        "Route | Pellgrad to Osk",
        "The strike could spread to the northern terminals, officials warned.",
    ]
    kinds = {claim.quote: claim.kind for claim in brief.claims}
    assert kinds["The strike could spread to the northern terminals, officials warned."] == \
        "uncertainty"


@pytest.mark.parametrize("html", [False, True])
def test_eml_body_and_headers(tmp_path: Path, html: bool) -> None:
    brief = _brief(write_eml(tmp_path / "flood.eml", html=html))
    _check_spans(brief)
    source = brief.sources[0]
    assert (source.title, source.publisher, source.published) == (
        "Flooding in the Vell valley", "Meridian Desk", "2026-11-20")
    assert "Rescuers evacuated 1,200 residents" in source.text
    assert "PDF" not in source.text  # the attachment is not read
    # the Date header dates the report: "Thursday" resolves against it
    assert [(e.when, e.resolved) for e in brief.timeline] == [("Thursday", "2026-11-19")]


def test_documents_from_the_cli_and_in_folders(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "a.pdf", [PAGE_ONE, PAGE_TWO])
    write_docx(folder / "b.docx")
    write_eml(folder / "c.eml")
    assert len(load_sources(folder)) == 3
    result = CliRunner().invoke(cli, ["generate", str(folder), "--format", "json",
                                      "--generated-at", "2026-11-24T12:00:00Z"])
    assert result.exit_code == 0, result.output
    brief = Brief.model_validate(json.loads(result.stdout))
    assert [s.path for s in brief.sources] == [str(folder / n) for n in ("a.pdf", "b.docx", "c.eml")]
    _check_spans(brief)
    for name in ("a.pdf", "b.docx", "c.eml"):
        one = CliRunner().invoke(cli, ["generate", str(folder / name), "-f", "html"])
        assert one.exit_code == 0, one.output
        assert "<mark" in one.stdout


def test_pdf_on_standard_input_is_sniffed(tmp_path: Path) -> None:
    data = write_pdf(tmp_path / "t.pdf", [PAGE_ONE]).read_bytes()
    result = CliRunner().invoke(cli, ["generate", "-", "--format", "json"], input=data)
    assert result.exit_code == 0, result.output
    assert "Harven coast guard" in json.loads(result.stdout)["sources"][0]["text"]
