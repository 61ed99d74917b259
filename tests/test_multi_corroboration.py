"""Many reports, one brief: clusters, independence, credibility, conflicts and the timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import build_brief
from briefing.api import generate_brief
from briefing.cli import cli
from briefing.errors import ConfigurationError
from briefing.io.reliability import ReliabilityTable
from briefing.io.sources import make_source
from briefing.schema import Brief, Claim

from .conftest import FIXED_TIME, FIXTURES

MULTI = FIXTURES / "multi"
OUTLETS = MULTI / "three-outlets"
RATINGS = MULTI / "ratings.yaml"


@pytest.fixture(scope="module")
def outlets() -> Brief:
    return generate_brief([str(OUTLETS)], ratings=str(RATINGS), generated_at=FIXED_TIME)


def _by_publisher(brief: Brief) -> dict[str, str]:
    return {source.publisher or "": source.id for source in brief.sources}


def _claim(brief: Brief, words: str) -> Claim:
    found = [claim for claim in brief.claims if words in claim.quote]
    assert len(found) == 1, (words, [c.quote for c in brief.claims])
    return found[0]


def _assert_grounded(brief: Brief) -> None:
    for claim in brief.claims:
        source = brief.source(claim.source_id)
        assert source.text[claim.span[0] : claim.span[1]] == claim.quote
        assert claim.citations[0].source_id == claim.source_id
        for citation in claim.citations:
            cited = brief.source(citation.source_id).text
            assert cited[citation.span[0] : citation.span[1]] == citation.quote


def test_shared_claim_is_one_cluster_confirmed_by_three_outlets(outlets: Brief) -> None:
    ids = _by_publisher(outlets)
    launches = [c for c in outlets.claims if "ballistic missiles" in c.quote]
    assert len(launches) == 1
    launch = launches[0]
    assert {c.source_id for c in launch.citations} == set(ids.values())
    # The Northgate Ledger is rated B: its wording represents the cluster.
    assert launch.source_id == ids["Northgate Ledger"]
    assert sorted(launch.corroborated_by) == sorted(
        ids[p] for p in ("Harbor Daily Courier", "Pell Valley Times"))
    assert launch.credibility == 1
    _assert_grounded(outlets)


def test_range_conflict_is_shown_side_by_side_never_merged(outlets: Brief) -> None:
    ids = _by_publisher(outlets)
    eight = _claim(outlets, "800 kilometres")
    six = _claim(outlets, "600 kilometres")
    assert {c.source_id for c in eight.citations} == {ids["Northgate Ledger"],
                                                     ids["Harbor Daily Courier"]}
    assert [c.source_id for c in six.citations] == [ids["Pell Valley Times"]]
    # Two independent outlets agree on 800 km, but the third reports 600 km: no side is
    # "confirmed" (1) while a source in the brief contradicts it. The aspects say who says what,
    # and the disagreement is listed under Conflicting reporting.
    assert eight.credibility == 6 and six.credibility == 6
    [distance] = [a for a in eight.aspects if a.aspect == "quantity"]
    assert distance.value == "800 kilometres"
    assert distance.corroborated_by == [ids["Harbor Daily Courier"]]
    assert distance.contradicted_by == [ids["Pell Valley Times"]]
    [sea] = [a for a in eight.aspects if a.aspect == "place"]
    assert sea.contradicted_by == [] and sea.corroborated_by
    [conflict] = [c for c in outlets.conflicts if c.aspect == "quantity"]
    assert [side.value for side in conflict.sides] == ["800 kilometres", "600 kilometres"]
    assert [side.claim_id for side in conflict.sides] == [eight.id, six.id]

    from briefing import render

    markdown = render(outlets)
    section = markdown.split("## Conflicting reporting", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in section.splitlines() if "800 kilometres" in line)
    assert "600 kilometres" in row
    assert f"[{ids['Northgate Ledger']} ¶3; {ids['Harbor Daily Courier']} ¶3]" in row
    assert f"[{ids['Pell Valley Times']} ¶3]" in row


def test_credibility_one_only_where_two_independent_sources_agree(outlets: Brief) -> None:
    for claim in outlets.claims:
        independent = {c.source_id for c in claim.citations if c.not_independent_of is None}
        contradicted = any(a.contradicted_by for a in claim.aspects)
        expected = 1 if len(independent) >= 2 and not contradicted else 6
        assert claim.credibility == expected, claim


def test_brief_shows_two_character_ratings(outlets: Brief) -> None:
    from briefing import render

    markdown = render(outlets)
    facts = markdown.split("## Key facts", 1)[1].split("\n## ", 1)[0]
    # Northgate Ledger (B): its 800 km is repeated by an independent outlet but contradicted
    # by another, so it cannot be judged (6); Pell Valley Times (not in the table) alone.
    assert "**B6** [S2 ¶3; S1 ¶3]" in facts
    assert "**F6**" in facts
    html = render(outlets, format="html")
    # The launch, confirmed by independent outlets and contradicted by none: B1.
    assert 'information credibility">B1</span>' in html
    assert '<h2 id="conflicts">Conflicting reporting</h2>' in html


def test_timeline_resolves_each_report_against_its_own_date(outlets: Brief) -> None:
    # "Thursday" in reports dated Friday 2026-11-20 and Saturday 2026-11-21: the same day.
    [thursday] = [entry for entry in outlets.timeline if entry.resolved == "2026-11-19"]
    assert sorted(thursday.source_ids) == sorted(s.id for s in outlets.sources)
    assert thursday.claim_ids == [_claim(outlets, "ballistic missiles").id]
    claim_ids = {c.id for c in outlets.claims}
    for entry in outlets.timeline:
        assert set(entry.claim_ids) <= claim_ids


def test_republished_wire_story_is_not_corroboration() -> None:
    brief = generate_brief([str(MULTI / "wire")], generated_at=FIXED_TIME)
    ids = _by_publisher(brief)
    wire, copy, gazette = (ids["Astral Wire Service"], ids["Coastline Herald"],
                           ids["Sorrel Valley Gazette"])
    flood = _claim(brief, "40 square kilometres")
    assert {c.source_id for c in flood.citations} == {wire, copy}
    copied = next(c for c in flood.citations if c.source_id != flood.source_id)
    assert copied.not_independent_of == flood.source_id
    assert copied.dependence == "copied text"
    assert flood.corroborated_by == []
    assert flood.credibility == 6
    # The independent gazette confirms the spillway collapse, on Tuesday night at Dravnik, but
    # not the wire's "four days" of rain: the gazette's claim is confirmed whole (by the wire
    # and its copy), the wire's only in the aspects the gazette shares.
    confirmed = _claim(brief, "Dravnik dam spillway collapsed")
    assert confirmed.source_id == gazette
    assert confirmed.corroborated_by == [wire, copy] and confirmed.credibility == 1
    spillway = _claim(brief, "spillway of the Dravnik dam collapsed")
    assert spillway.credibility == 6
    shared = {a.aspect: a.corroborated_by for a in spillway.aspects}
    assert shared == {"date": [gazette], "place": [gazette], "quantity": []}
    _assert_grounded(brief)


def test_same_publisher_is_not_independent() -> None:
    first = make_source("Marovia closed the Veska border crossing on Monday after the vote.",
                        metadata={"publisher": "Northgate Ledger", "published": "2026-11-20"})
    second = make_source("On Monday, Marovia closed the Veska border crossing following the vote.",
                         metadata={"publisher": "northgate  ledger", "published": "2026-11-20"})
    brief = build_brief([first, second], generated_at=FIXED_TIME)
    [claim] = brief.claims
    assert [c.dependence for c in claim.citations] == [None, "same publisher"]
    assert claim.corroborated_by == [] and claim.credibility == 6


def test_place_and_stance_conflicts() -> None:
    veska = make_source("Marovia launched two missiles from Veska on Thursday.",
                        metadata={"publisher": "Northgate Ledger", "published": "2026-11-20"})
    orlin = make_source("Marovia launched two missiles from Orlin on Thursday.",
                        metadata={"publisher": "Pell Valley Times", "published": "2026-11-20"})
    brief = build_brief([veska, orlin], generated_at=FIXED_TIME)
    assert [c.aspect for c in brief.conflicts] == ["place"]
    assert len(brief.claims) == 2

    strike = generate_brief([str(MULTI / "calloway-strike.jsonl")], generated_at=FIXED_TIME)
    [stance] = [c for c in strike.conflicts if c.aspect == "stance"]
    assert [side.value for side in stance.sides] == ["confirmed", "denied"]


def test_single_report_cannot_be_judged() -> None:
    brief = generate_brief([str(OUTLETS / "pell-valley-times.md")], generated_at=FIXED_TIME)
    assert {claim.credibility for claim in brief.claims} == {6}
    assert brief.conflicts == []
    assert all(claim.corroborated_by == [] for claim in brief.claims)


def test_reliability_table_applies_unless_the_report_rates_itself(tmp_path: Path) -> None:
    report = tmp_path / "rated.md"
    report.write_text("---\npublisher: Northgate Ledger\nreliability: D\n---\n"
                      "Marovia closed the Veska border crossing on Monday.\n", encoding="utf-8")
    brief = generate_brief([str(report), str(OUTLETS / "northgate-ledger.md")],
                           ratings={"northgate ledger": "b"}, generated_at=FIXED_TIME)
    assert [s.reliability for s in brief.sources] == ["D", "B"]


def test_unknown_reliability_letter_is_a_configuration_error(tmp_path: Path) -> None:
    table = tmp_path / "ratings.yaml"
    table.write_text("Northgate Ledger: G\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="Northgate Ledger"):
        ReliabilityTable.load(table)
    result = CliRunner().invoke(cli, ["generate", str(OUTLETS), "--sources", str(table)])
    assert result.exit_code == 1
    assert "Error: sources table" in result.stderr and "A-F" in result.stderr


def test_cli_sources_table_and_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", str(OUTLETS), "--sources", str(RATINGS),
                                      "--format", "json", "--generated-at",
                                      "2026-11-24T12:00:00Z"])
    assert result.exit_code == 0, result.stderr
    brief = Brief.model_validate(json.loads(result.stdout))
    assert {s.publisher: s.reliability for s in brief.sources} == {
        "Harbor Daily Courier": "C", "Northgate Ledger": "B", "Pell Valley Times": "F"}
    assert any(c.aspect == "quantity" for c in brief.conflicts)
