"""The typed data of a brief: sources, claims, entities, timeline, provenance (Brief JSON v1)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, NonNegativeInt

SCHEMA_VERSION = "1"

ClaimKind = Literal["fact", "assessment", "uncertainty"]
Grounding = Literal["exact", "normalized", "fuzzy"]
Likelihood = Literal[
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]
Confidence = Literal["low", "moderate", "high"]
EntityType = Literal["person", "organization", "country", "location", "weapon", "other"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
Credibility = Literal[1, 2, 3, 4, 5, 6]
ConflictAspect = Literal["quantity", "date", "place", "actor", "stance"]


def _ordered(span: tuple[int, int]) -> tuple[int, int]:
    if span[0] > span[1]:
        raise ValueError(f"a span must not end before it starts: ({span[0]}, {span[1]})")
    return span


#: A half-open character range [start, end) into a source text: both ends non-negative, in order.
Span = Annotated[tuple[NonNegativeInt, NonNegativeInt], AfterValidator(_ordered)]


class StrictModel(BaseModel):
    """Base of every model that crosses a boundary: unknown fields are an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


_Model = StrictModel


class Source(_Model):
    """One report as loaded: metadata, provenance and the exact text that spans index into."""

    id: str = Field(description="Source id within the brief: S1, S2, ...")
    title: str | None = Field(default=None, description="Title from front matter or first line.")
    publisher: str | None = None
    published: str | None = Field(default=None, description="Publication date, ISO 8601.")
    url: str | None = None
    path: str | None = Field(default=None, description="File the report was read from; '-' for stdin.")
    sha256: str = Field(description="SHA-256 of the text below, UTF-8 encoded.")
    reliability: Reliability = Field(
        default="F", description="Admiralty source reliability A-F; F: cannot be judged."
    )
    encoding: str | None = Field(default=None, description="Encoding the file was decoded from.")
    text: str = Field(description="The report text that claim spans refer to (front matter removed).")
    page_starts: list[int] | None = Field(
        default=None, description="Character offsets in text where each page begins (PDF "
        "reports); null for formats without pages.",
    )
    not_read: list[str] = Field(
        default_factory=list, description="Parts of the file that are not in text, each in a "
        "sentence (attachments of an e-mail, PDF pages without a text layer, Word text boxes "
        "and footnotes); empty when the file was read whole.",
    )


class Quantity(_Model):
    """A number with its unit as written in a claim ("800 kilometres")."""

    text: str
    value: float | None = None
    unit: str | None = None


class TimeRef(_Model):
    """A date or time as written in a claim, resolved to ISO when the report's date allows."""

    text: str
    kind: Literal["date", "time", "relative"]
    resolved: str | None = None


class Citation(_Model):
    """One report's words for a claim: where they are, and whether that report is independent."""

    source_id: str
    span: Span = Field(description="Half-open character range of the quote.")
    quote: str = Field(description="Verbatim text of that report at span.")
    grounding: Grounding
    paragraph: int | None = None
    page: int | None = Field(default=None, description="1-based page of a paged report (PDF).")
    not_independent_of: str | None = Field(
        default=None, description="Id of a source cited before this one that it repeats "
        "(same publisher, or copied text); null when independent.",
    )
    dependence: Literal["same publisher", "copied text"] | None = None


class FieldCheck(_Model):
    """What code made of one field a model wrote for a claim."""

    field: str = Field(description="units, kind, statement, holder, attribution_cue, cue or "
                       "confidence.")
    model: str | None = Field(description="What the model wrote (null: it wrote nothing).")
    outcome: Literal["verified", "replaced", "dropped"] = Field(
        description="verified: shown as written; replaced: the report's words (or the offline "
        "reading) are shown instead; dropped: nothing is shown.")
    reason: str | None = None


