"""Bounded memory on long reports (issue 12): what is written a piece at a time is what the
whole would be, and nothing holds every claim twice.

The figures themselves (bytes of RSS per byte of report) are measured by
benchmarks/bench_scale.py, not asserted here; these tests pin the mechanisms.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.brief.assembly import extract_grounded
from briefing.brief.corroboration import corroborate
from briefing.io.formats import load_source
from briefing.io.sources import make_source
from briefing.rendering import brief_json, render, render_pieces
from briefing.schema import Brief, Citation, Claim, FieldSets
from briefing.text.segmentation import blocks, sentence_split, sentences

from .conftest import FIXED_TIME, FIXTURES, SEED
from .test_diff import briefs


def whole_dump(brief: Brief) -> str:
    """The brief's JSON as it was made before it was streamed: one dump, one string."""
    return json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


@st.composite
def odd_briefs(draw: st.DrawFn) -> Brief:
    """Synthetic briefs with any text in title, source and claims (escapes, non-ASCII)."""
    brief = draw(briefs())
    text = draw(st.text(min_size=1, max_size=200))
    brief.title = draw(st.text(max_size=40))
    brief.sources[0].text = text
    brief.bluf = draw(st.lists(st.text(max_size=30), max_size=3))
    for claim in brief.claims:
        claim.statement = draw(st.text(max_size=60))
    return brief


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(briefs(), odd_briefs()))
def test_streamed_json_is_the_whole_dump(brief: Brief) -> None:
    assert brief_json(brief) == whole_dump(brief)
    assert "".join(render_pieces(brief, "json")) == render(brief, "json") == whole_dump(brief)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_briefs())
def test_a_report_text_encoded_a_slice_at_a_time_is_encoded_whole(brief: Brief) -> None:
    from briefing.rendering import json_output as module

    with mock.patch.object(module, "_TEXT_SLICE", 3):
        assert brief_json(brief) == whole_dump(brief)


@pytest.mark.parametrize("paths", [
    [SEED],
    sorted((FIXTURES / "multi" / "three-outlets").iterdir()),
    sorted((FIXTURES / "multi" / "harbour-fire").iterdir()),
])
def test_streamed_json_of_real_briefs_is_the_whole_dump(paths: list) -> None:
    from briefing.brief.assembly import build_brief

    brief = build_brief([load_source(p) for p in paths], generated_at=FIXED_TIME)
    assert brief_json(brief) == whole_dump(brief)


