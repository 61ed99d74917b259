"""Two readers, one cautious result: the model's verified readings of units merged with the
offline reader's readings of the same units.

Where the two disagree on a claim's kind, the more cautious kind is shown (uncertainty over
assessment over fact) and the other reading is recorded in the claim's checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from briefing.backends.base import Candidate
from briefing.backends.llm.answer import AnswerClaim
from briefing.backends.llm.units import Unit
from briefing.backends.llm.verification import (
    CAUTION,
    ReportFacts,
    check_cue,
    check_holder,
    cue_kind,
    folded,
    most_cautious,
    statement_problem,
)
from briefing.backends.offline import statement_of
from briefing.schema import ClaimChecks, ClaimKind, Confidence, FieldCheck, Verification
from briefing.text.attribution import holds_attribution_cue
from briefing.text.cues import read_cues


@dataclass
class Reading:
    """One claim as the model reads it, every field checked: what is None failed or was absent."""

    units: tuple[Unit, ...]
    claimed_kind: ClaimKind
    kind: ClaimKind | None  # the kind a verified cue supports (always set for facts)
    cue: str | None = None
    holder: str | None = None
    said: str | None = None
    confidence: Confidence | None = None
    statement: str | None = None
    fields: list[FieldCheck] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        return self.units[0].start, self.units[-1].end


def _record(counts: Verification, fields: list[FieldCheck], name: str, model: str | None,
            kept: object, reason: str | None, replaced: bool = False) -> None:
    """Count and note the check of one field the model filled in."""
    if model is None:
        return
    counts.checked += 1
    if kept is not None and reason is None:
        counts.verified += 1
        fields.append(FieldCheck(field=name, model=model, outcome="verified"))
    elif replaced:
        counts.replaced += 1
        fields.append(FieldCheck(field=name, model=model, outcome="replaced", reason=reason))
    else:
        counts.dropped += 1
        fields.append(FieldCheck(field=name, model=model, outcome="dropped", reason=reason))


def unit_run(ids: Sequence[str], units: dict[str, Unit]) -> tuple[tuple[Unit, ...], str | None]:
    """The consecutive units a claim names (the first run when they are not consecutive), and
    why some ids were not used."""
    known = sorted({units[i].number: units[i] for i in ids if i in units}.values(),
                   key=lambda u: u.number)
    unknown = [i for i in ids if i not in units]
    run = known[:1]
    for unit in known[1:]:
        if unit.number != run[-1].number + 1:
            break
        run.append(unit)
    reasons = []
    if unknown:
        reasons.append(f"no unit {', '.join(unknown)} in the report")
    if len(run) < len(known):
        reasons.append("units not consecutive: the first run is kept")
    return tuple(run), "; ".join(reasons) or None


def verify_claim(claim: AnswerClaim, units: dict[str, Unit], facts: ReportFacts,
                 counts: Verification) -> Reading | None:
    """The model's claim with every field checked against its units and the report; None when
    it names no unit of the report."""
    fields: list[FieldCheck] = []
    run, why = unit_run(claim.units, units)
    _record(counts, fields, "units", " ".join(claim.units), run or None, why, replaced=bool(run))
    if not run:
        return None
    text = facts.text[run[0].start : run[-1].end]
    cue, why = check_cue(claim.hedge, text)
    _record(counts, fields, "cue", claim.hedge, cue, why)
    supported = cue_kind(cue, claim.kind) if cue else None
    kind: ClaimKind | None
    if supported is not None and (claim.kind == "fact" or supported != claim.kind):
        kind, why = supported, f"its own cue {cue!r} reads as {supported}"
    elif claim.kind == "fact" or supported is not None:
        kind, why = claim.kind, None
    else:
        kind, why = None, "no hedge cue in its units supports it"
    _record(counts, fields, "kind", claim.kind, kind, why, replaced=kind is not None)
    said, why = check_cue(claim.said, text)
    if said is not None and not holds_attribution_cue(said):
        said, why = None, f"{said!r} holds no words of saying or judging"
    _record(counts, fields, "attribution_cue", claim.said, said, why)
    holder, why = check_holder(claim.holder, facts)
    if holder is not None and said is None:
        holder, why = None, "no words in its units attribute the claim to a holder"
    _record(counts, fields, "holder", claim.holder, holder, why)
    confidence = read_cues(text).confidence  # read by code: the model is not asked for it
    statement = " ".join((claim.statement or "").split()) or None
    why = statement_problem(statement, text, facts) if statement else None
    if statement and folded(statement).rstrip(".") == folded(text).rstrip("."):
        statement = None  # the unit's own words: nothing to paraphrase
    _record(counts, fields, "statement", claim.statement, None if why else statement or "",
            why, replaced=True)
    return Reading(run, claim.kind, kind, cue, holder, said if holder else None, confidence,
                   None if why else statement, fields)


def _combine(readings: list[Reading]) -> Reading:
    """Several readings of the same units in one: the most cautious verified kind wins."""
    verified = [r for r in readings if r.kind is not None]
    lead = max(verified, key=lambda r: CAUTION[r.kind or "fact"], default=readings[0])
    out = Reading(lead.units, lead.claimed_kind, lead.kind, lead.cue, fields=[])
    for reading in [lead, *[r for r in readings if r is not lead]]:
        out.holder = out.holder or reading.holder
        out.said = out.said or (reading.said if reading.holder == out.holder else None)
        out.confidence = out.confidence or reading.confidence
        out.statement = out.statement or reading.statement
        out.fields.extend(reading.fields)
    return out


def resolve_runs(readings: list[Reading], offline: dict[int, Candidate], text: str
                 ) -> list[Reading]:
    """One reading per run of units: readings of the same run combined; a run of several units
    split into single ones where it overlaps another claim or where the offline reader reads
    more than one of its units as a claim of its own (a statement written for the whole run
    is then not used, and a cue stays only with the unit that holds it)."""
    single = {r.units[0].number for r in readings if len(r.units) == 1}
    by_run: dict[tuple[int, ...], list[Reading]] = {}
    for reading in readings:
        numbers = tuple(u.number for u in reading.units)
        read_offline = [n for n in numbers if n in offline]
        if len(numbers) > 1 and (single.intersection(numbers) or len(read_offline) > 1):
            for unit in reading.units:
                own = text[unit.start : unit.end]
                cue = reading.cue if reading.cue and check_cue(reading.cue, own)[0] else None
                # A kind rests on a cue in this unit; a fact needs none.
                kind = reading.kind if cue else (
                    "fact" if reading.claimed_kind == "fact" else None)
                part = Reading((unit,), reading.claimed_kind, kind, cue, reading.holder,
                               reading.said, reading.confidence, None, list(reading.fields))
                by_run.setdefault((unit.number,), []).append(part)
        else:
            by_run.setdefault(numbers, []).append(reading)
    taken: set[int] = set()
    out = []
    for numbers in sorted(by_run, key=lambda numbers: (numbers[0], len(numbers))):
        if taken.intersection(numbers):
            continue  # a longer run over units already read singly
        taken.update(numbers)
        out.append(_combine(by_run[numbers]))
    return out


def merge(readings: list[Reading], offline: Sequence[Candidate], units: Sequence[Unit],
          text: str) -> list[Candidate]:
    """The claims of one report from both readers, each unit read once."""
    at_start = {unit.start: unit for unit in units}
    offline_of: dict[int, Candidate] = {}
    unplaced: list[Candidate] = []
    for candidate in offline:
        start = text.find(candidate.quote, candidate.hint or 0)
        unit = at_start.get(start)
        if unit is None or unit.number in offline_of:
            unplaced.append(candidate)
        else:
            offline_of[unit.number] = candidate
    out: list[Candidate] = []
    read: set[int] = set()
    for reading in resolve_runs(readings, offline_of, text):
        numbers = [u.number for u in reading.units]
        read.update(numbers)
        others = [offline_of[n] for n in numbers if n in offline_of]
        out.append(_merged(reading, others, text))
    for number, candidate in offline_of.items():
        if number not in read:
            out.append(replace(candidate, checks=ClaimChecks(
                readers=["offline"], units=[f"u{number}"], kind_by_offline=candidate.kind)))
    for candidate in unplaced:
        out.append(replace(candidate, checks=ClaimChecks(readers=["offline"],
                                                         kind_by_offline=candidate.kind)))
    out.sort(key=lambda c: c.hint or 0)
    return out


def _merged(reading: Reading, others: list[Candidate], text: str) -> Candidate:
    """A model reading and the offline readings of its units, cautiously in one claim."""
    start, end = reading.span
    quote = text[start:end]
    offline_kind = most_cautious(c.kind for c in others) if others else None
    kinds = [k for k in (reading.kind, offline_kind) if k is not None]
    kind = most_cautious(kinds) if kinds else read_cues(quote).kind
    from_offline = next((c for c in others if c.kind == kind), None)
    cue = (from_offline.cue if from_offline is not None and from_offline.cue else None) or (
        reading.cue if reading.kind == kind else None)
    # Holders: the offline reader's reading wherever it read the unit, even the report's own
    # voice (on the gold split a small model's verified holders there cost holder accuracy);
    # the model's verified holder only on units the offline reader did not read.
    held = next((c for c in others if c.attributed_to), None)
    holder = held.attributed_to if held is not None else (None if others else reading.holder)
    said = held.attribution_cue if held is not None else (None if others else reading.said)
    fields = list(reading.fields)
    if reading.holder and holder != reading.holder:
        fields.append(FieldCheck(field="holder", model=reading.holder, outcome="replaced",
                                 reason="the offline reader's reading of the unit is shown"))
    confidence = next((c.confidence for c in others if c.confidence), None) or (
        reading.confidence)
    checks = ClaimChecks(
        readers=["model", "offline"] if others else ["model"],
        units=[u.id for u in reading.units], kind_by_model=reading.claimed_kind,
        kind_by_offline=offline_kind, paraphrase=reading.statement is not None,
        fields=fields,
    )
    return Candidate(
        kind=kind, quote=quote, statement=reading.statement or statement_of(quote),
        attributed_to=holder, attribution_cue=said, cue=cue if kind != "fact" else None,
        confidence=confidence, hint=start, checks=checks,
    )


def model_alone(readings: list[Reading], text: str) -> list[Candidate]:
    """The model's verified readings by themselves (for side-by-side scores): its kind where a
    cue supports it, else the kind it claimed."""
    out = []
    for reading in resolve_runs(readings, {}, text):
        start, end = reading.span
        quote = text[start:end]
        kind = reading.kind or reading.claimed_kind
        out.append(Candidate(
            kind=kind, quote=quote, statement=reading.statement or statement_of(quote),
            attributed_to=reading.holder, attribution_cue=reading.said,
            cue=reading.cue if kind != "fact" else None, confidence=reading.confidence,
            hint=start,
        ))
    return out
