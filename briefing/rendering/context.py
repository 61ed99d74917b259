"""What templates receive: the brief as plain JSON data plus the derived lists they show.

Nothing here hands a template an object with methods: every value is a dict, list, string,
number, boolean or None (``plain`` checks it), so a template can read a brief and nothing else.
The names are documented in docs/templates.md, and a test holds the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from pydantic import BaseModel

from briefing.key_tables import with_shared_keys
from briefing.rendering.checks import check_lines
from briefing.rendering.review import review
from briefing.schema import Brief
from briefing.shared_empty import NO_ITEMS

_KINDS: Final = ("fact", "assessment", "uncertainty")
_PLURALS: Final = {"uncertainty": "uncertainties", "entity": "entities", "candidate claim":
                   "candidate claims", "was": "were", "is": "are"}


class PlainContext(dict[str, Any]):
    """A template context already made of plain data (brief_context): rendered as it is."""


_NATIVE: Final = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A value as plain data: models dumped to JSON data, mappings and sequences copied."""
    kind = type(value)
    if kind in _NATIVE:
        return value
    if kind is dict or isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, str):  # a str subclass (Markup)
        return str(value)
    if isinstance(value, int | float):  # an int subclass (IntEnum)
        return value
    raise TypeError(f"templates take plain data, not {type(value).__name__}")


def plural(count: int, noun: str) -> str:
    """'1 fact', '2 facts', '1 uncertainty', '5 uncertainties'."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {_PLURALS.get(noun, noun + 's')}"


def utc_minute(value: str | None) -> str:
    """An ISO timestamp as '2026-11-24 12:00 UTC' (the brief's generation time)."""
    if not value:
        return ""
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _date_line(sources: list[dict[str, Any]]) -> str:
    """The reports' dates: 'Report of 2026-11-20', a range for several, or that none is given."""
    dates = sorted({str(s["published"])[:10] for s in sources if s.get("published")})
    undated = sum(1 for s in sources if not s.get("published"))
    noun = "Report" if len(sources) == 1 else "Reports"
    if not dates:
        return f"{noun} not dated"
    said = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    line = f"{noun} of {said}"
    if undated:
        line += f" ({plural(undated, 'report')} not dated)"
    return line


def _show_ratings(sources: list[dict[str, Any]]) -> bool:
    """Admiralty ratings carry information with several sources or with a rated source."""
    return len(sources) > 1 or any(s.get("reliability", "F") != "F" for s in sources)


def _bluf(data: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    cited = data.get("bluf_claims") or []
    lines = []
    for number, text in enumerate(data["bluf"]):
        ids = [i for i in (cited[number] if number < len(cited) else []) if i in by_id]
        lines.append({"text": text, "claims": [by_id[i] for i in ids]})
    return lines


def _timeline(data: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    entries = []
    for entry in data["timeline"]:
        claims = [by_id[i] for i in entry["claim_ids"] if i in by_id]
        entries.append({**entry, "claims": claims})
    return entries


def _paraphrases(claims: list[dict[str, Any]]) -> dict[str, str]:
    """Statements that say a claim in other words than its quote: shown beside the quote,
    marked as paraphrases. A claim a model read carries `checks`, and its statement is shown
    only where code verified the model's wording (`checks.paraphrase`); a claim without checks
    was written by the offline reader's code from the report's words."""
    found = {}
    for claim in claims:
        statement, quote = " ".join(claim["statement"].split()), " ".join(claim["quote"].split())
        checks = claim.get("checks")
        verified = bool(checks.get("paraphrase")) if isinstance(checks, dict) else True
        if statement.rstrip(".") != quote.rstrip(".") and verified:
            # the claim's own string where it is already on one line: not a second copy
            found[claim["id"]] = claim["statement"] if statement == claim["statement"] \
                else statement
    return found


def stored_compactly(data: Any) -> Any:
    """JSON data with each dict in it stored with a table of keys shared by the dicts of the
    same keys (``with_shared_keys``) and each empty list as the one shared ``NO_ITEMS``: equal
    data, the same order, a third of the size for a claim's dict. A long report's claims are
    all in a template's data at once, and templates cannot change a list anyway."""
    if type(data) is dict:
        return with_shared_keys({key: stored_compactly(value) for key, value in data.items()})
    if type(data) is list:
        return [stored_compactly(value) for value in data] if data else NO_ITEMS
    return data


def _brief_data(brief: Brief, release: bool) -> dict[str, Any]:
    """The brief as JSON data; with ``release``, its claims are taken out of the brief as they
    are dumped (last first), so the claims of a long report are never held twice."""
    if not release:
        return brief.model_dump(mode="json")
    rest = brief.model_dump(mode="json", exclude={"claims"})
    claims = []
    while brief.claims:
        claims.append(stored_compactly(brief.claims.pop().model_dump(mode="json")))
    claims.reverse()
    return {name: claims if name == "claims" else rest[name] for name in type(brief).model_fields}


def brief_context(brief: Brief, *, review_page: bool = False,
                  release: bool = False) -> PlainContext:
    """The variables every brief template receives (see docs/templates.md); ``review`` is
    filled only for the review page (``review_page``), and empty otherwise. ``release`` empties
    ``brief.claims`` while they are turned into data (for a caller that renders a brief once
    and drops it, as the command line does)."""
    data = _brief_data(brief, release)
    claims = data["claims"]
    by_id = {claim["id"]: claim for claim in claims}
    by_kind = {kind: [c for c in claims if c["kind"] == kind] for kind in _KINDS}
    by_holder: dict[str, list[dict[str, Any]]] = {}
    for claim in by_kind["assessment"]:
        by_holder.setdefault(claim["attributed_to"] or "The report", []).append(claim)
    bluf = _bluf(data, by_id)
    in_bluf = {claim["id"] for line in bluf for claim in line["claims"]}
    sources = {source["id"]: source for source in data["sources"]}
    return PlainContext({
        "brief": data,
        "claims_by_id": by_id,
        "paraphrases": _paraphrases(claims),
        "checks_text": {c["id"]: lines for c in claims if (lines := check_lines(c))},
        "facts": by_kind["fact"],
        "key_facts": [c for c in by_kind["fact"] if c["id"] not in in_bluf],
        "assessments": by_kind["assessment"],
        "assessments_by_holder": by_holder,
        "uncertainties": by_kind["uncertainty"],
        "bluf": bluf,
        "timeline": _timeline(data, by_id),
        "sources": sources,
        "multi_source": len(data["sources"]) > 1,
        "show_ratings": _show_ratings(data["sources"]),
        "date_line": _date_line(data["sources"]),
        "dated": all(s.get("published") for s in data["sources"]),
        "generated": utc_minute(data["generated_at"]),
        "review": review(data) if review_page else [],
        "counts": {"claims": len(claims), **{kind: len(by_kind[kind]) for kind in _KINDS},
                   "sources": len(data["sources"]), "dropped": len(data["dropped"])},
    })
