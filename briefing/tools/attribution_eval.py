"""Scoring attributions against brat stand-off annotations (PolNeAR's source, cue and content).

A folder holds ``NAME.txt`` (an article) and ``NAME.ann`` (its annotations) pairs. In the
``.ann`` file, text-bound lines ``T<n> <TAB> Type START END[;START END...] <TAB> text`` mark
``Source``, ``Cue`` and ``Content`` spans (character offsets into ``NAME.txt``), and each event
line ``E<n> <TAB> Attribution:T<a> Content:T<c> Cue:T<q> Source:T<s>`` ties one attribution's
spans together; other lines and types are ignored. docs/attribution-format.md has the details.

A predicted attribution is one of the backend's attribution relations where it reads them
(``AttributionReader``: the offline backend), else a run of consecutive claims of one holder;
it matches a gold attribution when they share at least half of the longer one's characters (a
content of several spans counts as their sum). On matched pairs the source is right when the holder's head
word is one of the gold source's words (a gold pronoun stands for the nearest named gold
source before it), and the cue is right when the two cues share a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple

from briefing.backends import Backend
from briefing.backends.base import AttributionReader, ReportedAttribution
from briefing.errors import SourceError
from briefing.schema import Claim

#: A predicted and a gold attribution match when they share at least this share of the
#: longer one's characters.
MATCH_OVERLAP: Final = 0.5
_PRONOUNS: Final = frozenset({
    "he", "she", "they", "his", "her", "their", "him", "them", "i", "we", "it", "its", "my",
    "our", "me", "us", "you", "your", "who", "which", "that",
})
_NOT_HEADS: Final = frozenset({
    "the", "a", "an", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "of", "and", "to",
    "in", "for", "at", "on", "by", "with", "from",
})
_TEXT_BOUND: Final = re.compile(r"T\d+\t")
_EVENT: Final = re.compile(r"E\d+\t")
_WORD: Final = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its content spans, and its source and cue as written."""

    content: tuple[tuple[int, int], ...]
    source: str | None
    source_start: int | None
    cue: str | None


@dataclass
class AttributionTally:
    """Counts behind the attribution scores, summed over articles."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_source: int = 0
    source_correct: int = 0
    with_cue: int = 0
    cue_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _spans(field_text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def read_brat(ann: str, name: str = "annotations") -> list[GoldAttribution]:
    """The attributions of one ``.ann`` file: the events that have a content span."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if _TEXT_BOUND.match(line):  # not a line of a span's text that runs over lines
            try:
                ident, typed, text = line.split("\t", 2)
                kind, _, offsets = typed.partition(" ")
                spans[ident] = (kind, _spans(offsets), text)
            except ValueError as exc:
                raise SourceError(f"{name}:{number}: not a brat text-bound line") from exc
        elif _EVENT.match(line):
            parts = line.split("\t", 1)
            roles = dict(arg.split(":", 1) for arg in parts[-1].split() if ":" in arg)
            events.append(roles)
    found = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        found.append(GoldAttribution(
            content=content[1],
            source=" ".join(source[2].split()) if source else None,
            source_start=source[1][0][0] if source else None,
            cue=" ".join(cue[2].split()) if cue else None,
        ))
    return found


def _overlap(gold: tuple[tuple[int, int], ...], predicted: tuple[tuple[int, int], ...]) -> float:
    shared = sum(max(0, min(b, d) - max(a, c)) for a, b in gold for c, d in predicted)
    longer = max(sum(b - a for a, b in gold), sum(d - c for c, d in predicted))
    return shared / longer if longer else 0.0


def _words(text: str) -> list[str]:
    words = [w.lower().strip(".’'-") for w in _WORD.findall(text)]
    return [w.removesuffix("’s").removesuffix("'s") for w in words if w]


def _head(text: str) -> str | None:
    words = [w for w in _words(text) if w not in _NOT_HEADS]
    return words[-1] if words else None


def sources_match(predicted: str, gold: str) -> bool:
    """Same source: the predicted holder's head word is a word of the gold source.

    "Varga" matches "Mayor Ilse Varga" and "Sen. Varga, a veteran of the port"; "the Varga
    campaign" (head "campaign") does not match "Varga".
    """
    head = _head(predicted)
    return head is not None and head in _words(gold)


def _named_source(gold: list[GoldAttribution], attribution: GoldAttribution) -> str | None:
    """The gold source, a pronoun standing for the nearest named source before it."""
    if attribution.source is None or _head(attribution.source) not in _PRONOUNS:
        return attribution.source
    named = [g for g in gold if g.source and g.source_start is not None
             and attribution.source_start is not None and g.source_start < attribution.source_start
             and _head(g.source) not in _PRONOUNS]
    return max(named, key=lambda g: g.source_start or 0).source if named else None


class Predicted(NamedTuple):
    """One predicted attribution: its content (one span or several), holder and cue."""

    start: int
    end: int
    holder: str | None
    cue: str | None
    quote: str
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def content(self) -> tuple[tuple[int, int], ...]:
        return self.pieces or ((self.start, self.end),)


def predicted_relations(found: list[ReportedAttribution], text: str) -> list[Predicted]:
    """A backend's attribution relations as predictions: each content as its pieces."""
    return [Predicted(r.content[0][0], r.content[-1][1], r.holder, r.cue,
                      " … ".join(text[a:b] for a, b in r.content), r.content)
            for r in found if r.content]


