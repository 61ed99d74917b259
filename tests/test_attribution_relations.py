"""Attribution relations of a sentence and of a report: each rule on sentences written here
about fictional people and places."""

from __future__ import annotations

import pytest

from .relations_reading import read_relations, report_contents


@pytest.mark.parametrize(("sentence", "expected"), [
    # a subject and its verb before the content
    ("Mayor Ilse Varga said the Halden levee held through the night.",
     ("said", "Mayor Ilse Varga", ["the Halden levee held through the night"])),
    # a time between the verb and "that": the content opens at "that"
    ("The harbour office said on Tuesday that the Halden channel was clear.",
     ("said", "The harbour office", ["that the Halden channel was clear"])),
    # the content first: curly quotes, and wire copy's ASCII '' quotes
    ("“The levee held,” Varga said.", ("said", "Varga", ["“The levee held,”"])),
    ("''The levee held,'' Mr. Brenn told the Corva Courier.",
     ("told", "Mr. Brenn", ["''The levee held,''"])),
    # inverted, the source named with initials and an appositive
    ("“The channel is clear,” said Governor Anton J. Halk, a former pilot.",
     ("said", "Governor Anton J. Halk", ["“The channel is clear,”"])),
    ("The ferry was late, said Tomas Brenn, a pilot.",
     ("said", "Tomas Brenn", ["The ferry was late"])),
    # source and cue in the middle of their content: both sides are content
    ("The levee, she said, held through the night.",
     ("said", "she", ["The levee", "held through the night"])),
    # "according to", before and after its content
    ("According to the Corva port agency, the ferry sank at dawn.",
     ("According to", "the Corva port agency", ["the ferry sank at dawn"])),
    ("The ferry sank at dawn, according to the Corva port agency.",
     ("according to", "the Corva port agency", ["The ferry sank at dawn"])),
    # a passive with its agent
    ("The breach was reported by the harbour master.",
     ("reported", "the harbour master", ["The breach"])),
    # evidence as the source: a verb whose plain forms are nouns too, after "poll"
    ("A new poll shows Varga with a lead in Halden.",
     ("shows", "A new poll", ["Varga with a lead in Halden"])),
    # subjects the holder rules reject: a possessive, a participle before a name
    ("His colleague wrote that the ferry was late.",
     ("wrote", "His colleague", ["that the ferry was late"])),
    ("A weary Varga quipped, “The river always wins.”",
     ("quipped", "A weary Varga", ["“The river always wins.”"])),
    # an appositive and a parenthesis after the subject
    ("Ada Fenn, a senator from Corva, said the vote was fair.",
     ("said", "Ada Fenn", ["the vote was fair"])),
    ("Rep. Ada Fenn (D-Corva) said the vote was fair.",
     ("said", "Rep. Ada Fenn", ["the vote was fair"])),
    # whom a verb of telling addresses is not what it tells
    ("Varga, who piloted the ferry, told reporters the channel was clear.",
     ("told", "Varga", ["the channel was clear"])),
    # an object verb's content ends with its object
    ("Varga praised the crews on Tuesday.", ("praised", "Varga", ["the crews"])),
    # a headline's or a transcript's speaker and colon
    ("Varga: The levee held through the night.",
     (":", "Varga", ["The levee held through the night"])),
    # the content first, told to a station or a paper whose name has small words in it
    ("“We are shocked,” one Corva port worker told local television station KRVA.",
     ("told", "one Corva port worker", ["“We are shocked,”"])),
    ("“The pumps failed,” Brenn told The Halden and Corva Courier in an interview.",
     ("told", "Brenn", ["“The pumps failed,”"])),
    # "Asked" opening a sentence, a day between it and the question
    ("Asked Tuesday whether the channel was clear, Brenn shrugged.",
     ("Asked", None, ["whether the channel was clear"])),
    # a verb whose subject is part of what it attributes: subject and rest, no source
    ("The Halden levee appears to be holding.",
     ("appears", None, ["The Halden levee", "to be holding"])),
    ("The toll vote is expected to pass on Friday.",
     ("expected", None, ["The toll vote", "to pass on Friday"])),
    ("Varga expects to win Halden.", ("expects", "Varga", ["to win Halden"])),
    # the content first, told to the writer ("told me")
    ("''The ferry sails at dawn,'' Captain Brenn told me.",
     ("told", "Captain Brenn", ["''The ferry sails at dawn,''"])),
    # a curly quotation closed by a straight mark, as wire copy mixes them
    ("“The levee held,\" said Mayor Ilse Varga.",
     ("said", "Mayor Ilse Varga", ["“The levee held,\""])),
    # a clause of another subject after ", and" is no longer what was said
    ("Varga said the levee held, and the council met on Friday.",
     ("said", "Varga", ["the levee held"])),
    # a transcript's speaker after the quotation mark that opens the excerpt
    ("\"BRENN: We sail at dawn.", (":", "BRENN", ["We sail at dawn"])),
    # a poll that opens the sentence holds the rest of it
    ("In the new Corva Ledger poll, 40 percent of voters back Varga.",
     ("In", "the new Corva Ledger poll", ["40 percent of voters back Varga"])),
    ("In a survey of Halden pilots released Monday, most rated the channel as safe.",
     ("In", "a survey of Halden pilots released Monday", ["most rated the channel as safe"])),
    # the question of "when asked", whose asker is left unnamed
    ("When asked whether the levee held, the mayor smiled.",
     ("asked", None, ["whether the levee held"])),
    # a content in an opening subordinate clause ends at the clause's comma
    ("If the figures show that the pumps failed, the council will meet.",
     ("show", "the figures", ["that the pumps failed"])),
    # an object ends before an aside in parentheses
    ("Varga criticized the figures (which the port had published).",
     ("criticized", "Varga", ["the figures"])),
    # an inverted source with a title's abbreviation, a quantified one, a quantity
    ("“The river always wins,” said the Rev. Ilse Varga.",
     ("said", "the Rev. Ilse Varga", ["“The river always wins,”"])),
    ("The levee was a surprise, said several engineers.",
     ("said", "several engineers", ["The levee was a surprise"])),
    ("Just 30 percent of Halden voters consider Varga honest.",
     ("consider", "30 percent of Halden voters", ["Varga honest"])),
    # a time between a subject and its auxiliary; an appositive with a time of its own
    ("Varga in recent days has suggested the port is unsafe.",
     ("suggested", "Varga", ["the port is unsafe"])),
    ("President Varga, opening the Halden museum on Saturday, said the port would reopen.",
     ("said", "President Varga", ["the port would reopen"])),
    # whom a trailing "told" names is no source
    ("“The port is closed,” Varga told the Halden Post.",
     ("told", "Varga", ["“The port is closed,”"])),
    # an opening phrase of time before an appositive subject
    ("Last month, the Courier, a Corva paper, reported that the port had closed.",
     ("reported", "the Courier", ["that the port had closed"])),
    # a second verb of the content's own subject stays in the content
    ("Brenn predicted that Varga will win and have two seats to fill.",
     ("predicted", "Brenn", ["that Varga will win and have two seats to fill"])),
    # verbs with their particle
    ("Varga made it clear that the port would stay shut.",
     ("made it clear", "Varga", ["that the port would stay shut"])),
    ("Brenn voted for the levee plan.", ("voted for", "Brenn", ["the levee plan"])),
    # an object of one word
    ("Halden's harbour pilots decried it.", ("decried", "Halden's harbour pilots", ["it"])),
    # an adverb after a trailing source
    ("“The river always wins,” Varga said wryly.",
     ("said", "Varga", ["“The river always wins,”"])),
])
def test_one_relation(sentence: str, expected: tuple[str, str | None, list[str]]) -> None:
    assert read_relations(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "The report found no fault with the crews.",  # "report" after "the" is a noun
    "The level of voter support fell in Halden.",  # "support" the noun
    "Varga said during the storm.",  # a phrase of time is no content
    "After saying little, Varga left Halden.",  # a gerund, no attribution
    "Varga continues to trail Brenn in Halden.",  # "continue" going on with a deed
    "Brenn continued campaigning in Corva.",
    "Corva Democratic state lawmakers backed the levee.",  # "state" a noun after a name
])
def test_no_relation(sentence: str) -> None:
    cues = [cue for cue, _, _ in read_relations(sentence)]
    assert not {"report", "support", "said", "saying", "continues", "continued",
                "state"} & set(cues)


