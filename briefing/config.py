"""Settings in one place: BRIEFING_* environment variables, validated once."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal
from urllib.parse import urlsplit

from briefing.errors import ConfigurationError

BackendName = Literal["offline", "llm"]


def _env(*names: str) -> str | None:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


#: Reports larger than this are refused (override with BRIEFING_MAX_BYTES).
DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024


def env_number(name: str, kind: type[int] | type[float], least: float) -> int | float | None:
    """The number an environment variable holds (None when it is unset or empty), or a
    ConfigurationError naming it when it is not a finite number (whole, for ``int``) of at
    least ``least``."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < least:
        whole = "whole " if kind is int else "finite "
        raise ConfigurationError(f"{name} must be a {whole}number of at least {least:g}, "
                                 f"not {raw!r}")
    return value


def max_report_bytes() -> int:
    """The largest report read, in bytes: BRIEFING_MAX_BYTES, else DEFAULT_MAX_BYTES. Text
    unpacked from a document (Word, PDF) is held to it too."""
    given = env_number("BRIEFING_MAX_BYTES", int, 1)
    return DEFAULT_MAX_BYTES if given is None else int(given)


def default_cache_dir() -> Path:
    """BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing, else ~/.cache/briefing."""
    explicit = _env("BRIEFING_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = _env("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "briefing"


#: Numeric settings that may also come from the environment: variable -> (field, type).
_NUMBER_ENV: dict[str, tuple[str, type[int] | type[float]]] = {
    "BRIEFING_TIMEOUT": ("timeout", float),
    "BRIEFING_MAX_ATTEMPTS": ("max_attempts", int),
    "BRIEFING_MAX_RETRY_SECONDS": ("max_retry_seconds", float),
    "BRIEFING_RETRY_WAIT": ("retry_initial_wait", float),
    "BRIEFING_MAX_OUTPUT_TOKENS": ("max_output_tokens", int),
    "BRIEFING_CHUNK_TOKENS": ("chunk_tokens", int),
    "BRIEFING_REQUESTS_PER_MINUTE": ("requests_per_minute", float),
    "BRIEFING_MAX_CLAIMS": ("max_claims", int),
    "BRIEFING_CACHE_LOCK_SECONDS": ("cache_lock_seconds", float),
}


#: The least value each numeric setting takes; NaN, infinities and smaller values are refused
#: (an infinite timeout would let a stalled server hold a run for ever).
_LEAST: dict[str, float] = {
    "timeout": 0.1, "max_attempts": 1, "max_retry_seconds": 0, "concurrency": 1,
    "max_tokens_total": 1, "cache_lock_seconds": 0, "retry_initial_wait": 0,
    "retry_max_wait": 0, "max_reasks": 0, "max_output_tokens": 1, "chunk_tokens": 1,
    "chunk_overlap_tokens": 0, "requests_per_minute": 0.001, "max_claims": 1,
}
_OPTIONAL: frozenset[str] = frozenset({"max_tokens_total", "requests_per_minute"})
#: How a user names each setting in an error: its environment variable.
_SETTING_NAMES: dict[str, str] = {key: name for name, (key, _) in _NUMBER_ENV.items()}


def _named(key: str) -> str:
    env = _SETTING_NAMES.get(key)
    return f"{key} ({env})" if env else key


def check_server_url(url: str) -> str:
    """The URL of a model server, refused with a ConfigurationError unless it is http(s) with a
    host: a typo must fail before the first request, not after every retry."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ConfigurationError(f"the model server URL {url!r} is not a valid URL ({exc})"
                                 ) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(f"the model server URL {url!r} must start with http:// or "
                                 "https:// and name a host, e.g. http://127.0.0.1:8080/v1")
    return url


@dataclass
class Settings:
    """Where the model lives and how to talk to it; built from options and the environment."""

    backend: BackendName | None = None
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 120.0
    max_attempts: int = 5
    max_retry_seconds: float = 300.0
    concurrency: int = 4
    max_tokens_total: int | None = None
    cache: bool = True
    cache_dir: Path = field(default_factory=default_cache_dir)
    cache_lock_seconds: float = 10.0  # wait for a cache another process holds, then go without
    retry_initial_wait: float = 1.0  # seconds before the first retry; doubles, with jitter
    retry_max_wait: float = 60.0  # longest single wait between retries (Retry-After excepted)
    max_reasks: int = 2  # re-asks after invalid model output, on top of the first answer
    max_output_tokens: int = 4096  # max_tokens of one model answer
    chunk_tokens: int = 6000  # report tokens per request before a long report is split
    chunk_overlap_tokens: int = 200  # tokens of context repeated between neighbouring chunks
    requests_per_minute: float | None = None  # shared rate limit across concurrent requests
    max_claims: int = 40  # claims one answer may hold (maxItems in the answer schema)
    #: Settings that came from another tool's variables (OPENAI_BASE_URL, OPENAI_API_KEY): they
    #: configure the llm backend once it is chosen, and never choose it.
    borrowed: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for key, least in _LEAST.items():
            value = getattr(self, key)
            if value is None and key in _OPTIONAL:
                continue
            if not isinstance(value, int | float) or not math.isfinite(value) or value < least:
                raise ConfigurationError(
                    f"{_named(key)} must be a finite number of at least {least}, not {value!r}"
                )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from BRIEFING_* plus explicit values.

        OPENAI_BASE_URL and OPENAI_API_KEY fill in the endpoint and key when the BRIEFING_*
        ones are unset; they are recorded as ``borrowed`` so they never choose the llm backend.
        """
        values: dict[str, object] = {"model": _env("BRIEFING_MODEL")}
        borrowed: set[str] = set()
        for key, own, other in (("base_url", "BRIEFING_BASE_URL", "OPENAI_BASE_URL"),
                                ("api_key", "BRIEFING_API_KEY", "OPENAI_API_KEY")):
            values[key] = _env(own)
            if values[key] is None and _env(other) is not None:
                values[key] = _env(other)
                borrowed.add(key)
        backend = _env("BRIEFING_BACKEND")
        if backend:
            values["backend"] = backend
        for name, (key, kind) in _NUMBER_ENV.items():
            number = env_number(name, kind, _LEAST[key])
            if number is not None:
                values[key] = number
        given = {k: v for k, v in overrides.items() if v is not None}
        values.update(given)
        values["borrowed"] = frozenset(borrowed - given.keys())
        return cls(**values)  # type: ignore[arg-type]

    def default_backend(self) -> BackendName:
        """The backend to use when none is named: llm only when the user configured briefing's
        own endpoint or key (BRIEFING_BASE_URL, BRIEFING_API_KEY, --base-url); offline else.

        Another tool's variables (OPENAI_*) never choose llm: a key left in the shell must not
        send a report to a cloud endpoint nobody asked for.
        """
        if self.backend:
            return self.backend
        chosen = any(getattr(self, key) and key not in self.borrowed
                     for key in ("base_url", "api_key"))
        return "llm" if chosen else "offline"
