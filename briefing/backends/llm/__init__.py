"""The llm backend: any OpenAI-compatible chat completions server labels the report.

Modules, by what they hold: `answer` (the answer's schema), `prompts` (versioned prompt files),
`chunking` (long reports), `limits` (rate limiter, token budget), `failures` (reading a server's
errors), `cache` (answers and modes on disk), `client` (transport, retries, mode probing) and
`backend` (`LLMBackend`: chunks asked concurrently and merged per source).
"""

from __future__ import annotations

from briefing.backends.llm.backend import LLMBackend
from briefing.backends.llm.chunking import Chunk, estimate_tokens, split_report

__all__ = ["Chunk", "LLMBackend", "estimate_tokens", "split_report"]