def test_continue_with_words_is_a_relation() -> None:
    assert read_relations("“We sail at dawn,” Varga continued.") == [
        ("continued", "Varga", ["“We sail at dawn,”"])]


def test_a_participle_goes_on_with_the_subject_of_the_sentence() -> None:
    assert read_relations("Governor Halk defended the plan, saying the levee would hold.") == [
        ("defended", "Governor Halk", ["the plan"]),
        ("saying", "Governor Halk", ["the levee would hold"]),
    ]


def test_a_second_verb_of_one_subject_ends_the_first_content() -> None:
    assert read_relations("Varga praised the crews, and said the town was safe.") == [
        ("praised", "Varga", ["the crews"]),
        ("said", "Varga", ["the town was safe"]),
    ]


def test_a_nested_belief_is_its_own_relation() -> None:
    found = read_relations("Brenn said the pilots believe the channel is clear.")
    assert found == [
        ("said", "Brenn", ["the pilots believe the channel is clear"]),
        ("believe", "the pilots", ["the channel is clear"]),
    ]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a noun of saying or thinking, its "that"-clause and its possessive holder
    ("Varga's claim that the levee held went unanswered.",
     ("claim", "Varga", ["that the levee held went unanswered"])),
    ("Critics mocked his belief that the tolls will fall, and the council agreed.",
     ("belief", "his", ["that the tolls will fall"])),
    ("The Halden Port Authority’s finding that the crane failed angered the crews.",
     ("finding", "The Halden Port Authority", ["that the crane failed angered the crews"])),
])
def test_a_noun_with_its_that_clause(sentence: str,
                                     expected: tuple[str, str | None, list[str]]) -> None:
    assert expected in read_relations(sentence)


