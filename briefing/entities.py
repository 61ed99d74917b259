"""Named entities of a report: people, organizations, countries, places and weapons."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from .lexicons import (
    CAPITALIZED_STOPWORDS,
    COUNTRIES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    WEAPON_NOUNS,
)
from .phrases import fold
from .schema import Entity, EntityType
from .segmentation import blocks

_UPPER: Final = r"[A-Z\u00c0-\u00de\u0100-\u017f\u0400-\u042f]"
_WORD: Final = rf"(?:{_UPPER}\.(?=[ \t]+{_UPPER})|{_UPPER}[\w'’.-]*\w|{_UPPER})"  # "O. Sidorenko"
_CONNECTOR: Final = r"(?:of|the|de|del|la|al|el|bin|ibn|van|von|der|da|y|for)"
_NAME: Final = re.compile(
    rf"(?<![\w-]){_WORD}(?:(?:[ \t]+{_CONNECTOR})*[ \t]+{_WORD})*"
    rf"(?:[ \t]+\(\s*[A-Z][A-Za-z]{{1,7}}\s*\))?"
)
_ACRONYM_IN_PARENS: Final = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)$")
_DESIGNATION: Final = re.compile(r"^[A-Z][A-Za-z]*-\d+[A-Za-z]*$")
_WEAPON_NOUNS_LONGEST_FIRST: Final = tuple(sorted(set(WEAPON_NOUNS), key=len, reverse=True))
_RANGE_BEFORE: Final = re.compile(r"(?<![\w-])(?:short|medium|intermediate|long)-range\s+$")
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?:\n]\s*|[\"“‘]\s*|^\s*[-*•]\s+)$")
_TRAILING_CONNECTOR: Final = re.compile(rf"(?:\s+{_CONNECTOR})+$")
_CONNECTOR_WORDS: Final = frozenset(_CONNECTOR[3:-1].split("|"))


@dataclass
class _Found:
    name: str
    type: EntityType
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)


def _strip_leading_stopwords(name: str) -> tuple[str, int]:
    words = name.split(" ")
    skipped = 0
    while words and (words[0] in CAPITALIZED_STOPWORDS or words[0].lower() in {"of", "the", "and"}):
        skipped += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), skipped


def _possessive(name: str) -> str:
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name.rstrip("'’")


def _split_title(name: str) -> tuple[str, str]:
    """Split "Defence Minister Ana Ruiz" into ("Defence Minister", "Ana Ruiz")."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and (words[i].lower() in PERSON_TITLES or words[i] in COUNTRIES
                                  or (words[i].endswith(("ese", "ian", "an", "ish", "i"))
                                  and i == 0 and len(words) > 2)):
        i += 1
    if i == 0 or not any(w.lower() in PERSON_TITLES for w in words[:i]):
        return "", name
    if words[-1].lower() in ORG_WORDS:  # "Koszan Foreign Ministry" names no person
        return "", name
    if words[i] == "of":  # "Minister of Transport Olga Sidorenko": the name closes the title
        if len(words) - i < 4 or not all(w[:1].isupper() for w in words[-2:]):
            return "", name
        return " ".join(words[:-2]), " ".join(words[-2:])
    return " ".join(words[:i]), " ".join(words[i:])


def classify(name: str, before: str) -> EntityType:
    """Type of a capitalized name from its words and the word before it."""
    words = name.split()
    last = words[-1].lower().rstrip(".")
    if name in COUNTRIES:
        return "country"
    if _DESIGNATION.match(words[-1]):
        return "weapon"
    if last in ORG_WORDS or (name.isupper() and 2 <= len(name) <= 7):
        return "organization"
    if any(w.lower() in ORG_WORDS for w in words[:-1]) and " of " in f" {name} ":
        return "organization"  # "Ministry of Defence of the Zarqan Emirate"
    if last in PLACE_WORDS or (len(words) > 1 and words[0].lower() in PLACE_WORDS and
                               words[1].lower() == "of"):
        return "location"
    previous = before.split()[-1].lower() if before.split() else ""
    if previous in PERSON_TITLES:
        return "person"
    if previous in PLACE_PREPOSITIONS and len(words) <= 3:
        return "location"
    if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words):
        return "person"
    return "other"


_PLACE_BEFORE: Final = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(PLACE_PREPOSITIONS | {"against"})) + r")\s+(?:the\s+)?$"
)
_WORD_AT: Final = re.compile(r"[\w'’.-]*\w")


