"""The seed report's brief: the issue's acceptance checks, and golden Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.schema import Brief, Claim

from .conftest import FIXED_TIME, FIXTURES, SEED


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief(load_source(SEED), backend=OfflineBackend(), generated_at=FIXED_TIME)


def _claim(brief: Brief, words: str) -> Claim:
    found = [c for c in brief.claims if words in c.quote]
    assert len(found) == 1, f"expected one claim quoting {words!r}, got {len(found)}"
    return found[0]


@pytest.mark.parametrize("words", [
    "does not rule out Pyongyang testing missiles intended for export",
    "may be related to arms exports",
    "may be related to Donald Trump's potential return",
    "might have flown on an \"irregular trajectory\"",
])
def test_speculation_is_an_uncertainty_never_a_fact(brief: Brief, words: str) -> None:
    assert _claim(brief, words).kind == "uncertainty"
    assert all(words not in c.quote for c in brief.claims_of("fact"))


def test_likely_aim_is_an_assessment_of_the_jcs(brief: Brief) -> None:
    claim = _claim(brief, "likely aimed at testing weapons intended for export")
    assert claim.kind == "assessment"
    assert claim.attributed_to == "South Korea's Joint Chiefs of Staff"
    assert claim.attribution_cue == "according to"
    assert claim.likelihood == "likely"
    assert claim.probability == (55, 80)


def test_flight_and_launch_window_are_facts(brief: Brief) -> None:
    assert _claim(brief, "travelled 800 kilometres").kind == "fact"
    window = _claim(brief, "between 8:10 AM and 9:20 AM local time")
    assert window.kind == "fact"
    assert [t.text for t in window.times] == ["8:10 AM", "9:20 AM local time"]
    assert [(q.value, q.unit) for q in _claim(brief, "800 kilometres").quantities] == [
        (800.0, "kilometres")
    ]


def test_production_order_is_attributed_to_kcna(brief: Brief) -> None:
    claim = _claim(brief, "ordered an increase in missile production")
    assert claim.kind == "fact"
    assert claim.attributed_to is not None and "KCNA" in claim.attributed_to
    assert claim.attribution_cue == "reported"


def test_every_span_slices_back_to_its_quote(brief: Brief) -> None:
    text = brief.sources[0].text
    assert brief.claims
    for claim in brief.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.quote
        assert claim.grounding == "exact"


def test_headings_are_not_claims(brief: Brief) -> None:
    quotes = [c.quote for c in brief.claims]
    assert "What you need to know" not in quotes
    assert not any(q.startswith("Why is North Korea testing") for q in quotes)


def test_relative_dates_stay_as_written_without_a_report_date(brief: Brief) -> None:
    assert [(e.when, e.resolved) for e in brief.timeline] == [
        ("Thursday morning", None), ("March 10", None), ("Wednesday", None)]


def test_relative_dates_resolve_against_a_known_report_date() -> None:
    source = load_source(SEED, published="2026-11-21")
    brief = build_brief(source, backend=OfflineBackend(), generated_at=FIXED_TIME)
    resolved = {e.when: e.resolved for e in brief.timeline}
    assert resolved == {"Thursday morning": "2026-11-19", "March 10": "2026-03-10",
                        "Wednesday": "2026-11-18"}


def test_golden_markdown(brief: Brief, in_repo: Path) -> None:
    relative = build_brief(load_source("seeds/north-korea-missile-tests.txt"),
                           backend=OfflineBackend(), generated_at=FIXED_TIME)
    expected = (FIXTURES / "golden" / "seed.md").read_text(encoding="utf-8")
    assert render(relative) == expected


def test_golden_json(in_repo: Path) -> None:
    relative = build_brief(load_source("seeds/north-korea-missile-tests.txt"),
                           backend=OfflineBackend(), generated_at=FIXED_TIME)
    expected = json.loads((FIXTURES / "golden" / "seed.json").read_text(encoding="utf-8"))
    assert json.loads(render(relative, format="json")) == expected


def test_brief_round_trips_through_json(brief: Brief) -> None:
    again = Brief.model_validate_json(render(brief, format="json"))
    assert again == brief


def test_html_escapes_report_text(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Officials said <script>alert(1)</script> was found in the port.\n")
    html = render(build_brief(load_source(report), backend=OfflineBackend(),
                              generated_at=FIXED_TIME), format="html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
