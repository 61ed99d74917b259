"""The backend interface: what a backend proposes for one source (Candidate, Extraction) and the
Backend protocol every backend implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from briefing.schema import (
    ClaimChecks,
    ClaimKind,
    Confidence,
    DroppedClaim,
    Entity,
    Source,
    Usage,
    Verification,
)


@dataclass(slots=True)
class Candidate:
    """A claim as a backend proposes it, before grounding checks its quote against the report.

    (Slots: a long report has a candidate every hundred bytes or so.)"""

    kind: ClaimKind
    quote: str
    statement: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    cue: str | None = None
    confidence: Confidence | None = None
    hint: int | None = None  # where in the report the backend saw the quote, if it knows
    checks: ClaimChecks | None = None  # what code checked of a model's fields (llm backend)


@dataclass
class Extraction:
    """What a backend returns for one source."""

    candidates: list[Candidate]
    entities: list[Entity] = field(default_factory=list)
    bluf: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    title: str | None = None
    #: Candidates a backend itself rejected (a model's claim on units that do not exist).
    dropped: list[DroppedClaim] = field(default_factory=list)
    #: What code checked of a model's answers (None without a model).
    verification: Verification | None = None
    #: Other readings of the same source by name ("model", "offline"), for side-by-side scores.
    readings: dict[str, Extraction] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportedAttribution:
    """One attribution relation of a report as a backend reads it: who (resolved where the
    backend can: "he" to the person it stands for), the cue's words, and the character ranges
    of its cue, its source as written and its content (several where a quotation is cut by
    its attribution: "“A,” X said, “B.”")."""

    holder: str | None
    cue: str
    content: tuple[tuple[int, int], ...]
    cue_span: tuple[int, int]
    source_span: tuple[int, int] | None = None


@runtime_checkable
class AttributionReader(Protocol):
    """A backend that also reads every attribution relation of a report, sub-sentence
    contents included (the offline backend); scored by ``briefing eval attributions``."""

    def read_attributions(self, source: Source) -> list[ReportedAttribution]: ...


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