def test_json_writer_never_holds_the_whole_dump() -> None:
    """A brief of 2 MB of text and 20,000 claims: its JSON (about 22 MB) is written with a
    few times the text's size at most, where one dump and one string took over 40 MB."""
    text = "The convoy crossed the bridge near Valmora at dawn. " * 40_000
    claim = Claim(id="C1", kind="fact", statement="The convoy crossed the bridge.",
                  quote=text[:50], source_id="S1", span=(0, 50), grounding="exact",
                  citations=[Citation(source_id="S1", span=(0, 50), quote=text[:50],
                                      grounding="exact")])
    brief = Brief(title="Long", generated_at=FIXED_TIME,
                  generator={"backend": "offline", "version": "0"},  # type: ignore[arg-type]
                  sources=[make_source(text)], bluf=[],
                  claims=[claim.model_copy(update={"id": f"C{n}"}) for n in range(20_000)])
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        written = sum(len(piece) for piece in render_pieces(brief, "json"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written > 10 * len(text)
    assert peak - before < 4 * len(text) + 2_000_000


def test_one_report_claims_are_not_copied_by_corroboration() -> None:
    source = load_source(SEED).model_copy(update={"id": "S1"})
    claims = extract_grounded(source).claims
    result = corroborate(claims, [source])
    assert len(result.claims) == len(claims)
    assert all(shown is claim for shown, claim in zip(result.claims, claims, strict=True))
    assert [c.id for c in result.claims] == [f"C{n}" for n in range(1, len(claims) + 1)]
    assert result.cited_ids == [c.id for c in result.claims]
    assert all(c.citations[0].quote == c.quote and c.credibility == 6 for c in result.claims)


def test_claims_share_one_set_of_set_fields_that_stays_true() -> None:
    source = load_source(SEED).model_copy(update={"id": "S1"})
    claims = extract_grounded(source).claims
    assert len({id(c.model_fields_set) for c in claims}) == 1
    validated = Claim.model_validate(claims[0].model_dump())
    assert claims[0].model_fields_set == validated.model_fields_set - {
        "corroborated_by", "citations", "credibility", "aspects"}
    first, second = claims[0], claims[1]
    FieldSets().assign(first, credibility=1)
    assert "credibility" in first.model_fields_set
    assert "credibility" not in second.model_fields_set  # the other claims' set is untouched
    shown = corroborate(claims[1:], [source]).claims
    assert len({id(c.model_fields_set) for c in shown}) == 1
    assert shown[0].model_fields_set == set(Claim.model_fields)


def test_sentences_read_a_window_at_a_time_are_those_of_the_whole_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Many small windows (each cut at a blank line) split the gold reports, run together,
    into the same sentences as one reading of the whole text."""
    text = "\n\n".join(path.read_text(encoding="utf-8")
                       for path in sorted((FIXTURES / "gold").rglob("*.txt")))

    def read(window: int) -> list[list[sentence_split.Sentence]]:
        sentence_split.text_sentences.cache_clear()
        monkeypatch.setattr(sentence_split, "WINDOW", window)
        return [sentences(text, block) for block in blocks(text)]

    windowed = read(300)
    assert len(list(sentence_split.windows(text))) > 100
    whole = read(len(text) + 1)
    sentence_split.text_sentences.cache_clear()
    assert windowed == whole


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_released_brief_renders_as_a_kept_one(fmt: str) -> None:
    """The command line lets a template's data take the claims out of the brief: same text."""
    from briefing.brief.assembly import build_brief

    sources = [load_source(p) for p in sorted((FIXTURES / "multi" / "harbour-fire").iterdir())]
    brief = build_brief(sources, generated_at=FIXED_TIME)
    kept = render(brief, fmt)
    assert brief.claims
    released = "".join(render_pieces(brief, fmt, release=True))
    assert released == kept
    assert brief.claims == []


def test_a_dict_with_shared_keys_is_the_same_dict_in_less_room() -> None:
    import sys

    from briefing.key_tables import with_shared_keys

    plain_dict = {f"field_{n}": [n] if n % 3 else None for n in range(22)}
    shared = with_shared_keys(plain_dict)
    assert shared == plain_dict and list(shared) == list(plain_dict)
    assert all(shared[key] is value for key, value in plain_dict.items())
    assert sys.getsizeof(shared) < sys.getsizeof(plain_dict) / 3  # 248 bytes, not 832
    other = with_shared_keys(dict.fromkeys(plain_dict, 1))
    other["field_3"], other["added"] = 2, 3  # stays a dict like any other when written to
    assert other == {**dict.fromkeys(plain_dict, 1), "field_3": 2, "added": 3}
    assert shared == plain_dict  # the shared table of keys took nothing from the other
    odd = {1: "a", "b": 2}
    assert with_shared_keys(odd) is odd  # keys that are not all strings: left as they are
    many = {f"k{n}": n for n in range(40)}
    assert with_shared_keys(many) is many  # more keys than CPython shares


def test_claims_stored_compactly_read_compare_and_dump_as_validated_ones() -> None:
    import sys

    from briefing.brief.assembly import build_brief

    brief = build_brief([load_source(SEED)], generated_at=FIXED_TIME)
    for claim in brief.claims:
        validated = Claim.model_validate(claim.model_dump())
        assert claim == validated
        assert claim.model_dump_json() == validated.model_dump_json()
        assert sys.getsizeof(claim.__dict__) < sys.getsizeof(validated.__dict__) / 3
        citation = claim.citations[0]
        assert sys.getsizeof(citation.__dict__) < sys.getsizeof(
            Citation.model_validate(citation.model_dump()).__dict__)
    copied = brief.claims[0].model_copy(update={"statement": "Changed."})
    assert copied.statement == "Changed." != brief.claims[0].statement


def test_grounding_that_releases_candidates_gives_what_grounding_that_keeps_them_gives() -> None:
    from briefing.backends import Candidate, Extraction
    from briefing.backends.offline import OfflineBackend
    from briefing.brief.assembly import ground_extraction

    source = load_source(SEED).model_copy(update={"id": "S1"})

    def extraction() -> Extraction:
        found = OfflineBackend().extract(source)
        found.candidates[3:3] = [Candidate(kind="fact", quote="The moon landed on Valmora."),
                                 found.candidates[7], found.candidates[0]]  # two duplicates
        return found

    kept_extraction, released_extraction = extraction(), extraction()
    kept = ground_extraction(source, kept_extraction)
    released = ground_extraction(source, released_extraction, release=True)
    assert kept.claims == released.claims and kept.dropped == released.dropped
    assert [c.span for c in kept.claims] == sorted(c.span for c in kept.claims)
    assert len(kept.dropped) == 3
    assert len(kept_extraction.candidates) == len(kept.claims) + 3
    assert released_extraction.candidates == []


def test_template_data_stored_compactly_is_the_same_data() -> None:
    from briefing.brief.assembly import build_brief
    from briefing.rendering.context import stored_compactly

    sources = [load_source(p) for p in sorted((FIXTURES / "multi" / "harbour-fire").iterdir())]
    brief = build_brief(sources, generated_at=FIXED_TIME)
    data = [claim.model_dump(mode="json") for claim in brief.claims]
    compact = stored_compactly(data)
    assert compact == data
    assert json.dumps(compact) == json.dumps(data)  # the same order of keys, too


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(), max_size=30), st.integers(1, 5))
def test_template_output_held_compressed_is_the_output(chunks: list[str], every: int) -> None:
    """Lone surrogates and all: the pieces read back are what the template wrote."""
    from briefing.rendering import sandbox

    limits = sandbox.RenderLimits(max_bytes=10**9, seconds=60)
    with mock.patch.object(sandbox, "_PIECE_CHUNKS", every):
        pieces = list(sandbox.run_bounded_pieces("t", lambda: iter(chunks), limits))
    assert "".join(pieces) == "".join(chunks)