class ClaimChecks(_Model):
    """How a claim read by a model was checked against its report (the llm backend only)."""

    readers: list[Literal["model", "offline"]] = Field(
        description="Who read this claim in the report: the model, the offline reader, or both.")
    units: list[str] = Field(default_factory=list, description="Ids of the units it rests on.")
    kind_by_model: ClaimKind | None = None
    kind_by_offline: ClaimKind | None = None
    paraphrase: bool = Field(
        default=False, description="True when `statement` is the model's own wording, verified "
        "against the quote; false when it is the report's words.")
    fields: list[FieldCheck] = Field(default_factory=list)


class Verification(_Model):
    """Counts of what code checked in the model's answers, for the brief's footer."""

    checked: int = 0
    verified: int = 0
    replaced: int = 0
    dropped: int = 0
    claims_dropped: int = 0
    bluf_dropped: int = 0
    entities_dropped: int = 0

    def add(self, other: Verification) -> None:
        for name in type(self).model_fields:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class AspectCheck(_Model):
    """One value a claim reports (a quantity, date, place, actor or stance), and which other
    reports state the same value of the same event, or another value."""

    aspect: ConflictAspect
    value: str = Field(description='The value as this claim writes it, e.g. "roughly 300 km".')
    corroborated_by: list[str] = Field(
        default_factory=list, description="Ids of independent sources that report the same value."
    )
    contradicted_by: list[str] = Field(
        default_factory=list, description="Ids of sources (any, this one included) that report "
        "a different value of this aspect of the same event.",
    )


class Claim(_Model):
    """One fact, assessment or uncertainty, grounded in a verbatim span of its source."""

    id: str = Field(description="Claim id within the brief: C1, C2, ...")
    kind: ClaimKind = Field(
        description="fact: reported without hedging; assessment: a judgment a holder commits to; "
        "uncertainty: a possibility, speculation or explicit unknown."
    )
    statement: str = Field(description="The claim as a self-contained sentence.")
    quote: str = Field(description="Verbatim text of the report that supports the claim.")
    source_id: str
    span: Span = Field(description="Half-open character range of the quote in the source text.")
    grounding: Grounding = Field(description="How the quote was aligned with the source text.")
    paragraph: int | None = Field(default=None, description="1-based paragraph of the source.")
    page: int | None = Field(default=None, description="1-based page of a paged source (PDF).")
    attributed_to: str | None = Field(
        default=None, description="Who holds the claim; null when it is the report's own voice."
    )
    attribution_cue: str | None = Field(default=None, description='e.g. "reported", "according to".')
    cue: str | None = Field(default=None, description='Hedge or judgment cue, e.g. "likely", "may".')
    likelihood: Likelihood | None = Field(default=None, description="ICD 203 band of the cue.")
    probability: tuple[int, int] | None = Field(
        default=None, description="ICD 203 probability range of the band, in percent."
    )
    confidence: Confidence | None = Field(
        default=None, description="Analytic confidence, only when the report states it."
    )
    corroborated_by: list[str] = Field(default_factory=list, description="Ids of other sources.")
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeRef] = Field(default_factory=list)
    citations: list[Citation] = Field(
        default_factory=list,
        description="Every report that states this claim, this claim's own quote first.",
    )
    credibility: Credibility | None = Field(
        default=None, description="Admiralty credibility 1-6: 1 confirmed by independent "
        "sources and contradicted by none, 6 cannot be judged.",
    )
    aspects: list[AspectCheck] = Field(
        default_factory=list, description="In a brief of several reports: each value the claim "
        "reports, with the sources that corroborate or contradict it (empty for one report).",
    )
    checks: ClaimChecks | None = Field(
        default=None, description="What code checked of what a model wrote for this claim, and "
        "what it replaced; null for claims read without a model.",
    )


class Entity(_Model):
    """A named person, organization, country, place or weapon and how often the reports name it."""

    name: str
    type: EntityType
    mentions: int = 1
    aliases: list[str] = Field(default_factory=list)


