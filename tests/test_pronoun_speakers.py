"""Pronouns to the people they stand for: the last person quoted of a compatible gender."""

from __future__ import annotations

from briefing.text.attribution_memory import HolderMemory


def test_a_pronoun_goes_on_with_the_last_person_quoted_not_a_body() -> None:
    memory = HolderMemory(text="Ms. Ilse Varga and the Halden port authority spoke.")
    assert memory.latest_speaker("she", ["Ilse Varga", "the port authority"]) == "Ilse Varga"
    assert memory.latest_speaker("he", ["Ilse Varga"]) is None
    assert memory.latest_speaker("they", ["Ilse Varga"]) is None


def test_a_gender_from_the_pronouns_that_follow_a_name() -> None:
    text = "Brenn said his crews were tired. Varga said her plan would hold. Then she left."
    memory = HolderMemory(text=text)
    assert memory.latest_speaker("she", ["Varga", "Brenn"]) == "Varga"
    assert memory.latest_speaker("he", ["Brenn", "Varga"]) == "Brenn"


def test_it_goes_on_with_the_last_body_quoted() -> None:
    memory = HolderMemory(text="Ms. Ilse Varga and the Halden port authority spoke.")
    assert memory.latest_speaker("it", ["the port authority", "Ms. Ilse Varga"]) == (
        "the port authority")
