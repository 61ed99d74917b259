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
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def default_backend(self) -> BackendName:
        """The backend to use when none is named: llm when a model endpoint is configured."""
        if self.backend:
            return self.backend
        return "llm" if (self.base_url or self.api_key) else "offline"
