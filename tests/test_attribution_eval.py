"""briefing eval attributions: brat files read, matched and scored (fictional articles)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import cli
from briefing.tools.attribution_eval import read_brat, sources_match

ARTICLE = ("Mayor Ilse Varga said the Halden levee held through the night. "
           "The river rose by a metre.\n")


def _ann(text: str) -> str:
    source = text.index("Mayor Ilse Varga")
    cue = text.index("said")
    content = text.index("the Halden levee")
    content_end = text.index(" The river") - 1
    return (
        f"T1\tSource {source} {source + 16}\tMayor Ilse Varga\n"
        f"T2\tCue {cue} {cue + 4}\tsaid\n"
        f"T3\tContent {content} {content_end}\t{text[content:content_end]}\n"
        f"T4\tAttribution {cue} {cue + 4}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )


def test_read_brat_takes_events_with_content_and_spans_over_lines() -> None:
    ann = ("T1\tContent 10 20;25 30\tfirst\nline that goes on\n"
           "T2\tSource 0 5\tVarga\nT3\tCue 6 9\tsaid\n"
           "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
           "E2\tAttribution:T3 Cue:T3\n")  # no content: not scored
    [found] = read_brat(ann)
    assert found.content == ((10, 20), (25, 30))
    assert (found.source, found.cue) == ("Varga", "said")


def test_sources_match_on_a_head_word() -> None:
    assert sources_match("Mayor Ilse Varga", "Varga")
    assert sources_match("Varga", "Ms. Varga")
    assert not sources_match("the Varga campaign", "Varga")


def test_eval_attributions_scores_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.ann").write_text(_ann(ARTICLE), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(cli, ["eval", "attributions", str(tmp_path), "--json",
                                      "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["gold"], scores["matched"], scores["source_accuracy"]) == (1, 1, 1.0)
    assert errors.read_text(encoding="utf-8") == ""


def test_eval_attributions_without_pairs_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "attributions", str(tmp_path)])
    assert result.exit_code == 1
    assert "Error:" in result.output and "NAME.ann" in result.output


def test_a_quotation_over_sentences_is_one_predicted_attribution() -> None:
    from briefing.backends.offline import OfflineBackend
    from briefing.brief.assembly import extract_grounded
    from briefing.io.sources import make_source
    from briefing.tools.attribution_eval import predicted_attributions

    text = ("“The ferry is safe. The crew checked every hull,” said pilot Tomas Brenn. "
            "Brenn added that the Halden channel was clear.\n")
    claims = extract_grounded(make_source(text), OfflineBackend()).claims
    runs = predicted_attributions(claims, text)
    assert [text[r.start : r.end] for r in runs] == [
        "“The ferry is safe. The crew checked every hull,” said pilot Tomas Brenn.",
        "Brenn added that the Halden channel was clear.",
    ]


def test_the_offline_reader_scores_its_relations_with_pronouns_resolved() -> None:
    from briefing.backends.offline import OfflineBackend
    from briefing.io.sources import make_source
    from briefing.tools.attribution_eval import predicted_relations

    text = ("Mayor Ilse Varga toured the Halden levee on Monday. "
            "“It held through the night,” she said, “and the town is dry.”\n")
    found = OfflineBackend().read_attributions(make_source(text))
    [predicted] = predicted_relations(found, text)
    assert predicted.holder == "Ilse Varga"  # "she": the person last named
    assert predicted.cue == "said"
    assert [text[a:b] for a, b in predicted.content] == [
        "“It held through the night,”", "“and the town is dry.”"]


def test_a_content_in_pieces_overlaps_by_the_sum_of_its_pieces() -> None:
    from briefing.tools.attribution_eval import _overlap

    assert _overlap(((0, 10), (20, 30)), ((0, 10), (20, 30))) == 1.0
    assert _overlap(((0, 10),), ((0, 10), (20, 30))) == 0.5  # the longer: 20 characters
    assert _overlap(((0, 10),), ((40, 50),)) == 0.0


def _bad_pair(tmp_path: Path, ann: bytes) -> str:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.ann").write_bytes(ann)
    result = CliRunner().invoke(cli, ["eval", "attributions", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [line] = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    return line


def test_annotations_that_are_not_utf8_are_one_error_line(tmp_path: Path) -> None:
    line = _bad_pair(tmp_path, _ann(ARTICLE).encode("utf-8") + b"T9\tSource 0 3\t\xff\n")
    assert "a.ann is not UTF-8 text" in line, line


def test_annotations_past_the_end_of_their_text_are_one_error_line(tmp_path: Path) -> None:
    ann = "T1\tContent 40 9000\tthe levee\nT2\tCue 6 9\tsaid\nE1\tAttribution:T2 Content:T1\n"
    line = _bad_pair(tmp_path, ann.encode("utf-8"))
    assert "a content span ends at 9000, past the end of a.txt" in line, line
