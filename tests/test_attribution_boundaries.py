"""Where an attribution's content starts and ends, as news annotators mark it: each rule on
sentences written here about fictional people and places."""

from __future__ import annotations

import pytest

from .relations_reading import read_relations, report_contents


@pytest.mark.parametrize(("sentence", "content"), [
    # a second clause after ", but" is the writer's, not the speaker's
    ("Varga said the levee would hold, but the river rose all night.",
     "the levee would hold"),
    # the subject goes on to say more: a participle of a reporting verb
    ("Brenn said the ferry was safe, adding that the crews had checked it.",
     "the ferry was safe"),
    ("Brenn said the ferry was safe, citing the port's own figures.", "the ferry was safe"),
    # a second verb of saying or stance of the same subject, with or without a comma
    ("Varga said the tolls would fall and warned against new fees.", "the tolls would fall"),
    ("Varga says the tolls will fall but insists the fees stay.", "the tolls will fall"),
])
def test_a_clause_ends_where_its_subject_goes_on(sentence: str, content: str) -> None:
    assert read_relations(sentence)[0][2] == [content]


def test_a_second_predicate_that_is_no_verb_of_saying_stays() -> None:
    assert read_relations("Brenn said the pilots were tired and slept badly.")[0][2] == [
        "the pilots were tired and slept badly"]


@pytest.mark.parametrize("sentence", [
    "“The levee held,” Varga said, adding that the pumps had failed.",
    "“The levee held,” Varga said, pointing at the river.",
    "The ferry sank at dawn, Brenn said, while the crowd watched.",
])
def test_what_follows_a_trailing_source_as_an_aside_is_no_content(sentence: str) -> None:
    said = next(r for r in read_relations(sentence) if r[0] == "said")
    assert len(said[2]) == 1


def test_a_source_set_in_the_middle_still_has_both_sides() -> None:
    assert read_relations("The levee, she said, held through the night.") == [
        ("said", "she", ["The levee", "held through the night"])]


def test_a_new_quotation_of_sentences_waits_for_its_own_speaker() -> None:
    text = ("“The levee held,” Varga said. |“The pumps failed. |We lost the east dock,” "
            "Brenn said.")
    assert report_contents(text) == [["“The levee held,”"],
                             ["“The pumps failed.", "We lost the east dock,”"]]


def test_a_new_quotation_with_no_speaker_of_its_own_goes_on_the_one_before() -> None:
    text = "“The levee held,” Varga said. |“The pumps failed. |We lost the east dock.”"
    assert report_contents(text) == [["“The levee held,”", "“The pumps failed.",
                              "We lost the east dock.”"]]


def test_a_quotation_after_goes_on_the_quoted_relation_not_a_later_clause() -> None:
    text = ("“The channel is clear,” said Ilse Varga, who knows the harbour. "
            "|“We sail at dawn.”")
    found = report_contents(text)
    assert ["“The channel is clear,”", "“We sail at dawn.”"] in found


def test_a_quotation_after_never_goes_on_a_stance_inside_another_content() -> None:
    text = ("“The port is open,” Brenn said, noting he would back the pilots if they struck. "
            "|“We are ready.”")
    found = report_contents(text)
    assert ["“The port is open,”", "“We are ready.”"] in found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In a May interview with the Corva Courier, Varga rejected the levee plan.",
     ("rejected", "Varga", ["the levee plan"])),
    ("Steering clear of the harbour fight, Brenn praised the pilots.",
     ("praised", "Brenn", ["the pilots"])),
])
def test_a_phrase_that_leads_to_the_subject_is_no_content(
        sentence: str, expected: tuple[str, str | None, list[str]]) -> None:
    assert read_relations(sentence) == [expected]


def test_a_clause_before_a_trailing_source_is_still_content() -> None:
    assert read_relations("The levee held all night, Varga said.") == [
        ("said", "Varga", ["The levee held all night"])]


@pytest.mark.parametrize(("sentence", "content"), [
    # "to" and a verb: what the cue governs, not a bridge to it
    ("Varga refused to reopen the Halden dock, though the pilots pleaded.",
     "to reopen the Halden dock"),
    # "to" and whom it is addressed to: a bridge
    ("Brenn said to reporters that the dock would reopen.", "that the dock would reopen"),
])
def test_to_bridges_an_addressee_never_a_verb(sentence: str, content: str) -> None:
    assert read_relations(sentence)[0][2] == [content]


