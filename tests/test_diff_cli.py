"""`briefing diff` from the shell: formats, exit codes, -o, stdin, brief JSON input, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing.cli import cli
from briefing.tools.diff import BriefDiff

from .conftest import FIXTURES

PAIRS = FIXTURES / "diff"
FIXED = "2026-11-24T12:00:00Z"


def invoke(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def pair(case: str) -> tuple[str, str]:
    return str(PAIRS / case / "old.txt"), str(PAIRS / case / "new.txt")


def brief_file(tmp_path: Path, report: str, name: str) -> str:
    result = invoke("generate", report, "--format", "json", "--generated-at", FIXED,
                    "--backend", "offline", "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.stderr
    return str(tmp_path / name)


def test_diff_of_reports_prints_markdown_and_exits_0() -> None:
    result = invoke("diff", *pair("firmed-up"), "--backend", "offline")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# What changed: Test flight over Kelvara\n")
    assert "## Summary" in result.stdout and "## Firmed up" in result.stdout
    assert result.stderr == "Using the offline backend.\n"


@pytest.mark.parametrize(("case", "code"), [("walked-back", 1), ("reworded-reordered", 0)])
def test_exit_code_says_whether_anything_changed(case: str, code: int) -> None:
    result = invoke("diff", *pair(case), "--exit-code")
    assert result.exit_code == code, result.stderr
    assert result.stdout.startswith("# What changed")
    assert "Error" not in result.stderr


def test_json_output_follows_the_schema() -> None:
    result = invoke("diff", *pair("all-classes"), "--format", "json", "--generated-at", FIXED)
    assert result.exit_code == 0, result.stderr
    diff = BriefDiff.model_validate_json(result.stdout)
    assert diff.changed and diff.counts.firmed_up == 1 and diff.unchanged == []
    assert diff.old.generated_at.isoformat() == "2026-11-24T12:00:00+00:00"
    schema = invoke("schema", "--diff")
    assert schema.exit_code == 0 and json.loads(schema.stdout)["title"] == "BriefDiff"


def test_json_output_matches_golden_content() -> None:
    result = invoke("diff", *pair("number-changed"), "-f", "json", "--generated-at", FIXED)
    golden = json.loads((PAIRS / "number-changed" / "expected.json").read_text(encoding="utf-8"))
    produced = json.loads(result.stdout)
    for side in ("old", "new"):  # paths are recorded as given on the command line
        for source in (*produced[side]["sources"], *golden[side]["sources"]):
            source["path"] = None
    assert produced == golden


def test_all_lists_unchanged_claims() -> None:
    plain = invoke("diff", *pair("reworded-reordered"))
    listed = invoke("diff", *pair("reworded-reordered"), "--all")
    assert "## Unchanged" not in plain.stdout
    assert "## Unchanged" in listed.stdout
    assert listed.stdout.count(", was [old S1") == 4
    as_json = invoke("diff", *pair("reworded-reordered"), "--all", "-f", "json")
    assert len(json.loads(as_json.stdout)["unchanged"]) == 4


def test_brief_json_inputs_need_no_backend(tmp_path: Path) -> None:
    old, new = pair("holder-changed")
    old_brief = brief_file(tmp_path, old, "monday.json")
    new_brief = brief_file(tmp_path, new, "tuesday.data")  # content decides, not the suffix
    result = invoke("diff", old_brief, new_brief, "--exit-code")
    assert result.exit_code == 1
    assert "## Holder changed" in result.stdout
    assert "Using the" not in result.stderr


def test_a_brief_and_a_report_can_be_mixed(tmp_path: Path) -> None:
    old, new = pair("number-changed")
    result = invoke("diff", brief_file(tmp_path, old, "old.json"), new, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["number_changed"] == 2


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "diff.md"
    target.parent.mkdir()
    target.write_text("old content\n", encoding="utf-8")
    result = invoke("diff", *pair("added-removed"), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.endswith(f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("# What changed: Flooding in Merrowdale")
    assert [p.name for p in target.parent.iterdir()] == ["diff.md"]  # no temporary left over


def test_failed_diff_leaves_the_output_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "diff.md"
    target.write_text("previous diff\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": "1", "claims": 3}', encoding="utf-8")
    result = invoke("diff", str(broken), pair("firmed-up")[1], "-o", str(target))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "previous diff\n"


def test_report_from_stdin(tmp_path: Path) -> None:
    old, new = pair("walked-back")
    result = invoke("diff", old, "-", "--exit-code",
                    input=Path(new).read_text(encoding="utf-8"))
    assert result.exit_code == 1, result.stderr
    assert "## Walked back" in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    ('{"schema_version": "1", "claims": [{"id": "C1"}]}', "is not a valid brief"),
    ('{"claims": []}', "is not a valid brief"),
    ("", "is empty"),
    (None, "no such file"),
])
def test_bad_input_gives_one_error_line_and_exit_1(tmp_path: Path, content: str | None,
                                                   message: str) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke("diff", str(path), pair("firmed-up")[1])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_both_sides_from_stdin_is_an_error() -> None:
    result = invoke("diff", "-", "-", input="x")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: only one of OLD and NEW")


def test_usage_errors_exit_2() -> None:
    assert invoke("diff", "only-one.txt").exit_code == 2
    assert invoke("diff", *pair("firmed-up"), "--format", "html").exit_code == 2


def test_help_carries_an_example() -> None:
    result = invoke("diff", "--help")
    assert result.exit_code == 0
    assert "briefing diff monday.json tuesday.json" in result.stdout
    assert "--exit-code" in result.stdout and "--backend" in result.stdout


@pytest.mark.parametrize(("span", "message"), [
    ([40, 12], "must not end before it starts"),
    ([-3, 12], "greater than or equal to 0"),
])
def test_a_brief_whose_span_is_no_range_is_not_a_valid_brief(tmp_path: Path, span: list[int],
                                                             message: str) -> None:
    path = Path(brief_file(tmp_path, pair("firmed-up")[0], "old.json"))
    brief = json.loads(path.read_text(encoding="utf-8"))
    brief["claims"][0]["span"] = span
    path.write_text(json.dumps(brief), encoding="utf-8")
    result = invoke("diff", str(path), pair("firmed-up")[1])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "is not a valid brief" in errors[0] and message in errors[0]


def test_a_brief_larger_than_the_report_limit_can_be_diffed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = Path(brief_file(tmp_path, pair("firmed-up")[0], "old.json"))
    new = Path(brief_file(tmp_path, pair("firmed-up")[1], "new.json"))
    reports = [Path(path).stat().st_size for path in pair("firmed-up")]
    # a limit the reports meet and their briefs (several times larger) do not
    limit = max(old.stat().st_size, new.stat().st_size) // 8
    assert max(reports) <= limit < old.stat().st_size
    monkeypatch.setenv("BRIEFING_MAX_BYTES", str(limit))
    result = invoke("diff", str(old), str(new))
    assert result.exit_code == 0, result.stderr
    assert "## Firmed up" in result.stdout
    # a report over the limit is still refused, here as the other side of the diff
    big = tmp_path / "big.txt"
    big.write_text("The ferry left Osk at dawn. " * (limit // 10), encoding="utf-8")
    result = invoke("diff", str(old), str(big))
    assert result.exit_code == 1
    assert "big.txt is" in result.stderr and "over the limit" in result.stderr
