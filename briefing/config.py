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
    retry_initial_wait: float = 1.0  # seconds before the first retry; doubles, with jitter
    retry_max_wait: float = 60.0  # longest single wait between retries (Retry-After excepted)
    max_reasks: int = 2  # re-asks after invalid model output, on top of the first answer
    max_output_tokens: int = 4096  # max_tokens of one model answer
    chunk_tokens: int = 6000  # report tokens per request before a long report is split
    chunk_overlap_tokens: int = 200  # tokens of context repeated between neighbouring chunks
    requests_per_minute: float | None = None  # shared rate limit across concurrent requests
    max_claims: int = 40  # claims one answer may hold (maxItems in the answer schema)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from BRIEFING_* (and OPENAI_API_KEY / OPENAI_BASE_URL) plus explicit values."""
        values: dict[str, object] = {
            "model": _env("BRIEFING_MODEL"),
            "base_url": _env("BRIEFING_BASE_URL", "OPENAI_BASE_URL"),
            "api_key": _env("BRIEFING_API_KEY", "OPENAI_API_KEY"),
        }
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
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def default_backend(self) -> BackendName:
        """The backend to use when none is named: llm when a model endpoint is configured."""
        if self.backend:
            return self.backend
        return "llm" if (self.base_url or self.api_key) else "offline"
