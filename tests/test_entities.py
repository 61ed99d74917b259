"""Entities: names, their types, and names broken across wrapped lines."""

from __future__ import annotations

from briefing.text.entities import extract_entities


def types(text: str) -> dict[str, str]:
    return {entity.name: entity.type for entity in extract_entities(text)}


def test_a_ministry_after_a_title_word_is_an_organization_not_a_person() -> None:
    found = types("The ambassador was summoned to the Koszan Foreign Ministry on Sunday.")
    assert found.get("Koszan Foreign Ministry") == "organization"
    assert "Ministry" not in found


def test_a_title_before_a_name_still_gives_the_person() -> None:
    found = types("Defence Minister Ana Ruiz visited the base on Monday.")
    assert found.get("Ana Ruiz") == "person"


def test_a_republic_is_a_place_and_a_ministry_of_it_an_organization() -> None:
    found = types("Shells came from the Solmark Republic, the Ministry of Defence of the "
                  "Solmark Republic said.")
    assert found.get("Solmark Republic") == "location"
    assert found.get("Ministry of Defence of the Solmark Republic") == "organization"


def test_a_name_broken_by_line_wrapping_is_one_name() -> None:
    wrapped = (
        "Shelling on the border\n\n"
        "Governor Milena Kovacs said the shells were fired from positions across\n"
        "the river in the Solmark Republic, and that the Solmark Foreign\n"
        "Ministry had denied firing any rounds at the village that morning.\n"
    )
    found = types(wrapped)
    assert found.get("Solmark Foreign Ministry") == "organization"
    assert "Solmark Foreign" not in found


def test_letterhead_lines_are_not_joined_into_one_name() -> None:
    text = (
        "Kaldera Federation – Ministry of Defence\n"
        "Press statement No. 214, 8 August\n\n"
        "Air defence units of the Kaldera Federation destroyed eleven drones over the Marrow\n"
        "Ridge district during the night, the Ministry of Defence said in its statement.\n"
    )
    names = set(types(text))
    assert "Ministry of Defence" in names
    assert not any("Press" in name for name in names)


def test_initials_and_titles_with_of_leave_the_person_s_name() -> None:
    found = types("The line was opened by Minister of Transport Olga Sidorenko on Monday. "
                  "Minister O. Sidorenko said the second stage would follow.")
    assert found.get("Olga Sidorenko") == "person"
    assert found.get("O. Sidorenko") == "person"
    assert "O" not in found


def test_firms_named_with_a_trade_word_are_organizations() -> None:
    found = types("The tanker's operator, Halvard Maritime, blamed Northway Gas for the delay.")
    assert found.get("Halvard Maritime") == "organization"
    assert found.get("Northway Gas") == "organization"


def test_a_lone_word_opening_sentences_is_a_place_only_if_a_mention_follows_a_preposition() -> None:
    assert types("Varnia rejected the claim. Troops crossed into Varnia on Monday.") == {
        "Varnia": "location"}
    assert types("Varnia rejected the claim. Troops crossed the border on Monday.") == {}


def test_a_lone_word_is_a_place_if_any_of_its_mentions_follows_a_preposition() -> None:
    # Other words with the same capital, and the name inside a longer word, are no mentions.
    assert types("Varnia rejected the claim. Vell and Varnian officials met in Vienna, then "
                 "troops crossed into Varnia.") == {"Varnia": "location", "Vienna": "location"}
    assert types("Varnia rejected the claim. Troops crossed into Varnians' land.") == {
        "Varnians": "location"}


def test_an_acronym_alone_counts_as_a_mention_of_the_name_it_abbreviates() -> None:
    found = extract_entities("The Foreign Ministry (FM) of Varnia spoke. Later the FM said more.")
    assert [(e.name, e.type, e.mentions, e.aliases) for e in found] == [
        ("Foreign Ministry", "organization", 2, ["FM"]), ("Varnia", "location", 1, [])]


def test_a_place_word_before_a_name_makes_a_place() -> None:
    text = ("Tankers called at Port Merin and Cape Tarsis. Anna Berg said the Port Authority "
            "would reopen the berths.")
    found = {e.name: e.type for e in extract_entities(text)}
    assert found["Port Merin"] == "location"
    assert found["Cape Tarsis"] == "location"
    assert found["Anna Berg"] == "person"
    assert found["Port Authority"] == "organization"
