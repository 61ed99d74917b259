"""Holders carried across sentences: pronouns, roles, and firms introduced by their role."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from briefing.backends.offline import OfflineBackend
from briefing.brief.assembly import extract_grounded
from briefing.io.sources import make_source
from briefing.text.attribution import (
    _INVERTED,
    _INVERTED_VERBS,
    _PARENTHETICAL,
    _PARENTHETICAL_VERBS,
    _TRAILING,
    _VERB,
    Attribution,
    _alternation,
    _alternation_by_letter,
    _with_phrases,
    find_attribution,
)
from briefing.text.attribution_holders import canonical_holder
from briefing.text.attribution_memory import _ROLE_NAME, _roles_named
from briefing.text.lexicons import CLAUSE_OPENERS
from briefing.text.phrases import words_of


def holders(text: str) -> dict[str, str | None]:
    grounded = extract_grounded(make_source(text), OfflineBackend())
    return {claim.quote: claim.attributed_to for claim in grounded.claims}


def test_the_company_goes_back_to_the_firm_named_as_operator() -> None:
    text = (
        "A fire broke out at the Ostrava pumping station early on Monday, the plant's operator, "
        "Velta Energy, said.\n\n"
        "Nobody was hurt in the fire, the company said."
    )
    assert holders(text)["Nobody was hurt in the fire, the company said."] == "Velta Energy"


def test_a_firm_named_before_its_role_is_remembered_too() -> None:
    text = (
        "Kalmar Lines, the shipping company that owns the vessel, said the crew was safe.\n\n"
        "The company said the cargo had not been damaged."
    )
    assert holders(text)["The company said the cargo had not been damaged."] == "Kalmar Lines"


def test_the_company_stays_as_written_when_no_firm_was_introduced() -> None:
    text = "The ministry said the road was closed.\n\nThe company said the cargo had not been damaged."
    assert holders(text)["The company said the cargo had not been damaged."] == "the company"


def test_a_weekday_before_a_role_is_not_taken_for_a_firm() -> None:
    text = (
        "The dam was damaged on Thursday, the regional operator said.\n\n"
        "The company said repairs would take a month."
    )
    assert holders(text)["The company said repairs would take a month."] == "the company"


def test_a_person_described_by_a_company_job_is_not_a_firm() -> None:
    text = (
        "Anna Berg, a company spokeswoman, said the crew was safe.\n\n"
        "The company said the cargo had not been damaged."
    )
    assert holders(text)["The company said the cargo had not been damaged."] == "the company"


def test_list_items_after_an_attributed_colon_are_held_by_its_holder() -> None:
    text = (
        "Press statement, 8 August\n\n"
        "The Ministry of Defence reports the following:\n\n"
        "- Nine drones were destroyed over the ridge.\n"
        "- No military facilities were damaged.\n\n"
        "Repairs to the road began at noon."
    )
    found = holders(text)
    assert found["Nine drones were destroyed over the ridge."] == "Ministry of Defence"
    assert found["No military facilities were damaged."] == "Ministry of Defence"
    assert found["Repairs to the road began at noon."] is None  # the list has ended


def test_list_items_after_a_plain_label_have_no_holder() -> None:
    text = "Key points:\n\n- Nine drones were destroyed over the ridge.\n- The road was closed."
    assert set(holders(text).values()) == {None}


def test_he_after_said_is_the_speaker_who_judges() -> None:
    text = (
        "The ambassador was summoned on Sunday.\n\n"
        "Foreign Minister Tomasz Wierzba said he did not rule out closing the crossing."
    )
    sentence = "Foreign Minister Tomasz Wierzba said he did not rule out closing the crossing."
    assert holders(text)[sentence] == "Foreign Minister Tomasz Wierzba"


def kinds_and_holders(text: str) -> dict[str, tuple[str, str | None]]:
    grounded = extract_grounded(make_source(text), OfflineBackend())
    return {claim.quote: (claim.kind, claim.attributed_to) for claim in grounded.claims}


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # the speaker, not the one who was told
        ("Border clash\n\nColonel Ilse Marrow, a spokeswoman for the army, told reporters on "
         "Monday that two soldiers were wounded.", "Colonel Ilse Marrow"),
        # a name with a colour in it can hold a claim
        ("Floods\n\nThe Varnian Red Crescent Society said its teams reached the valley.",
         "Varnian Red Crescent Society"),
        # a firm named in a trailing appositive holds the claim
        ("Dam\n\nAn explosion damaged a gate at the dam early on Thursday, the dam's operator, "
         "Velta Energy, said.", "Velta Energy"),
    ],
)
def test_a_single_fact_is_held_by(text: str, holder: str) -> None:
    (found,) = kinds_and_holders(text).values()
    assert found == ("fact", holder)


def test_declared_is_an_act_unless_a_statement_follows() -> None:
    text = ("Emergency\n\nThe government declared a state of emergency in the region.\n\n"
            "The governor declared that the dam was safe.")
    found = kinds_and_holders(text)
    assert found["The government declared a state of emergency in the region."] == ("fact", None)
    assert found["The governor declared that the dam was safe."] == ("fact", "the governor")


def test_could_not_independently_verify_is_an_unknown() -> None:
    text = "Clash\n\nThe agency could not independently verify either side's account."
    (found,) = kinds_and_holders(text).values()
    assert found[0] == "uncertainty"


def test_a_question_with_a_comma_is_asked_not_a_heading() -> None:
    text = ("Arms deal\n\nThe contract was signed in July.\n\n"
            "Who authorised the payment, and from which budget?")
    found = kinds_and_holders(text)
    assert found["Who authorised the payment, and from which budget?"] == ("uncertainty", None)


def test_a_letterhead_of_short_lines_is_no_claim() -> None:
    text = ("Kaldera Federation – Ministry of Defence\nPress statement No. 214, 8 August\n\n"
            "Air defence units destroyed eleven drones over the ridge overnight.")
    found = kinds_and_holders(text)
    assert list(found) == ["Air defence units destroyed eleven drones over the ridge overnight."]


def test_the_innermost_judge_holds_the_judgment() -> None:
    cases = {
        "Lt Dask said navy analysts estimate that the fleet has 40 ships.": "navy analysts",
        "Investigators have not ruled out a technical fault, according to a police source.":
            "Investigators",
        "Energy analysts quoted by the daily Vesnik expect prices to stay high.": "Energy analysts",
        "One, Ilse Marrow of the Varn Institute, said jamming was the probable cause.": "Ilse Marrow",
    }
    for sentence, holder in cases.items():
        (found,) = kinds_and_holders(f"Report\n\n{sentence}").values()
        assert found[1] == holder, sentence


def test_according_to_still_holds_a_plain_fact() -> None:
    sentence = "Forty people were arrested, according to a police source."
    (found,) = kinds_and_holders(f"Report\n\n{sentence}").values()
    assert found == ("fact", "a police source")


def test_in_his_words_goes_back_to_the_man_named_before() -> None:
    text = ("Depot fire\n\nDistrict head P. A. Varentsov said supplies would continue.\n\n"
            "In his words, the reserves of fuel will last for 30 days.")
    found = kinds_and_holders(text)
    assert found["In his words, the reserves of fuel will last for 30 days."][1] == "P. A. Varentsov"


def test_the_report_s_own_estimate_has_no_holder() -> None:
    sentence = "A restart this year is, in our estimate, unlikely."
    (found,) = kinds_and_holders(f"Commentary\n\n{sentence}").values()
    assert found == ("assessment", None)


def test_a_quantified_group_holds_but_a_clause_does_not() -> None:
    text = ("Talks\n\nSome experts consider that the tickets may be too expensive.\n\n"
            "Sheikh Idris Varan, a tribal elder, said all seven hostages were alive.")
    found = kinds_and_holders(text)
    assert found["Some experts consider that the tickets may be too expensive."][1] == "Some experts"
    assert found["Sheikh Idris Varan, a tribal elder, said all seven hostages were alive."][1] == (
        "Sheikh Idris Varan")


def test_openers_grouped_by_first_letter_match_as_the_plain_alternation() -> None:
    plain = re.compile(rf"(?:{_alternation(CLAUSE_OPENERS)})\b", re.IGNORECASE)
    grouped = re.compile(rf"(?:{_alternation_by_letter(CLAUSE_OPENERS)})\b", re.IGNORECASE)
    texts = [*CLAUSE_OPENERS, "In a separate statement, X", "IN ADDITION to", "so far", "So",
             "Speaking  to\nreporters", "Later, he", "lately", "The ministry", "ſo far", "İn"]
    for text in texts:
        for start in range(len(text)):
            assert repr(plain.match(text, start)) == repr(grouped.match(text, start)), text


@pytest.mark.parametrize("sentence", [
    "JCS spokesperson Lee Sung-jun said the launch failed.",
    "The minister, Minister Kim Dae and SPOKESMAN Park Ji all spoke; Colonel Milan Horvat did not.",
    "A majority Leader and the general Secretary Ana Ruiz met the admiral.",
    "The vice-president Kim met Minister Lee.",  # a hyphen: the role is no word of its own
    "The Preſident Park and the minister Lee met.",  # "ſ" matches "s" case-blind only
    "The mİnister Lee and the minister Ahn met.",  # "İ" lowers to two characters
    "Brigadier General Omar al-Said and Captain de Vries; official\nAnna Berg.",
    "Director’s deputy: chief Inspector Ilse Braun, the chiefs Yoon.",
])
def test_roles_are_named_as_the_role_pattern_finds_them(sentence: str) -> None:
    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
        return [(m.span(), m.groups()) for m in matches]

    expected = spans(_ROLE_NAME.finditer(sentence))
    assert expected  # each names a role
    assert spans(_roles_named(sentence, words_of(sentence))) == expected


def test_the_trailing_and_parenthetical_verbs_are_attribution_verbs() -> None:
    # find_attribution picks their patterns from the clause's attribution verbs
    assert _VERB.phrases >= _INVERTED_VERBS
    assert _VERB.phrases >= _PARENTHETICAL_VERBS


@pytest.mark.parametrize(("clause", "with_comma"), [
    ('"We will not leave" the minister said.', '"We will not leave," the minister said.'),
    ("“We will not leave” said the minister.", "“We will not leave,” said the minister."),
    ("We will not leave' Kim said.", "We will not leave,' Kim said."),
    ("The port reopened the minister said.", "The port reopened, the minister said."),
    ("The port reopened said the minister.", "The port reopened, said the minister."),
    ("The port reopened; the minister said.", "The port reopened, the minister said."),
    ("The port\n\"reopened\"\nthe minister said.", "The port\n\"reopened\",\nthe minister said."),
    ("The port the minister said reopened.", "The port, the minister said, reopened."),
])
def test_a_holder_after_the_words_needs_a_comma_or_a_question_or_exclamation_mark(
        clause: str, with_comma: str) -> None:
    # find_attribution tries none of these patterns on a clause without ",", "?" or "!"
    patterns = (_with_phrases(_TRAILING, "verbs", frozenset({"said"})), _INVERTED, _PARENTHETICAL)
    assert all(pattern.search(clause) is None for pattern in patterns)
    assert any(pattern.search(with_comma) for pattern in patterns)


@pytest.mark.parametrize(("holder", "canonical"), [
    ("Anna Berg, a company spokeswoman", "Anna Berg"),  # an appositive: the name
    ("the spokeswoman, a former envoy", "the spokeswoman, a former envoy"),  # no name first
    ("the Joint Chiefs of Staff (JCS)", "Joint Chiefs of Staff"),
    ("Joint Chiefs of Staff(JCS) spokesman", "Joint Chiefs of Staff spokesman"),
    ("The  Ministry of\nDefence", "Ministry of Defence"),  # no place: kept, spaces made single
    ("the Ministry of Defence of Varnia", "Ministry of Defence of Varnia"),  # "Defence": no body
    ("the Defence Ministry of Varnia", "Varnia's Defence Ministry"),
    ("Defence Ministry in Varnia", "Varnia's Defence Ministry"),
    ("Defence Ministry (MoD) in Varnia", "Varnia's Defence Ministry"),
    ("Defence Ministry\tin  Varnia,", "Varnia's Defence Ministry"),
    ("Analysts in Varnia", "Analysts in Varnia"),  # "analysts": no organisation
    ("Defence Ministry inVarnia", "Defence Ministry inVarnia"),
    ("the minister in the capital", "the minister in the capital"),
])
def test_canonical_holder(holder: str, canonical: str) -> None:
    # each rule applies only where the text holds its character or word (",", "(", " of "/" in ")
    assert canonical_holder(holder, {"Varnia"}) == canonical


@pytest.mark.parametrize(("clause", "np"), [
    ('"The port will reopen," the minister, Kim Lee, said.', "the minister, Kim Lee,"),
    ("The port will reopen, the minister, Kim Lee, said on Monday.", "the minister, Kim Lee,"),
    ("The port will reopen, the minister said, adding that the army, not the police, would guard it.",
     "the minister"),
    ("Kim, the minister, said the port would reopen.", None),  # no comma closes "said the port ..."
    ("Kim, the minister, said the port, closed since May, would reopen.", None),
])
def test_the_trailing_pattern_takes_an_appositive_closed_by_a_comma(clause: str, np: str | None) -> None:
    match = _with_phrases(_TRAILING, "verbs", frozenset({"said"})).search(clause)
    assert (match and match.group("np")) == np


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # the reporter's contact clause is no part of the holder
        ("Prices\n\nDealers we spoke to in Orvan believe the tariff will stay.",
         "Dealers we spoke to in Orvan believe the tariff will stay.", ("assessment", "Dealers")),
        # an investigation of an open question is held by the investigator
        ("Crash\n\nThe Kessian Navy is examining whether the rudder had failed.",
         "The Kessian Navy is examining whether the rudder had failed.",
         ("uncertainty", "Kessian Navy")),
        # a promise is held by whoever makes it
        ("Aid\n\nThe Tarvish Red Cross has pledged two field hospitals for the valley.",
         "The Tarvish Red Cross has pledged two field hospitals for the valley.",
         ("fact", "Tarvish Red Cross")),
        # a clause that leaves its speaker out: the judge inside it holds the judgment
        ("Fire\n\nThe harbour master said the blaze was out, and added that inspectors had not "
         "ruled out arson.", "added that inspectors had not ruled out arson.",
         ("uncertainty", "inspectors")),
    ],
)
def test_holders_inside_the_clause(text: str, quote: str, expected: tuple[str, str]) -> None:
    assert kinds_and_holders(text)[quote] == expected


def test_the_regional_governor_is_the_governor_the_report_names_later() -> None:
    text = ("Shelling\n\nShells struck two villages overnight, the regional governor said.\n\n"
            "Governor Ana Pellic said the wounded were taken to Hask.\n\n"
            "The Prime Minister said the army would respond.")
    found = holders(text)
    assert found["Shells struck two villages overnight, the regional governor said."] == "Ana Pellic"
    # a title of its own is not resolved by its last word to another person named with it
    assert found["The Prime Minister said the army would respond."] == "Prime Minister"


def test_a_participle_opening_an_aside_is_no_attribution_verb() -> None:
    text = ("Truce\n\nThe last truce, agreed in March, collapsed after nine days.\n\n"
            "The minister, asked about the ships, said they had left port.")
    found = holders(text)
    assert found["The last truce, agreed in March, collapsed after nine days."] is None
    assert found["The minister, asked about the ships, said they had left port."] == "the minister"


def test_informed_is_an_act_unless_a_statement_follows() -> None:
    text = ("Launch\n\nThe ministry has informed the airlines of the closure.\n\n"
            "The ministry informed reporters that the debris had fallen at sea.")
    found = kinds_and_holders(text)
    assert found["The ministry has informed the airlines of the closure."] == ("fact", None)
    assert found["The ministry informed reporters that the debris had fallen at sea."] == (
        "fact", "the ministry")


def test_a_trailing_holder_after_a_clause_that_looks_like_one() -> None:
    # ", and families are afraid to report them" matches the trailing pattern with no subject;
    # the speaker stands after the next comma
    clause = "“Some boats never come back, and families are afraid to report them,” he said."
    assert find_attribution(clause) == Attribution("he", "said", sentence_wide=True)


@pytest.mark.parametrize(
    "clause",
    [
        '"The second line will open in May," - underlined the Minister.',
        '"The second line will open in May," – the Minister said.',
    ],
)
def test_a_dash_after_the_quotation_as_translations_write_it(clause: str) -> None:
    found = find_attribution(clause)
    assert found is not None and found.holder == "the Minister" and found.sentence_wide


def test_a_that_clause_split_off_is_reported_by_the_sentence_s_speaker() -> None:
    text = ("Crash\n\nOne engineer, Lidia Varga of the Orvan Institute, said jamming was the "
            "probable cause, but that a fault “cannot be excluded”.")
    found = kinds_and_holders(text)
    assert found["that a fault “cannot be excluded”."] == ("uncertainty", "Lidia Varga")


@pytest.mark.parametrize(
    ("clause", "holder"),
    [
        ("A militant group calling itself the Night Herons claimed the attack on the depot.",
         "the Night Herons"),
        ("An armed faction known as Sorn Brigade said it had taken the bridge.", "Sorn Brigade"),
        # a name with a long appositive: past the usual reach of a subject
        ("Olek Varda, a hydrologist at the University of Kessel who has spent twenty years "
         "measuring the river's floods, said the dam could fail.", "Olek Varda"),
    ],
)
def test_holders_named_by_themselves_or_after_a_long_appositive(clause: str, holder: str) -> None:
    found = find_attribution(clause)
    assert found is not None and found.holder == holder
