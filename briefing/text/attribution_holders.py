"""What can hold a claim: the subject noun phrase before or after an attribution verb, cut
of its appositives and asides, and a holder's tidy name ("Place's Ministry", no "(JCS)")."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.lexicons import (
    AUXILIARIES,
    GROUP_PRONOUNS,
    HOLDER_NOUNS,
    MONTHS,
    NON_HOLDER_SUBJECTS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    VERB_AUXILIARIES,
    WEEKDAYS,
)

_APPOSITIVE: Final = re.compile(r"^(?P<name>[^,]+),\s+(?:a|an|the)\s+(?P<role>[^,]+?),?$")
_PARENS: Final = re.compile(r"\s*\([^)]*\)")
_OF_OR_IN: Final = re.compile(r"\s+(?:of|in)\s+(?=[A-Z])")
_FINITE: Final = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "did", "does", "do",
})
_QUANTIFIERS: Final = frozenset({"some", "many", "few", "several", "most", "both", "all"})
_PREPOSITIONS: Final = frozenset({
    "in", "on", "at", "by", "for", "from", "with", "of", "to", "as", "after", "before",
    "during", "under", "over", "among", "amid", "despite", "without", "within", "into",
})
_VERBISH: Final = re.compile(r"^[a-z][a-z-]+(?:ed|ing)$")
_NOT_VERBISH: Final = frozenset({
    "armed", "retired", "unnamed", "so-called", "self-styled", "elected", "united", "detained",
    "exiled", "named", "based", "led", "related", "concerned", "informed", "qualified",
    "appointed", "designated", "embattled", "acting", "ruling", "leading", "governing",
    "visiting", "outgoing", "incoming", "neighbouring", "neighboring", "opposing",
    "speaking", "seasoned", "specialised", "specialized", "skilled", "dedicated", "senior",
    "hundred", "hundreds",
})


_ARTICLES: Final = frozenset({"the", "a", "an"})
PRONOUNS: Final = PERSON_PRONOUNS | GROUP_PRONOUNS | {"it"}
_NOT_NAMED_FIRST: Final = NON_HOLDER_SUBJECTS | {"a", "an", "the", "one"}  # "the lawyer, X,"
_CLAUSE_WORDS: Final = frozenset({"that", "which", "who", "when", "because", "if", "whether", "but"})
_NAME_PARTICLES: Final = frozenset({"al", "bin", "de", "van", "von", "del", "la"})
# Quick tests first: a noun phrase seldom holds any of these words, or opens with one.
_FINITE_OR_CLAUSE: Final = _FINITE | _CLAUSE_WORDS
_SPECIAL_FIRST: Final = _QUANTIFIERS | NON_HOLDER_SUBJECTS | _ARTICLES | _PREPOSITIONS


#: Words that open a fragment, never a holder's name.
_JOINERS: Final = frozenset({
    "and", "but", "or", "nor", "though", "although", "even", "then", "so", "yet", "because",
    "while", "whereas", "if", "unless", "since", "until", "once", "also", "still", "just",
})
_TIME_WORDS: Final = frozenset({*WEEKDAYS, *MONTHS, "today", "yesterday", "tonight", "tomorrow",
                                "now", "later", "earlier", "meanwhile", "recently", "lately"})
_SAID: Final = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "asked"})
#: Names that end in "ly" but are no adverbs.
_LY_NAMES: Final = frozenset({"italy", "kelly", "beverly", "kimberly", "shelly", "sicily",
                              "riley", "ely", "reilly", "daly", "healy", "manly", "lilly",
                              "assembly", "family", "supply", "monopoly", "rally", "ally"})


def is_adverbial(word: str) -> bool:
    """Whether a lower-case word is an adverb or a time word ("subsequently", "monday"): no
    holder, though it stands before a comma or a verb as a subject would."""
    word = word.strip(",.'’")
    return word in _TIME_WORDS or (len(word) > 5 and word.endswith("ly")
                                   and word not in _LY_NAMES)


def valid_np(np: str, *, relaxed: bool = False, words: list[str] | None = None) -> bool:
    """Whether text before an attribution verb can be its subject (a holder noun phrase).

    ``relaxed`` accepts any head noun (for verbs only people and bodies do: said, believe);
    otherwise the head must be a name or a known holder noun. ``words``: ``np.split()``, when
    the caller has them.
    """
    if words is None:
        words = np.split()
    if not 1 <= len(words) <= 12:
        return False
    if ";" in np or '"' in np or "“" in np or "”" in np or ":" in np or "''" in np or "`" in np:
        return False
    low = np.lower()  # lowering keeps every space, so its words are the lowered words
    lowered = low.split()
    if lowered[0] in _JOINERS or (len(lowered) == 1 and is_adverbial(lowered[0])):
        return False  # a fragment or an adverb: "and they'll", "Recently", "Monday"
    if len(lowered) > 1 and (lowered[0] in _FINITE or lowered[0] in _SAID):
        return False  # a question's or an inverted verb, not a subject: "has he", "said he"
    if "(" in low or ")" in low or "," in low:
        lowered = [w.strip("(),") for w in lowered]
    if not _FINITE_OR_CLAUSE.isdisjoint(lowered) and (
            not _FINITE.isdisjoint(lowered[1:]) or not _CLAUSE_WORDS.isdisjoint(lowered)):
        return False  # a clause, not a noun phrase: "all seven hostages were alive"
    if lowered[0] in _SPECIAL_FIRST:
        if lowered[0] in _QUANTIFIERS and 1 < len(lowered) <= 4:
            pass  # "some experts", "many analysts": a quantified group holds
        elif lowered[0] in NON_HOLDER_SUBJECTS or _ARTICLES.issuperset(lowered):
            return False
        if lowered[0] in _PREPOSITIONS:
            return False  # ", in our estimate, remote": no subject
    if lowered[-1] in AUXILIARIES and lowered[-1] not in {"it", "they"}:
        return False
    if "ed" in low or "ing" in low:
        for i, w in enumerate(lowered):
            if (w.endswith(("ed", "ing")) and _VERBISH.match(w) and w not in _NOT_VERBISH
                    and (i == 0 or words[i].islower())):
                return False  # "speaking on condition", "Speaking to reporters"; not "the Beijing office"
    if relaxed:
        return True
    head_lower = words[-1].strip("(),'’").lower().removesuffix("'s").removesuffix("’s")
    return (
        any(w[:1].isupper() for w in words)
        or head_lower in HOLDER_NOUNS
        or head_lower.rstrip("s") in HOLDER_NOUNS
        or head_lower in PRONOUNS
    )


def subject_holder(np: str, *, relaxed: bool, words: list[str] | None = None) -> str | None:
    """The holder in a subject that may carry appositives: "His lawyer, Rania Aziz," -> name.

    ``words``: the words of an ``np`` that is them joined by single spaces, when the caller
    has them (``_leading``).
    """
    if "," not in np:  # the common case: no appositive
        first = np if words is not None else np.strip()
        if not first:
            return None
    else:
        words = None  # those of np, not of its first part
        parts = [p.strip() for p in np.strip(" ,").split(",")]
        parts = [p for p in parts if p]
        if not parts:
            return None
        first = parts[0]
        if len(parts) > 1:
            if any(p.lower().startswith(("and ", "but ", "or ")) for p in parts[1:]):
                return None
            name = parts[1].split(" of ", 1)[0]  # "Nikola Maric of the Corvel Institute"
            first_words = first.split()
            name_like = bool(name) and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES
                                           or w[:3] in {"al-", "el-"} for w in name.split())
            if name_like and len(name.split()) <= 5 and (
                first_words[0].lower() in _NOT_NAMED_FIRST
                or (len(first_words) <= 2 and is_adverbial(first_words[-1].lower()))
                or not any(w[:1].isupper() for w in first_words)
            ):
                return name
    if first.lower() in PRONOUNS:
        return first
    if " itself " in first or " known as " in first:
        named = _SELF_NAMED.search(first)
        if named is not None:
            return named.group("name")  # "a hacking group calling itself Black Gull"
    if " we " in first or " I " in first:
        contact = _CONTACT_CLAUSE.search(first)
        if contact is not None and contact.start() > 0:
            first, words = first[: contact.start()], None
    if valid_np(first, relaxed=relaxed, words=words):
        return first
    head = _before_participle(first)  # "analysts quoted by the daily Markt" -> "analysts"
    return head if head and valid_np(head, relaxed=relaxed) else None


#: A holder that names itself: "a group calling itself Black Gull", "a militia known as the X".
_SELF_NAMED: Final = re.compile(
    r"\s(?:calling\s+itself|calls\s+itself|called\s+itself|known\s+as)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)$"
)
_PARTICIPLE_PHRASE: Final = re.compile(
    r"\s+(?:quoted|cited|interviewed|contacted|polled|surveyed|speaking|familiar|close)\b"
)
#: A contact clause of the reporter's after the holder: "traders we spoke to", "residents I met".
_CONTACT_CLAUSE: Final = re.compile(
    r"\s+(?:we|I)\s+(?:spoke|talked|interviewed|contacted|surveyed|consulted|polled|asked"
    r"|reached|met)\b"
)


def _before_participle(np: str) -> str | None:
    """The head of a subject cut before a reduced relative: "officials speaking on condition"."""
    cut = _PARTICIPLE_PHRASE.search(np)
    return np[: cut.start()] if cut and cut.start() > 0 else None


def without_auxiliaries(words: list[str]) -> list[str]:
    """The words before a verb without the auxiliaries and adverbs next to it: the subject's."""
    end = len(words)
    while end and words[end - 1].lower() in VERB_AUXILIARIES:
        end -= 1
    while end > 1 and words[end - 1].islower() and words[end - 1].lower().endswith("ly"):
        end -= 1
    return words[:end]


def canonical_holder(np: str, places: set[str]) -> str:
    """Tidy a holder noun phrase: no appositive, no "(JCS)", "X of Place" -> "Place's X"."""
    np = " ".join(np.split()).strip(" ,")  # single spaces from here on
    # Each pattern below needs a character or word that most holders lack: tested first.
    appositive = _APPOSITIVE.match(np) if "," in np else None
    if appositive and appositive.group("name")[:1].isupper():
        np = appositive.group("name")
    if "(" in np:
        np = _PARENS.sub("", np)
    words = np.split()
    if len(words) > 1 and words[0] in {"The", "the"}:
        np = " ".join(words[1:]) if words[1][:1].isupper() else "the " + " ".join(words[1:])
    if np[:1].isupper() and (" of " in np or " in " in np):
        for joint in reversed(list(_OF_OR_IN.finditer(np))):
            org, place = np[: joint.start()], np[joint.end() :]
            if place in places and org[:1].isupper() and org.split()[-1].lower() in ORG_WORDS:
                return f"{place}'s {org}"
    return np