class TimelineEntry(_Model):
    """A point in time named by the reports, with the claims that mention it."""

    when: str = Field(description="The date or time as written.")
    resolved: str | None = Field(
        default=None, description="ISO date when it could be resolved, or an ISO 8601 interval "
        "(start/end) for a period such as \"last week\" or \"late April\".")
    claim_ids: list[str]
    source_ids: list[str] = Field(default_factory=list, description="Sources naming this time.")


class ConflictSide(_Model):
    """What one side of a conflict reports: its value, claim and citations."""

    claim_id: str
    value: str = Field(description='The differing value as written, e.g. "800 kilometres".')
    statement: str
    citations: list[Citation]


class Conflict(_Model):
    """The same quantity, date, place, actor or stance reported differently by different sources."""

    aspect: ConflictAspect
    sides: list[ConflictSide]


class DroppedClaim(_Model):
    """A candidate claim that never reached the brief, and why."""

    quote: str
    reason: str
    source_id: str | None = None
    kind: ClaimKind | None = None


class Generator(_Model):
    """How the brief was produced."""

    backend: str
    model: str | None = None
    prompt_id: str | None = None
    prompt_version: str | None = None
    prompt_hash: str | None = None
    version: str


class Usage(_Model):
    """Model calls and tokens across every attempt, retries included."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cache_hits += other.cache_hits


class Brief(_Model):
    """A whole brief: what `briefing generate --format json` prints."""

    schema_version: Literal["1"] = "1"
    title: str
    generated_at: datetime
    generator: Generator
    sources: list[Source]
    bluf: list[str] = Field(description="Bottom line up front: the few statements that matter most.")
    bluf_claims: list[list[str]] = Field(
        default_factory=list,
        description="Ids of the claims each BLUF bullet rests on, in the order of bluf "
        "(empty when the bullets cite none).",
    )
    claims: list[Claim]
    entities: list[Entity] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    dropped: list[DroppedClaim] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(
        default_factory=list, description="Conflicting reporting across sources, side by side."
    )
    usage: Usage = Field(default_factory=Usage)
    verification: Verification | None = Field(
        default=None, description="What code checked, replaced and dropped of the model's "
        "answers; null without a model.",
    )

    def source(self, source_id: str) -> Source:
        """The source with this id (KeyError when there is none)."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def claims_of(self, kind: ClaimKind) -> list[Claim]:
        return [claim for claim in self.claims if claim.kind == kind]


def brief_json_schema() -> dict[str, object]:
    """The JSON Schema of Brief, as `briefing schema` prints it."""
    schema = Brief.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://briefing.invalid/schema/brief-v{SCHEMA_VERSION}.json"
    return schema


class FieldSets:
    """Sets of explicitly set field names (pydantic's ``model_fields_set``), one per distinct set,
    shared by the models that have it.

    pydantic gives every model a set of its own: 728 bytes for 5 to 18 names, 2,264 for more,
    more than a claim's own data, and a long report has a claim every hundred bytes. Models
    whose sets are equal share one here. pydantic adds a name to a model's set when a field is
    assigned, so ``assign`` first moves the model to the set it has after the assignment; a
    field assigned otherwise is recorded in the shared set, for every model sharing it.
    """

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], set[str]] = {}

    def _install(self, model: BaseModel, names: frozenset[str]) -> None:
        shared = self._sets.get(names)
        if shared is None:
            shared = self._sets[names] = set(names)
        object.__setattr__(model, "__pydantic_fields_set__", shared)  # what model_fields_set reads

    def share(self, model: BaseModel) -> None:
        """Let the model hold the shared set equal to its own."""
        self._install(model, frozenset(model.model_fields_set))

    def assign(self, model: BaseModel, **values: Any) -> None:
        """Assign fields of the model (as ``setattr`` does), its set shared."""
        self._install(model, frozenset(model.model_fields_set | values.keys()))
        for name, value in values.items():
            setattr(model, name, value)
