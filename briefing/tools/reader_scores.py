"""Scores of a model backend's two readers side by side: the model alone, the offline reader
alone and their merged result, on the same gold reports, so the model's contribution shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from briefing.backends import Backend
from briefing.schema import Usage
from briefing.tools.evaluation import KINDS, Tally, load_gold, score_report, scores

#: The readings scored, in the order the table shows them.
READERS: Final = ("model", "offline", "merged")


def evaluate_readers(folder: str | Path, backend: Backend, split: str | None = None,
                     limit: int | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score the model alone, the offline reader alone and the merged result of a backend that
    reports its readings (the llm backend) on the first ``limit`` reports (all by default);
    returns (scores, the merged result's errors)."""
    from briefing.brief.assembly import ground_extraction
    from briefing.io.formats import load_file

    tallies = {name: Tally() for name in READERS}
    usage = Usage()
    reports = load_gold(folder, split)[:limit]
    for report in reports:
        source = load_file(str(report.path))
        merged = backend.extract(source)
        usage.add(merged.usage)
        readings = {**merged.readings, "merged": merged}
        for name in READERS:
            if name in readings:
                claims = ground_extraction(source, readings[name]).claims
                score_report(report, claims, source.text, tallies[name])
    result: dict[str, Any] = {
        "reports": len(reports), "split": split or "all", "backend": backend.name,
        "model": backend.model, "readers": {name: scores(tallies[name]) for name in READERS},
        "usage": usage.model_dump(),
    }
    return result, tallies["merged"].errors


def format_reader_scores(result: dict[str, Any]) -> str:
    """A plain-text table, one column per reading (for stderr)."""
    readers = result["readers"]
    usage = result["usage"]
    lines = [
        f"{result['reports']} reports, split {result['split']}, backend {result['backend']} "
        f"(model {result['model']}): {readers['merged']['gold_claims']} gold claims",
        "",
        f"{'':<22}" + "".join(f"{name:>10}" for name in READERS),
    ]

    def row(label: str, values: list[float | int], digits: int = 3) -> str:
        cells = "".join(f"{v:>10.{digits}f}" if isinstance(v, float) else f"{v:>10}"
                        for v in values)
        return f"{label:<22}{cells}"

    lines.append(row("macro-F1", [readers[n]["macro_f1"] for n in READERS]))
    for kind in KINDS:
        lines.append(row(f"  {kind} F1", [readers[n]["per_kind"][kind]["f1"] for n in READERS]))
    lines += [
        row("holder accuracy", [readers[n]["holder_accuracy"] for n in READERS]),
        row("likelihood accuracy", [readers[n]["likelihood_accuracy"] for n in READERS]),
        row("predicted claims", [readers[n]["predicted_claims"] for n in READERS]),
        row("matched claims", [readers[n]["matched"] for n in READERS]),
        "",
        f"model usage: {usage['calls']} calls, {usage['prompt_tokens']} prompt and "
        f"{usage['completion_tokens']} completion tokens, {usage['cache_hits']} cache hits",
    ]
    return "\n".join(lines) + "\n"
