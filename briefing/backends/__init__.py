"""Extraction backends: one small interface (`base`), chosen by name (offline | llm).

`offline` reads with the rules of `briefing.text`; `llm` asks an OpenAI-compatible server.
A new backend implements `base.Backend` and is added to `get_backend`.
"""

from __future__ import annotations

from briefing.backends.base import Backend, Candidate, Extraction

__all__ = ["Backend", "Candidate", "Extraction", "get_backend"]


def get_backend(name: str | None = None, **options: object) -> Backend:
    """A backend by name; None picks the default (llm when a model endpoint is configured)."""
    from briefing.config import Settings
    from briefing.errors import ConfigurationError

    settings = options.pop("settings", None)
    if not isinstance(settings, Settings):
        settings = Settings.from_env()
    chosen = name or settings.default_backend()
    if chosen == "offline":
        from briefing.backends.offline import OfflineBackend

        return OfflineBackend()
    if chosen == "llm":
        try:
            from briefing.backends.llm import LLMBackend
        except ImportError as exc:  # pragma: no cover - the module ships with the package
            raise ConfigurationError(f"the llm backend is not available: {exc}") from exc
        return LLMBackend(settings=settings, **options)  # type: ignore[arg-type]
    raise ConfigurationError(f"unknown backend {chosen!r}; choose 'offline' or 'llm'")
