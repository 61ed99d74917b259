"""Brief diff: fixture pairs give their change classes, goldens, loading, and property tests."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import diff_briefs as public_diff_briefs
from briefing.backends.offline import OfflineBackend
from briefing.brief.assembly import build_brief
from briefing.errors import BriefFormatError
from briefing.io.formats import load_file
from briefing.rendering import brief_json
from briefing.schema import (
    Brief,
    Claim,
    ClaimKind,
    Entity,
    Generator,
    Likelihood,
    Quantity,
    Source,
    TimelineEntry,
)
from briefing.tools.diff import (
    BriefDiff,
    ClaimChange,
    diff_briefs,
    diff_files,
    diff_json_schema,
    load_brief_or_report,
    render_diff,
)

from .conftest import FIXED_TIME, FIXTURES

DIFF_FIXTURES = FIXTURES / "diff"
#: Set BRIEFING_UPDATE_GOLDEN=1 to rewrite the golden files (then read every one of them).
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"

#: Each fixture pair and the change classes its diff must show (nothing else).
EXPECTED: dict[str, set[str]] = {
    "added-removed": {"added", "removed"},
    "number-changed": {"number_changed"},
    "holder-changed": {"holder_changed"},
    "likelihood-changed": {"likelihood_changed"},
    "firmed-up": {"firmed_up"},
    "walked-back": {"walked_back"},
    "kind-changed": {"kind_changed"},
    "reworded-reordered": set(),
    "pure-rewording": set(),
    "number-forms": {"number_changed"},
    "holder-styles": {"holder_changed"},
    "all-classes": {"added", "removed", "number_changed", "holder_changed",
                    "likelihood_changed", "firmed_up", "walked_back", "kind_changed"},
}


def fixture_brief(case: str, side: str) -> Brief:
    """The offline brief of one fixture report, with a fixed clock and a stable path."""
    source = load_file(str(DIFF_FIXTURES / case / f"{side}.txt"))
    source = source.model_copy(update={"path": f"{case}/{side}.txt"})
    return build_brief(source, backend=OfflineBackend(), generated_at=FIXED_TIME)


def fixture_diff(case: str) -> BriefDiff:
    return diff_briefs(fixture_brief(case, "old"), fixture_brief(case, "new"))


def one(diff: BriefDiff, change_class: str) -> ClaimChange:
    found = diff.of_class(change_class)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def test_every_fixture_folder_is_covered() -> None:
    folders = {p.name for p in DIFF_FIXTURES.iterdir() if p.is_dir()}
    assert folders == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_fixture_pairs_give_their_classes(case: str) -> None:
    diff = fixture_diff(case)
    seen = {c for change in diff.changes for c in change.classes}
    assert seen == EXPECTED[case]
    assert diff.changed == bool(EXPECTED[case])
    for change in diff.changes:  # both sides quoted and cited
        for side in (change.old, change.new):
            if side is not None:
                assert side.quote and side.source_id == "S1" and side.paragraph


def test_reworded_and_reordered_report_has_no_changes() -> None:
    diff = fixture_diff("reworded-reordered")
    assert not diff.changed
    assert diff.changes == []
    assert diff.counts.unchanged == diff.old.claims == diff.new.claims == 4
    assert not (diff.entities_added or diff.entities_dropped)
    assert not (diff.timeline_added or diff.timeline_dropped)
    # the pairs really are reworded and moved, not identical
    assert any(c.old and c.new and c.old.quote != c.new.quote for c in diff.unchanged)
    assert any(c.old and c.new and c.old.paragraph != c.new.paragraph for c in diff.unchanged)


def test_pure_rewording_keeps_exit_code_zero(tmp_path: Path) -> None:
    # Voice ("were launched by Marovia"), synonyms ("shut", "deployed", "travelled"), clause
    # order, "the island of Lanholm" for "Lanholm Island", and paragraphs moved.
    diff = fixture_diff("pure-rewording")
    assert not diff.changed and diff.changes == []
    assert diff.counts.unchanged == 4
    from click.testing import CliRunner

    from briefing.cli import cli

    folder = DIFF_FIXTURES / "pure-rewording"
    result = CliRunner().invoke(cli, ["diff", str(folder / "old.txt"), str(folder / "new.txt"),
                                      "--exit-code"])
    assert result.exit_code == 0, result.output


def test_number_forms_are_one_value() -> None:
    # "1,200" / "one thousand two hundred", "3 metres" / "three metres", "twelve" / "12",
    # "40,000" / "forty thousand" are rewording; two bridges becoming five is a change.
    diff = fixture_diff("number-forms")
    [change] = diff.changes
    assert [(n.old, n.new) for n in change.numbers] == [("Two bridges", "Five bridges")]


def test_holders_compared_as_entities_in_every_style() -> None:
    # "the Kestrian envoy" / "the envoy of Kestria", "Drevhydro" / "the shipping company
    # Drevhydro", "according to X" / "..., X said" are one holder each; the passive "reported
    # safe by X" changed from the coast guard to the harbour authority.
    diff = fixture_diff("holder-styles")
    [change] = diff.changes
    assert change.holder is not None
    assert (change.holder.old, change.holder.new) == (
        "the Harven Coast Guard", "the Port Arlen Harbour Authority")
    assert diff.counts.unchanged == 3


def test_added_and_removed_quote_both_sides() -> None:
    diff = fixture_diff("added-removed")
    added, removed = one(diff, "added"), one(diff, "removed")
    assert added.old is None and added.new is not None
    assert added.new.quote.startswith("Volunteers are filling sandbags")
    assert removed.new is None and removed.old is not None
    assert removed.old.quote == "Rescue crews used boats to reach the hamlet of Oskeby."
    assert [e.name for e in diff.entities_dropped] == ["Oskeby"]
    assert diff.counts.unchanged == 3


def test_number_changes_show_both_numbers() -> None:
    diff = fixture_diff("number-changed")
    numbers = [(n.old, n.new) for c in diff.of_class("number_changed") for n in c.numbers]
    assert numbers == [("several", "three"), ("800 kilometres", "600 kilometres")]
    values = [(n.old_value, n.new_value) for c in diff.changes for n in c.numbers]
    assert values == [(None, 3.0), (800.0, 600.0)]


def test_holder_change_names_both_holders() -> None:
    change = one(fixture_diff("holder-changed"), "holder_changed")
    assert change.holder is not None
    assert (change.holder.old, change.holder.new) == (
        "Harven Coast Guard", "Port Arlen Harbour Authority")


def test_likelihood_change_has_direction() -> None:
    changes = fixture_diff("likelihood-changed").of_class("likelihood_changed")
    moves = [(c.likelihood.old, c.likelihood.new, c.likelihood.direction)
             for c in changes if c.likelihood]
    assert moves == [("likely", "almost certain", "up"), ("likely", "unlikely", "down")]


def test_firmed_up_and_walked_back_kinds() -> None:
    firmed = fixture_diff("firmed-up").of_class("firmed_up")
    assert [(c.kind.old, c.kind.new) for c in firmed if c.kind] == [
        ("uncertainty", "fact"), ("assessment", "fact")]
    walked = one(fixture_diff("walked-back"), "walked_back")
    assert walked.kind is not None and (walked.kind.old, walked.kind.new) == (
        "fact", "uncertainty")
    shifted = fixture_diff("kind-changed").of_class("kind_changed")
    assert [(c.kind.old, c.kind.new) for c in shifted if c.kind] == [
        ("assessment", "uncertainty"), ("uncertainty", "assessment")]


def test_all_classes_at_once() -> None:
    diff = fixture_diff("all-classes")
    counts = diff.counts
    assert (counts.added, counts.removed, counts.number_changed, counts.likelihood_changed,
            counts.firmed_up, counts.walked_back, counts.kind_changed, counts.unchanged) == (
        1, 1, 1, 1, 1, 1, 1, 1)
    # the blast claim firmed up and gained a holder: one pair, two classes
    assert counts.holder_changed == 2
    firmed = one(diff, "firmed_up")
    assert firmed.classes == ["holder_changed", "firmed_up"]
    assert [t.when for t in diff.timeline_added] == ["Wednesday"]
    assert {e.name for e in diff.entities_dropped} == {"Velmar Energy Ministry", "Greyholm"}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_golden_markdown_and_json(case: str) -> None:
    diff = fixture_diff(case)
    markdown = render_diff(diff, "markdown")
    as_json = render_diff(diff, "json")
    folder = DIFF_FIXTURES / case
    if UPDATE:
        (folder / "expected.md").write_text(markdown, encoding="utf-8")
        (folder / "expected.json").write_text(as_json, encoding="utf-8")
    assert markdown == (folder / "expected.md").read_text(encoding="utf-8")
    assert as_json == (folder / "expected.json").read_text(encoding="utf-8")


def test_markdown_summary_comes_first_and_leads_with_firmed_up() -> None:
    markdown = render_diff(fixture_diff("all-classes"), "markdown")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Summary", "## Firmed up", "## Walked back"]
    summary = markdown.split("## Firmed up")[0]
    assert "**Firmed up** (uncertainty → fact)" in summary
    assert "**Walked back** (fact → uncertainty)" in summary
    assert "## Unchanged" not in markdown
    assert "## Unchanged" in render_diff(fixture_diff("all-classes"), include_unchanged=True)


def test_json_lists_unchanged_only_when_asked() -> None:
    diff = fixture_diff("reworded-reordered")
    assert json.loads(render_diff(diff, "json"))["unchanged"] == []
    listed = json.loads(render_diff(diff, "json", include_unchanged=True))["unchanged"]
    assert len(listed) == 4
    assert BriefDiff.model_validate_json(render_diff(diff, "json", include_unchanged=True)) == diff


def test_json_schema_documents_the_diff() -> None:
    schema = diff_json_schema()
    assert schema["title"] == "BriefDiff"
    assert str(schema["$id"]).endswith("diff-v1.json")
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert {"old", "new", "changed", "counts", "changes", "unchanged"} <= set(properties)
    assert all("description" in properties[name] for name in ("changed", "changes"))


def test_public_api_diff_briefs() -> None:
    old, new = fixture_brief("walked-back", "old"), fixture_brief("walked-back", "new")
    assert public_diff_briefs(old, new) == diff_briefs(old, new)


# --------------------------------------------------------------------------- loading


def test_brief_json_is_detected_by_content_not_extension(tmp_path: Path) -> None:
    brief = fixture_brief("firmed-up", "old")
    path = tmp_path / "monday.txt"
    path.write_text(brief_json(brief), encoding="utf-8")
    assert load_brief_or_report(str(path)) == brief


def test_report_is_briefed_with_the_given_backend() -> None:
    calls: list[str] = []

    def factory() -> OfflineBackend:
        calls.append("made")
        return OfflineBackend()

    report = str(DIFF_FIXTURES / "walked-back" / "old.txt")
    brief = load_brief_or_report(report, factory, generated_at=FIXED_TIME)
    assert calls == ["made"] and brief.generated_at == FIXED_TIME
    assert brief.claims[0].quote.startswith("The spillway gate")


def test_backend_is_built_once_and_only_when_a_report_needs_it(tmp_path: Path) -> None:
    calls: list[str] = []

    def factory() -> OfflineBackend:
        calls.append("made")
        return OfflineBackend()

    old = tmp_path / "old.json"
    old.write_text(brief_json(fixture_brief("walked-back", "old")), encoding="utf-8")
    diff_files(str(old), str(old), factory)
    assert calls == []
    report = str(DIFF_FIXTURES / "walked-back" / "new.txt")
    diff = diff_files(report, report, factory, generated_at=FIXED_TIME)
    assert calls == ["made"] and not diff.changed


@pytest.mark.parametrize("content", [
    '{"schema_version": "1", "claims": "not a list"}',
    '{"claims": []}',
    '{"schema_version": "9", "title": "x", "claims": []}',
])
def test_invalid_brief_json_raises_brief_format_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BriefFormatError, match=r"broken\.json is not a valid brief") as info:
        load_brief_or_report(str(path))
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- properties

WORDS = ("missile", "convoy", "harbour", "ministry", "bridge", "drone", "village", "border",
         "troops", "fuel", "depot", "radar", "ferry", "storm", "council", "pipeline", "strike",
         "launch", "crossed", "closed", "reported", "destroyed", "seized", "opened", "near",
         "north", "river", "coast", "valley", "airfield", "the", "a", "of", "on", "in")
HOLDERS = (None, "Ostravian Defence Ministry", "Harven Coast Guard", "Analysts at Tessaly")
ENTITY_NAMES = ("Valmora", "Port Arlen", "Kelbin", "Dunmere", "Ostrel")
BANDS: tuple[Likelihood, ...] = ("unlikely", "roughly even chance", "likely", "very likely")
KINDS: tuple[ClaimKind, ...] = ("fact", "assessment", "uncertainty")
CUES = {"fact": None, "uncertainty": "may"}


@st.composite
def claim_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    place = draw(st.sampled_from(ENTITY_NAMES))
    number = draw(st.one_of(st.none(), st.integers(2, 900)))
    extra = [place] + ([f"{number} kilometres"] if number is not None else [])
    position = draw(st.integers(0, len(words)))
    return " ".join(words[:position] + extra + words[position:]).capitalize() + "."


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    texts = draw(st.lists(claim_texts(), min_size=0, max_size=12, unique=True))
    claims = []
    cursor = 0
    for number, text in enumerate(texts, start=1):
        kind = draw(st.sampled_from(KINDS))
        band = draw(st.sampled_from(BANDS)) if kind == "assessment" else None
        quantities = [Quantity(text=w + " kilometres", value=float(w), unit="kilometres")
                      for w in text.split() if w.isdigit()]
        claims.append(Claim(
            id=f"C{number}", kind=kind, statement=text, quote=text, source_id="S1",
            span=(cursor, cursor + len(text)), grounding="exact", paragraph=number,
            attributed_to=draw(st.sampled_from(HOLDERS)),
            cue=band if kind == "assessment" else CUES.get(kind), likelihood=band,
            quantities=quantities,
        ))
        cursor += len(text) + 1
    named = sorted({name for text in texts for name in ENTITY_NAMES if name in text})
    return Brief(
        title="Synthetic", generated_at=datetime(2026, 1, 1, tzinfo=UTC),
        generator=Generator(backend="offline", version="0"),
        sources=[Source(id="S1", sha256="0" * 64, text=" ".join(texts) or "empty")],
        bluf=[], claims=claims,
        entities=[Entity(name=name, type="location") for name in named],
        timeline=[TimelineEntry(when="Monday", claim_ids=[c.id for c in claims[:1]])],
    )


def claim_ids(changes: list[ClaimChange], side: str) -> list[str]:
    return sorted(getattr(c, side).claim_id for c in changes if getattr(c, side) is not None)


PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(briefs())
def test_diff_of_a_brief_with_itself_has_no_changes(brief: Brief) -> None:
    diff = diff_briefs(brief, brief)
    assert not diff.changed and diff.changes == []
    assert diff.counts.unchanged == len(brief.claims)
    assert all(c.old and c.new and c.old.claim_id == c.new.claim_id for c in diff.unchanged)


@PROPERTY_SETTINGS
@given(briefs(), briefs())
def test_added_and_removed_swap_when_arguments_swap(old: Brief, new: Brief) -> None:
    forward, backward = diff_briefs(old, new), diff_briefs(new, old)
    assert claim_ids(forward.of_class("added"), "new") == claim_ids(
        backward.of_class("removed"), "old")
    assert claim_ids(forward.of_class("removed"), "old") == claim_ids(
        backward.of_class("added"), "new")
    pairs = {(c.old.claim_id, c.new.claim_id)
             for c in forward.changes + forward.unchanged if c.old and c.new}
    mirrored = {(c.new.claim_id, c.old.claim_id)
                for c in backward.changes + backward.unchanged if c.old and c.new}
    assert pairs == mirrored
    # firming up one way is walking back the other way; likelihood moves reverse
    assert forward.counts.firmed_up == backward.counts.walked_back
    assert forward.counts.walked_back == backward.counts.firmed_up
    ups = sorted(c.old.claim_id for c in forward.of_class("likelihood_changed")
                 if c.old and c.likelihood and c.likelihood.direction == "up")
    downs = sorted(c.new.claim_id for c in backward.of_class("likelihood_changed")
                   if c.new and c.likelihood and c.likelihood.direction == "down")
    assert ups == downs


@PROPERTY_SETTINGS
@given(briefs(), briefs())
def test_every_change_cites_claims_of_its_own_brief(old: Brief, new: Brief) -> None:
    diff = diff_briefs(old, new)
    old_claims = {c.id: c for c in old.claims}
    new_claims = {c.id: c for c in new.claims}
    everything = diff.changes + diff.unchanged
    for change in everything:
        assert change.old is not None or change.new is not None
        if change.old is not None:
            claim = old_claims[change.old.claim_id]
            assert (change.old.quote, change.old.source_id, change.old.paragraph) == (
                claim.quote, claim.source_id, claim.paragraph)
        if change.new is not None:
            claim = new_claims[change.new.claim_id]
            assert (change.new.quote, change.new.source_id, change.new.paragraph) == (
                claim.quote, claim.source_id, claim.paragraph)
    # every claim of either brief is accounted for exactly once
    assert claim_ids(everything, "old") == sorted(old_claims)
    assert claim_ids(everything, "new") == sorted(new_claims)


@PROPERTY_SETTINGS
@given(briefs(), st.data())
def test_a_changed_number_is_found(brief: Brief, data: st.DataObject) -> None:
    numbered = [c for c in brief.claims if c.quantities]
    if not numbered:
        return
    target = data.draw(st.sampled_from(numbered))
    old_number = target.quantities[0].text.split()[0]
    new_number = str(int(old_number) + 1000)
    quote = target.quote.replace(f"{old_number} kilometres", f"{new_number} kilometres", 1)
    changed = target.model_copy(update={
        "quote": quote, "statement": quote,
        "quantities": [Quantity(text=f"{new_number} kilometres", value=float(new_number),
                                unit="kilometres"), *target.quantities[1:]],
    })
    edited = brief.model_copy(update={
        "claims": [changed if c.id == target.id else c for c in brief.claims]})
    diff = diff_briefs(brief, edited)
    found = diff.of_class("number_changed")
    assert [(c.old.claim_id, c.new.claim_id) for c in found if c.old and c.new] == [
        (target.id, target.id)]
    assert (found[0].numbers[0].old, found[0].numbers[0].new) == (
        f"{old_number} kilometres", f"{new_number} kilometres")
