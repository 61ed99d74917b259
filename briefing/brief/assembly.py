"""Assembly: ground candidates into claims, then build a Brief (BLUF, entities, timeline)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any, Final, Generic, TypeVar

from pydantic import TypeAdapter

from briefing.backends import Backend, Candidate, Extraction, get_backend
from briefing.brief.storage import stored_compactly
from briefing.heap import return_free_heap_pages
from briefing.schema import (
    Brief,
    Claim,
    DroppedClaim,
    FieldSets,
    Generator,
    Grounding,
    Source,
    TimelineEntry,
    Usage,
    Verification,
)
from briefing.text.dates import TimeFields, future_context
from briefing.text.grounding import Grounder
from briefing.text.likelihood import band_of, probability_of
from briefing.text.names import merge_entities
from briefing.text.periods import find_periods, resolve_period
from briefing.text.quantities import QuantityFields, find_time_and_quantity_fields
from briefing.text.segmentation import blocks, forget_read_texts
from briefing.version import __version__

#: How many bullets the offline BLUF has at most (event, judgment, unknown, or lead facts).
BLUF_FACTS = 3
#: Validates the claims of a report in one call: about half the time of one Claim(...) each.
_CLAIMS: Final = TypeAdapter(list[Claim])
#: Claims validated in one call: large enough to keep that speed, small enough to free rows.
_BATCH: Final = 512
#: Characters from which a report's scratch is handed back to the system before its claims
#: are made (``return_free_heap_pages``): a long report's is megabytes, a short one's nothing.
LONG_REPORT: Final = 1_000_000


@dataclass
class Grounded:
    """The grounded result of one source: claims that passed, and candidates that did not."""

    source: Source
    claims: list[Claim]
    dropped: list[DroppedClaim]
    extraction: Extraction
    usage: Usage = field(default_factory=Usage)


def _published(source: Source) -> date | None:
    if not source.published:
        return None
    try:
        return date.fromisoformat(source.published[:10])
    except ValueError:
        return None


def _paragraph_of(starts: list[int], numbers: list[int], offset: int) -> int | None:
    """Number of the paragraph an offset falls in (blocks in order of start)."""
    at = bisect_right(starts, offset) - 1
    return numbers[at] if at >= 0 else None


def page_of(source: Source, offset: int) -> int | None:
    """1-based page of an offset in a paged source (PDF); None for sources without pages."""
    if not source.page_starts:
        return None
    return bisect_right(source.page_starts, offset)


T = TypeVar("T", QuantityFields, TimeFields)


class _Ranged(Generic[T]):
    """Items found once over a whole text with their ranges, picked per claim by range.

    The items are fields, validated into a new Quantity or TimeRef with each claim that holds
    them: claims may overlap, and two claims never share one.
    """

    def __init__(self, found: list[tuple[int, int, T]]) -> None:
        self._found: list[tuple[int, int, T]] = found
        self._starts = [start for start, _, _ in found]

    def within(self, start: int, end: int) -> list[T]:
        """The items inside text[start:end]."""
        first = bisect_left(self._starts, start)
        if first == len(self._found) or self._found[first][0] >= end:
            return []  # most claims hold none
        # Only the items that start inside: bisect bounds them (a slice to the end of the list
        # would copy the rest of it for every claim, quadratic on a long report).
        last = bisect_left(self._starts, end, first)
        return [item for _, b, item in self._found[first:last] if b <= end]


def ground_extraction(source: Source, extraction: Extraction, *,
                      release: bool = False) -> Grounded:
    """Check every candidate's quote against the report; keep the grounded, drop the rest.

    Every kept claim's quote is replaced by the report's own characters at its span, so
    ``source.text[span[0]:span[1]] == quote`` always holds; ``grounding`` says how the
    alignment was found. With ``release``, the extraction's candidates are taken from it (its
    list is left empty) and each is let go once it is a claim or dropped: for a caller that
    needs them no more (build_brief), so a long report never holds its candidates and all its
    claims at once.
    """
    grounder = Grounder(source.text)
    paragraphs = blocks(source.text)
    paragraph_starts = [b.start for b in paragraphs]
    paragraph_numbers = [b.number for b in paragraphs]
    published = _published(source)
    times_found, quantities_found = find_time_and_quantity_fields(source.text, published)
    found_times: _Ranged[TimeFields] = _Ranged(times_found)
    found_quantities: _Ranged[QuantityFields] = _Ranged(quantities_found)
    dropped: list[DroppedClaim] = list(extraction.dropped)
    seen: set[tuple[int, int]] = set()
    kept: list[tuple[int, int, Grounding, int]] = []  # span, method and candidate of each claim
    pending: list[Candidate | None] = list(extraction.candidates)
    if release:
        extraction.candidates = []
    for number, candidate in enumerate(pending):
        assert candidate is not None
        span = grounder.find(candidate.quote, candidate.hint)
        reason = None
        if span is None:
            reason = "quote not found in the report (exact, normalized or fuzzy)"
        elif (span.start, span.end) in seen:
            reason = "duplicate of another claim's quote"
        if reason is not None:
            dropped.append(DroppedClaim(quote=candidate.quote, kind=candidate.kind,
                                        source_id=source.id, reason=reason))
            if release:
                pending[number] = None
            continue
        assert span is not None
        start, end, method = span
        seen.add((start, end))
        kept.append((start, end, method, number))
    del seen
    kept.sort(key=lambda found: found[0])  # report order (stable: candidates' order on ties)
    kept.reverse()  # taken from the end, so each is let go as its claim is made
    if release and len(source.text) >= LONG_REPORT:
        return_free_heap_pages()  # the scratch of reading it is freed: not to stay resident

    def row(start: int, end: int, method: Grounding, number: int) -> dict[str, Any]:
        candidate = pending[number]
        assert candidate is not None
        if release:
            pending[number] = None
        quote = source.text[start:end]
        if quote == candidate.quote:
            quote = candidate.quote  # one string for both, not two
        statement = candidate.statement or " ".join(quote.split())
        if statement == quote:
            statement = quote  # most often a sentence is its own statement: one string
        band = band_of(candidate.cue) if candidate.kind == "assessment" else None
        return {
            "id": "C0",
            "kind": candidate.kind,
            "statement": statement,
            "quote": quote,
            "source_id": source.id,
            "span": (start, end),
            "grounding": method,
            "paragraph": _paragraph_of(paragraph_starts, paragraph_numbers, start),
            "page": page_of(source, start),
            "attributed_to": candidate.attributed_to,
            "attribution_cue": candidate.attribution_cue,
            "cue": candidate.cue,
            "likelihood": band,
            "probability": probability_of(band),
            "confidence": candidate.confidence,
            "quantities": found_quantities.within(start, end),
            "times": found_times.within(start, end),
            "checks": candidate.checks,
        }

    # Rows become claims a batch at a time: a long report never holds every row at once.
    claims: list[Claim] = []
    field_sets = FieldSets()  # the claims' sets of set fields: all the same
    while kept:
        batch = _CLAIMS.validate_python([row(*kept.pop()) for _ in range(min(_BATCH, len(kept)))])
        for claim in batch:
            stored_compactly(claim, field_sets)
        claims.extend(batch)
    return Grounded(source, claims, dropped, extraction, extraction.usage)


def extract_grounded(source: Source, backend: Backend | None = None) -> Grounded:
    """Run a backend on one source and ground its candidates."""
    chosen = backend or get_backend()
    return ground_extraction(source, chosen.extract(source))


#: Distinct dated expressions of one claim that a new one is compared with word by word.
MAX_DATED_WORDS: Final = 200


def _dated_words(claim: Claim, published: date | None) -> list[tuple[str, str | None]]:
    """(words, resolved) of every date or period a claim names: its dates, with relative ones
    the date finder left unresolved resolved by the period table ("last week"), and the table's
    expressions the date finder does not know ("three days ago", "late April")."""
    found: list[tuple[str, str | None]] = []
    for ref in claim.times:
        if ref.kind != "time":
            found.append((ref.text, ref.resolved or resolve_period(ref.text, published)))
    known = dict.fromkeys(" ".join(text.lower().split()) for text, _ in found)
    for start, _, words in find_periods(claim.quote):
        key = " ".join(words.lower().split())
        if key in known or _overlaps_known(key, known):
            continue
        ahead = future_context(claim.quote, start)
        found.append((words, resolve_period(words, published, future=ahead)))
        known[key] = None
    return found


def _overlaps_known(key: str, known: dict[str, None]) -> bool:
    """Whether a period's words hold, or are held by, words already dated ("last week" and
    "since last week"). Compared with the first MAX_DATED_WORDS distinct ones only: a claim
    naming thousands of dates (a hostile one) is compared by exact words past them, so that
    the work stays linear."""
    return any(key in other or other in key for other in islice(known, MAX_DATED_WORDS))


def _timeline(claims: Sequence[Claim], claim_ids: Sequence[str],
              published: dict[str, date | None]) -> list[TimelineEntry]:
    """Dated entries with the claims naming them: resolved ones by date (a period by its start),
    then the unresolved in report order. ``claim_ids`` are the ids the claims are shown under
    (a claim's cluster's, after corroboration)."""
    entries: dict[str, TimelineEntry] = {}
    order: list[str] = []
    seen: dict[str, set[tuple[str, str]]] = {}
    for claim, claim_id in zip(claims, claim_ids, strict=True):
        for text, resolved in _dated_words(claim, published.get(claim.source_id)):
            key = resolved or " ".join(text.lower().split())
            if key not in entries:
                entries[key] = TimelineEntry(when=text, resolved=resolved, claim_ids=[])
                order.append(key)
                seen[key] = set()
            if (claim_id, "claim") not in seen[key]:  # sets: a date cited by every claim
                seen[key].add((claim_id, "claim"))
                entries[key].claim_ids.append(claim_id)
            if (claim.source_id, "source") not in seen[key]:
                seen[key].add((claim.source_id, "source"))
                entries[key].source_ids.append(claim.source_id)
    position = {key: i for i, key in enumerate(order)}
    dated = sorted((k for k in order if entries[k].resolved), key=lambda k: (
        entries[k].resolved or "", position[k]))
    undated = [k for k in order if not entries[k].resolved]
    return [entries[k] for k in dated + undated]


def _oneline(text: str) -> str:
    return " ".join(text.split())


def _lead_key(claim: Claim) -> tuple[int, str, int]:
    """Confirmed claims (credibility 1) first, then the first report's, in report order."""
    return (claim.credibility or 6, claim.source_id, claim.span[0])


