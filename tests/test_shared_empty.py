"""The one read-only empty list that claims share for their empty list fields (issue 12,
bounded memory): it reads as ``[]`` everywhere, refuses to be filled in place, and a brief
holding it renders exactly as the same brief of plain lists."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from briefing.api import generate_brief
from briefing.rendering import brief_json, render, render_pieces
from briefing.rendering.context import brief_context
from briefing.schema import Brief, Claim
from briefing.shared_empty import NO_ITEMS, SharedEmptyList, or_shared_empty

from .conftest import FIXED_TIME, FIXTURES, SEED

LIST_FIELDS = ("corroborated_by", "quantities", "times", "citations", "aspects")


def made(*reports: str) -> Brief:
    return generate_brief(list(reports), generated_at=FIXED_TIME)


def plain_twin(brief: Brief) -> Brief:
    """The same brief read back from its JSON: every list a plain list of its own."""
    return Brief.model_validate_json(brief.model_dump_json())


def test_it_reads_compares_and_serialises_as_an_empty_list() -> None:
    assert NO_ITEMS == [] and not NO_ITEMS and len(NO_ITEMS) == 0
    assert isinstance(NO_ITEMS, list) and list(NO_ITEMS) == []
    assert json.dumps({"a": NO_ITEMS}) == '{"a": []}'
    assert repr(NO_ITEMS) == "[]" and [*NO_ITEMS, 1] == [1]
    assert or_shared_empty([]) is NO_ITEMS
    kept = [1]
    assert or_shared_empty(kept) is kept


@pytest.mark.parametrize("fill", [
    lambda items: items.append(1),
    lambda items: items.extend([1]),
    lambda items: items.insert(0, 1),
    lambda items: items.__setitem__(slice(0, 0), [1]),
])
def test_filling_it_in_place_is_refused_and_it_stays_empty(fill: object) -> None:
    with pytest.raises(TypeError, match="assign a new list"):
        fill(NO_ITEMS)  # type: ignore[operator]
    assert NO_ITEMS == []


def test_augmented_assignment_gives_a_new_list() -> None:
    items = NO_ITEMS
    items += ["x"]
    assert items == ["x"] and type(items) is list and NO_ITEMS == []
    again = NO_ITEMS
    again *= 3
    assert again == [] and again is not NO_ITEMS and type(again) is list


def test_copies_and_pickles_are_plain_lists_of_their_own() -> None:
    for other in (copy.copy(NO_ITEMS), copy.deepcopy(NO_ITEMS), pickle.loads(pickle.dumps(NO_ITEMS))):
        assert other == [] and type(other) is list and other is not NO_ITEMS
        other.append(1)
    assert NO_ITEMS == []


def test_the_claims_of_a_report_share_it_for_their_empty_list_fields() -> None:
    brief = made(str(SEED))
    shared = [(claim.id, name) for claim in brief.claims for name in LIST_FIELDS
              if getattr(claim, name) is NO_ITEMS]
    assert shared, "no claim shares the empty list"
    for claim in brief.claims:
        for name in LIST_FIELDS:
            value = getattr(claim, name)
            assert value or value is NO_ITEMS, (claim.id, name)
        assert claim.citations, claim.id  # a shown claim always cites its own quote


@pytest.mark.parametrize("reports", [
    [str(SEED)],
    sorted(str(path) for path in (FIXTURES / "multi" / "harbour-fire").iterdir()),
], ids=["seed", "harbour-fire"])
@pytest.mark.parametrize("format", ["json", "markdown", "html"])
def test_a_brief_holding_it_renders_as_its_plain_twin(reports: list[str], format: str) -> None:
    brief = made(*reports)
    twin = plain_twin(brief)
    assert not any(type(getattr(c, name)) is SharedEmptyList
                   for c in twin.claims for name in LIST_FIELDS)
    expected = render(twin, format)
    assert render(brief, format) == expected
    if format == "json":
        assert brief_json(brief) == expected
    released = "".join(render_pieces(brief, format, release=True))
    assert released == expected


def test_assigning_a_list_changes_one_claim_only() -> None:
    brief = made(str(SEED))
    empty = [c for c in brief.claims if c.aspects is NO_ITEMS]
    assert len(empty) >= 2
    first, second = empty[:2]
    first.aspects = []
    first.corroborated_by += ["S9"]
    assert first.corroborated_by == ["S9"]
    assert second.corroborated_by == [] and NO_ITEMS == []
    with pytest.raises(TypeError, match="assign a new list"):
        second.quantities.append(second.quantities[0] if second.quantities else None)  # type: ignore[arg-type]
    assert NO_ITEMS == []


def test_a_deep_copy_of_a_claim_owns_its_lists() -> None:
    brief = made(str(SEED))
    claim = next(c for c in brief.claims if c.aspects is NO_ITEMS)
    copied = claim.model_copy(deep=True)
    assert copied == claim and copied.aspects is not NO_ITEMS and type(copied.aspects) is list
    copied.aspects.append(claim.aspects[0] if claim.aspects else None)  # type: ignore[arg-type]
    assert claim.aspects == [] and NO_ITEMS == []
    assert isinstance(Claim.model_validate(claim.model_dump()).aspects, list)


def test_template_data_of_a_released_brief_shares_it_for_empty_lists() -> None:
    brief = made(str(SEED))
    context = brief_context(brief, release=True)
    claims = context["brief"]["claims"]
    assert any(claim["aspects"] is NO_ITEMS for claim in claims)
    assert all(value or value is NO_ITEMS for claim in claims for value in claim.values()
               if isinstance(value, list))
