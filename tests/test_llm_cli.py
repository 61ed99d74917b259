"""`briefing generate --backend llm` end to end against a scripted server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing.cli import cli

from .conftest import SEED
from .llm_server import Reply, ScriptedServer, answer, error

FAST = {"BRIEFING_RETRY_WAIT": "0.01", "BRIEFING_MAX_ATTEMPTS": "2"}


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def generate(server: ScriptedServer, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        cli,
        ["generate", "--backend", "llm", "--base-url", server.url, str(SEED), *args],
        env={**FAST, **(env or {})},
    )


def one_error_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_generate_json_end_to_end(server: ScriptedServer) -> None:
    result = generate(server, "--format", "json", "--generated-at", "2026-11-24T12:00:00Z")
    assert result.exit_code == 0, result.stderr
    assert "Using the llm (model scripted-model) backend." in result.stderr
    brief = json.loads(result.stdout)
    text = SEED.read_text(encoding="utf-8")
    assert brief["generator"]["backend"] == "llm"
    assert brief["generator"]["prompt_id"] == "label-units"
    assert brief["generator"]["prompt_hash"].startswith("sha256:")
    assert brief["claims"], "the scripted server quotes the report's first sentences"
    for claim in brief["claims"]:
        assert text[claim["span"][0]:claim["span"][1]] == claim["quote"]
    assert brief["usage"]["calls"] == 1
    units = server.completions[0].units  # the model saw the report as numbered units
    flat = " ".join(text.split())
    assert len(units) >= 10 and all(unit in flat for unit in units.values())


def test_markdown_footer_reports_model_and_usage(server: ScriptedServer) -> None:
    result = generate(server)
    assert result.exit_code == 0, result.stderr
    assert "with the llm backend (model scripted-model, prompt label-units v3.0)" in (
        result.stdout)
    assert "Model usage: 1 call, " in result.stdout


def test_rerun_is_served_from_the_cache(server: ScriptedServer) -> None:
    assert generate(server, "--format", "json").exit_code == 0
    second = generate(server, "--format", "json")
    assert second.exit_code == 0
    assert len(server.completions) == 1
    assert json.loads(second.stdout)["usage"]["cache_hits"] == 1
    assert generate(server, "--no-cache").exit_code == 0
    assert len(server.completions) == 2


def test_permanent_500_is_one_error_line(server: ScriptedServer) -> None:
    server.default = lambda request: error(500, "model crashed")
    line = one_error_line(generate(server))
    assert line.startswith(f"Error: {server.url} answered HTTP 500 after 2 attempts")


def test_timeout_is_one_error_line(tmp_path: Path) -> None:
    with ScriptedServer(delay=3.0) as server:
        line = one_error_line(generate(server, "--timeout", "0.2"))
    assert "did not answer within 0.2 s, 2 attempts" in line


def test_unreachable_server_is_one_error_line(tmp_path: Path) -> None:
    with ScriptedServer() as server:
        url = server.url
    result = CliRunner().invoke(cli, ["generate", "--backend", "llm", "--model", "m",
                                      "--base-url", url, str(SEED)], env=FAST)
    assert one_error_line(result).startswith(f"Error: could not connect to {url} after 2")


def test_invalid_output_is_one_error_line(server: ScriptedServer) -> None:
    server.default = lambda request: Reply(content="Sure! Here are the claims.")
    line = one_error_line(generate(server))
    assert "answer from" in line and "still invalid after 3 attempts" in line


def test_budget_is_one_error_line(server: ScriptedServer) -> None:
    line = one_error_line(generate(server, "--max-tokens-total", "50"))
    assert "stopped before a request" in line and "budget of 50" in line
    assert server.completions == []


def test_missing_key_for_openai_is_one_error_line() -> None:
    result = CliRunner().invoke(cli, ["generate", "--backend", "llm", str(SEED)])
    line = one_error_line(result)
    assert "BRIEFING_API_KEY" in line and "OPENAI_API_KEY" in line


def test_invented_quotes_show_in_the_footer(server: ScriptedServer) -> None:
    server.push(Reply(content=answer([
        {"quote": "North Korea launched several short-range ballistic missiles"},
        {"quote": "The summit has been cancelled."},
    ])))
    result = generate(server)
    assert result.exit_code == 0, result.stderr
    assert "1 candidate claim dropped" in result.stdout
    assert "summit" not in result.stdout.split("_Produced by")[0].lower()


def test_env_selects_the_llm_backend(server: ScriptedServer) -> None:
    result = CliRunner().invoke(cli, ["generate", str(SEED), "--format", "json"],
                                env={**FAST, "BRIEFING_BASE_URL": server.url})
    assert result.exit_code == 0, result.stderr
    assert "Using the llm (model scripted-model) backend." in result.stderr
    assert json.loads(result.stdout)["generator"]["backend"] == "llm"


def test_eval_claims_shows_model_offline_and_merged_side_by_side(server: ScriptedServer,
                                                                 tmp_path: Path) -> None:
    gold = Path(__file__).parent / "fixtures" / "gold"
    result = CliRunner().invoke(
        cli, ["eval", "claims", str(gold), "--split", "test", "--backend", "llm",
              "--base-url", server.url, "--json"],
        env={**FAST, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores["readers"]) == {"model", "offline", "merged"}
    assert "macro-F1" in result.stderr and "merged" in result.stderr
    # The offline column is the offline backend's own score on the same reports.
    offline = CliRunner().invoke(cli, ["eval", "claims", str(gold), "--split", "test",
                                       "--backend", "offline", "--json"])
    assert scores["readers"]["offline"]["macro_f1"] == json.loads(offline.stdout)["macro_f1"]
    # The scripted model labels the first four units of each report: fewer claims alone.
    readers = scores["readers"]
    assert readers["model"]["predicted_claims"] < readers["merged"]["predicted_claims"]
    assert scores["usage"]["calls"] == scores["reports"]