def _judgment_key(claim: Claim) -> tuple[bool, bool, int, str, int]:
    """A judgment with a likelihood band and a named holder leads; then as _lead_key."""
    return (claim.likelihood is None, claim.attributed_to is None, *_lead_key(claim))


def _bluf(claims: list[Claim], extractions: Sequence[Extraction]
          ) -> tuple[list[str], list[list[str]]]:
    """The bottom line: the main event, the key judgment and the key unknown, each citing its
    claim; facts fill in where the reports hold no judgment or unknown. A backend's own bullets
    (cited by the backend, when it does) replace these."""
    from_backend = [line for extraction in extractions for line in extraction.bluf]
    if from_backend:
        return from_backend, []
    facts = sorted((c for c in claims if c.kind == "fact"), key=_lead_key)
    judgments = sorted((c for c in claims if c.kind == "assessment"), key=_judgment_key)
    unknowns = sorted((c for c in claims if c.kind == "uncertainty"), key=_lead_key)
    lines: list[tuple[str, Claim]] = []
    if facts:
        lines.append((f"Main event: {_oneline(facts[0].statement)}", facts[0]))
    if judgments:
        judgment = judgments[0]
        band = "no likelihood stated"
        if judgment.likelihood and judgment.probability:
            low, high = judgment.probability
            band = f"{judgment.likelihood}, {low}–{high}%"
        holder = _oneline(judgment.attributed_to or "the report")
        lines.append((f"Key judgment ({holder}; {band}): {_oneline(judgment.statement)}",
                      judgment))
    if unknowns:
        unknown = unknowns[0]
        holder = _oneline(unknown.attributed_to or "the report")
        said = "open question" if unknown.cue == "?" else f"“{_oneline(unknown.cue or '')}”"
        lines.append((f"Key unknown ({holder}; {said}): {_oneline(unknown.statement)}", unknown))
    for fact in facts[1:]:
        if len(lines) >= BLUF_FACTS:
            break
        lines.append((_oneline(fact.statement), fact))
    return [text for text, _ in lines], [[claim.id] for _, claim in lines]


