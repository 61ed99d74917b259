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
