"""Settings in one place: BRIEFING_* environment variables, validated once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BackendName = Literal["offline", "llm"]


def _env(*names: str) -> str | None:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


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
            raw = _env(name)
            if raw is not None:
                try:
                    values[key] = kind(raw)
                except ValueError:
                    from briefing.errors import ConfigurationError

                    raise ConfigurationError(f"{name} must be a number, not {raw!r}") from None
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
