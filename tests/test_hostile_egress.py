"""No silent egress: other tools' variables never send a report anywhere; the host is named first.

Each case runs `briefing` as a child process next to a scripted server on 127.0.0.1 that records
every request it receives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from briefing.config import Settings

from .conftest import SEED
from .hostile import run_cli
from .llm_server import ScriptedServer


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def test_openai_variables_alone_keep_the_offline_backend(server: ScriptedServer) -> None:
    result = run_cli("generate", str(SEED), "--format", "json",
                     env={"OPENAI_API_KEY": "sk-left-in-the-shell", "OPENAI_BASE_URL": server.url})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["generator"]["backend"] == "offline"
    assert "Using the offline backend." in result.stderr
    assert server.requests == []


@pytest.mark.parametrize("choice", [
    {"BRIEFING_BACKEND": "llm"},
    {"BRIEFING_API_KEY": "local-key"},
])
def test_openai_base_url_serves_once_llm_is_chosen(server: ScriptedServer,
                                                   choice: dict[str, str]) -> None:
    result = run_cli("generate", str(SEED), "--format", "json",
                     env={"OPENAI_BASE_URL": server.url, **choice})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["generator"]["backend"] == "llm"
    assert server.completions


def test_stderr_names_the_host_before_the_first_request(server: ScriptedServer) -> None:
    # The first request the backend sends is model discovery (no --model given): the line must
    # come before it, so it is the first line of stderr.
    result = run_cli("generate", str(SEED), env={"BRIEFING_BASE_URL": server.url})
    assert result.returncode == 0, result.stderr
    host = server.url.split("/")[2]
    first = result.stderr.splitlines()[0]
    assert host in first and first.startswith("Reports will be sent to"), result.stderr
    assert server.requests


def test_settings_record_borrowed_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-other-tool")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    settings = Settings.from_env()
    assert settings.api_key == "sk-other-tool" and settings.base_url == "http://127.0.0.1:9/v1"
    assert settings.default_backend() == "offline"
    assert Settings.from_env(base_url="http://127.0.0.1:9/v1").default_backend() == "llm"
    monkeypatch.setenv("BRIEFING_API_KEY", "mine")
    assert Settings.from_env().default_backend() == "llm"
