"""The BriefDiff model: change classes, each side of a change, counts, and its JSON Schema."""

from __future__ import annotations

from datetime import datetime
from typing import Final, Literal, get_args

from pydantic import Field

from briefing.schema import ClaimKind, Entity, Likelihood, StrictModel, TimelineEntry
from briefing.version import __version__

DIFF_SCHEMA_VERSION: Final = "1"

ChangeClass = Literal[
    "added",
    "removed",
    "number_changed",
    "holder_changed",
    "likelihood_changed",
    "firmed_up",
    "walked_back",
    "kind_changed",
    "unchanged",
]

#: Every change class, in the order the summary counts them (the Literal's own order).
CHANGE_CLASSES: Final[tuple[ChangeClass, ...]] = get_args(ChangeClass)


class SourceRef(StrictModel):
    """A source of one side of the diff, enough to find it again."""

    id: str = Field(description="Source id within its brief: S1, S2, ...")
    title: str | None = Field(default=None, description="Title of the report.")
    path: str | None = Field(default=None, description="File the report was read from.")
    sha256: str = Field(description="SHA-256 of the report text.")


class BriefRef(StrictModel):
    """One side of the diff: which brief it is."""

    title: str = Field(description="Title of the brief.")
    generated_at: datetime = Field(description="When that brief was generated.")
    backend: str = Field(description="Extraction backend that produced the brief.")
    sources: list[SourceRef] = Field(description="The reports the brief was made from.")
    claims: int = Field(description="Number of claims in the brief.")


class ClaimSide(StrictModel):
    """A claim as one side of a change shows it: what it says, its kind, and its citation."""

    claim_id: str = Field(description="Id of the claim in its own brief (old or new).")
    kind: ClaimKind = Field(description="fact, assessment or uncertainty.")
    statement: str = Field(description="The claim as a self-contained sentence.")
    quote: str = Field(description="Verbatim text of the report.")
    source_id: str = Field(description="Source the quote comes from, in its own brief.")
    paragraph: int | None = Field(default=None, description="1-based paragraph of the source.")
    span: tuple[int, int] = Field(description="Half-open character range of the quote.")
    attributed_to: str | None = Field(
        default=None, description="Who holds the claim; null when it is the report's own voice."
    )
    cue: str | None = Field(default=None, description='Hedge or judgment cue, e.g. "likely".')
    likelihood: Likelihood | None = Field(default=None, description="ICD 203 band, if any.")


class NumberChange(StrictModel):
    """A number that differs between the two sides of an aligned claim."""

    old: str | None = Field(description='The number as the old claim writes it ("800 kilometres"); '
                            "null when the new claim adds a number.")
    new: str | None = Field(description='The number as the new claim writes it ("600 kilometres"); '
                            "null when the new claim drops the number.")
    old_value: float | None = Field(default=None, description="Numeric value, when it has one.")
    new_value: float | None = Field(default=None, description="Numeric value, when it has one.")


class HolderChange(StrictModel):
    """Who holds the claim, before and after (null: the report's own voice)."""

    old: str | None
    new: str | None


class LikelihoodChange(StrictModel):
    """An ICD 203 likelihood band that moved."""

    old: Likelihood | None = Field(description="Old band; null when unquantified.")
    new: Likelihood | None = Field(description="New band; null when unquantified.")
    direction: Literal["up", "down"] | None = Field(
        description="up: now more likely; down: now less likely; null when one side has no band."
    )


class KindChange(StrictModel):
    """A claim whose kind changed: firmed up, walked back, or assessment ↔ uncertainty."""

    old: ClaimKind
    new: ClaimKind


class ClaimChange(StrictModel):
    """One claim of either brief, or an aligned pair of them, and how it changed."""

    classes: list[ChangeClass] = Field(
        description="Every change class that applies; ['unchanged'] for an aligned pair that "
        "differs only in wording or position; ['added'] or ['removed'] for an unaligned claim."
    )
    old: ClaimSide | None = Field(description="The claim in the old brief; null when added.")
    new: ClaimSide | None = Field(description="The claim in the new brief; null when removed.")
    score: float | None = Field(
        default=None, description="Alignment score of the pair: 0-100 text similarity plus up "
        "to 15 for shared entities and numbers; null for added and removed claims."
    )
    numbers: list[NumberChange] = Field(default_factory=list, description="Numbers that differ.")
    holder: HolderChange | None = Field(default=None, description="Set when the holder changed.")
    likelihood: LikelihoodChange | None = Field(
        default=None, description="Set when the likelihood band changed (same kind on both sides)."
    )
    kind: KindChange | None = Field(default=None, description="Set when the claim kind changed.")


class ChangeCounts(StrictModel):
    """How many claims fall in each class (an aligned pair counts once in each of its classes)."""

    added: int = 0
    removed: int = 0
    number_changed: int = 0
    holder_changed: int = 0
    likelihood_changed: int = 0
    firmed_up: int = 0
    walked_back: int = 0
    kind_changed: int = 0
    unchanged: int = 0
    entities_added: int = 0
    entities_dropped: int = 0
    timeline_added: int = 0
    timeline_dropped: int = 0


class BriefDiff(StrictModel):
    """What changed between two briefs of a developing story: `briefing diff --format json`."""

    schema_version: Literal["1"] = Field(default=DIFF_SCHEMA_VERSION,
                                         description="Version of this diff schema.")
    generator: str = Field(default=f"briefing {__version__}", description="What made the diff.")
    old: BriefRef = Field(description="The old brief.")
    new: BriefRef = Field(description="The new brief.")
    changed: bool = Field(description="True when any claim, entity or timeline entry changed.")
    counts: ChangeCounts = Field(description="Counts by class.")
    changes: list[ClaimChange] = Field(
        description="Every added, removed or changed claim: aligned pairs and added claims in the "
        "new brief's order, then removed claims in the old brief's order."
    )
    unchanged: list[ClaimChange] = Field(
        default_factory=list,
        description="Aligned pairs without change. Always counted in counts.unchanged; listed "
        "only when asked for (`--all`), else empty.",
    )
    entities_added: list[Entity] = Field(default_factory=list,
                                         description="Entities only the new brief names.")
    entities_dropped: list[Entity] = Field(default_factory=list,
                                           description="Entities only the old brief names.")
    timeline_added: list[TimelineEntry] = Field(
        default_factory=list,
        description="Timeline entries only the new brief has (claim_ids refer to the new brief).",
    )
    timeline_dropped: list[TimelineEntry] = Field(
        default_factory=list,
        description="Timeline entries only the old brief has (claim_ids refer to the old brief).",
    )

    def of_class(self, change_class: ChangeClass) -> list[ClaimChange]:
        """The claim changes in one class, in the order of ``changes`` (or ``unchanged``)."""
        pool = self.unchanged if change_class == "unchanged" else self.changes
        return [change for change in pool if change_class in change.classes]


def diff_json_schema() -> dict[str, object]:
    """The JSON Schema of BriefDiff, as `briefing schema --diff` prints it."""
    schema = BriefDiff.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://briefing.invalid/schema/diff-v{DIFF_SCHEMA_VERSION}.json"
    return schema
