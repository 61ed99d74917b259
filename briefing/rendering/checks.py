"""What code checked of a claim a model read, in words: the lines the review page shows for a
claim's `checks` (who read it, how the kinds compared, and each field the model wrote:
verified, replaced or dropped, and why)."""

from __future__ import annotations

from typing import Any, Final

#: How the review page names each field a model may write.
FIELD_NAMES: Final = {
    "units": "Units", "kind": "Kind", "statement": "Statement", "holder": "Holder",
    "attribution_cue": "Attribution cue", "cue": "Hedge cue", "confidence": "Confidence",
}
#: What each outcome means for the reader of the brief.
OUTCOMES: Final = {
    "verified": "verified",
    "replaced": "replaced: the report's words or the offline reading are shown instead",
    "dropped": "dropped: not shown",
}
_READERS: Final = {
    ("model",): "Read by the model alone (the offline reader read no claim here).",
    ("offline",): "Read by the offline reader alone.",
    ("model", "offline"): "Read by the model and by the offline reader.",
}


def _kinds(checks: dict[str, Any], shown: str) -> str | None:
    by_model, by_offline = checks.get("kind_by_model"), checks.get("kind_by_offline")
    if by_model and by_offline and by_model != by_offline:
        return (f"Kind: the model read {by_model}, the offline reader {by_offline}; "
                f"the brief shows {shown}, the more cautious reading.")
    if by_model and by_model != shown:
        return f"Kind: the model read {by_model}; the brief shows {shown}."
    return None


def _field(check: dict[str, Any]) -> str:
    name = FIELD_NAMES.get(check["field"], check["field"])
    wrote = f" “{check['model']}”" if check.get("model") else ""
    line = f"{name}{wrote}: {OUTCOMES.get(check['outcome'], check['outcome'])}"
    return line + (f" ({check['reason']})." if check.get("reason") else ".")


def check_lines(claim: dict[str, Any]) -> list[str]:
    """The checks of one claim (as brief JSON data) as sentences; empty without checks."""
    checks = claim.get("checks")
    if not isinstance(checks, dict):
        return []
    readers = tuple(sorted(checks.get("readers") or []))
    lines = [_READERS.get(readers, "Read by: " + ", ".join(readers) + ".")]
    if checks.get("units"):
        lines[0] = lines[0][:-1] + f", units {', '.join(checks['units'])}."
    kinds = _kinds(checks, claim["kind"])
    if kinds:
        lines.append(kinds)
    if checks.get("paraphrase"):
        lines.append("The paraphrase is the model's wording, checked against the quote: it "
                     "adds no number, date, name or negation.")
    for check in checks.get("fields") or []:
        if check["field"] == "kind" and check["outcome"] == "verified" and kinds:
            continue  # the line on the two readers' kinds says what is shown and why
        lines.append(_field(check))
    return lines