def test_template_output_is_held_in_less_than_its_utf8_size() -> None:
    """A brief's Markdown quotes with curly quotes: held as text, each joined piece would be
    two bytes a character; held compressed, less than half of one."""
    from briefing.rendering import sandbox

    line = "- “Rescuers could not reach Stara Voda by road until Saturday.” — the report\n"
    limits = sandbox.RenderLimits(max_bytes=10**9, seconds=60)
    tracemalloc.start()
    try:
        pieces = sandbox.run_bounded_pieces("t", lambda: iter([line] * 40_000), limits)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = len(line) * 40_000
    assert held < size / 2  # as text: over 2 * size
    assert "".join(pieces) == line * 40_000


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="Linux only")
def test_free_heap_pages_go_back_to_the_system() -> None:
    """Scratch freed in the C heap stays resident until it is handed back."""
    from briefing.heap import return_free_heap_pages

    def resident() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096

    scratch = [str(n) * (2000 // len(str(n))) for n in range(40_000)]  # 80 MB of heap chunks
    kept = scratch[::400]  # a few stay, so the heap cannot shrink from its top by itself
    del scratch
    before = resident()
    assert return_free_heap_pages()
    assert resident() < before - 40 * 10**6
    assert len(kept) == 100


def test_candidates_made_together_are_those_made_one_by_one() -> None:
    from briefing.backends import Candidate
    from briefing.backends.offline import CandidatesMadeTogether

    rows = [dict(kind="fact", quote=f"Quote {n}.", statement=f"Quote {n}.",
                 attributed_to=None if n % 2 else "the ministry",
                 attribution_cue=None if n % 2 else "said", cue="may" if n % 3 == 0 else None,
                 confidence="high" if n == 4 else None, hint=n * 10) for n in range(7)]
    together = CandidatesMadeTogether()
    for row in rows:
        together.add(**row)
    assert together.made() == [Candidate(**row) for row in rows]  # type: ignore[arg-type]
    assert together.made() == []  # the columns were let go
