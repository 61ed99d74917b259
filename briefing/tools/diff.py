"""Brief diff: align the claims of two briefs and say what changed (BriefDiff, JSON, Markdown)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

from pydantic import Field, ValidationError
from rapidfuzz import fuzz, process

from briefing.backends import Backend
from briefing.errors import BriefFormatError, TemplateError
from briefing.schema import Brief, Claim, ClaimKind, Entity, Likelihood, StrictModel, TimelineEntry
from briefing.text.lexicons import NUMBER_WORDS
from briefing.text.likelihood import BANDS
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

#: Every change class, in the order the summary counts them.
CHANGE_CLASSES: Final[tuple[ChangeClass, ...]] = (
    "added",
    "removed",
    "number_changed",
    "holder_changed",
    "likelihood_changed",
    "firmed_up",
    "walked_back",
    "kind_changed",
    "unchanged",
)

#: Alignment: candidate pairs need this sorted-token similarity (0-100) to be scored at all.
CANDIDATE_CUTOFF: Final = 45.0
#: Candidates kept per claim, in each direction, before the one-to-one assignment.
CANDIDATES_PER_CLAIM: Final = 5
#: Alignment: two claims are the same claim when their score reaches this.
MATCH_THRESHOLD: Final = 62.0
#: Score added for shared entities and shared numbers (times their Jaccard overlap).
ENTITY_BONUS: Final = 10.0
NUMBER_BONUS: Final = 5.0


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


# --------------------------------------------------------------------------- text features

_TOKEN: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|#")
_DIGITS: Final = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?![\w])")
_NUMBER_WORD: Final = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def _masked(text: str) -> str:
    """Lower-case words, numbers masked as '#', sorted: order- and number-blind text."""
    masked = _NUMBER_WORD.sub(" # ", _DIGITS.sub(" # ", text))
    return " ".join(sorted(_TOKEN.findall(masked.casefold())))


def _plain(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def _value_key(value: float | None, text: str, unit: str | None) -> str:
    if value is not None:
        return f"{value:g}"
    words = " ".join(text.casefold().split())
    if unit and words.endswith(unit.casefold()):
        words = words[: -len(unit)].strip()
    return words


def _numbers(claim: Claim) -> list[tuple[str, str, float | None]]:
    """(key, text, value) of each number in a claim: its quantities, then other digits."""
    found: list[tuple[str, str, float | None]] = []
    covered: Counter[str] = Counter()
    for quantity in claim.quantities:
        found.append((_value_key(quantity.value, quantity.text, quantity.unit), quantity.text,
                      quantity.value))
        covered.update(_DIGITS.findall(quantity.text))
    for token in _DIGITS.findall(claim.quote):
        if covered[token]:
            covered[token] -= 1
            continue
        text = next((ref.text for ref in claim.times if token in ref.text), token)
        try:
            value: float | None = float(token.replace(",", ""))
        except ValueError:
            value = None
        found.append((token if value is None else f"{value:g}", text, value))
    return found


def _number_changes(old: Claim, new: Claim) -> list[NumberChange]:
    left, right = _numbers(old), _numbers(new)
    common = Counter(k for k, _, _ in left) & Counter(k for k, _, _ in right)
    spare_left, spare_right = Counter(common), Counter(common)
    only_left = []
    for item in left:
        if spare_left[item[0]]:
            spare_left[item[0]] -= 1
        else:
            only_left.append(item)
    only_right = []
    for item in right:
        if spare_right[item[0]]:
            spare_right[item[0]] -= 1
        else:
            only_right.append(item)
    changes = []
    for index in range(max(len(only_left), len(only_right))):
        a = only_left[index] if index < len(only_left) else None
        b = only_right[index] if index < len(only_right) else None
        changes.append(NumberChange(old=a[1] if a else None, new=b[1] if b else None,
                                    old_value=a[2] if a else None, new_value=b[2] if b else None))
    return changes


class _Features:
    """What alignment needs of every claim of one brief, computed once."""

    def __init__(self, claims: Sequence[Claim], entity_pattern: re.Pattern[str] | None) -> None:
        self.sorted_text = [_masked(claim.quote) for claim in claims]
        self.plain = [_plain(claim.quote) for claim in claims]
        self.entities = [
            frozenset(m.casefold() for m in entity_pattern.findall(claim.quote))
            if entity_pattern else frozenset()
            for claim in claims
        ]
        self.numbers = [frozenset(k for k, _, _ in _numbers(claim)) for claim in claims]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _entity_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    unique = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in unique) + r")(?!\w)",
                      re.IGNORECASE)


def _score(old: _Features, new: _Features, i: int, j: int, base: float) -> float:
    token_set = fuzz.token_set_ratio(old.sorted_text[i], new.sorted_text[j], processor=None)
    text = (base + token_set) / 2
    return (text + ENTITY_BONUS * _jaccard(old.entities[i], new.entities[j])
            + NUMBER_BONUS * _jaccard(old.numbers[i], new.numbers[j]))


def align(old: Sequence[Claim], new: Sequence[Claim],
          entity_names: Iterable[str] = ()) -> list[tuple[int, int, float]]:
    """One-to-one alignment of two claim lists: (old index, new index, score) for each pair.

    Identical quotes pair first. The rest are scored on order- and number-blind text
    (rapidfuzz token ratios) plus shared entities and numbers, and assigned greedily, best
    pair first, so no claim is matched twice; pairs below MATCH_THRESHOLD stay unmatched.
    The result does not depend on which brief is called old.
    """
    pattern = _entity_pattern(entity_names)
    fo, fn = _Features(old, pattern), _Features(new, pattern)
    pairs: list[tuple[int, int, float]] = []
    by_text: dict[str, list[int]] = {}
    for j, text in enumerate(fn.plain):
        by_text.setdefault(text, []).append(j)
    free_old: list[int] = []
    taken_new: set[int] = set()
    for i, text in enumerate(fo.plain):
        waiting = by_text.get(text)
        if waiting:
            j = waiting.pop(0)
            taken_new.add(j)
            pairs.append((i, j, 100.0 + ENTITY_BONUS * (1.0 if fo.entities[i] else 0.0)
                          + NUMBER_BONUS * (1.0 if fo.numbers[i] else 0.0)))
        else:
            free_old.append(i)
    free_new = [j for j in range(len(new)) if j not in taken_new]
    if not free_old or not free_new:
        return sorted(pairs)
    candidates: dict[tuple[int, int], float] = {}
    new_texts = [fn.sorted_text[j] for j in free_new]
    old_texts = [fo.sorted_text[i] for i in free_old]
    for i in free_old:
        for _, base, k in process.extract(fo.sorted_text[i], new_texts, scorer=fuzz.ratio,
                                          processor=None, score_cutoff=CANDIDATE_CUTOFF,
                                          limit=CANDIDATES_PER_CLAIM):
            candidates[(i, free_new[k])] = base
    for j in free_new:
        for _, base, k in process.extract(fn.sorted_text[j], old_texts, scorer=fuzz.ratio,
                                          processor=None, score_cutoff=CANDIDATE_CUTOFF,
                                          limit=CANDIDATES_PER_CLAIM):
            candidates[(free_old[k], j)] = base
    scored = []
    for (i, j), base in candidates.items():
        score = _score(fo, fn, i, j, base)
        if score >= MATCH_THRESHOLD:
            # Ties broken by content, not position, so swapping the briefs mirrors the result.
            low, high = sorted((fo.plain[i], fn.plain[j]))
            scored.append((-round(score, 6), low, high, i, j))
    scored.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative, _, _, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j, -negative))
    return sorted(pairs)


# --------------------------------------------------------------------------- classification

_BAND_ORDER: Final[dict[Likelihood, int]] = {band: n for n, band in enumerate(BANDS)}


def _holder_key(holder: str | None) -> str | None:
    if holder is None:
        return None
    words = holder.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) or None


def _side(claim: Claim) -> ClaimSide:
    return ClaimSide(
        claim_id=claim.id, kind=claim.kind, statement=claim.statement, quote=claim.quote,
        source_id=claim.source_id, paragraph=claim.paragraph, span=claim.span,
        attributed_to=claim.attributed_to, cue=claim.cue, likelihood=claim.likelihood,
    )


def compare(old: Claim, new: Claim, similarity: float | None = None) -> ClaimChange:
    """How one aligned pair of claims changed (['unchanged'] when only the wording differs)."""
    classes: list[ChangeClass] = []
    kind = None
    if old.kind != new.kind:
        kind = KindChange(old=old.kind, new=new.kind)
        if new.kind == "fact":
            classes.append("firmed_up")
        elif old.kind == "fact":
            classes.append("walked_back")
        else:
            classes.append("kind_changed")
    likelihood = None
    if old.kind == new.kind and old.likelihood != new.likelihood:
        direction: Literal["up", "down"] | None = None
        if old.likelihood and new.likelihood:
            up = _BAND_ORDER[new.likelihood] > _BAND_ORDER[old.likelihood]
            direction = "up" if up else "down"
        likelihood = LikelihoodChange(old=old.likelihood, new=new.likelihood, direction=direction)
        classes.append("likelihood_changed")
    numbers = _number_changes(old, new)
    if numbers:
        classes.append("number_changed")
    holder = None
    if _holder_key(old.attributed_to) != _holder_key(new.attributed_to):
        holder = HolderChange(old=old.attributed_to, new=new.attributed_to)
        classes.append("holder_changed")
    ordered = [c for c in CHANGE_CLASSES if c in classes] or ["unchanged"]
    return ClaimChange(
        classes=ordered, old=_side(old), new=_side(new),
        score=None if similarity is None else round(similarity, 2),
        numbers=numbers, holder=holder, likelihood=likelihood, kind=kind,
    )


def _entity_keys(entities: Iterable[Entity]) -> set[str]:
    keys = set()
    for entity in entities:
        keys.add(" ".join(entity.name.casefold().split()))
        keys.update(" ".join(alias.casefold().split()) for alias in entity.aliases)
    return keys


def _timeline_key(entry: TimelineEntry) -> str:
    return entry.resolved or " ".join(entry.when.casefold().split())


def _ref(brief: Brief) -> BriefRef:
    return BriefRef(
        title=brief.title, generated_at=brief.generated_at, backend=brief.generator.backend,
        sources=[SourceRef(id=s.id, title=s.title, path=s.path, sha256=s.sha256)
                 for s in brief.sources],
        claims=len(brief.claims),
    )


def diff_briefs(old: Brief, new: Brief) -> BriefDiff:
    """What changed from ``old`` to ``new``: aligned claims classified, entities, timeline.

    Rewording and reordering alone are not changes: aligned pairs that keep their kind,
    holder, likelihood band and numbers are counted as unchanged.
    """
    names = [e.name for e in old.entities] + [e.name for e in new.entities]
    names += [a for e in (*old.entities, *new.entities) for a in e.aliases]
    pairs = align(old.claims, new.claims, names)
    matched_old = {i for i, _, _ in pairs}
    by_new = {j: (i, score) for i, j, score in pairs}
    changes: list[ClaimChange] = []
    unchanged: list[ClaimChange] = []
    for j, claim in enumerate(new.claims):
        if j in by_new:
            i, score = by_new[j]
            change = compare(old.claims[i], claim, score)
            (unchanged if change.classes == ["unchanged"] else changes).append(change)
        else:
            changes.append(ClaimChange(classes=["added"], old=None, new=_side(claim)))
    for i, claim in enumerate(old.claims):
        if i not in matched_old:
            changes.append(ClaimChange(classes=["removed"], old=_side(claim), new=None))
    old_entities, new_entities = _entity_keys(old.entities), _entity_keys(new.entities)
    entities_added = [e for e in new.entities
                      if " ".join(e.name.casefold().split()) not in old_entities]
    entities_dropped = [e for e in old.entities
                        if " ".join(e.name.casefold().split()) not in new_entities]
    old_times = {_timeline_key(t) for t in old.timeline}
    new_times = {_timeline_key(t) for t in new.timeline}
    timeline_added = [t for t in new.timeline if _timeline_key(t) not in old_times]
    timeline_dropped = [t for t in old.timeline if _timeline_key(t) not in new_times]
    tally: Counter[str] = Counter(c for change in changes for c in change.classes)
    counts = ChangeCounts(
        **{name: tally[name] for name in CHANGE_CLASSES if name != "unchanged"},
        unchanged=len(unchanged),
        entities_added=len(entities_added), entities_dropped=len(entities_dropped),
        timeline_added=len(timeline_added), timeline_dropped=len(timeline_dropped),
    )
    return BriefDiff(
        old=_ref(old), new=_ref(new),
        changed=bool(changes or entities_added or entities_dropped or timeline_added
                     or timeline_dropped),
        counts=counts, changes=changes, unchanged=unchanged,
        entities_added=entities_added, entities_dropped=entities_dropped,
        timeline_added=timeline_added, timeline_dropped=timeline_dropped,
    )


# --------------------------------------------------------------------------- loading

BackendChoice: TypeAlias = Backend | Callable[[], Backend] | None


def _brief_from_json(data: object, name: str) -> Brief | None:
    """The brief in parsed JSON, None when the JSON is not meant as a brief."""
    if not isinstance(data, dict) or not ({"schema_version", "claims"} & data.keys()):
        return None
    try:
        return Brief.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise BriefFormatError(
            f"{name} is not a valid brief: {where}: {first['msg']}{more}"
        ) from None


def load_brief_or_report(path: str, backend: BackendChoice = None,
                         generated_at: datetime | None = None) -> Brief:
    """A brief from ``path`` ("-" for stdin): brief JSON as it is, any other report briefed.

    Detected by content, not by extension: a JSON object with ``schema_version`` or
    ``claims`` is a brief (and must validate, else BriefFormatError); anything else is a
    report (text, HTML, JSON or JSONL, as `briefing generate` reads them), briefed with
    ``backend`` (a Backend, or a callable making one on first need).
    """
    from briefing.io.formats import parse_reports, to_source
    from briefing.io.sources import decode, read_bytes

    name = "standard input" if path == "-" else path
    text, encoding = decode(read_bytes(path), name)
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):  # read as a report: that says why
            data = None
        brief = _brief_from_json(data, name)
        if brief is not None:
            return brief
    from briefing.brief.assembly import build_brief

    sources = [to_source(report) for report in parse_reports(path, text, encoding)]
    chosen = backend if backend is None or isinstance(backend, Backend) else backend()
    return build_brief(sources, backend=chosen, generated_at=generated_at)


def diff_files(old: str, new: str, backend: BackendChoice = None,
               generated_at: datetime | None = None) -> BriefDiff:
    """Diff two files, each a brief JSON or a report (briefed first with ``backend``)."""
    if old == "-" and new == "-":
        from briefing.errors import ConfigurationError

        raise ConfigurationError("only one of OLD and NEW can be standard input (-)")
    if backend is not None and not isinstance(backend, Backend):
        factory = backend
        made: list[Backend] = []

        def once() -> Backend:
            if not made:
                made.append(factory())
            return made[0]

        backend = once
    before = load_brief_or_report(old, backend, generated_at)
    after = load_brief_or_report(new, backend, generated_at)
    return diff_briefs(before, after)


# --------------------------------------------------------------------------- rendering

CLASS_TITLES: Final[dict[str, str]] = {
    "added": "Added",
    "removed": "Removed",
    "number_changed": "Numbers changed",
    "holder_changed": "Holder changed",
    "likelihood_changed": "Likelihood changed",
    "firmed_up": "Firmed up",
    "walked_back": "Walked back",
    "kind_changed": "Kind changed (assessment ↔ uncertainty)",
    "unchanged": "Unchanged",
}
#: How the summary counts each class ("2 added", "1 number changed").
SUMMARY_LABELS: Final[dict[str, str]] = {
    "added": "added",
    "removed": "removed",
    "number_changed": "number changed",
    "holder_changed": "holder changed",
    "likelihood_changed": "likelihood changed",
    "firmed_up": "firmed up",
    "walked_back": "walked back",
    "kind_changed": "kind changed (assessment ↔ uncertainty)",
    "unchanged": "unchanged",
}
#: Order of the detailed sections: what matters most first.
SECTION_ORDER: Final[tuple[ChangeClass, ...]] = (
    "firmed_up", "walked_back", "likelihood_changed", "number_changed", "holder_changed",
    "kind_changed", "added", "removed",
)


def diff_json(diff: BriefDiff, include_unchanged: bool = False) -> str:
    """The diff as stable, indented JSON (unchanged pairs listed only when asked for)."""
    shown = diff if include_unchanged else diff.model_copy(update={"unchanged": []})
    return json.dumps(shown.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def render_diff(diff: BriefDiff, format: str = "markdown", *, include_unchanged: bool = False,
                templates: str | Path | None = None) -> str:
    """Render a BriefDiff as markdown (templates/diff.md.j2) or json."""
    if format == "json":
        return diff_json(diff, include_unchanged)
    if format != "markdown":
        raise TemplateError(f"unknown diff format {format!r}; choose markdown or json")
    from briefing.rendering import render_template

    context: dict[str, Any] = {
        "diff": diff,
        "titles": CLASS_TITLES,
        "labels": SUMMARY_LABELS,
        "classes": [c for c in CHANGE_CLASSES if c != "unchanged"],
        "sections": [(c, CLASS_TITLES[c], diff.of_class(c)) for c in SECTION_ORDER],
        "unchanged": diff.unchanged if include_unchanged else [],
        "include_unchanged": include_unchanged,
    }
    return render_template("diff.md.j2", context, templates)
