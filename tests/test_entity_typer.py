"""The entity typer on real-world shapes of names: honorifics, titles, regions (fictional)."""

from __future__ import annotations

from briefing.text.entities import extract_entities


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities(text)}


def test_a_name_after_an_honorific_is_a_person_though_a_period_precedes_it() -> None:
    found = types("Ms. Varga met Mr. Brenn at the Halden docks on Monday.")
    assert (found.get("Varga"), found.get("Brenn")) == ("person", "person")


def test_a_lone_surname_written_with_a_title_elsewhere_is_a_person() -> None:
    found = types("Mr. Holt spoke in Orvel. Supporters came from Holt country to cheer.")
    assert found["Holt"] == "person"


def test_regions_by_their_compass_words_and_endings_are_places() -> None:
    found = types("Envoys from the Middle East and East Asia met in Orvel on Monday.")
    assert (found["Middle East"], found["East Asia"]) == ("location", "location")


def test_a_gazetteer_region_is_a_place_and_nations_an_organization() -> None:
    found = types("Delegates from Iowa spoke at the United Nations about Orvel.")
    assert (found["Iowa"], found["United Nations"]) == ("location", "organization")