def _place_context(text: str, name: str, cache: dict[str, bool]) -> bool:
    """Whether some mention of a one-word name follows a place preposition ("in Varnia")."""
    found = cache.get(name)
    if found is None:
        found = False
        at = text.find(name)
        while at >= 0 and not found:
            word = _WORD_AT.match(text, at)
            found = (word is not None and word.end() == at + len(name)
                     and _PLACE_BEFORE.search(text, max(0, at - 30), at) is not None)
            at = text.find(name, at + 1)
        cache[name] = found
    return found


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def _weapon_mentions(folded: str) -> list[str]:
    """Weapon classes named in lower-cased text, in order: "short-range ballistic missiles".

    Each noun is found with str.find (far cheaper than a regex alternation tried at every
    character); where two overlap, the one starting first wins, then the longer.
    """
    found: list[tuple[int, int]] = []
    for noun in _WEAPON_NOUNS_LONGEST_FIRST:
        at = folded.find(noun)
        while at >= 0:
            end = at + len(noun)
            if ((at == 0 or not _is_word_char(folded[at - 1]))
                    and (end == len(folded) or not _is_word_char(folded[end]))):
                found.append((at, -end))
            at = folded.find(noun, at + 1)
    names: list[str] = []
    covered = 0
    for at, negative_end in sorted(found):
        if at < covered:
            continue
        covered = -negative_end
        modifier = _RANGE_BEFORE.search(folded, max(0, at - 30), at)
        start = modifier.start() if modifier else at
        names.append(" ".join(folded[start:covered].split()))
    return names


def _unwrapped(text: str) -> str:
    """The text with line breaks made spaces where the line was wrapped (offsets kept).

    A name broken across a wrapped line ("Solmark's Foreign\nMinistry") is still one name. A
    break counts as wrapping when it falls inside a paragraph and the next word would not have
    fitted on the line (the report's longest line gives the width); lines that end early, like
    the lines of a letterhead, stay apart.
    """
    if "\n" not in text:
        return text
    width = max(len(line) for line in text.split("\n"))
    chars: list[str] | None = None
    for block in blocks(text):
        line_start = block.start
        at = text.find("\n", block.start, block.end)
        while at >= 0:
            following = text[at + 1 : block.end].split(None, 1)
            next_word = following[0] if following else ""
            if (at - line_start) + 1 + len(next_word) > width - 2:
                chars = chars if chars is not None else list(text)
                chars[at] = " "
            line_start = at + 1
            at = text.find("\n", at + 1, block.end)
    return text if chars is None else "".join(chars)


def extract_entities(text: str) -> list[Entity]:
    """Entities named in a report, in order of first mention, with mention counts."""
    text = _unwrapped(text)
    found: dict[str, _Found] = {}
    order: list[str] = []
    seen_inside: Counter[str] = Counter()
    candidates: list[tuple[int, str, bool]] = []
    place_cache: dict[str, bool] = {}
    typed: dict[tuple[str, str], tuple[str | None, EntityType]] = {}
    for match in _NAME.finditer(text):
        raw = match.group(0)
        name, skipped = _strip_leading_stopwords(raw)
        if name.rpartition(" ")[2] in _CONNECTOR_WORDS:
            name = _TRAILING_CONNECTOR.sub("", name)
        if not name:
            continue
        start = match.start() + skipped
        initial = bool(_SENTENCE_START.search(text, max(0, start - 3), start)) or start == 0
        candidates.append((start, name, initial and skipped == 0))
        if not (initial and skipped == 0):
            seen_inside[name.split()[0]] += 1

    def add(name: str, kind: EntityType, alias: str | None = None) -> None:
        key = name.lower()
        if key not in found:
            found[key] = _Found(name, kind)
            order.append(key)
        found[key].mentions += 1
        if alias:
            found[key].aliases.add(alias)

    for start, name, initial in candidates:
        acronym = None
        parens = _ACRONYM_IN_PARENS.search(name) if name.endswith(")") else None
        if parens:
            acronym = parens.group(1)
            name = name[: parens.start()]
        name = _possessive(name).strip()
        words = name.split()
        if not words:
            continue
        if (initial and len(words) == 1 and name not in COUNTRIES and not seen_inside[name]
                and not name.isupper()):
            continue
        previous = text[max(0, start - 20) : start]
        context = (name, previous.split()[-1].lower() if previous.split() else "")
        known = typed.get(context)
        if known is None:  # the type depends only on the name and the word before it
            title, person = _split_title(name)
            known = typed[context] = (person, "person") if title and person else (
                None, classify(name, previous))
        titled, kind = known
        if titled:  # "Defence Minister Ana Ruiz": the person
            add(titled, "person")
            continue
        if kind == "other" and len(words) == 1 and not name.isupper():
            # A lone capitalized word: a place if any mention follows a place preposition.
            if name.lower() not in found and not _place_context(text, name, place_cache):
                continue
            kind = "location"
        add(name, kind, acronym)
        if acronym:
            found[name.lower()].aliases.add(acronym)
    # Acronyms seen alone count as mentions of the name they abbreviate.
    for key in list(order):
        entry = found.get(key)
        if entry is None or not entry.name.isupper():
            continue
        for other in found.values():
            if other is not entry and entry.name in other.aliases:
                other.mentions += entry.mentions
                del found[key]
                break
    for name in _weapon_mentions(fold(text)):
        singular = name[:-1] if name.endswith("s") and not name.endswith("ss") else name
        add(singular, "weapon")
    return [
        Entity(name=found[k].name, type=found[k].type, mentions=found[k].mentions,
               aliases=sorted(found[k].aliases))
        for k in order
        if k in found
    ]
