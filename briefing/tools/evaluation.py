"""Scoring a backend against gold annotations: claim kinds, holders, likelihood bands, grounding."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from briefing.backends import Backend
from briefing.errors import SourceError
from briefing.io.sources import read_utf8_text
from briefing.schema import Claim, ClaimKind

KINDS: Final[tuple[ClaimKind, ...]] = ("fact", "assessment", "uncertainty")
#: A predicted claim matches a gold claim when their spans overlap by at least this share
#: of the longer of the two.
MATCH_OVERLAP: Final = 0.5
#: Holders match when their token-set similarity (rapidfuzz, 0-100) reaches this.
HOLDER_SIMILARITY: Final = 80.0
_DETERMINERS: Final = re.compile(r"\b(?:the|a|an)\b|['’]s\b", re.IGNORECASE)


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim: its span in the report and its labels."""

    start: int
    end: int
    kind: ClaimKind
    holder: str | None
    cue: str | None
    likelihood: str | None


@dataclass
class GoldReport:
    """A report of the gold corpus with its annotations."""

    name: str
    path: Path
    claims: list[GoldClaim]


@dataclass
class Tally:
    """Counts behind the scores, summed over reports."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    matched: int = 0
    holder_correct: int = 0
    band_total: int = 0
    band_correct: int = 0
    claims: int = 0
    grounded: int = 0
    confusion: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def holders_match(predicted: str | None, gold: str | None) -> bool:
    """Same holder: both none, or names alike once articles and possessives are ignored."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    from rapidfuzz import fuzz

    a = " ".join(_DETERMINERS.sub(" ", predicted.lower()).split())
    b = " ".join(_DETERMINERS.sub(" ", gold.lower()).split())
    return bool(a and b and fuzz.token_set_ratio(a, b) >= HOLDER_SIMILARITY)


