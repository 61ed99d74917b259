"""Diff alignment never pairs two claims as the same when their words differ in a number, a
negation or a capitalized name: such a pair is a change its class names, or removed + added.
(Fictional reports: Norvand, Rovena, Calder Reef are invented.)"""

from __future__ import annotations

import pytest

from briefing.backends.offline import OfflineBackend
from briefing.brief.assembly import build_brief
from briefing.io.formats import load_source
from briefing.schema import Brief
from briefing.tools.diff import BriefDiff, diff_briefs

OPENING = "Rovena, 3 May. Officials in Norvand described a quiet morning at the harbour. "


def brief_of(sentence: str) -> Brief:
    return build_brief([load_source(OPENING + sentence, title="Harbour report")],
                       backend=OfflineBackend())


def unchanged_pairs(diff: BriefDiff, words: str) -> list[str]:
    return [c.new.quote for c in diff.unchanged if c.new is not None and words in c.new.quote]


def diff_of(old: str, new: str) -> BriefDiff:
    return diff_briefs(brief_of(old), brief_of(new))


@pytest.mark.parametrize(("old", "new"), [
    # a negation gained or lost, the kind the same (both facts)
    ("The Rovena bridge was not damaged in the storm on Tuesday.",
     "The Rovena bridge was damaged in the storm on Tuesday."),
    ("Customs officers never inspected the cargo of the Kestrel freighter.",
     "Customs officers inspected the cargo of the Kestrel freighter."),
    # another person, place or organization by name
    ("Minister Alda Voss ordered the evacuation of the Kettering docks.",
     "Minister Alda Brun ordered the evacuation of the Kettering docks."),
    ("The convoy left the port of Talmeric for the coast near Calder Reef.",
     "The convoy left the port of Talmeric for the coast near Osgard Reef."),
    # a number in words or digits
    ("The coast guard seized nine fishing boats near Calder Reef overnight.",
     "The coast guard seized seven fishing boats near Calder Reef overnight."),
    ("The coast guard seized 12 fishing boats near Calder Reef overnight.",
     "The coast guard seized 21 fishing boats near Calder Reef overnight."),
])
def test_a_pair_differing_in_number_negation_or_name_is_never_the_same(old: str,
                                                                         new: str) -> None:
    diff = diff_of(old, new)
    tail = " ".join(new.split()[-3:])
    assert not unchanged_pairs(diff, tail), "a changed meaning was paired as unchanged"
    changed = [c for c in diff.changes if (c.new and tail in c.new.quote)
               or (c.old and tail in c.old.quote)]
    assert changed, "the changed claim is missing from the diff"
    classes = {name for c in changed for name in c.classes}
    assert classes - {"unchanged"}


def test_a_changed_number_is_still_reported_as_a_number_change() -> None:
    diff = diff_of("The coast guard seized 12 fishing boats near Calder Reef overnight.",
                   "The coast guard seized 21 fishing boats near Calder Reef overnight.")
    [change] = [c for c in diff.changes if c.new and "fishing boats" in c.new.quote]
    assert change.classes == ["number_changed"]
    assert change.old is not None and "12" in change.old.quote


def test_a_name_that_only_moved_to_the_start_of_a_sentence_is_the_same_name() -> None:
    diff = diff_of("Officials said the harbour of Talmeric reopened on Friday.",
                   "Talmeric officials said the harbour reopened on Friday.")
    assert not [c for c in diff.changes if c.new and "reopened" in c.new.quote
                and c.classes in (["added"], ["removed"])]


def test_rewording_that_keeps_numbers_negations_and_names_stays_unchanged() -> None:
    diff = diff_of("The Rovena bridge was not damaged in the storm on Tuesday.",
                   "The Rovena bridge was not damaged during the storm on Tuesday.")
    assert unchanged_pairs(diff, "storm on Tuesday")
