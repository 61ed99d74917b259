"""Hostile documents: a Word archive that unpacks to far more than the report limit, one whose
XML expands entities without end, and one whose text is over the limit each give one `Error:`
line, at once and without holding the unpacked text in memory first."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from .hostile import error_line, run_cli

#: A small limit keeps the cases fast: the rule is the same at the default 20 MB.
LIMIT = 100_000


def _docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def _replace_part(path: Path, part: str, content: str) -> Path:
    """The same archive with one part's XML replaced (python-docx would refuse to write it)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = content.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bomb.docx", ["The ferry left Osk at dawn."])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    one = "<w:p><w:r><w:t>" + "a" * 1000 + "</w:t></w:r></w:p>"
    _replace_part(path, "word/document.xml", xml.replace("<w:body>", "<w:body>" + one * 1500))
    assert path.stat().st_size < LIMIT  # small on disk, 1.5 MB unpacked: 15 times the limit
    line = error_line(run_cli("generate", str(path), env={"BRIEFING_MAX_BYTES": str(LIMIT)}))
    assert "bomb.docx unpacks to" in line and "BRIEFING_MAX_BYTES" in line, line


def test_entity_expansion_in_the_xml_is_one_error_line(tmp_path: Path) -> None:
    path = _docx(tmp_path / "laughs.docx", ["The ferry left Osk at dawn."])
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    _replace_part(path, "word/document.xml", (
        f'<?xml version="1.0"?><!DOCTYPE w [{entities}]><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        "<w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"))
    line = error_line(run_cli("generate", str(path)))
    assert "laughs.docx is not a readable Word document" in line, line


def test_text_over_the_limit_after_unpacking_is_refused(tmp_path: Path) -> None:
    sentence = "The Osk ferry carried 40 passengers to Pellgrad on Monday. "
    path = _docx(tmp_path / "long.docx", [sentence * 40] * 60)  # about 140 kB of text
    assert path.stat().st_size < LIMIT
    line = error_line(run_cli("generate", str(path), env={"BRIEFING_MAX_BYTES": str(LIMIT)}))
    assert "long.docx holds" in line and "MB of text, over the limit" in line, line


def test_a_document_under_the_limits_is_read(tmp_path: Path) -> None:
    path = _docx(tmp_path / "short.docx", ["The Osk ferry carried 40 passengers on Monday."])
    result = run_cli("generate", str(path), env={"BRIEFING_MAX_BYTES": str(LIMIT)})
    assert result.returncode == 0, result.stderr
    assert "40 passengers" in result.stdout


def test_an_email_nested_past_the_parser_is_one_error_line(tmp_path: Path) -> None:
    depth = 5000
    opening = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n'
                      for i in range(depth))
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    path = tmp_path / "deep.eml"
    path.write_text("From: desk@pellgrad.example\nSubject: Ferries\nMIME-Version: 1.0\n"
                    + opening + "Content-Type: text/plain\n\nThe ferry left Osk at dawn.\n"
                    + closing, encoding="utf-8")
    line = error_line(run_cli("generate", str(path)))
    assert "deep.eml nests its parts too deeply" in line, line
