"""A brief that reads like one: BLUF, key facts, timeline, ratings, date line and plurals."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.schema import Brief
from briefing.text.periods import find_periods, resolve_period

from .conftest import FIXED_TIME, SEED

FRIDAY = date(2026, 11, 20)


@pytest.mark.parametrize(("said", "resolved"), [
    ("three days ago", "2026-11-17"),
    ("3 days ago", "2026-11-17"),
    ("Two weeks ago", "2026-11-06"),
    ("a month ago", "2026-10-20"),
    ("a year ago", "2025-11-20"),
    ("last week", "2026-11-09/2026-11-15"),
    ("this week", "2026-11-16/2026-11-22"),
    ("earlier this week", "2026-11-16/2026-11-19"),
    ("next week", "2026-11-23/2026-11-29"),
    ("the past week", "2026-11-13/2026-11-19"),
    ("last month", "2026-10-01/2026-10-31"),
    ("this month", "2026-11-01/2026-11-30"),
    ("earlier this month", "2026-11-01/2026-11-19"),
    ("last year", "2025-01-01/2025-12-31"),
    ("earlier this year", "2026-01-01/2026-11-19"),
    ("early April", "2026-04-01/2026-04-10"),
    ("mid-April", "2026-04-11/2026-04-20"),
    ("late April", "2026-04-21/2026-04-30"),
    ("late February 2024", "2024-02-21/2024-02-29"),
    ("late December", "2025-12-21/2025-12-31"),
    ("an hour ago", None),
])
def test_period_table(said: str, resolved: str | None) -> None:
    assert resolve_period(said, FRIDAY) == resolved


def test_periods_need_the_report_date_unless_they_carry_a_year() -> None:
    assert resolve_period("last week", None) is None
    assert resolve_period("late April", None) is None
    assert resolve_period("late April 2025", None) == "2025-04-21/2025-04-30"
    assert resolve_period("late April", FRIDAY, future=True) == "2027-04-21/2027-04-30"


def test_periods_are_found_only_as_whole_expressions() -> None:
    text = "The ship left three days ago; it may be late May before talks, which came late. " \
           "Officials may reopen it, the mid-level staff said last week."
    assert [words for _, _, words in find_periods(text)] == ["three days ago", "late May", "last week"]


REPORT = """---
title: Harbour closure at Tessaly
published: 2026-11-20
---
The Tessaly port authority closed the northern harbour three days ago after a fuel spill.
Divers found a second leak last week, officials said.
The operator will reopen the terminal in late April, according to a company statement.
Inspectors had warned about the pipeline earlier this month.
"""


def _brief(tmp_path: Path, text: str, name: str = "r.md") -> Brief:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return build_brief(load_source(path), backend=OfflineBackend(), generated_at=FIXED_TIME)


def _section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_timeline_resolves_relative_expressions_and_orders_by_date(tmp_path: Path) -> None:
    brief = _brief(tmp_path, REPORT)
    assert [(e.when, e.resolved) for e in brief.timeline] == [
        ("earlier this month", "2026-11-01/2026-11-19"),
        ("last week", "2026-11-09/2026-11-15"),
        ("three days ago", "2026-11-17"),
        ("late April", "2027-04-21/2027-04-30"),
    ]
    timeline = _section(render(brief), "Timeline")
    assert "“Divers found a second leak last week, officials said.” [S1 ¶2]" in timeline
    assert not re.search(r"\bC\d+\b", timeline)
    assert "no publication date" not in timeline


def test_seed_bluf_states_event_judgment_and_unknown() -> None:
    brief = build_brief(load_source(SEED), backend=OfflineBackend(), generated_at=FIXED_TIME)
    assert len(brief.bluf) == 3 and len(brief.bluf_claims) == 3
    event, judgment, unknown = (brief.claims[[c.id for c in brief.claims].index(ids[0])]
                                for ids in brief.bluf_claims)
    assert event.kind == "fact" and "launched several short-range ballistic missiles" in event.quote
    assert judgment.kind == "assessment"
    assert "likely aimed at testing weapons intended for export" in judgment.quote
    assert brief.bluf[1].startswith("Key judgment (South Korea's Joint Chiefs of Staff; likely, 55–80%)")
    assert unknown.kind == "uncertainty"
    markdown = render(brief)
    bluf = _section(markdown, "Bottom line up front")
    assert bluf.count("[S1 ¶") == 3  # each bullet cited
    facts = _section(markdown, "Key facts")
    assert event.quote not in facts  # the BLUF cites it already
    assert len(facts.strip().splitlines()) == len(brief.claims_of("fact")) - 1
    timeline = _section(markdown, "Timeline")
    assert not re.search(r"\bC\d+\b", timeline)
    assert "“These tests took place on Thursday morning at the local time.”" in timeline
    assert "no publication date" in timeline  # a hint, since the seed is not dated


def test_date_line_footer_and_plurals() -> None:
    brief = build_brief(load_source(SEED, published="2026-11-21"), backend=OfflineBackend(),
                        generated_at=FIXED_TIME)
    markdown = render(brief)
    first = markdown.splitlines()[2]
    assert first == "_Report of 2026-11-21 · 1 source · 16 claims (10 facts, 1 assessment, " \
        "5 uncertainties)_"
    assert "_Generated 2026-11-24 12:00 UTC by briefing" in markdown
    assert "1 assessments" not in markdown


def test_ratings_only_where_they_carry_information(tmp_path: Path) -> None:
    unrated = render(build_brief(load_source(SEED), backend=OfflineBackend(),
                                 generated_at=FIXED_TIME))
    assert "**F6**" not in unrated
    rated = render(build_brief(load_source(SEED, reliability="B"), backend=OfflineBackend(),
                               generated_at=FIXED_TIME))
    for section in ("Key facts", "Assessments", "Uncertainties and information gaps"):
        lines = [line for line in _section(rated, section).splitlines() if line.startswith("- ")]
        assert lines and all("· **B6**" in line for line in lines), section


def test_quote_first_and_a_differing_statement_marked_as_paraphrase() -> None:
    brief = build_brief(load_source(SEED), backend=OfflineBackend(), generated_at=FIXED_TIME)
    claim = brief.claims_of("fact")[4]
    claim.statement = "A North Korean missile flew 800 km before landing in the Sea of Japan."
    facts = _section(render(brief), "Key facts")
    [line] = [line for line in facts.splitlines() if "800" in line]
    assert line.startswith(f"- “{claim.quote}” (paraphrase: {claim.statement})")
    html = render(brief, format="html")
    assert f'<span class="label">Paraphrase:</span> {claim.statement}' in html
    unchanged = brief.claims_of("fact")[5]
    assert "paraphrase" not in next(line for line in facts.splitlines() if unchanged.quote in line)


def test_a_models_statement_is_a_paraphrase_only_where_code_verified_it() -> None:
    from briefing.schema import ClaimChecks

    brief = build_brief(load_source(SEED), backend=OfflineBackend(), generated_at=FIXED_TIME)
    claim = brief.claims_of("fact")[4]
    claim.statement = "A North Korean missile flew 900 km before landing in the Sea of Japan."
    claim.checks = ClaimChecks(readers=["model", "offline"], paraphrase=False)
    assert "(paraphrase:" not in _section(render(brief), "Key facts")
    assert "Paraphrase:" not in render(brief, format="html")
    claim.checks = ClaimChecks(readers=["model", "offline"], paraphrase=True)
    assert f"(paraphrase: {claim.statement})" in _section(render(brief), "Key facts")
