"""Classifying aligned claims (number, holder, likelihood, kind changes) and diffing two briefs."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final, Literal

from briefing.schema import Brief, Claim, Likelihood, TimelineEntry
from briefing.text.grounding import NEGATIONS, anchors
from briefing.text.lexicons import MONTHS, WEEKDAYS
from briefing.text.likelihood import BANDS
from briefing.tools.diff.align import align
from briefing.tools.diff.holders import Holders, holder_of
from briefing.tools.diff.model import (
    CHANGE_CLASSES,
    BriefDiff,
    BriefRef,
    ChangeClass,
    ChangeCounts,
    ClaimChange,
    ClaimSide,
    HolderChange,
    KindChange,
    LikelihoodChange,
    SourceRef,
)
from briefing.tools.diff.numbers import number_changes


class _PlainHolders:
    """Holders compared by their words alone, when no briefs are at hand."""

    @staticmethod
    def same(old: str | None, new: str | None) -> bool:
        def key(holder: str | None) -> str | None:
            words = (holder or "").casefold().split()
            return " ".join(words[1:] if words[:1] == ["the"] else words) or None

        return key(old) == key(new)


_plain_holders: Final = _PlainHolders()
_WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
_DATE_NAMES: Final = frozenset(w.casefold() for w in (*WEEKDAYS, *MONTHS))
_BAND_ORDER: Final[dict[Likelihood, int]] = {band: n for n, band in enumerate(BANDS)}


def _side(claim: Claim) -> ClaimSide:
    return ClaimSide(
        claim_id=claim.id, kind=claim.kind, statement=claim.statement, quote=claim.quote,
        source_id=claim.source_id, paragraph=claim.paragraph, span=claim.span,
        attributed_to=claim.attributed_to, cue=claim.cue, likelihood=claim.likelihood,
    )


def compare(old: Claim, new: Claim, similarity: float | None = None,
            holders: Holders | None = None) -> ClaimChange:
    """How one aligned pair of claims changed (['unchanged'] when only the wording differs).

    ``holders`` compares holders as entities of both briefs (see ``holders``); without it,
    holders are compared by their words, case and a leading "the" aside.
    """
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
    numbers = number_changes(old, new)
    if numbers:
        classes.append("number_changed")
    holder = None
    old_holder, new_holder = holder_of(old), holder_of(new)
    if not (holders or _plain_holders).same(old_holder, new_holder):
        holder = HolderChange(old=old_holder, new=new_holder)
        classes.append("holder_changed")
    ordered = [c for c in CHANGE_CLASSES if c in classes] or ["unchanged"]
    return ClaimChange(
        classes=ordered, old=_side(old), new=_side(new),
        score=None if similarity is None else round(similarity, 2),
        numbers=numbers, holder=holder, likelihood=likelihood, kind=kind,
    )


def unexplained_meaning_change(old_claim: Claim, new_claim: Claim,
                                change: ClaimChange) -> list[str]:
    """The negations and capitalized names in which an aligned pair's quotes differ and that
    none of its change classes accounts for: the guard grounding uses on a fuzzy match ("does
    rule out" is not "does not rule out", "Alda Brun" is not "Alda Voss").

    Numbers are compared by value already (number_change: "forty" is 40). A negation is
    accounted for by a kind change; a name in either holder by the holder comparison. A name still in
    the other quote in any case ("Lanholm Island", "the island of Lanholm"; a capital at the
    start of a sentence names nothing) and a weekday or month are no change of name.
    """
    old, new = old_claim.quote, new_claim.quote
    left, right = anchors(old), anchors(new)
    # Names in the holders are compared as holders (entities, styles), and reported as such.
    holders = f"{holder_of(old_claim) or ''} {holder_of(new_claim) or ''}"
    words = [set(_WORD.findall(text.casefold())) for text in (old, new, holders)]
    out = set()
    for anchor in ((left - right) + (right - left)):
        if anchor[0].isdigit():
            continue
        if anchor in NEGATIONS or anchor == "not":
            if change.kind is None:
                out.add(anchor)
            continue
        name = anchor.casefold()
        if name in _DATE_NAMES or name in words[2] or (name in words[0] and name in words[1]):
            continue
        out.add(anchor)
    return sorted(out)


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
    holders = Holders(old, new)
    matched_old = {i for i, _, _ in pairs}
    by_new = {j: (i, score) for i, j, score in pairs}
    changes: list[ClaimChange] = []
    unchanged: list[ClaimChange] = []
    for j, claim in enumerate(new.claims):
        if j in by_new:
            i, score = by_new[j]
            change = compare(old.claims[i], claim, score, holders)
            if unexplained_meaning_change(old.claims[i], claim, change):
                # Similar words, another meaning: not one claim that changed, but two claims.
                matched_old.discard(i)
                changes.append(ClaimChange(classes=["added"], old=None, new=_side(claim)))
                continue
            (unchanged if change.classes == ["unchanged"] else changes).append(change)
        else:
            changes.append(ClaimChange(classes=["added"], old=None, new=_side(claim)))
    for i, claim in enumerate(old.claims):
        if i not in matched_old:
            changes.append(ClaimChange(classes=["removed"], old=_side(claim), new=None))
    entities_added = holders.missing(new.entities, holders.keys(old))
    entities_dropped = holders.missing(old.entities, holders.keys(new))
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