@pytest.mark.parametrize("sentence", [
    "The claim that was filed in Corva went nowhere.",  # no holder: no relation of the noun
    "Varga leads in the latest survey.",  # a poll after its clause: too often no attribution
])
def test_no_frame(sentence: str) -> None:
    cues = [cue.lower() for cue, _, _ in read_relations(sentence)]
    assert "claim" not in cues and "in" not in cues


def test_a_wish_or_stance_inside_what_someone_said_is_no_relation_of_its_own() -> None:
    # "want" sits in what Brenn said; "believe" (thinking) stays a relation of its own where
    # it holds less than half of what was said (test_attribution_boundaries: more than half)
    assert report_contents("Brenn said the pilots want a raise.") == [["the pilots want a raise"]]
    assert report_contents("Brenn said the pilots who sailed from Corva all night believe it is clear.") == [
        ["the pilots who sailed from Corva all night believe it is clear"], ["it is clear"]]


def test_a_curly_quotation_closed_straight_does_not_run_on() -> None:
    text = "“The levee held,\" Varga said. |The pumps failed in Corva, Brenn said."
    assert report_contents(text) == [["“The levee held,\""], ["The pumps failed in Corva"]]


def test_a_quotation_over_sentences_is_one_relation() -> None:
    # the speaker named where the quotation closes; the next quotation with no speaker goes on
    text = "“The ferry is safe. |The crew checked every hull,” said pilot Tomas Brenn. |“We sail.”"
    assert report_contents(text) == [["“The ferry is safe.", "The crew checked every hull,”",
                              "“We sail.”"]]


def test_a_cue_inside_a_running_quotation_is_the_quotation_s() -> None:
    text = "Brenn said: “The hull held. |I think the storm is over. |We sail at dawn.”"
    [relation] = report_contents(text)
    assert relation == ["“The hull held.", "I think the storm is over.", "We sail at dawn.”"]


def test_a_transcript_turn_runs_over_its_paragraph() -> None:
    text = "VARGA: The levee held. |We sail at dawn."
    assert report_contents(text) == [["The levee held", "We sail at dawn."]]


def test_according_to_inside_parentheses_holds_what_they_hold() -> None:
    found = read_relations("Brenn cites his own figure (the true one is lower, according to the Halden "
                  "Audit Office).")
    assert ("cites", "Brenn", ["his own figure"]) in found
    assert ("according to", "the Halden Audit Office", ["the true one is lower"]) in found


def test_a_straight_quotation_over_sentences_closes_where_its_speaker_is_named() -> None:
    # the sentence that names the speaker opens with the quotation's words: its straight
    # mark closes the quotation, and what follows it is no quotation
    text = '"The ferry is safe. |The crew checked every hull," said pilot Tomas Brenn.'
    assert report_contents(text) == [['"The ferry is safe.', 'The crew checked every hull,"']]
    text = 'Crews worked all night. |"The levee held. |We sail at dawn," Varga said.'
    assert report_contents(text) == [['"The levee held.', 'We sail at dawn,"']]