def load_gold(folder: str | Path, split: str | None = None) -> list[GoldReport]:
    """Gold reports of a corpus folder (dev/ and test/ inside), one split or both."""
    from briefing.io.formats import load_file

    root = Path(folder)
    if not root.is_dir():
        raise SourceError(f"{root} is not a folder of gold annotations")
    splits = [split] if split else ["dev", "test"]
    reports: list[GoldReport] = []
    for name in splits:
        part = root / name
        if not part.is_dir():
            raise SourceError(f"{root} has no {name}/ split")
        gold_files = sorted(part.glob("*.jsonl"))
        if not gold_files:
            raise SourceError(f"{part} holds no gold files (NAME.jsonl beside NAME.txt)")
        for gold_file in gold_files:
            report = gold_file.with_suffix(".txt")
            text = load_file(str(report)).text
            claims = []
            for number, line in enumerate(read_utf8_text(gold_file).splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    start = text.find(item["quote"])
                    if item["kind"] not in ("fact", "assessment", "uncertainty"):
                        raise ValueError(f"kind {item['kind']!r}")
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                    raise SourceError(f"{gold_file}:{number}: not a gold claim ({exc})") from exc
                if start < 0:
                    raise SourceError(f"{gold_file}:{number}: quote not found in {report.name}")
                claims.append(GoldClaim(start, start + len(item["quote"]), item["kind"],
                                        item.get("holder"), item.get("cue"),
                                        item.get("likelihood")))
            reports.append(GoldReport(gold_file.stem, report, claims))
    return reports


def _match(predicted: list[Claim], gold: list[GoldClaim]) -> list[tuple[int, int]]:
    pairs = []
    for i, claim in enumerate(predicted):
        for j, truth in enumerate(gold):
            overlap = min(claim.span[1], truth.end) - max(claim.span[0], truth.start)
            if overlap <= 0:
                continue
            longer = max(claim.span[1] - claim.span[0], truth.end - truth.start)
            share = overlap / longer
            if share >= MATCH_OVERLAP:
                pairs.append((share, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score_report(report: GoldReport, claims: list[Claim], text: str, tally: Tally) -> None:
    """Add one report's comparison to the tally."""
    for truth in report.claims:
        tally.gold[truth.kind] += 1
    for claim in claims:
        tally.predicted[claim.kind] += 1
        tally.claims += 1
        tally.grounded += text[claim.span[0] : claim.span[1]] == claim.quote
    pairs = _match(claims, report.claims)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, j in pairs:
        claim, truth = claims[i], report.claims[j]
        tally.matched += 1
        key = f"{truth.kind}->{claim.kind}"
        tally.confusion[key] = tally.confusion.get(key, 0) + 1
        if claim.kind == truth.kind:
            tally.correct[claim.kind] += 1
        holder_ok = holders_match(claim.attributed_to, truth.holder)
        tally.holder_correct += holder_ok
        if truth.likelihood or claim.likelihood:
            tally.band_total += 1
            tally.band_correct += claim.likelihood == truth.likelihood
        if claim.kind != truth.kind or not holder_ok:
            tally.errors.append({
                "report": report.name, "quote": text[truth.start : truth.end],
                "gold": {"kind": truth.kind, "holder": truth.holder, "cue": truth.cue},
                "predicted": {"kind": claim.kind, "holder": claim.attributed_to,
                              "cue": claim.cue},
            })
    for j, truth in enumerate(report.claims):
        if j not in matched_g:
            tally.errors.append({"report": report.name, "quote": text[truth.start : truth.end],
                                 "gold": {"kind": truth.kind}, "predicted": None})
    for i, claim in enumerate(claims):
        if i not in matched_p:
            tally.errors.append({"report": report.name, "quote": claim.quote, "gold": None,
                                 "predicted": {"kind": claim.kind}})


def scores(tally: Tally) -> dict[str, Any]:
    """The scores of a tally as a JSON-ready mapping."""
    per_kind: dict[str, dict[str, float | int]] = {}
    for kind in KINDS:
        precision = _ratio(tally.correct[kind], tally.predicted[kind])
        recall = _ratio(tally.correct[kind], tally.gold[kind])
        per_kind[kind] = {
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(_f1(precision, recall), 4), "gold": tally.gold[kind],
            "predicted": tally.predicted[kind], "correct": tally.correct[kind],
        }
    return {
        "per_kind": per_kind,
        "macro_f1": round(sum(float(v["f1"]) for v in per_kind.values()) / len(KINDS), 4),
        "holder_accuracy": round(_ratio(tally.holder_correct, tally.matched), 4),
        "likelihood_accuracy": round(_ratio(tally.band_correct, tally.band_total), 4),
        "grounding_rate": round(_ratio(tally.grounded, tally.claims), 4),
        "matched": tally.matched,
        "gold_claims": sum(tally.gold.values()),
        "predicted_claims": tally.claims,
        "confusion": dict(sorted(tally.confusion.items())),
    }


def evaluate_claims(folder: str | Path, backend: Backend, split: str | None = None,
                    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score a backend on a gold folder; returns (scores, per-claim errors)."""
    from briefing.brief.assembly import extract_grounded
    from briefing.io.formats import load_file

    tally = Tally()
    reports = load_gold(folder, split)
    for report in reports:
        source = load_file(str(report.path))
        claims = extract_grounded(source, backend).claims
        score_report(report, claims, source.text, tally)
    result = scores(tally)
    result["reports"] = len(reports)
    result["split"] = split or "all"
    result["backend"] = backend.name
    return result, tally.errors


def format_claim_scores(result: dict[str, Any]) -> str:
    """A plain-text table of claim scores (for stderr)."""
    lines = [
        f"{result['reports']} reports, split {result['split']}, backend {result['backend']}: "
        f"{result['gold_claims']} gold claims, {result['predicted_claims']} predicted, "
        f"{result['matched']} matched",
        "",
        f"{'kind':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'gold':>5} {'pred':>5}",
    ]
    for kind, row in result["per_kind"].items():
        lines.append(f"{kind:<12} {row['precision']:>9.3f} {row['recall']:>7.3f} "
                     f"{row['f1']:>6.3f} {row['gold']:>5} {row['predicted']:>5}")
    lines += [
        "",
        f"macro-F1             {result['macro_f1']:.3f}",
        f"holder accuracy      {result['holder_accuracy']:.3f}  (on matched claims)",
        f"likelihood accuracy  {result['likelihood_accuracy']:.3f}  (on matched claims with a band)",
        f"grounding rate       {result['grounding_rate']:.3f}",
    ]
    return "\n".join(lines) + "\n"


def _read_sentences(path: str | Path) -> Iterable[dict[str, Any]]:
    file = Path(path)
    if not file.is_file():
        raise SourceError(f"{file}: no such file")
    for number, line in enumerate(read_utf8_text(file).splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{file}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or "text" not in item or item.get("label") not in {
            "certain", "uncertain"
        }:
            raise SourceError(f"{file}:{number}: needs \"text\" and a \"label\" of certain or "
                              "uncertain")
        yield item


def evaluate_sentences(path: str | Path, backend: Backend) -> tuple[dict[str, Any],
                                                                     list[dict[str, Any]]]:
    """Score sentence-level uncertainty detection; returns (scores, per-sentence predictions)."""
    from briefing.brief.assembly import extract_grounded
    from briefing.io.sources import make_source

    tp = fp = fn = tn = 0
    predictions = []
    for item in _read_sentences(path):
        claims = extract_grounded(make_source(str(item["text"])), backend).claims
        uncertain = any(c.kind != "fact" for c in claims)
        gold = item["label"] == "uncertain"
        tp += uncertain and gold
        fp += uncertain and not gold
        fn += gold and not uncertain
        tn += not gold and not uncertain
        cues = [c.cue for c in claims if c.cue]
        predictions.append({"id": item.get("id"), "label": item["label"],
                            "predicted": "uncertain" if uncertain else "certain", "cues": cues})
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    result = {
        "sentences": tp + fp + fn + tn, "precision": round(precision, 4),
        "recall": round(recall, 4), "f1": round(_f1(precision, recall), 4),
        "accuracy": round(_ratio(tp + tn, tp + fp + fn + tn), 4),
        "true_positives": tp, "false_positives": fp, "false_negatives": fn,
        "true_negatives": tn, "backend": backend.name,
    }
    return result, predictions


def format_sentence_scores(result: dict[str, Any]) -> str:
    """A plain-text summary of sentence scores (for stderr)."""
    return (
        f"{result['sentences']} sentences, backend {result['backend']}\n"
        f"uncertain: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  (accuracy {result['accuracy']:.3f})\n"
    )
