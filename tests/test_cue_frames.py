"""Cue frames and look-alikes: each kind of text on sentences written here (fictional)."""

from __future__ import annotations

import pytest

from briefing.text.cues import read_cues


@pytest.mark.parametrize(("sentence", "kind", "cue"), [
    # belief in the passive, holder unnamed
    ("The Orvel dam is widely considered a failure.", "assessment", "considered"),
    ("The ferry was regarded as the safest on the Vell.", "assessment", "regarded as"),
    ("The fire is thought to have started in the depot.", "assessment", "thought to"),
    ("The count of the Drevan vote has been questioned.", "assessment", "questioned"),
    # belief about an object
    ("Some consider Halden the oldest port in Merovia.", "assessment", "consider"),
    ("Critics see the Varn accord as a surrender.", "assessment", "see"),
    # "thought" the verb, without "that"
    ("Some thought the Orvel plan was reckless.", "assessment", "thought"),
    # counterfactual "would"
    ("Without the levee, the town would have flooded.", "uncertainty", "would"),
    ("It would be a mistake to close the Varn crossing.", "uncertainty", "would"),
    # inflections of listed cues
    ("Allegations of fraud followed the Orvel vote.", "uncertainty", "Allegations"),
    ("The Varn plan seems risky to the engineers.", "uncertainty", "seems"),
    ("The board is expecting a loss in Halden.", "assessment", "expecting"),
])
def test_frames_make_their_kind(sentence: str, kind: str, cue: str) -> None:
    reading = read_cues(sentence)
    assert (reading.kind, reading.cue) == (kind, cue)


@pytest.mark.parametrize("sentence", [
    "The council considered the Orvel plan on Monday.",  # an act, not a belief
    "The thought of another flood worried residents of Orvel.",  # the noun
    "Mayor Ilse Varga said the ferry would resume on Monday.",  # reported future
    "The town would grow to 8,000 people by 1900.",  # later past of a narrative
    "It is possible to cross the Vell at low tide.",  # ability
    "The grant made the new Orvel bridge possible.",
    "The crews hired as many divers as possible.",
    "Before the bridge could be finished, the money ran out.",  # past ability
    "The gates were widened so that lorries could pass.",
    "Investors praised the potential of the Varn valley.",  # the noun
    "Fans queued in Orvel for the film Devil May Cry.",  # inside a name
    "The damage assessment was published on Monday.",  # the noun, no judgment
    "The result holds if and only if both gates are shut.",
])
def test_look_alikes_are_facts(sentence: str) -> None:
    assert read_cues(sentence).kind == "fact"


@pytest.mark.parametrize(("sentence", "cue"), [
    ("It is possible that the ferry sank near Halden.", "possible"),
    ("The storm could reach Orvel by Friday.", "could"),
    ("Officials called the spill a potential threat to the Vell.", "potential"),
])
def test_the_hedges_beside_the_look_alikes_still_hedge(sentence: str, cue: str) -> None:
    reading = read_cues(sentence)
    assert (reading.kind, reading.cue) == ("uncertainty", cue)
