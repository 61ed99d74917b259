"""Scale cases that must stay linear, pinned by behaviour (speed is measured by
benchmarks/bench_scale.py, never asserted here): a fuzzy search with a hint looks only near it,
and finds there what a search of the whole report finds.
"""

from __future__ import annotations

from briefing.text.grounding import FUZZY_WINDOW, Grounder

FILLER = "The harbour office of Veska logged the weather at dawn and again at dusk. "
SENTENCE = "The Kestrian Joint Staff said that fourteen patrol boats entered the port of Ostrin."
#: The sentence as a model might misquote it (one word changed): found only fuzzily.
MISQUOTED = "The Kestrian Joint Staff said that fourteen patrol ships entered the port of Ostrin."


def _report(position: int, total: int) -> tuple[str, int]:
    """Filler text of about ``total`` characters with SENTENCE at about ``position``."""
    before = FILLER * (position // len(FILLER))
    after = FILLER * ((total - position) // len(FILLER))
    return before + SENTENCE + " " + after, len(before)


def test_a_fuzzy_quote_near_its_hint_is_found_as_by_a_whole_search() -> None:
    text, where = _report(3 * FUZZY_WINDOW, 8 * FUZZY_WINDOW)
    whole = Grounder(text).find(MISQUOTED)
    near = Grounder(text).find(MISQUOTED, hint=where - FUZZY_WINDOW // 2)
    assert whole is not None and whole.method == "fuzzy"
    assert near == whole
    assert text[near.start : near.end] == SENTENCE.rstrip(".")


def test_a_fuzzy_search_with_a_hint_looks_only_near_it() -> None:
    # An answer full of invented quotes costs each one a window, not the whole report: a
    # quote far from where the model read is not looked for there.
    text, where = _report(6 * FUZZY_WINDOW, 8 * FUZZY_WINDOW)
    assert Grounder(text).find(MISQUOTED, hint=where - 3 * FUZZY_WINDOW) is None
    assert Grounder(text).find(MISQUOTED) is not None


def test_exact_quotes_are_found_anywhere_whatever_the_hint() -> None:
    text, where = _report(6 * FUZZY_WINDOW, 8 * FUZZY_WINDOW)
    span = Grounder(text).find(SENTENCE, hint=0)
    assert span is not None and (span.start, span.method) == (where, "exact")
