"""What is no claim (tests/fixtures/gold/GUIDE.md): calls to action, datelines standing alone."""

from __future__ import annotations

import pytest

from briefing import extract, load_source
from briefing.backends.offline import OfflineBackend
from briefing.schema import Claim


def _claims(text: str) -> list[Claim]:
    return extract(load_source(text), OfflineBackend())


@pytest.mark.parametrize(
    "directive",
    [
        "Motorists are advised to avoid the coast road until further notice.",
        "Residents of Lower Tavin are asked not to touch any debris they find.",
        "The public is also requested to report sightings to the harbour police.",
        "The Coastguard Command urges all fishing boats to return to port before dusk.",
        "We urge the council to publish every contract in full.",
    ],
)
def test_a_present_tense_call_to_action_is_no_claim(directive: str) -> None:
    text = f"A fire broke out at the Tavin fuel depot on Monday. {directive}"
    quotes = [c.quote for c in _claims(text)]
    assert quotes == ["A fire broke out at the Tavin fuel depot on Monday."]


@pytest.mark.parametrize(
    "reported",
    [
        # a past call, reported
        "Police urged residents to stay indoors on Monday night.",
        # a call relayed by someone else
        "The mayor said residents are asked to stay indoors.",
        # a directive verb without a directive
        "The Coastguard Command urges restraint.",
        # the content of a text, not a call in the report's voice
        "The draft resolution calls on both sides to return to talks.",
        # a person asked, not the public addressed
        "The minister was asked to resign in March.",
    ],
)
def test_reported_calls_and_look_alikes_stay_facts(reported: str) -> None:
    claims = _claims(reported)
    assert [(c.quote, c.kind) for c in claims] == [(reported, "fact")]


def test_a_hedged_directive_stays_an_uncertainty() -> None:
    text = "Residents may be asked to leave their homes if the fire spreads."
    assert [c.kind for c in _claims(text)] == ["uncertainty"]


@pytest.mark.parametrize(
    "dateline",
    [
        "SAROVO, 17 October /ONA correspondent/.",
        "PORT ALVEN, Merovia, May 3 (Tidewire) -",
        "LISK, 3 November 2026.",
    ],
)
def test_a_dateline_standing_alone_is_no_claim(dateline: str) -> None:
    text = f"{dateline}\n\nThe Ona Railway opened its second line on Friday."
    assert [c.quote for c in _claims(text)] == ["The Ona Railway opened its second line on Friday."]


def test_a_dateline_opening_a_sentence_keeps_the_sentence() -> None:
    text = "LISK, 3 November (Eastwire) – Negotiators met for a third day."
    assert [c.quote for c in _claims(text)] == [text]
