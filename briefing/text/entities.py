"""Named entities of a report: people, organizations, countries, places and weapons."""

from __future__ import annotations

import re
from bisect import insort
from functools import lru_cache
from itertools import product
from typing import Final, TypedDict

from pydantic import TypeAdapter

from briefing.schema import Entity, EntityType
from briefing.text.lexicons import (
    CAPITALIZED_STOPWORDS,
    COMPASS_WORDS,
    COUNTRIES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    REGION_ENDINGS,
    REGIONS,
)
from briefing.text.segmentation import blocks
from briefing.text.weapons import weapon_mentions

_UPPER: Final = r"[A-Z\u00c0-\u00de\u0100-\u017f\u0400-\u042f]"
# After its capital, a word takes a period before the next capital ("O. Sidorenko") or runs to
# the last word character of the word characters, apostrophes, periods and hyphens that follow
# ("Olga", "O'Neill", "Kestrel-4"). Written as word characters, then punctuation and word
# characters in turn, it needs no backtracking from the end of the run.
_AFTER_CAPITAL: Final = rf"(?:\.(?=[ \t]+{_UPPER})|\w*(?:['’.-]+\w+)*)"
_CONNECTOR: Final = r"(?:of|the|de|del|la|al|el|bin|ibn|van|von|der|da|y|for)"
# A name's first capital has no word character or hyphen before it. The pattern opens with the
# capital itself and checks what precedes it with a lookbehind over two characters, so the
# regex engine skips from capital to capital instead of trying a lookbehind at every character.
_NAME: Final = re.compile(
    rf"{_UPPER}(?<![\w-].){_AFTER_CAPITAL}"
    rf"(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{_UPPER}{_AFTER_CAPITAL})*"
    rf"(?:[ \t]+\(\s*[A-Z][A-Za-z]{{1,7}}\s*\))?"
)
_ACRONYM_IN_PARENS: Final = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)$")
_DESIGNATION: Final = re.compile(r"^[A-Z][A-Za-z]*-\d+[A-Za-z]*$")
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?:\n]\s*|[\"“‘]\s*|^\s*[-*•]\s+)$")
_SENTENCE_OPENERS: Final = frozenset('.!?:"“‘')  # what _SENTENCE_START lets end a sentence
# Words skipped at the start of a name: the stopwords and "of", "the", "and" in any casing.
_LEADING_SKIPS: Final = CAPITALIZED_STOPWORDS | {
    "".join(letters) for word in ("of", "the", "and")
    for letters in product(*((c, c.upper()) for c in word))
}
_NEXT_WORD: Final = re.compile(r"\s*(\S*)")
# Validating the whole list in one call costs about a third less than one Entity(...) each.
_ENTITY_LIST: Final = TypeAdapter(list[Entity])


class _Found(TypedDict):
    """An entity as found, in the form validated into an Entity (its aliases kept sorted)."""

    name: str
    type: EntityType
    mentions: int
    aliases: list[str]


def _strip_leading_stopwords(name: str) -> tuple[str, int]:
    skipped = 0
    while True:
        first, space, rest = name.partition(" ")
        if first not in _LEADING_SKIPS:
            return name, skipped
        skipped += len(first) + 1
        name = rest if space else ""


#: Honorifics whose period ends no sentence: the name after "Ms." or "Dr." is inside it.
_HONORIFICS: Final = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen",
                                "Lt", "Col", "Capt", "Sgt", "Adm", "Rev", "St"})


def _after_honorific(text: str, period: int) -> bool:
    """Whether the character at ``period`` is the period of an honorific ("Ms. Varga")."""
    if text[period] != "." or not text[period - 1 : period].islower():
        return False  # a sentence's period mostly follows a lower-case word: "... Monday."
    for length in (2, 3, 4):  # slices, not a split: this runs at every sentence start
        start = period - length
        if start >= 0 and text[start:period] in _HONORIFICS and (
                start == 0 or not text[start - 1].isalnum()):
            return True
    return False


