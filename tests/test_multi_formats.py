"""Input formats: HTML pages, JSON, JSONL and folders, from the API and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefing
from briefing.api import generate_brief
from briefing.cli import cli
from briefing.errors import SourceError
from briefing.io.formats import detect_format, load_file, load_source, load_sources
from briefing.schema import Brief

from .conftest import FIXED_TIME, FIXTURES

MULTI = FIXTURES / "multi"


def _assert_spans(brief: Brief) -> None:
    assert brief.claims
    for claim in brief.claims:
        for citation in claim.citations:
            text = brief.source(citation.source_id).text
            assert text[citation.span[0] : citation.span[1]] == citation.quote
        text = brief.source(claim.source_id).text
        assert text[claim.span[0] : claim.span[1]] == claim.quote


def _cli_json(*args: str) -> Brief:
    result = CliRunner().invoke(cli, ["generate", *args, "--format", "json",
                                      "--generated-at", "2026-11-24T12:00:00Z"])
    assert result.exit_code == 0, result.stderr
    return Brief.model_validate(json.loads(result.stdout))


def test_html_page_keeps_the_article_and_drops_navigation_and_ads() -> None:
    [source] = load_sources(MULTI / "veska-page.html")
    assert source.text.startswith("Veska harbour reopens after missile tests")
    assert "14 cargo ships" in source.text
    for boilerplate in ("ADVERTISEMENT", "Subscribe", "Most read", "Cookie", "Copyright"):
        assert boilerplate not in source.text
    assert source.title == "Veska harbour reopens after missile tests"
    assert source.publisher == "Tessel Coast Observer"
    assert source.published == "2026-11-21"
    assert source.url == "https://tessel-observer.example/news/veska-harbour-reopens"
    assert load_file(str(MULTI / "veska-page.html")).text == source.text


def test_html_from_cli_spans_index_the_extracted_text() -> None:
    brief = _cli_json(str(MULTI / "veska-page.html"))
    _assert_spans(brief)
    # "on Friday" resolves against the page's own date (Saturday 2026-11-21).
    assert any(entry.resolved == "2026-11-20" for entry in brief.timeline)


def test_json_single_report_and_list(tmp_path: Path) -> None:
    [single] = load_sources(MULTI / "calloway-single.json")
    assert single.publisher == "Merrow Business Daily" and single.published == "2026-10-12"
    records = [json.loads(line) for line in
               (MULTI / "calloway-strike.jsonl").read_text(encoding="utf-8").splitlines()]
    listed = tmp_path / "reports.json"
    listed.write_text(json.dumps(records[:2]), encoding="utf-8")
    sources = load_sources(listed)
    assert [s.path for s in sources] == [f"{listed}#1", f"{listed}#2"]
    assert sources[0].reliability == "B"
    _assert_spans(_cli_json(str(MULTI / "calloway-single.json"), str(listed)))


def test_jsonl_five_reports_from_api_and_cli() -> None:
    path = MULTI / "calloway-strike.jsonl"
    sources = briefing.load_sources(path)
    assert len(sources) == 5
    assert [s.path for s in sources] == [f"{path}:{n}" for n in range(1, 6)]
    assert sources[0].url == "https://calloway-post.example/strike"
    brief = _cli_json(str(path))
    assert len(brief.sources) == 5
    _assert_spans(brief)
    api = generate_brief([str(path)], generated_at=FIXED_TIME)
    assert api.model_dump() == brief.model_dump()


def test_jsonl_from_standard_input_is_sniffed() -> None:
    data = (MULTI / "calloway-strike.jsonl").read_bytes()
    result = CliRunner().invoke(cli, ["generate", "-", "--format", "json"], input=data)
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 5


def test_folder_reads_reports_sorted_and_skips_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("b-harbor.md", "a-northgate.md"):
        source = "harbor-courier.md" if name.startswith("b") else "northgate-ledger.md"
        (folder / name).write_bytes((MULTI / "three-outlets" / source).read_bytes())
    (folder / "notes.csv").write_text("not,a,report\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    sources = load_sources(folder)
    assert [Path(s.path or "").name for s in sources] == ["a-northgate.md", "b-harbor.md"]
    brief = _cli_json(str(folder))
    assert len(brief.sources) == 2
    _assert_spans(brief)


def test_folder_with_an_undecodable_file_names_it() -> None:
    with pytest.raises(SourceError, match=r"04-garbled\.txt"):
        load_sources(MULTI / "folder")
    result = CliRunner().invoke(cli, ["generate", str(MULTI / "folder")])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("04-garbled.txt cannot be decoded as utf-16: "
                                          "truncated data")


@pytest.mark.parametrize(("content", "message"), [
    ('{"text": "Marovia closed the border."}\nnot json\n', "line 2 is not valid JSON"),
    ('{"text": "Marovia closed the border."}\n{"title": "no text"}\n', "line 2: the report has"),
    ('{"text": "ok"}\n[1, 2]\n', "line 2: a report must be a JSON object"),
])
def test_bad_jsonl_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError, match=message) as error:
        load_sources(path)
    assert str(path) in str(error.value)


def test_bad_json_and_briefs_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": ', encoding="utf-8")
    with pytest.raises(SourceError, match=r"broken\.json is not valid JSON"):
        load_sources(broken)
    brief = tmp_path / "brief.json"
    brief.write_text(json.dumps({"schema_version": "1", "claims": [], "generator": {},
                                 "text": "x"}), encoding="utf-8")
    with pytest.raises(SourceError, match="is a brief"):
        load_sources(brief)
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<html><body><script>var a = 1;</script></body></html>",
                          encoding="utf-8")
    with pytest.raises(SourceError, match="no article text"):
        load_sources(empty_page)


def test_load_file_refuses_several_reports_and_load_source_reads_new_suffixes() -> None:
    with pytest.raises(SourceError, match="holds 5 reports; load it with load_sources"):
        load_file(str(MULTI / "calloway-strike.jsonl"))
    assert load_source(str(MULTI / "calloway-single.json")).publisher == "Merrow Business Daily"


def test_format_detection_by_suffix_then_content() -> None:
    assert detect_format("a.txt", "<html><body>x</body></html>") == "text"
    assert detect_format("-", "<!DOCTYPE html><html></html>") == "html"
    assert detect_format("report", '{"text": "x"}') == "json"
    assert detect_format("-", '{"text": "x"}\n{"text": "y"}\n') == "jsonl"
    assert detect_format("-", "[Update] Marovia closed the border.") == "text"
