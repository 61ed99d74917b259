"""Cue lemmas and their forms: the stored table is lemminflect's, and every form is a cue."""

from __future__ import annotations

import pytest

from briefing.text.cue_forms import TABLE_LEMMAS, cue_forms, forms_of, inflect
from briefing.text.cues import read_cues


def test_the_stored_table_is_what_lemminflect_gives_for_the_lemmas() -> None:
    pytest.importorskip("lemminflect", reason="a development dependency (pip install -e .[dev])")
    assert cue_forms() == inflect(TABLE_LEMMAS)


def test_irregular_and_regular_forms_come_from_the_lemma() -> None:
    assert {"foresee", "foresaw", "foreseen", "foresees"} <= set(forms_of("judgment"))
    assert {"allegations", "alleging", "alleges"} <= set(forms_of("uncertainty"))


@pytest.mark.parametrize(("sentence", "kind", "cue"), [
    ("The engineers foresaw delays at the Orvel lock.", "assessment", "foresaw"),
    ("Analysts are predicting a late harvest in Merovia.", "assessment", "predicting"),
    ("The report implies that the Halden gauge was faulty.", "uncertainty", "implies"),
    ("Residents alleging fraud gathered in Orvel.", "uncertainty", "alleging"),
])
def test_a_form_of_a_lemma_is_read_as_its_cue(sentence: str, kind: str, cue: str) -> None:
    reading = read_cues(sentence)
    assert (reading.kind, reading.cue) == (kind, cue)
