"""Scale cases that must stay linear, pinned by behaviour (speed is measured by
benchmarks/bench_scale.py, never asserted here): a fuzzy search with a hint looks only near it,
and finds there what a search of the whole report finds; the work of splitting a sentence into
clauses and of dating a claim grows with its length, not with its square.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

import pytest

from briefing.schema import Claim
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


def _work_of_clauses(monkeypatch: pytest.MonkeyPatch, separators: int) -> int:
    """Characters the clause splitter hands to the cue reader for one sentence of
    ``separators`` semicolons."""
    import briefing.backends.offline as offline

    read = 0
    real = offline.read_cues

    def counted(text: str) -> Any:
        nonlocal read
        read += len(text)
        return real(text)

    monkeypatch.setattr(offline, "read_cues", counted)
    sentence = "the ferry may dock at Osk today; " * separators + "it left."
    offline.clauses(sentence, 0, len(sentence))
    return read


def test_a_sentence_of_thousands_of_separators_is_split_in_linear_work(
        monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _work_of_clauses(monkeypatch, 300), _work_of_clauses(monkeypatch, 1200)
    assert small > 0
    assert large <= 5 * small  # four times the sentence: about four times the reading


def test_a_claim_naming_thousands_of_dates_is_dated_in_linear_work(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.brief.assembly as assembly

    compared = 0
    real = assembly.islice

    def counted(iterable: Any, stop: int) -> Any:
        for item in real(iterable, stop):
            nonlocal compared
            compared += 1
            yield item

    monkeypatch.setattr(assembly, "islice", counted)

    def work(repeats: int) -> tuple[int, list[tuple[str, str | None]]]:
        nonlocal compared
        compared = 0
        quote = "The ferry was seen three days ago and again last week, " * repeats
        claim = Claim(id="C1", kind="fact", statement=quote, quote=quote, source_id="S1",
                      span=(0, len(quote)), grounding="exact")
        return compared, assembly._dated_words(claim, date(2026, 3, 20))

    (small, dated), (large, _) = work(500), work(2000)
    assert {words for words, _ in dated} == {"three days ago", "last week"}
    assert large <= 5 * small


def test_relations_read_a_sentence_of_any_length_in_pieces_of_bounded_size(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.text.attribution_report as report
    from briefing.backends.offline_attributions import (
        MAX_SENTENCE_CHARS,
        bounded_paragraphs,
        read_attributions,
    )
    from briefing.io.sources import make_source

    text = "Varga said that " * 4000 + "the levee held."  # one sentence of 64,000 characters
    pieces = bounded_paragraphs(text, [[(0, len(text))]])
    assert all(end - start <= MAX_SENTENCE_CHARS for paragraph in pieces for start, end in paragraph)
    spans = [span for paragraph in pieces for span in paragraph]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))  # in order, whole
    read: list[int] = []
    real = report.relations_in

    def counted(sentence: str) -> Any:
        read.append(len(sentence))
        return real(sentence)

    monkeypatch.setattr(report, "relations_in", counted)
    read_attributions(make_source(text))
    assert read and max(read) <= MAX_SENTENCE_CHARS


def test_sentences_and_paragraphs_of_news_are_read_whole() -> None:
    from briefing.backends.offline_attributions import bounded_paragraphs

    text = "Varga said the levee held. " * 120
    paragraphs = [[(at, at + 27) for at in range(0, len(text), 27)]]
    assert bounded_paragraphs(text, paragraphs) == paragraphs
