"""Attribution as news writes it: quotation styles and quotations over sentences (fictional)."""

from __future__ import annotations

from briefing.backends.offline import OfflineBackend, quote_open_after
from briefing.brief.assembly import extract_grounded
from briefing.io.sources import make_source
from briefing.text.attribution import find_attribution


def holders(text: str) -> dict[str, str | None]:
    grounded = extract_grounded(make_source(text), OfflineBackend())
    return {claim.quote: claim.attributed_to for claim in grounded.claims}


def test_a_quotation_in_double_apostrophes_names_its_speaker_after_it() -> None:
    found = find_attribution("''The Halden port will reopen on Monday,'' Mr. Varga said.")
    assert found is not None and found.holder == "Mr. Varga"


def test_an_inverted_speaker_may_carry_an_honorific() -> None:
    found = find_attribution("''We are ready for the talks,'' said Ms. Halden.")
    assert found is not None and found.holder == "Ms. Halden"


def test_a_trailing_speaker_may_tell_someone_somewhere() -> None:
    found = find_attribution(
        "“We found no legal way to end the contract,” Klein told the Orvel Courier in an email.")
    assert found is not None and found.holder == "Klein"


def test_a_quotation_open_over_sentences_keeps_its_speaker() -> None:
    text = ("Mayor Ilse Varga said: “The levee held through the night. We will inspect it "
            "again at dawn.”\n")
    found = holders(text)
    assert found["We will inspect it again at dawn.”"] == "Mayor Ilse Varga"


def test_a_quotation_takes_the_speaker_named_where_it_closes() -> None:
    text = ("“The ferry is safe. The crew checked every hull,” said harbour master Tomas "
            "Brenn.\n")
    found = holders(text)
    closing = found["The crew checked every hull,” said harbour master Tomas Brenn."]
    assert closing is not None and "Tomas Brenn" in closing
    assert found["“The ferry is safe."] == closing


def test_a_closed_quotation_carries_nothing_to_the_next_sentence() -> None:
    text = ("“The ferry is safe,” said harbour master Tomas Brenn. The river rose by a metre "
            "overnight.\n")
    assert holders(text)["The river rose by a metre overnight."] is None


def test_quotation_state_follows_the_marks() -> None:
    assert quote_open_after("He said: “The levee held.", False)
    assert not quote_open_after("We will inspect it.”", True)
    assert quote_open_after("We will inspect it.", True)  # no mark: still open
    assert quote_open_after("''The levee held.", False)  # an odd count of '' toggles
    assert not quote_open_after("''The levee held,'' he said.", False)


def test_she_goes_to_the_nearest_woman_not_the_nearest_person() -> None:
    text = ("Ms. Varga met Mr. Brenn at the Halden docks on Monday. "
            "She said the ferry would sail on Friday.\n")
    assert holders(text)["She said the ferry would sail on Friday."] == "Varga"


def test_he_goes_to_the_speaker_before_a_person_he_mentions() -> None:
    text = ("Tomas Brenn said Anton Kessler had built the levee at Orvel. "
            "He said the river had peaked.\n")
    assert holders(text)["He said the river had peaked."] == "Tomas Brenn"


def test_a_surname_named_in_full_earlier_is_a_person_for_he() -> None:
    text = ("Harbour pilot Aron Groberg spoke in Halden. Groberg said the channel was clear. "
            "He said the dredgers had left.\n")
    assert holders(text)["He said the dredgers had left."] == "Groberg"


def test_adverbs_and_fragments_hold_nothing() -> None:
    for sentence in ("Subsequently, Mayor Ilse Varga said the port would reopen.",
                     "Recently, the Orvel council said the port would reopen."):
        found = find_attribution(sentence)
        assert found is not None and found.holder not in {"Subsequently", "Recently"}
    assert find_attribution("Privately said the port would reopen.") is None


def test_a_participle_of_speech_gives_the_clause_to_its_subject() -> None:
    found = find_attribution(
        "The port authority closed the Halden docks, warning that the storm would worsen.")
    assert found is not None and (found.holder, found.cue) == ("The port authority", "warning")
    found = find_attribution("Ilse Varga backed the Orvel plan on Monday, saying it would hold.")
    assert found is not None and (found.holder, found.cue) == ("Ilse Varga", "saying")


def test_a_participle_after_no_subject_gives_nothing() -> None:
    assert find_attribution("In Orvel, the river rose quickly, saying nothing of the dam.") is None


def test_a_preposed_source_is_cut_before_its_participle_phrase() -> None:
    found = find_attribution("According to early results of exit polls conducted for the Orvel "
                             "Courier by Halden Research, most voters feel betrayed.")
    assert found is not None and found.holder == "early results of exit polls"