@pytest.mark.parametrize(("sentence", "expected"), [
    # what follows the verb is a topic, a manner, an audience or a medium: the quotation is
    # what was said
    ("“The levee held,” Varga said of the storm.",
     ("said", "Varga", ["“The levee held,”"])),
    ('"The tolls will fall," Brenn told 300 pilots gathered at the Halden docks.',
     ("told", "Brenn", ['"The tolls will fall,"'])),
    ("''We never closed the port,'' Ms. Orlan said with a shrug.",
     ("said", "Ms. Orlan", ["''We never closed the port,''"])),
    ("“Is the channel clear?” Varga asked about the dredging, her voice rising.",
     ("asked", "Varga", ["“Is the channel clear?”"])),
])
def test_a_quotation_first_is_what_its_speaker_said_whatever_follows(
        sentence: str, expected: tuple[str, str, list[str]]) -> None:
    assert read_relations(sentence) == [expected]


def test_a_name_ending_in_ly_is_a_subject_not_an_adverb() -> None:
    assert read_relations("“The dam is sound,” Kelly stated in her report.") == [
        ("stated", "Kelly", ["“The dam is sound,”"])]
    assert read_relations("Ada Fenn quickly said the dam was sound.") == [
        ("said", "Ada Fenn", ["the dam was sound"])]


@pytest.mark.parametrize(("sentence", "expected"), [
    # any verb or phrase before the colon: the words from the subject to the colon are the cue
    ('Varga shot back: "The levee held through the night."',
     ("shot back:", "Varga", ['"The levee held through the night."'])),
    ("The Halden port office issued a blunt warning to pilots: “Stay ashore until Monday.”",
     ("issued a blunt warning to pilots:", "The Halden port office",
      ["“Stay ashore until Monday.”"])),
    ("But Brenn deflected with a joke: ''The ferry floats, doesn't it?''",
     ("deflected with a joke:", "Brenn", ["''The ferry floats, doesn't it?''"])),
    ("She then turned to the crowd again: “Here is what I regret.",
     ("then turned to the crowd again:", "She", ["“Here is what I regret."])),
])
def test_a_quotation_a_clause_introduces_with_a_colon(
        sentence: str, expected: tuple[str, str, list[str]]) -> None:
    assert read_relations(sentence) == [expected]


def test_a_colon_quotation_a_verb_already_holds_is_read_once() -> None:
    assert read_relations("The mayor said flatly: “The levee held.”") == [
        ("said", "The mayor", ["“The levee held.”"])]


def test_a_straight_quotation_closed_curly_is_closed() -> None:
    assert read_relations('"The ferry is late again,” said Tomas Brenn, a pilot.') == [
        ("said", "Tomas Brenn", ['"The ferry is late again,”'])]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a second verb of the same subject, after "and"/"but" and an auxiliary or an adverb
    ("Brenn praised the crews and has said that the levee will hold.",
     ("said", "Brenn", ["that the levee will hold"])),
    ("Varga did not name the pilots but did note that the channel was clear.",
     ("note", "Varga", ["that the channel was clear"])),
    # the subject a pronoun after an opening phrase
    ("Last year, she toured the docks and reportedly argued that the tolls were too high.",
     ("argued", "she", ["that the tolls were too high"])),
    # a relative clause's subject: the name before its comma, a "Jr." kept
    ("The plan drew a reply from Tomas Brenn Jr., who suggested in an interview that the port "
     "should close.", ("suggested", "Tomas Brenn Jr.", ["that the port should close"])),
])
def test_a_verb_whose_subject_stands_before_another_clause(
        sentence: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in read_relations(sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    # an infinitive is what a verb of wish, promise or refusal holds, a comma after it or not
    ("Varga has vowed to reopen the Halden docks, while conceding it will take months.",
     ("vowed", "Varga", ["to reopen the Halden docks"])),
    ("Through a spokesman, Brenn declined to comment on the audit.",
     ("declined", "Brenn", ["to comment on the audit"])),
    # a plain verb form that is a noun too, after a plural subject: a verb
    ("Across the valley, ferry pilots want to keep the tolls.",
     ("want", "ferry pilots", ["to keep the tolls"])),
    # "to" before whom something was said is no content
    ("Varga said to reporters on Tuesday that the docks would reopen.",
     ("said", "Varga", ["that the docks would reopen"])),
])
def test_an_infinitive_a_verb_holds(sentence: str, expected: tuple[str, str, list[str]]) -> None:
    assert read_relations(sentence) == [expected]


