"""Sentences, quantities and dates: the small units every claim is built from."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.text.dates import find_times, openings, times
from briefing.text.lexicons import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, TENS_WORDS, WEEKDAYS
from briefing.text.quantities import find_quantities, quantities
from briefing.text.segmentation import blocks, sentences


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for b in blocks(text) if not b.heading for s in sentences(text, b)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The district head P. A. Varentsov said supplies would continue. Crews left at dawn.",
            ["The district head P. A. Varentsov said supplies would continue.", "Crews left at dawn."],
        ),
        (
            "Gen. Ilse Marrow arrived on Monday. She left on Tuesday.",
            ["Gen. Ilse Marrow arrived on Monday.", "She left on Tuesday."],
        ),
        (
            "The convoy left at noon. Mr. Dask said it would return.",
            ["The convoy left at noon.", "Mr. Dask said it would return."],
        ),
        (
            "Fighting has continued since May. The ministry gave no figures.",
            ["Fighting has continued since May.", "The ministry gave no figures."],
        ),
        (
            "Aid reached Block No. 4 on Friday. Nothing more arrived.",
            ["Aid reached Block No. 4 on Friday.", "Nothing more arrived."],
        ),
    ],
)
def test_sentences_keep_abbreviations_and_initials_inside(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_sentences_never_cross_paragraphs() -> None:
    first = "The ministry said the test failed because a valve froze in the cold air over the northern range"
    text = f"Background\n\n{first}\n\nAnalysts disagreed with it."
    assert split(text) == [first, "Analysts disagreed with it."]


def test_sentence_ranges_slice_the_text_after_a_bullet() -> None:
    text = "Key points:\n\n- Troops moved north. Shelling stopped.\n- Talks resume on Monday."
    assert split(text) == ["Troops moved north.", "Shelling stopped.", "Talks resume on Monday."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty-three people died in the floods.", [("Twenty-three people", 23.0, "people")]),
        ("Seventy-five percent of 3,000 troops left.",
         [("Seventy-five percent", 75.0, "%"), ("3,000 troops", 3000.0, "troops")]),
        ("The missile flew 800 km before falling.", [("800 km", 800.0, "km")]),
        ("The deal is worth $3.5 billion.", [("$3.5 billion", 3.5e9, "USD")]),
        ("It fired several short-range ballistic missiles.",
         [("several short-range ballistic missiles", None, "missiles")]),
    ],
)
def test_quantities_have_values_and_units(text: str, expected: list[tuple[str, float | None, str]]) -> None:
    assert [(q.text, q.value, q.unit) for q in quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The border has been tense for weeks.",       # "ten" inside a word
        "It was the fourth such intrusion.",          # an ordinal, not a count
        "The tender rules were not respected.",
        "The old ones were replaced.",
        "Talks began on 3 March 2026 at 14:00.",      # dates, years and clock times
    ],
)
def test_words_and_dates_that_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_quantity_ranges_slice_the_text() -> None:
    text = "Police held 38 people on Saturday; about two hundred marched on 4 May."
    found = find_quantities(text)
    assert [text[a:b] for a, b, _ in found] == ["38 people", "two hundred"]
    assert all(text[a:b] == q.text for a, b, q in found)


def test_times_resolve_against_the_report_date() -> None:
    published = date(2026, 11, 20)  # a Friday
    found = times("Troops crossed on 18 November and again yesterday at 06:30.", published)
    assert [(t.text, t.kind, t.resolved) for t in found] == [
        ("18 November", "date", "2026-11-18"),
        ("yesterday", "relative", "2026-11-19"),
        ("06:30", "time", None),
    ]


def test_time_ranges_slice_the_text() -> None:
    text = "The strike came on Tuesday morning, at 5 a.m. local time."
    assert [text[a:b] for a, b, _ in find_times(text)] == ["Tuesday morning", "5 a.m. local time"]


def test_a_text_blingfire_gives_up_on_is_one_sentence() -> None:
    from briefing.text.segmentation.blingfire_offsets import sentence_offsets
    from briefing.text.segmentation.sentence_split import text_sentences

    assert sentence_offsets("\ufeff") == []  # a lone byte-order mark
    assert [list(offsets) for offsets in text_sentences("\ufeff")] == [[0], [1]]


def test_a_bullet_alone_on_its_line_makes_an_item_of_the_lines_after_it() -> None:
    # the marker line is no item by itself ("-" needs a space after it) but its block is
    text = "Intro.\n\n- \ncontinues here\n\nEnd."
    assert [(text[b.start : b.end], b.heading, b.item) for b in blocks(text)] == [
        ("Intro.", False, False), ("- \ncontinues here", False, True), ("End.", False, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides will meet again on Thursday.", "2026-11-26"),
        ("Talks are due to resume on Sunday.", "2026-11-22"),
        ("Lim said her supporters would march again on Tuesday.", "2026-11-24"),
        ("The summit is scheduled for 3 December.", "2026-12-03"),
        ("Schools will remain closed until 14 January.", "2027-01-14"),
        # past: the default, and a future word in another clause does not count
        ("The ministry said on Thursday that the talks had failed.", "2026-11-19"),
        ("Officials, who will meet next month, said on Thursday that it was over.", "2026-11-19"),
        ("The attack happened on 3 December.", "2025-12-03"),
        ("Negotiators met on Friday.", "2026-11-20"),
    ],
)
def test_dates_without_a_year_look_ahead_only_in_future_clauses(text: str, expected: str) -> None:
    published = date(2026, 11, 20)  # a Friday
    resolved = [t.resolved for t in times(text, published) if t.kind != "time" and t.resolved]
    assert resolved[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left the base on 1st March.", "2026-03-01"),
        ("The convoy arrived on March 2nd, 2025.", "2025-03-02"),
        ("Talks resumed on the 23rd of October.", None),  # "the 23rd of": no date pattern
        ("Ships sailed on 4th Nov.", "2026-11-04"),
    ],
)
def test_ordinal_days_resolve(text: str, expected: str | None) -> None:
    published = date(2026, 11, 20)
    resolved = [t.resolved for t in times(text, published) if t.kind == "date"]
    assert resolved[:1] == ([expected] if expected else [])


def test_relative_days_are_found_whole_and_once() -> None:
    text = "Rain fell earlier this week; the thistle grew; last night raids began."
    assert [t.text for t in times(text)] == ["earlier this week", "last night"]


def test_dates_and_quantities_open_after_any_non_word_character() -> None:
    # Both are searched for only where they may open; punctuation, a line break or a digit
    # outside ASCII must not hide one, nor a word character before make one.
    text = "(Three soldiers) “twelve” ٣ March; x3 km, _5 days,\nFriday: 4 p.m. and £12 billion"
    published = date(2026, 11, 20)
    assert [(text[a:b], t.resolved) for a, b, t in find_times(text, published)] == [
        ("٣ March", "2026-03-03"), ("Friday", "2026-11-20"), ("4 p.m.", None),
    ]
    assert [(text[a:b], q.value, q.unit) for a, b, q in find_quantities(text)] == [
        ("Three soldiers", 3.0, "soldiers"), ("twelve", 12.0, None),
        ("£12 billion", 12e9, "GBP"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yesterday, the ministry said the border was closed.", ("Yesterday", "2026-11-19")),
        ("Last week the convoy was stopped twice.", ("Last week", None)),
        ("Today in the capital the talks resumed.", ("Today", "2026-11-20")),
        ("Tomorrow the envoy will arrive.", ("Tomorrow", "2026-11-21")),
    ],
)
def test_relative_days_opening_a_sentence_are_found(text: str, expected: tuple[str, str | None]) -> None:
    found = times(text, date(2026, 11, 20))
    assert [(t.text, t.resolved) for t in found] == [expected]


def test_capitalized_relative_words_inside_names_are_not_days() -> None:
    assert times("The Todayan envoy and Lastovo port were named.") == []


def test_relative_words_are_told_from_words_that_end_like_them() -> None:
    # "east", "context" and "whist" end as "last", "next" and "this" do, after other letters.
    text = "The east coast, the context, a whist drive; Next week and next month, This morning."
    assert [t.text for t in times(text)] == ["Next week", "next month", "This morning"]


def test_dates_and_quantities_open_after_a_non_ascii_letter_only_as_the_patterns_say() -> None:
    # Openings are found in the ASCII characters alone, every other one standing for a break:
    # the patterns tried there must still reject a word after a letter outside ASCII.
    text = "Éten ñ3 ÉMonday éyesterday, ten; Ü5 March and 5 March"
    published = date(2026, 11, 20)
    assert [t.text for t in times(text, published)] == ["5 March"]
    assert [(text[a:b], q.value) for a, b, q in find_quantities(text)] == [("ten", 10.0)]


@pytest.mark.parametrize(
    ("text", "skip", "expected"),
    [
        ("5pm12 trucks", [(0, 3)], ["12 trucks"]),  # no quantity opens after the "m" of "pm"
        ("axfew boats", [(1, 2)], ["axfew boats"]),  # "a" + blank + "few"
        ("at 3pm two trucks", [(3, 6)], ["two trucks"]),
    ],
)
def test_blanked_dates_and_times_may_open_a_quantity(text: str, skip: list[tuple[int, int]],
                                                      expected: list[str]) -> None:
    # The ranges to skip are blanked out before quantities are searched: a quantity the text
    # itself does not open may open after one.
    assert [text[a:b] for a, b, _ in find_quantities(text, skip)] == expected


def test_every_opening_word_is_found_as_its_own_kind() -> None:
    # One scan finds where dates, relative days and quantities may open, and tells them apart
    # by the word found there: no word may hide another kind's.
    kinds = {"numbers": [*NUMBER_WORDS, *TENS_WORDS], "relative": ["yesterday", "today", "tonight",
             "tomorrow", "last", "this", "earlier", "next"],
             "dates": [w[:3] for w in (*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS)]}
    for kind, words in kinds.items():
        for word in words:
            for said in (word, word.capitalize(), word.upper()):
                found = openings(f"({said}")._asdict()
                assert [k for k, at in found.items() if at == [1]] == [kind], said
    assert openings("1 x2 3")._asdict() == {"digits": [0, 5], "dates": [0, 5], "relative": [],
                                            "numbers": []}


def test_quantities_are_read_in_either_case_as_the_lower_cased_text_reads_them() -> None:
    # Letters outside ASCII that a case-blind pattern takes for "s" or "i" are no number's;
    # the Kelvin sign, whose lower case is "k", is a unit's.
    text = ("THREE Soldiers, ſeven ships, ıten boats; A DOZEN trucks, TWENTY-ONE Tanks, 12 PER CENT,"
            " 40 \u212am/h")
    assert [(text[a:b], q.value, q.unit) for a, b, q in find_quantities(text)] == [
        ("THREE Soldiers", 3.0, "Soldiers"), ("A DOZEN trucks", 12.0, "trucks"),
        ("TWENTY-ONE Tanks", 21.0, "Tanks"), ("12 PER CENT", 12.0, "%"), ("40 \u212am/h", 40.0, "\u212am/h"),
    ]
