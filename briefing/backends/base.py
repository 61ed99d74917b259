"""The backend interface: what a backend proposes for one source (Candidate, Extraction) and the
Backend protocol every backend implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from briefing.schema import ClaimKind, Confidence, Entity, Source, Usage


@dataclass
class Candidate:
    """A claim as a backend proposes it, before grounding checks its quote against the report."""

    kind: ClaimKind
    quote: str
    statement: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    cue: str | None = None
    confidence: Confidence | None = None
    hint: int | None = None  # where in the report the backend saw the quote, if it knows


@dataclass
class Extraction:
    """What a backend returns for one source."""

    candidates: list[Candidate]
    entities: list[Entity] = field(default_factory=list)
    bluf: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    title: str | None = None


@runtime_checkable
class Backend(Protocol):
    """Turns one source into claim candidates. Implementations must not touch the network
    unless they are a model backend, and must not ground their own quotes."""

    name: str
    model: str | None
    prompt_id: str | None
    prompt_version: str | None
    prompt_hash: str | None

    def extract(self, source: Source) -> Extraction: ...
