"""Holders carried across sentences: pronouns, roles, and firms introduced by their role."""

from __future__ import annotations

from briefing.assembly import extract_grounded
from briefing.backends.offline import OfflineBackend
from briefing.sources import make_source


def holders(text: str) -> dict[str, str | None]:
    grounded = extract_grounded(make_source(text), OfflineBackend())
    return {claim.quote: claim.attributed_to for claim in grounded.claims}


def test_the_company_goes_back_to_the_firm_named_as_operator() -> None:
    text = (
        "A fire broke out at the Ostrava pumping station early on Monday, the plant's operator, "
        "Velta Energy, said.\n\n"
        "Nobody was hurt in the fire, the company said."
    )
    assert holders(text)["Nobody was hurt in the fire, the company said."] == "Velta Energy"


def test_a_firm_named_before_its_role_is_remembered_too() -> None:
    text = (
        "Kalmar Lines, the shipping company that owns the vessel, said the crew was safe.\n\n"
        "The company said the cargo had not been damaged."
    )
    assert holders(text)["The company said the cargo had not been damaged."] == "Kalmar Lines"


def test_the_company_stays_as_written_when_no_firm_was_introduced() -> None:
    text = "The ministry said the road was closed.\n\nThe company said the cargo had not been damaged."
    assert holders(text)["The company said the cargo had not been damaged."] == "the company"


def test_a_weekday_before_a_role_is_not_taken_for_a_firm() -> None:
    text = (
        "The dam was damaged on Thursday, the regional operator said.\n\n"
        "The company said repairs would take a month."
    )
    assert holders(text)["The company said repairs would take a month."] == "the company"


def test_a_person_described_by_a_company_job_is_not_a_firm() -> None:
    text = (
        "Anna Berg, a company spokeswoman, said the crew was safe.\n\n"
        "The company said the cargo had not been damaged."
    )
    assert holders(text)["The company said the cargo had not been damaged."] == "the company"


def test_list_items_after_an_attributed_colon_are_held_by_its_holder() -> None:
    text = (
        "Press statement, 8 August\n\n"
        "The Ministry of Defence reports the following:\n\n"
        "- Nine drones were destroyed over the ridge.\n"
        "- No military facilities were damaged.\n\n"
        "Repairs to the road began at noon."
    )
    found = holders(text)
    assert found["Nine drones were destroyed over the ridge."] == "Ministry of Defence"
    assert found["No military facilities were damaged."] == "Ministry of Defence"
    assert found["Repairs to the road began at noon."] is None  # the list has ended


def test_list_items_after_a_plain_label_have_no_holder() -> None:
    text = "Key points:\n\n- Nine drones were destroyed over the ridge.\n- The road was closed."
    assert set(holders(text).values()) == {None}


def test_he_after_said_is_the_speaker_who_judges() -> None:
    text = (
        "The ambassador was summoned on Sunday.\n\n"
        "Foreign Minister Tomasz Wierzba said he did not rule out closing the crossing."
    )
    sentence = "Foreign Minister Tomasz Wierzba said he did not rule out closing the crossing."
    assert holders(text)[sentence] == "Foreign Minister Tomasz Wierzba"