def test_a_noun_form_after_a_word_ending_in_s_that_is_no_plural_stays_a_noun() -> None:
    # "news" is no plural subject: "report" is the noun the verb "said" follows
    assert [cue for cue, _, _ in read_relations("The Halden news report said the docks would close.")] == [
        "said"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a phrase before the subject is no content said first: the verb's clause is
    ("Despite losing the vote on the harbour tolls, Varga said if elected she would cut them.",
     ("said", "Varga", ["if elected she would cut them"])),
    ("Pressed by reporters about the audit, Brenn said on Friday that the books were sound.",
     ("said", "Brenn", ["that the books were sound"])),
    # a noun phrase whose appositive is the subject
    ("A port spokesman, Tomas Brenn, said on Monday that the ferry would sail.",
     ("said", "Tomas Brenn", ["that the ferry would sail"])),
    # a clause before the subject is still what was said
    ("Shifting tides in the Halden channel could strand the ferry, Varga said.",
     ("said", "Varga", ["Shifting tides in the Halden channel could strand the ferry"])),
])
def test_what_stands_before_a_subject_and_its_verb(
        sentence: str, expected: tuple[str, str, list[str]]) -> None:
    assert read_relations(sentence) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a time between the subject and its verb
    ("Port spokesman Tomas Brenn on Thursday evening said the ferry would sail.",
     ("said", "Port spokesman Tomas Brenn", ["the ferry would sail"])),
    ("The pilots have in the past said the channel was too shallow.",
     ("said", "The pilots", ["the channel was too shallow"])),
    # a pronoun with its auxiliary is a subject, not a possessive
    ("While she's said she will run again, Varga has not filed.",
     ("said", "she", ["she will run again"])),
])
def test_a_subject_set_apart_from_its_verb(sentence: str,
                                           expected: tuple[str, str, list[str]]) -> None:
    assert expected in read_relations(sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a verb of saying in any form, a quotation just after it
    ("Brenn praised the crews but went on to say, “The levee will not hold another storm.”",
     ("say", "Brenn", ["“The levee will not hold another storm.”"])),
    ("A 2019 memo has Varga saying, “We close the docks at dawn.”",
     ("saying", "Varga", ["“We close the docks at dawn.”"])),
    ("Varga wrote to the pilots, telling them, “The channel is yours again.”",
     ("telling", "Varga", ["“The channel is yours again.”"])),
])
def test_a_quotation_just_after_a_verb_of_saying_in_any_form(
        sentence: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in read_relations(sentence)


def test_a_quotation_first_closed_by_its_speaker_and_any_verb() -> None:
    assert read_relations("“The docks will reopen by June,” Varga gushed.") == [
        ("gushed", "Varga", ["“The docks will reopen by June,”"])]
    assert read_relations("''We sail at dawn,'' she quipped.") == [
        ("quipped", "she", ["''We sail at dawn,''"])]


def test_a_whole_quotation_whose_speaker_is_named_in_the_next_sentence() -> None:
    # a splitter parts the sentence after the question or exclamation mark
    assert report_contents("“Who would have believed the ferry would sail?” |Varga asked.") == [
        ["“Who would have believed the ferry would sail?”"]]
    assert report_contents("“We sail at dawn!” |Brenn said, looking out over the Halden docks.") == [
        ["“We sail at dawn!”"]]
    # a quotation with a speaker of its own is not carried to the next sentence's verb
    assert report_contents("“We sail at dawn,” Brenn said. |Varga disagreed.") == [["“We sail at dawn,”"]]


def test_a_subject_the_rules_cannot_read_is_the_name_that_opens_the_sentence() -> None:
    # words between the subject and its verb that no subject rule reads past
    assert ("said", "Varga", ["she would reopen the docks"]) in read_relations(
        "Varga has since said she would reopen the docks.")
    assert ("believe", "Tomas Brenn", ["he gets to pilot the ferry again"]) in read_relations(
        "Tomas Brenn can barely believe he gets to pilot the ferry again.")
    # no name opens the sentence: no source, no relation
    assert read_relations("Even after the vote in the harbour hall, has since said the levee held.") == []
