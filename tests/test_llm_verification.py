"""Nothing a model invents reaches a brief as if verified: a scripted server answers with
invented statements, holders, cues, kinds, BLUF bullets and entities and with near-misses,
and the Markdown, HTML and JSON briefs are checked for each."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.backends.llm import LLMBackend
from briefing.backends.llm.verification import ReportFacts, bullet_problem, statement_problem
from briefing.brief.assembly import build_brief
from briefing.config import Settings
from briefing.io.sources import make_source
from briefing.rendering import render
from briefing.schema import Brief, Claim
from briefing.text.entities import extract_entities

from .conftest import FIXED_TIME
from .llm_server import Reply, ScriptedServer, answer

REPORT = (
    "Velmar launched three cruise missiles from the Oskar coast towards the Grey Sea on "
    "Tuesday. One of the missiles travelled 800 kilometres and landed near Tarn Island. The "
    "Coastal Command of Dresia reported the launches.\n\n"
    "According to the Coastal Command of Dresia, the launch was likely aimed at testing "
    "weapons intended for export. Command spokesperson Ilse Varga said these tests could be "
    "part of a broader strategy.\n\n"
    "The ministry does not rule out further launches this month. The tests may be related to "
    "arms sales to Korvia."
)
DISTANCE = "One of the missiles travelled 800 kilometres and landed near Tarn Island."


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def brief_for(server: ScriptedServer, tmp_path: Path, content: str) -> Brief:
    server.push(Reply(content=content))
    settings = Settings(backend="llm", base_url=server.url, model="test-model",
                        cache_dir=tmp_path / "cache", timeout=5.0, max_attempts=2)
    return build_brief(make_source(REPORT), backend=LLMBackend(settings),
                       generated_at=FIXED_TIME)


def claim_on(brief: Brief, words: str) -> Claim:
    [claim] = [c for c in brief.claims if words in c.quote]
    return claim


def shown(brief: Brief) -> str:
    """What a reader sees: the Markdown and HTML briefs, and the JSON, without the record of
    what was checked (where a replaced value is kept, marked as replaced)."""
    data = json.loads(render(brief, format="json"))
    for claim in data["claims"]:
        claim.pop("checks")
    html = re.sub(r"<dt>Checks</dt><dd>.*?</dd>", "", render(brief, format="html"), flags=re.S)
    return render(brief) + html + json.dumps(data)


def recorded(claim: Claim, field: str) -> Any:
    assert claim.checks is not None
    [check] = [f for f in claim.checks.fields if f.field == field]
    return check


def test_invented_statement_is_replaced_by_the_units_words(server: ScriptedServer,
                                                           tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([{
        "quote": DISTANCE, "statement": "An ICBM flew over Tarn Island, killing 12."}]))
    claim = claim_on(brief, "800 kilometres")
    assert "killing" not in shown(brief)
    assert claim.statement == DISTANCE and claim.checks and not claim.checks.paraphrase
    check = recorded(claim, "statement")
    assert (check.outcome, check.model) == ("replaced", "An ICBM flew over Tarn Island, killing 12.")
    assert brief.verification and brief.verification.replaced >= 1


@pytest.mark.parametrize("statement", [
    "One of the missiles travelled 900 kilometres.",  # a changed number
    "The ministry does rule out further launches this month.",  # a lost negation
    "The ministry does not rule out further launches in Korvia this month.",  # an added name
    "The ministry will certainly launch again this month.",  # a lost hedge
])
def test_near_miss_statements_are_not_shown(server: ScriptedServer, tmp_path: Path,
                                            statement: str) -> None:
    words = "800 kilometres" if "kilometres" in statement else "does not rule out"
    unit = DISTANCE if words == "800 kilometres" else (
        "The ministry does not rule out further launches this month.")
    brief = brief_for(server, tmp_path, answer([{"quote": unit, "statement": statement}]))
    claim = claim_on(brief, words)
    assert statement not in shown(brief)
    assert recorded(claim, "statement").outcome == "replaced"


def test_verified_paraphrase_is_shown_and_marked(server: ScriptedServer, tmp_path: Path) -> None:
    statement = "Ilse Varga said the Velmar tests could be part of a broader strategy."
    brief = brief_for(server, tmp_path, answer([{
        "quote": "Command spokesperson Ilse Varga said these tests could be part of a broader "
                 "strategy.", "kind": "uncertainty", "hedge_cue": "could",
        "statement": statement}], entities=[{"name": "Velmar", "type": "country"}]))
    claim = claim_on(brief, "Ilse Varga")
    assert claim.statement == statement and claim.checks and claim.checks.paraphrase
    assert claim.quote in render(brief)  # the source's words stay beside the paraphrase


def test_invented_holder_and_cue_give_no_band(server: ScriptedServer, tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([{
        "quote": "these tests could be part of a broader strategy", "kind": "assessment",
        "hedge_cue": "almost certain", "holder": "the CIA director", "attribution_cue": "said"}]))
    claim = claim_on(brief, "could be part of")
    assert claim.kind == "uncertainty" and claim.likelihood is None and claim.cue == "could"
    assert "CIA" not in shown(brief) and "almost certain" not in shown(brief)
    assert recorded(claim, "holder").outcome == "dropped"
    assert recorded(claim, "cue").outcome == "dropped"
    assert claim.checks and claim.checks.kind_by_model == "assessment"


def test_a_fact_label_cannot_hide_a_hedge(server: ScriptedServer, tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([
        {"quote": "The ministry does not rule out further launches this month."},
        {"quote": "The tests may be related to arms sales to Korvia.", "hedge_cue": "may"},
    ]))
    ruled = claim_on(brief, "does not rule out")
    assert ruled.kind == "uncertainty"  # the offline reader's, the more cautious reading
    assert ruled.checks and ruled.checks.kind_by_model == "fact"
    assert ruled.checks.kind_by_offline == "uncertainty"
    assert claim_on(brief, "may be related").kind == "uncertainty"  # its own verified cue


def test_invented_hedge_does_not_make_a_fact_uncertain(server: ScriptedServer,
                                                       tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([{
        "quote": "The Coastal Command of Dresia reported the launches.", "kind": "uncertainty",
        "hedge_cue": "might"}]))
    claim = claim_on(brief, "reported the launches")
    assert claim.kind == "fact" and claim.cue is None
    assert recorded(claim, "kind").outcome == "dropped"


def test_assessment_band_comes_from_a_verified_cue(server: ScriptedServer,
                                                   tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([{
        "quote": "the launch was likely aimed at testing weapons intended for export",
        "kind": "assessment", "hedge_cue": "likely", "holder": "Coastal Command of Dresia",
        "attribution_cue": "According to"}]))
    claim = claim_on(brief, "likely aimed")
    assert (claim.kind, claim.likelihood, claim.probability) == ("assessment", "likely", (55, 80))
    assert claim.attributed_to and "Coastal Command of Dresia" in claim.attributed_to


@pytest.mark.parametrize("bullet", [
    "Velmar fired an ICBM over Tarn Island.",  # a name its claim does not carry
    "One missile travelled 900 kilometres.",  # a number its claim does not carry
    "Further launches are almost certain this month.",  # a likelihood its claim lacks
    "The tests are related to arms sales to Korvia.",  # a hedge dropped
])
def test_invented_bluf_bullets_are_dropped(server: ScriptedServer, tmp_path: Path,
                                           bullet: str) -> None:
    brief = brief_for(server, tmp_path, answer(
        [{"quote": DISTANCE}, {"quote": "The tests may be related to arms sales to Korvia.",
                               "kind": "uncertainty", "hedge_cue": "may"},
         {"quote": "The ministry does not rule out further launches this month.",
          "kind": "uncertainty", "hedge_cue": "does not rule out"}],
        bluf=[{"text": bullet, "claim_ids": ["c1", "c2", "c3"]}]))
    assert bullet not in shown(brief)
    assert brief.verification and brief.verification.bluf_dropped == 1


def test_grounded_bullet_is_kept(server: ScriptedServer, tmp_path: Path) -> None:
    bullet = "One of the missiles travelled 800 kilometres."
    brief = brief_for(server, tmp_path, answer(
        [{"quote": DISTANCE}], bluf=[{"text": bullet, "claim_ids": ["c1"]}]))
    assert brief.bluf == [bullet]


def test_invented_entities_are_dropped_and_mentions_counted(server: ScriptedServer,
                                                            tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer(
        [{"quote": DISTANCE}],
        entities=[{"name": "Hokkaido Prefecture", "type": "location"},
                  {"name": "Tarn Island", "type": "location"}]))
    names = {e.name: e for e in brief.entities}
    assert "Hokkaido Prefecture" not in names and "Hokkaido" not in shown(brief)
    assert names["Tarn Island"].mentions == 1
    assert brief.verification and brief.verification.entities_dropped == 1


def test_every_claim_records_its_readers(server: ScriptedServer, tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([{"quote": DISTANCE}]))
    for claim in brief.claims:
        assert claim.checks is not None
        expected = ["model", "offline"] if "800 kilometres" in claim.quote else ["offline"]
        assert claim.checks.readers == expected


def test_statement_rules_directly() -> None:
    facts = ReportFacts.of(REPORT, extract_entities(REPORT))
    unit = "Command spokesperson Ilse Varga said these tests could be part of a broader strategy."
    assert statement_problem("Ilse Varga said the tests could be part of a strategy.", unit,
                             facts) is None
    assert statement_problem("Varga said the tests were part of a strategy.", unit, facts)
    assert statement_problem("Ilse Varga said 12 tests could be part of a strategy.", unit, facts)
    assert statement_problem("Ilse Varga never said the tests could be part of it.", unit, facts)
    assert bullet_problem("Velmar launched three cruise missiles.", REPORT, False, facts) is None
    assert bullet_problem("Velmar launched four cruise missiles.", REPORT, False, facts)


def test_footer_counts_what_was_replaced_and_dropped(server: ScriptedServer,
                                                     tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer(
        [{"quote": DISTANCE, "statement": "One of the missiles travelled 900 kilometres."}],
        entities=[{"name": "Hokkaido", "type": "location"}]))
    assert "Checked by code: " in render(brief)
    assert "1 replaced by the report's words" in render(brief)
    assert "1 entity dropped" in render(brief)


def test_offline_holder_is_shown_and_the_models_recorded(server: ScriptedServer,
                                                         tmp_path: Path) -> None:
    brief = brief_for(server, tmp_path, answer([{
        "quote": "Command spokesperson Ilse Varga said these tests could be part of a broader "
                 "strategy.", "kind": "uncertainty", "hedge_cue": "could",
        "holder": "Coastal Command of Dresia", "attribution_cue": "said"}]))
    claim = claim_on(brief, "Ilse Varga")
    assert claim.attributed_to and "Ilse Varga" in claim.attributed_to
    assert claim.checks is not None
    assert [f.outcome for f in claim.checks.fields if f.field == "holder"] == [
        "verified", "replaced"]


def test_units_listed_as_plain_facts_are_read_by_the_model(server: ScriptedServer,
                                                            tmp_path: Path) -> None:
    # The cheap form of a fact in the report's own voice: its unit id in "facts".
    brief = brief_for(server, tmp_path, json.dumps({"facts": ["u1", "u2"], "claims": []}))
    first = claim_on(brief, "three cruise missiles")
    assert first.kind == "fact" and first.attributed_to is None
    assert first.checks is not None and "model" in first.checks.readers
    assert first.checks.kind_by_model == "fact"


def test_a_unit_listed_as_a_fact_by_mistake_keeps_its_cautious_kind(server: ScriptedServer,
                                                                   tmp_path: Path) -> None:
    # "may be related" listed among the plain facts: the offline reader's uncertainty wins.
    ids = [f"u{n}" for n in range(1, 12)]
    brief = brief_for(server, tmp_path, json.dumps({"facts": ids, "claims": []}))
    assert claim_on(brief, "may be related to arms sales").kind == "uncertainty"
    assert claim_on(brief, "does not rule out").kind == "uncertainty"


def test_words_of_the_unit_that_attribute_nothing_are_no_attribution_cue(
        server: ScriptedServer, tmp_path: Path) -> None:
    # A small model copied the sentence's opening words as "said": they occur in the unit but
    # say nothing of who states it, so neither they nor the holder they carry are kept.
    brief = brief_for(server, tmp_path, answer([{
        "quote": DISTANCE, "holder": "Velmar", "attribution_cue": "One of the missiles"}]))
    claim = claim_on(brief, "travelled 800 kilometres")
    assert claim.attributed_to is None
    assert recorded(claim, "attribution_cue").outcome == "dropped"
    assert "no words of saying" in (recorded(claim, "attribution_cue").reason or "")
    assert recorded(claim, "holder").outcome == "dropped"


def test_the_model_is_not_asked_for_a_confidence_code_reads_it() -> None:
    from briefing.backends.llm.answer import answer_schema
    claim = answer_schema()["$defs"]["AnswerClaim"]["properties"]
    assert "confidence" not in claim
    assert answer_schema()["required"][:2] == ["facts", "claims"]
