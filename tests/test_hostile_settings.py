"""Hostile settings: numbers that are not finite or out of range, model server URLs that are not
URLs, and size limits that are not numbers each give one `Error:` line before any request."""

from __future__ import annotations

import math

import pytest

from briefing.config import Settings, check_server_url
from briefing.errors import ConfigurationError

from .conftest import SEED
from .hostile import error_line, run_cli

#: A port nothing listens on: a run that got as far as a request would fail another way.
DEAD = "http://127.0.0.1:9/v1"


@pytest.mark.parametrize(("variable", "value"), [
    ("BRIEFING_TIMEOUT", "nan"),
    ("BRIEFING_TIMEOUT", "inf"),
    ("BRIEFING_TIMEOUT", "-1"),
    ("BRIEFING_MAX_RETRY_SECONDS", "-inf"),
    ("BRIEFING_MAX_CLAIMS", "0"),
    ("BRIEFING_MAX_ATTEMPTS", "-3"),
    ("BRIEFING_REQUESTS_PER_MINUTE", "0"),
])
def test_a_number_setting_out_of_range_is_one_error_line(variable: str, value: str) -> None:
    result = run_cli("generate", str(SEED), "--backend", "llm", "--base-url", DEAD,
                     env={variable: value})
    line = error_line(result)
    assert variable in line and value in line, line
    assert "Reports will be sent" not in result.stderr  # refused before the backend exists


@pytest.mark.parametrize(("url", "says"), [
    ("http://[::1", "not a valid URL"),
    ("http://model-host:99999/v1", "not a valid URL"),
    ("http://model-host:port/v1", "not a valid URL"),
    ("ftp://model-host/v1", "must start with http:// or https://"),
    ("127.0.0.1:8080/v1", "must start with http:// or https://"),
    ("http:///v1", "must start with http:// or https://"),
])
def test_a_base_url_that_is_no_http_url_is_refused_before_any_request(url: str, says: str) -> None:
    result = run_cli("generate", str(SEED), "--backend", "llm", "--base-url", url)
    line = error_line(result)
    assert says in line and url in line, line


def test_a_borrowed_bad_url_does_not_stop_an_offline_run() -> None:
    # OPENAI_BASE_URL never chooses the llm backend, so its value is never checked or used.
    result = run_cli("generate", str(SEED), env={"OPENAI_BASE_URL": "not a url"})
    assert result.returncode == 0, result.stderr
    assert "Using the offline backend." in result.stderr


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1e6"])
def test_a_size_limit_that_is_no_whole_number_is_one_error_line(value: str) -> None:
    result = run_cli("generate", str(SEED), env={"BRIEFING_MAX_BYTES": value})
    line = error_line(result)
    assert "BRIEFING_MAX_BYTES" in line and repr(value) in line, line
    assert result.stdout == ""


def test_settings_refuse_values_the_api_passes_directly() -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        Settings(timeout=math.nan)
    with pytest.raises(ConfigurationError, match="concurrency"):
        Settings(concurrency=0)
    assert Settings(timeout=0.5, requests_per_minute=None).timeout == 0.5


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/v1", "https://models.example/v1",
                                 "http://[::1]:8080/v1", "HTTP://LOCALHOST/v1"])
def test_server_urls_that_work_pass(url: str) -> None:
    assert check_server_url(url) == url