_TITLED_RUN: Final = re.compile(
    # no "\b" before: a pattern that opens with literals lets the engine skip to their letters
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator|Governor|Congressman|Congresswoman)"
    r"\.?((?:[ \t]+[A-Z][\w'’-]+)+)"
)


def _titled_surnames(text: str) -> frozenset[str]:
    """Last words of the names a report writes after an honorific or a title ("Mr. Bush",
    "Senator Ann Holt"): alone elsewhere, those words name the person, not a place."""
    return frozenset(m.group(1).split()[-1] for m in _TITLED_RUN.finditer(text))


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a name at start opens the text, a sentence, a quotation or a list item."""
    if start <= 3:  # only here can _SENTENCE_START's "^" (the start of the text) match
        return start == 0 or _SENTENCE_START.search(text, 0, start) is not None
    # _SENTENCE_START without its "^" branches, in plain string operations: the last
    # non-space character of the three before start opens a sentence, or a line break follows it.
    last = text[start - 1]
    if last == " ":
        previous = text[start - 2]
        if not previous.isspace():  # one space after a word or a mark: the common case
            return previous in _SENTENCE_OPENERS and not _after_honorific(text, start - 2)
    elif not last.isspace():
        return last in _SENTENCE_OPENERS
    before = text[start - 3 : start]
    kept = before.rstrip()
    return kept[-1:] in _SENTENCE_OPENERS or "\n" in before[len(kept) :]


_POSSESSIVE_ENDS: Final = "s'’"  # the last characters _possessive may change


def _possessive(name: str) -> str:
    if name.endswith(("'s", "’s")):
        return name[:-2]
    return name.rstrip("'’")


def _may_open_title(word: str, lowered: str, count: int) -> bool:
    """Whether a name of count words opening with this word may open with a title."""
    return (lowered in PERSON_TITLES or word in COUNTRIES
            or (count > 2 and word.endswith(("ese", "ian", "an", "ish", "i"))))


def _split_title(name: str, words: list[str], lowered: list[str]) -> tuple[str, str]:
    """Split "Defence Minister Ana Ruiz" into ("Defence Minister", "Ana Ruiz").

    lowered holds the words in lower case."""
    i = 0
    while i < len(words) - 1 and (lowered[i] in PERSON_TITLES or words[i] in COUNTRIES
                                  or (i == 0 and _may_open_title(words[0], lowered[0],
                                                                 len(words)))):
        i += 1
    if i == 0 or PERSON_TITLES.isdisjoint(lowered[:i]):
        return "", name
    if lowered[-1] in ORG_WORDS:  # "Koszan Foreign Ministry" names no person
        return "", name
    if words[i] == "of":  # "Minister of Transport Olga Sidorenko": the name closes the title
        if len(words) - i < 4 or not all(w[:1].isupper() for w in words[-2:]):
            return "", name
        return " ".join(words[:-2]), " ".join(words[-2:])
    return " ".join(words[:i]), " ".join(words[i:])


# The words before a name that change its type, each with the place of its type in classify's
# answer: 0 after a title word, 1 after a place preposition (a word both is a title word).
_CONTEXT_WORDS: Final = {word: 1 for word in PLACE_PREPOSITIONS} | {word: 0 for word in PERSON_TITLES}

#: Place words that stand before a place's name: "Port Merin", "Mount Kessel", "Cape Tarsis".
_PLACE_FIRST: Final = frozenset({"port", "mount", "lake", "cape", "fort", "camp"})

_ALWAYS: Final[dict[EntityType, tuple[EntityType, EntityType, EntityType]]] = {
    kind: (kind, kind, kind) for kind in ("country", "weapon", "organization", "location", "person")
}


def classify(name: str, words: list[str],
             lowered: list[str]) -> tuple[EntityType, EntityType, EntityType]:
    """Type of a capitalized name from its words (and them in lower case): after a title word
    ("minister"), after a place preposition ("in") and after any other word."""
    if name in COUNTRIES:
        return _ALWAYS["country"]
    if "-" in words[-1] and _DESIGNATION.match(words[-1]):
        return _ALWAYS["weapon"]
    last = lowered[-1].rstrip(".")
    if last in ORG_WORDS or (name.isupper() and 2 <= len(name) <= 7):
        return _ALWAYS["organization"]
    if ("of" in name and " of " in f" {name} "
            and not ORG_WORDS.isdisjoint(lowered[:-1])):
        return _ALWAYS["organization"]  # "Ministry of Defence of the Zarqan Emirate"
    if name in REGIONS or (len(words) > 1 and (lowered[0] in COMPASS_WORDS
                                               or last in REGION_ENDINGS)):
        return _ALWAYS["location"]  # "Iowa", "Middle East", "East Asia", "West Bank"
    if last in PLACE_WORDS or (len(words) > 1 and lowered[0] in PLACE_WORDS and
                               (lowered[1] == "of" or lowered[0] in _PLACE_FIRST)):
        return _ALWAYS["location"]  # "Gulf of Varna", "Port Merin"
    otherwise: EntityType = (
        "person" if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) else "other")
    return "person", "location" if len(words) <= 3 else otherwise, otherwise


@lru_cache(maxsize=4096)
def _typed(name: str) -> tuple[str | None, bool, tuple[EntityType, EntityType, EntityType]]:
    """What the name alone tells, cached as names recur from report to report: the person a
    titled name names (or None), whether it is a lone word that may be a place ("Varnia",
    not a country or acronym), and its types as classify gives them."""
    words = name.split()
    # Lower-casing the whole name and splitting it gives each word lower-cased, in one call.
    lowered = name.lower().split()
    if len(words) == 1:
        return None, name not in COUNTRIES and not name.isupper(), classify(name, words, lowered)
    if _may_open_title(words[0], lowered[0], len(words)):
        title, person = _split_title(name, words, lowered)
        if title and person:
            return person, False, _ALWAYS["person"]
    return None, False, classify(name, words, lowered)


_PLACE_BEFORE: Final = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(PLACE_PREPOSITIONS | {"against"})) + r")\s+(?:the\s+)?$"
)
_WORD_AT: Final = re.compile(r"[\w'’.-]*\w")
# The word before a match of _PLACE_BEFORE ends in one of these: a quick test before the regex.
_PLACE_BEFORE_ENDINGS: Final = (*sorted(PLACE_PREPOSITIONS | {"against"}), "the")


def _place_context(text: str, name: str, cache: dict[str, bool]) -> bool:
    """Whether some mention of a one-word name follows a place preposition ("in Varnia")."""
    found = cache.get(name)
    if found is None:
        found = False
        # The mentions are found by their first letter, a capital and so rare in a text:
        # str.find of one character runs as a memchr, faster than str.find of the whole name.
        capital = name[0]
        at = text.find(capital, 1)  # a mention at 0 follows no word
        while at >= 0 and not found:
            # String tests rule most mentions out before the regexes: a space before, the word
            # before ending like a place preposition ("in ", "near the ").
            if text.startswith(name, at) and text[at - 1].isspace():
                window = at - 30 if at > 30 else 0
                words = text[window:at].rsplit(None, 1)
                if (words and words[-1].endswith(_PLACE_BEFORE_ENDINGS)
                        and _PLACE_BEFORE.search(text, window, at) is not None):
                    word = _WORD_AT.match(text, at)
                    found = word is not None and word.end() == at + len(name)
            at = text.find(capital, at + 1)
        cache[name] = found
    return found


def _unwrapped(text: str) -> str:
    """The text with line breaks made spaces where the line was wrapped (offsets kept).

    A name broken across a wrapped line ("Solmark's Foreign\nMinistry") is still one name. A
    break counts as wrapping when it falls inside a paragraph and the next word would not have
    fitted on the line (the report's longest line gives the width); lines that end early, like
    the lines of a letterhead, stay apart.
    """
    if "\n" not in text:
        return text
    width = max(map(len, text.split("\n")))
    wraps: list[int] = []
    for block in blocks(text):
        line_start = block.start
        at = text.find("\n", block.start, block.end)
        while at >= 0:
            next_word = _NEXT_WORD.match(text, at + 1, block.end)
            next_length = next_word.end() - next_word.start(1) if next_word else 0
            if (at - line_start) + 1 + next_length > width - 2:
                wraps.append(at)
            line_start = at + 1
            at = text.find("\n", at + 1, block.end)
    if not wraps:
        return text
    # The lines between the wrapping breaks, joined by spaces: cheaper than a list of characters.
    bounds = [-1, *wraps, len(text)]
    return " ".join(text[bounds[i] + 1 : bounds[i + 1]] for i in range(len(wraps) + 1))


def extract_entities(text: str) -> list[Entity]:
    """Entities named in a report, in order of first mention, with mention counts."""
    text = _unwrapped(text)
    found: dict[str, _Found] = {}
    order: list[str] = []
    seen_inside: set[str] = set()  # first words of names met other than at a sentence start
    candidates: list[tuple[int, str, bool]] = []
    place_cache: dict[str, bool] = {}
    acronyms: list[str] = []  # the keys of the names in capitals, in order
    for match in _NAME.finditer(text):
        raw = match[0]
        if raw in _LEADING_SKIPS:  # a lone stopword, "The" or "However": the common case
            continue
        first = raw.partition(" ")[0]
        if first in _LEADING_SKIPS:
            name, skipped = _strip_leading_stopwords(raw)
            name = name.lstrip()  # "The  Hague": the words were split at one space
            if name:
                candidates.append((match.start() + skipped, name, False))
                seen_inside.add(name.split(None, 1)[0])
            continue
        start = match.start()
        initial = _opens_sentence(text, start)
        candidates.append((start, raw, initial))
        if not initial:
            seen_inside.add(first.partition("\t")[0])  # no other whitespace precedes a space

    def add(name: str, kind: EntityType, alias: str | None = None) -> None:
        key = name.lower()
        entry = found.get(key)
        if entry is None:
            entry = found[key] = {"name": name, "type": kind, "mentions": 0, "aliases": []}
            order.append(key)
            if name.isupper():
                acronyms.append(key)
        entry["mentions"] += 1
        if alias and alias not in entry["aliases"]:
            insort(entry["aliases"], alias)

    surnames = _titled_surnames(text)
    for start, name, initial in candidates:
        # A candidate has no space at either end, and nothing is left of it only when it was an
        # acronym in parentheses alone ("The (UN)").
        acronym = None
        if name[-1] == ")":
            parens = _ACRONYM_IN_PARENS.search(name)
            if parens:
                acronym = parens.group(1)
                name = name[: parens.start()]
                if not name:
                    continue
        if name[-1] in _POSSESSIVE_ENDS:
            name = _possessive(name)
        if (initial and name not in seen_inside and len(name.split()) == 1
                and name not in COUNTRIES and not name.isupper()):
            continue
        titled, lone, kinds = _typed(name)
        if titled:  # "Defence Minister Ana Ruiz": the person
            add(titled, "person")
            continue
        kind = kinds[2]
        if kinds[0] != kind or kinds[1] != kind:  # the type depends on the word before
            before = text[start - 20 if start > 20 else 0 : start].rsplit(None, 1)
            if before:
                kind = kinds[_CONTEXT_WORDS.get(before[-1].lower(), 2)]
        if lone and name in surnames:  # "Bush" where the report writes "Mr. Bush" somewhere
            add(name, "person")
            continue
        if kind == "other" and lone:
            # A lone capitalized word: a place if any mention follows a place preposition.
            if name.lower() not in found and not _place_context(text, name, place_cache):
                continue
            kind = "location"
        add(name, kind, acronym)
    # Acronyms seen alone count as mentions of the name they abbreviate.
    for key in acronyms:
        entry = found[key]
        for other in found.values():
            if other is not entry and entry["name"] in other["aliases"]:
                other["mentions"] += entry["mentions"]
                del found[key]
                break
    for name in weapon_mentions(text):
        singular = name[:-1] if name.endswith("s") and not name.endswith("ss") else name
        add(singular, "weapon")
    return _ENTITY_LIST.validate_python([found[k] for k in order if k in found])