def _source_ids(sources: Sequence[Source]) -> list[Source]:
    return [s.model_copy(update={"id": f"S{i}"}) for i, s in enumerate(sources, start=1)]


def build_brief(
    sources: Source | Sequence[Source],
    backend: Backend | None = None,
    title: str | None = None,
    generated_at: datetime | None = None,
) -> Brief:
    """Extract, ground and assemble a Brief from one or more sources.

    ``generated_at`` defaults to now (UTC); pass it to get byte-identical output.
    """
    listed = [sources] if isinstance(sources, Source) else list(sources)
    if not listed:
        raise ValueError("build_brief needs at least one source")
    chosen = backend or get_backend()
    numbered = _source_ids(listed)
    extract_many = getattr(chosen, "extract_many", None)
    if callable(extract_many):  # a model backend runs several reports concurrently
        extractions = extract_many(numbered)
        results = [ground_extraction(source, extraction, release=True)
                   for source, extraction in zip(numbered, extractions, strict=True)]
    else:  # grounded into claims: assembly needs no candidate
        results = [ground_extraction(source, chosen.extract(source), release=True)
                   for source in numbered]
    forget_read_texts()  # the reports are read: their paragraphs and sentences are not needed
    return assemble(results, chosen, title=title, generated_at=generated_at)


