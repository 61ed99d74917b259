"""Values made comparable across reports: numbers in words, units, approximations, ranges,
durations, date ranges, place names, demonyms and holders (all names fictional)."""

from __future__ import annotations

from datetime import date

import pytest

from briefing import build_brief
from briefing.io.sources import make_source
from briefing.schema import Brief, Entity
from briefing.text.dates import times
from briefing.text.names import EntityTable, name_key
from briefing.text.quantities import quantities
from briefing.text.values import measures

from .conftest import FIXED_TIME


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("covered a distance of three hundred kilometres", 300.0, "kilometres"),
    ("one thousand two hundred troops", 1200.0, "troops"),
    ("nine hundred and ninety shells", 990.0, "shells"),
    ("a dozen Veskan ships", 12.0, "ships"),  # the demonym is not the unit
    ("300 Marovian drones", 300.0, "drones"),
    ("a 48-hour ceasefire", 48.0, "hour"),
    ("a three-day strike", 3.0, "day"),
])
def test_numbers_in_words_are_read_whole(text: str, value: float, unit: str) -> None:
    [quantity] = quantities(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_two_numbers_joined_by_and_stay_two() -> None:
    assert [q.value for q in quantities("between forty and fifty people")] == [40.0, 50.0]


def _measure(text: str) -> tuple[str, float, float]:
    [found] = measures(text, quantities(text))
    return found.unit, found.low, found.high


@pytest.mark.parametrize(("text", "expected"), [
    ("the drone flew roughly 300 km", ("km", 270.0, 330.0)),
    ("it travelled 300 kilometres", ("km", 300.0, 300.0)),
    ("more than 1,200 troops", ("troop", 1200.0, float("inf"))),
    ("up to 40 people", ("people", 0.0, 40.0)),
    ("between 40 and 50 people", ("people", 40.0, 50.0)),
    ("from 40 to 50 people", ("people", 40.0, 50.0)),
    ("a ceasefire of two days", ("hour", 48.0, 48.0)),
    ("a 48-hour ceasefire", ("hour", 48.0, 48.0)),
])
def test_measures_are_intervals_in_one_unit(text: str, expected: tuple[str, float, float]) -> None:
    assert _measure(text) == pytest.approx(expected)


def test_an_article_is_not_a_count() -> None:
    assert measures("One missile landed", quantities("One missile landed")) == []


@pytest.mark.parametrize(("text", "resolved"), [
    ("Talks ran from 3 to 5 March.", "2026-03-03/2026-03-05"),
    ("Talks ran 3-5 March.", "2026-03-03/2026-03-05"),
    ("Talks ran March 3-5, 2025.", "2025-03-03/2025-03-05"),
    ("Talks will run 28-30 November.", "2026-11-28/2026-11-30"),
])
def test_date_ranges_are_read_whole(text: str, resolved: str) -> None:
    [ref] = times(text, date(2026, 11, 20))
    assert ref.resolved == resolved
    assert quantities(text) == []  # the first day is no quantity


def test_place_names_and_demonyms() -> None:
    assert name_key("the island of Lanholm") == name_key("Lanholm Island") == "lanholm"
    assert name_key("the port of Veska") == "veska"
    table = EntityTable.of([Entity(name="Kestria", type="location"),
                            Entity(name="Kestria", type="country", mentions=3)])
    assert table.types["kestria"] == "country"  # one type per entity: most mentions win
    assert table.demonym("Kestrian") == "kestria"
    assert table.demonym("Veskan") is None  # not a place the brief names
    keys = {table.holder_key(h) for h in ("the Kestrian envoy", "the envoy of Kestria",
                                           "Kestria's envoy")}
    assert keys == {"envoy kestria"}


def _brief(*texts: str) -> Brief:
    sources = [make_source(text, metadata={"publisher": f"Outlet {n}", "published": "2026-11-20"})
               for n, text in enumerate(texts)]
    return build_brief(sources, generated_at=FIXED_TIME)


def test_a_duration_in_hours_or_days_is_one_value() -> None:
    brief = _brief("Marovia agreed to a 48-hour ceasefire in Brask.",
                   "Marovia agreed to a two-day ceasefire in Brask.")
    [claim] = brief.claims
    assert claim.credibility == 1 and claim.corroborated_by == ["S2"]


def test_a_day_within_a_range_agrees_with_it() -> None:
    brief = _brief("Talks between Marovia and Kestria were held 3-5 March in Orlin.",
                   "Talks between Marovia and Kestria were held on 4 March in Orlin.")
    assert brief.conflicts == []
    dates = [a for c in brief.claims for a in c.aspects if a.aspect == "date"]
    assert dates and all(a.corroborated_by for a in dates)


def test_a_different_number_of_the_same_event_conflicts() -> None:
    brief = _brief("Marovia launched nine drones from Veska on Tuesday.",
                   "Marovia launched 14 drones from Veska on Tuesday.")
    assert [(c.aspect, [s.value for s in c.sides]) for c in brief.conflicts] == [
        ("quantity", ["nine drones", "14 drones"])]
    assert {c.credibility for c in brief.claims} == {6}


def test_the_longest_number_anyone_writes_in_words_is_read_whole() -> None:
    text = "nine hundred and ninety-nine thousand nine hundred and ninety-nine soldiers"
    [quantity] = quantities(text)
    assert (quantity.value, quantity.unit) == (999999.0, "soldiers")


def test_a_text_of_nothing_but_number_words_is_read_in_linear_work(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.text.quantities as module

    calls = 0
    real = module.text2num

    def counted(text: str, lang: str) -> int:
        nonlocal calls
        calls += 1
        return real(text, lang)

    monkeypatch.setattr(module, "text2num", counted)

    def work(repeats: int) -> int:
        nonlocal calls
        calls = 0
        quantities("twenty-one thousand four hundred and " * repeats + "boats")
        return calls

    small, large = work(200), work(800)
    assert small > 0
    assert large <= 5 * small  # four times the words: about four times the work, not sixteen