@pytest.mark.parametrize("sentence", [
    "“We will rebuild the dock,” Varga said to a crowd of about 500 in Halden.",
    "“We will rebuild the dock,” Brenn told some of the pilots.",
    "“We will rebuild the dock,” Varga wrote last May after the Courier ran its story.",
])
def test_a_quotation_closed_before_its_source_is_the_content(sentence: str) -> None:
    assert read_relations(sentence)[0][2] == ["“We will rebuild the dock,”"]


@pytest.mark.parametrize("sentence", [
    "Turnout rose in the Western states this week.",
    "Corva state Sen. Ilse Varga met the pilots.",
    "The clip had 400,000 views by Friday.",
])
def test_a_word_mostly_a_noun_is_no_cue_unless_it_says_what(sentence: str) -> None:
    assert read_relations(sentence) == []


def test_states_that_is_a_cue() -> None:
    assert read_relations("The Halden port authority states that the dock is closed.") == [
        ("states", "The Halden port authority", ["that the dock is closed"])]


@pytest.mark.parametrize(("sentence", "content"), [
    # a preposition opens what the verb is about; it is no part of the content
    ("Varga complained about the ferry tolls.", "the ferry tolls"),
    ("Brenn testified against the harbour master.", "the harbour master"),
    # a light verb says it through its noun: the content is what the noun is about
    ("Varga expressed concern about the ferry tolls.", "the ferry tolls"),
    ("Brenn continued his attacks on the harbour master.", "the harbour master"),
])
def test_what_a_verb_is_about(sentence: str, content: str) -> None:
    assert read_relations(sentence)[0][2] == [content]


def test_a_full_verb_keeps_its_noun() -> None:
    assert read_relations("Varga praised the crews of the Halden ferry.")[0][2] == [
        "the crews of the Halden ferry"]


def test_a_quotation_led_in_by_a_colon_starts_after_it() -> None:
    sentence = "Brenn kept silent for years: “My crew did not know, my sons did not know,” she said."
    assert ("said", "she", ["“My crew did not know, my sons did not know,”"]) in read_relations(sentence)


def test_whom_a_verb_of_telling_addresses_before_that() -> None:
    sentence = "Varga told harbour radio host Tomas Brenn on Monday that the dock was safe."
    assert read_relations(sentence)[0][2] == ["that the dock was safe"]


def test_according_to_after_a_relative_clause_holds_the_clause() -> None:
    sentence = ("Varga did well in the port towns, which hold most of the votes, according to "
                "the Halden Ledger.")
    assert ("according to", "the Halden Ledger", ["which hold most of the votes"]) in read_relations(sentence)


def test_a_belief_inside_what_was_said_that_says_much_the_same_is_no_relation_of_its_own() -> None:
    # what "believes" holds is more than half of what "told" holds: one attribution
    assert report_contents("Varga told the Courier that she believes the dock will reopen in May.") == [
        ["that she believes the dock will reopen in May"]]


@pytest.mark.parametrize("sentence", [
    "Correction: An earlier version of this story misspelled the name of the Halden mayor.",
    "Contributing: Ilse Varga and Tomas Brenn, Corva Courier.",
    "A: I think the dock will reopen in May.",
])
def test_a_newsroom_label_before_a_colon_is_no_speaker(sentence: str) -> None:
    assert ":" not in [cue for cue, _, _ in read_relations(sentence)]


def test_a_speaker_before_a_colon_is_one() -> None:
    assert (":", "VARGA", ["The dock will reopen in May"]) in read_relations(
        "VARGA: The dock will reopen in May.")


@pytest.mark.parametrize("sentence", [
    "Varga appeared on the Halden Courier's morning show.",
    "Brenn will appear before the harbour council on Monday.",
])
def test_appear_of_showing_up_is_no_cue(sentence: str) -> None:
    assert read_relations(sentence) == []


def test_appear_of_seeming_is_a_cue() -> None:
    assert [cue for cue, _, _ in read_relations("The levee appears to be holding.")] == ["appears"]


def test_a_thing_newly_named_is_no_attribution() -> None:
    assert read_relations("The port hired a firm called Halden Freight to move the cargo.") == []