def assemble(
    results: Sequence[Grounded],
    backend: Backend,
    title: str | None = None,
    generated_at: datetime | None = None,
) -> Brief:
    """Put grounded results of several sources together into one Brief."""
    claims: list[Claim] = []
    dropped: list[DroppedClaim] = []
    usage = Usage()
    checked = [r.extraction.verification for r in results if r.extraction.verification]
    verification = Verification() if checked else None
    for result in results:
        if verification is not None and result.extraction.verification is not None:
            verification.add(result.extraction.verification)
        claims.extend(result.claims)
        dropped.extend(result.dropped)
        usage.add(result.usage)
    for number, claim in enumerate(claims, start=1):
        claim.id = f"C{number}"
    sources = []
    for result in results:
        source = result.source
        if source.title is None and result.extraction.title:
            source = source.model_copy(update={"title": result.extraction.title})
        sources.append(source)
    from briefing.brief.corroboration import corroborate

    corroborated = corroborate(claims, sources,
                               {r.source.id: r.extraction.entities for r in results})
    published = {s.id: _published(s) for s in sources}
    timeline = _timeline(claims, corroborated.cited_ids, published)
    claims = corroborated.claims
    by_id = {source.id: source for source in sources}
    for claim in claims:  # each citation's page, in its own source
        for citation in claim.citations:
            if citation.source_id in by_id:
                citation.page = page_of(by_id[citation.source_id], citation.span[0])
    first = sources[0]
    brief_title = title or first.title or (results[0].extraction.title) or "Brief"
    if not title and len(sources) > 1:
        brief_title = f"{brief_title} (and {len(sources) - 1} more)"
    moment = generated_at or datetime.now(UTC).replace(microsecond=0)
    bluf, bluf_claims = _bluf(claims, [r.extraction for r in results])
    return Brief(
        title=brief_title,
        generated_at=moment,
        generator=Generator(
            backend=backend.name,
            model=backend.model,
            prompt_id=backend.prompt_id,
            prompt_version=backend.prompt_version,
            prompt_hash=backend.prompt_hash,
            version=__version__,
        ),
        sources=sources,
        bluf=bluf,
        bluf_claims=bluf_claims,
        claims=claims,
        # One entity per name key and one type per entity for the whole brief (text/names).
        entities=merge_entities(r.extraction.entities for r in results),
        timeline=timeline,
        dropped=dropped,
        usage=usage,
        conflicts=corroborated.conflicts,
        verification=verification,
    )