def predicted_attributions(claims: list[Claim], text: str) -> list[Predicted]:
    """Claims with a holder, each run of consecutive claims of one holder joined in one span.

    A quotation of several sentences is one attribution in the gold files and several claims
    in a brief; joined, a run counts once, as a reader would count it. Two claims that each
    name their attribution ("X said A. X added B.") stay two.
    """
    runs: list[Predicted] = []
    previous: Claim | None = None
    for claim in sorted(claims, key=lambda c: c.span[0]):
        holder = claim.attributed_to
        if (holder and previous is not None and previous.attributed_to == holder and runs
                and not (_states_its_cue(previous) and _states_its_cue(claim))):
            last = runs[-1]
            runs[-1] = last._replace(end=claim.span[1], quote=text[last.start : claim.span[1]])
        elif holder:
            runs.append(Predicted(claim.span[0], claim.span[1], holder, claim.attribution_cue,
                                  claim.quote))
        previous = claim
    return runs


def _states_its_cue(claim: Claim) -> bool:
    """Whether a claim names its own attribution ("..., X said."), not one carried over."""
    cue = claim.attribution_cue
    return bool(cue) and cue is not None and cue.lower() in claim.quote.lower()


def score_article(name: str, text: str, gold: list[GoldAttribution],
                  predicted: list[Predicted], tally: AttributionTally) -> None:
    pairs = sorted(
        ((_overlap(g.content, c.content), gi, ci)
         for gi, g in enumerate(gold) for ci, c in enumerate(predicted)),
        reverse=True,
    )
    gold_used: dict[int, int] = {}
    claim_used: set[int] = set()
    for share, gi, ci in pairs:
        if share < MATCH_OVERLAP:
            break
        if gi not in gold_used and ci not in claim_used:
            gold_used[gi] = ci
            claim_used.add(ci)
    tally.articles += 1
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.matched += len(gold_used)
    for gi, g in enumerate(gold):
        content = " … ".join(text[a:b] for a, b in g.content)
        if gi not in gold_used:
            tally.errors.append({"article": name, "error": "missed", "content": content,
                                 "gold_source": g.source, "gold_cue": g.cue})
            continue
        claim = predicted[gold_used[gi]]
        source = _named_source(gold, g)
        if source is not None:
            tally.with_source += 1
            if claim.holder is not None and sources_match(claim.holder, source):
                tally.source_correct += 1
            else:
                tally.errors.append({"article": name, "error": "source", "content": content,
                                     "gold_source": g.source, "resolved": source,
                                     "predicted": claim.holder})
        if g.cue is not None and claim.cue is not None:
            tally.with_cue += 1
            if set(_words(g.cue)) & set(_words(claim.cue)) or g.cue == claim.cue:  # or ":"
                tally.cue_correct += 1
    for ci, claim in enumerate(predicted):
        if ci not in claim_used:
            tally.errors.append({"article": name, "error": "false alarm", "content": claim.quote,
                                 "predicted": claim.holder, "cue": claim.cue})


def evaluate_attributions(folder: str | Path, backend: Backend) -> AttributionTally:
    """Run a backend over every ``NAME.txt`` with a ``NAME.ann`` beside it and tally the scores."""
    from briefing.brief.assembly import extract_grounded
    from briefing.io.sources import make_source, read_utf8_text

    root = Path(folder)
    pairs = [(t, t.with_suffix(".ann")) for t in sorted(root.glob("*.txt"))
             if t.with_suffix(".ann").is_file()]
    if not pairs:
        raise SourceError(f"{root}: no NAME.txt with a NAME.ann beside it")
    tally = AttributionTally()
    for text_path, ann_path in pairs:
        text = read_utf8_text(text_path)
        gold = read_brat(read_utf8_text(ann_path), str(ann_path))
        past = [end for g in gold for _, end in g.content if end > len(text)]
        if past:
            raise SourceError(f"{ann_path}: a content span ends at {max(past)}, past the end of "
                              f"{text_path.name} ({len(text)} characters): not its annotations?")
        if not text.strip():
            continue
        source = make_source(text, path=str(text_path))
        if isinstance(backend, AttributionReader):
            predicted = predicted_relations(backend.read_attributions(source), text)
        else:
            predicted = predicted_attributions(extract_grounded(source, backend).claims, text)
        score_article(text_path.stem, text, gold, predicted, tally)
    return tally


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def attribution_scores(tally: AttributionTally) -> dict[str, Any]:
    precision, recall = _ratio(tally.matched, tally.predicted), _ratio(tally.matched, tally.gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": tally.articles, "gold": tally.gold, "predicted": tally.predicted,
        "matched": tally.matched, "precision": round(precision, 4), "recall": round(recall, 4),
        "f1": round(f1, 4),
        "source_accuracy": round(_ratio(tally.source_correct, tally.with_source), 4),
        "sources_scored": tally.with_source,
        "cue_accuracy": round(_ratio(tally.cue_correct, tally.with_cue), 4),
        "cues_scored": tally.with_cue,
    }


def format_attribution_scores(result: dict[str, Any]) -> str:
    """A plain-text summary of attribution scores (for stderr)."""
    return (
        f"{result['articles']} articles: {result['gold']} gold attributions, "
        f"{result['predicted']} predicted, {result['matched']} matched\n"
        f"content match  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}\n"
        f"source accuracy {result['source_accuracy']:.3f}  (on {result['sources_scored']} "
        f"matched with a source)\n"
        f"cue accuracy    {result['cue_accuracy']:.3f}  (on {result['cues_scored']} matched "
        f"with a cue)\n"
    )
