"""Checking every field a model wrote against the report, by code.

Each check answers one question and says why when the answer is no: does a hedge cue occur
in the claim's own units, does a holder occur in the report (or is an alias the report
introduces), does a statement add a number, date, name, negation or hedge its units lack,
does a BLUF bullet state what its cited claims do not carry, does an entity occur in the text.
Whatever fails is replaced by the report's words or dropped by the caller, and recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from briefing.schema import ClaimKind, Entity, EntityType
from briefing.text.cues import read_cues
from briefing.text.grounding import normalize
from briefing.text.lexicons import ATTRIBUTION_VERBS, NUMBER_WORDS, SCALE_WORDS, TENS_WORDS

#: Words that negate: a statement must carry exactly the negations of its units.
NEGATIONS: Final = frozenset({
    "not", "no", "never", "n't", "cannot", "without", "neither", "nor", "none", "nobody",
    "nothing", "nowhere",
})
#: Words that date a statement without a capital or a digit.
DATE_WORDS: Final = frozenset({"yesterday", "today", "tomorrow", "tonight"})
_NUMBER_WORDS: Final = frozenset(w for w in NUMBER_WORDS if " " not in w) | TENS_WORDS | frozenset(
    SCALE_WORDS) | {"dozen"}
_WORD: Final = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?|\d+(?:[.,]\d+)*", re.UNICODE)
_NEGATED_VERB: Final = re.compile(r"n['’]t\b", re.IGNORECASE)
_POSSESSIVE: Final = re.compile(r"['’]s?$")
_INNER_CAPITAL: Final = re.compile(r"(?<=[a-z,;] )([A-Z][\w'’-]*)")
_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: The share of a BLUF bullet's words that may be its own (not in its cited claims).
BULLET_NEW_WORDS: Final = 0.4
#: Kinds from least to most cautious.
CAUTION: Final[dict[ClaimKind, int]] = {"fact": 0, "assessment": 1, "uncertainty": 2}


def most_cautious(kinds: Iterable[ClaimKind]) -> ClaimKind:
    """Uncertainty over assessment over fact."""
    return max(kinds, key=CAUTION.__getitem__, default="fact")


def folded(text: str) -> str:
    """Case, Unicode, quotes, dashes and whitespace folded (see grounding.normalize)."""
    return normalize(text).text


def occurs(phrase: str, text: str) -> bool:
    """Does phrase occur in text as whole words, case and whitespace folded?"""
    needle = folded(phrase).strip(" .,;:\"'")
    if not needle:
        return False
    haystack = folded(text)
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def _words(text: str) -> list[str]:
    return _WORD.findall(_NEGATED_VERB.sub(" n't", text))


def _base(word: str) -> str:
    """A word without a possessive ending, in lower case."""
    return _POSSESSIVE.sub("", word).lower()


def _number(word: str) -> str:
    return word.replace(",", "").rstrip(".")


def negations(text: str) -> Counter[str]:
    """The negating words of a text ("n't" and "cannot" count as "not")."""
    out: Counter[str] = Counter()
    for word in _words(text):
        lowered = word.lower().replace("’", "'")
        if lowered in {"n't", "cannot"}:
            out["not"] += 1
        elif lowered in NEGATIONS:
            out[lowered] += 1
    return out


@dataclass
class ReportFacts:
    """What the checks need to know about one report: its text and the names it introduces."""

    text: str
    names: set[str] = field(default_factory=set)  # lower-cased words of entity names and aliases
    aliases: set[str] = field(default_factory=set)  # folded names and aliases of entities
    capitalized: set[str] = field(default_factory=set)  # words capitalized inside a sentence

    @classmethod
    def of(cls, text: str, entities: Iterable[Entity]) -> ReportFacts:
        facts = cls(text)
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                facts.aliases.add(folded(name))
                facts.names.update(_base(w) for w in _words(name))
        facts.capitalized = {_base(m.group(1)) for m in _INNER_CAPITAL.finditer(text)}
        return facts

    def is_name(self, word: str, first: bool) -> bool:
        """Is a capitalized word a name? At the start of a sentence only when the report uses
        it as one (an entity's word, or capitalized inside a sentence) or it is an acronym."""
        if not word[0].isupper():
            return False
        if not first:
            return True
        lowered = _base(word)
        return lowered in self.names or lowered in self.capitalized or (
            len(word) > 1 and word.isupper())


def check_cue(cue: str | None, unit_text: str) -> tuple[str | None, str | None]:
    """(the cue as the units write it, None) when it occurs in them; else (None, why)."""
    if not cue or not cue.strip():
        return None, None
    if not occurs(cue, unit_text):
        return None, f"{cue!r} does not occur in the claim's units"
    return _as_written(cue, unit_text), None


def cue_kind(cue: str, model_kind: ClaimKind) -> ClaimKind | None:
    """The kind a verified cue supports: the lexicon's reading where it knows the cue; the
    model's kind where the lexicon does not; None where the cue only attributes ("said")."""
    reading = read_cues(cue)
    if reading.kind != "fact":
        return reading.kind
    if folded(cue) in ATTRIBUTION_VERBS or folded(cue) == "according to":
        return None
    return model_kind


def _as_written(phrase: str, text: str) -> str:
    """The phrase with the report's own characters (case, quotes) where it occurs."""
    norm = normalize(text)
    needle = folded(phrase).strip(" .,;:\"'")
    match = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", norm.text)
    if match is None or match.end() == match.start():
        return phrase.strip()
    return text[norm.starts[match.start()] : norm.ends[match.end() - 1]]


def check_holder(holder: str | None, facts: ReportFacts) -> tuple[str | None, str | None]:
    """(holder, None) when it occurs in the report, possessive and articles aside, or is an
    alias the report introduces; else (None, why)."""
    if not holder or not holder.strip():
        return None, None
    name = " ".join(holder.split())
    bare = _ARTICLE.sub("", name)
    candidates = {name, bare, _POSSESSIVE.sub("", bare)}
    for candidate in candidates:
        if candidate and occurs(candidate, facts.text):
            return _as_written(candidate, facts.text) if candidate != name else name, None
    if folded(bare) in facts.aliases:
        return name, None
    return None, f"{holder!r} does not occur in the report"


def _first_unsupported(text: str, support: str, facts: ReportFacts, *,
                       entities_count: bool) -> tuple[str, str] | None:
    """The first number, number word, date word or capitalized name of ``text`` that ``support``
    does not carry, as ("number" | "word" | "name", the word); None when it carries them all.
    With ``entities_count``, a name among the report's entities is carried too."""
    support_words = {_base(w) for w in _words(support)}
    support_numbers = {_number(w) for w in _words(support) if w[0].isdigit()}
    for index, word in enumerate(_words(text)):
        lowered = _base(word)
        if word[0].isdigit():
            if _number(word) not in support_numbers:
                return "number", word
        elif lowered in _NUMBER_WORDS or lowered in DATE_WORDS:
            if lowered not in support_words:
                return "word", word
        elif (facts.is_name(word, index == 0) and lowered not in support_words
              and not (entities_count and lowered in facts.names)):
            return "name", word
    return None


def statement_problem(statement: str, unit_text: str, facts: ReportFacts) -> str | None:
    """Why a statement may not stand for its units (None when it may): it names a number, date,
    name, negation or hedge its units lack, or drops a negation or hedge they carry."""
    unsupported = _first_unsupported(statement, unit_text, facts, entities_count=True)
    if unsupported is not None:
        what, word = unsupported
        if what == "number":
            return f"the number {word} is not in its units"
        if what == "name":
            return f"the name {word!r} is neither in its units nor among the report's entities"
        return f"{word!r} is not in its units"
    if negations(statement) != negations(unit_text):
        return "it does not carry exactly the negations of its units"
    said, meant = read_cues(statement), read_cues(unit_text)
    if said.kind != meant.kind or said.band != meant.band:
        return (f"it reads as {said.kind} ({said.cue or 'no cue'}) where its units read as "
                f"{meant.kind} ({meant.cue or 'no cue'})")
    return None


def bullet_problem(text: str, cited: str, cautious: bool, facts: ReportFacts) -> str | None:
    """Why a BLUF bullet may not stand (None when it may): a number, name, date, negation or
    likelihood word its cited claims (their units and holders, in ``cited``) do not carry, or
    no hedge where a cited claim is not a fact (``cautious``)."""
    unsupported = _first_unsupported(text, cited, facts, entities_count=False)
    if unsupported is not None:
        what, word = unsupported
        if what == "number":
            return f"the number {word} is in none of its cited claims"
        return f"{word!r} is in none of its cited claims"
    cited_words = {_base(w) for w in _words(cited)}
    words = [_base(w) for w in _words(text)]
    foreign = [w for w in words if w not in cited_words]
    if len(foreign) > BULLET_NEW_WORDS * len(words):
        return f"most of its words are in none of its cited claims ({', '.join(foreign[:5])})"
    if sum(negations(text).values()) > sum(negations(cited).values()):
        return "it negates what its cited claims do not"
    reading = read_cues(text)
    if reading.cue is not None and not occurs(reading.cue, cited):
        return f"the likelihood word {reading.cue!r} is in none of its cited claims"
    if cautious and reading.kind == "fact":
        return "it states as fact what its cited claims only judge or suppose"
    return None


def count_mentions(name: str, text: str) -> int:
    """How often a name occurs in the text as whole words (exact case; else case-folded)."""
    exact = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    if exact:
        return exact
    needle = folded(name)
    return len(re.findall(rf"(?<!\w){re.escape(needle)}(?!\w)", folded(text))) if needle else 0


def check_entity(name: str, kind: EntityType, text: str) -> tuple[Entity | None, str | None]:
    """An entity with mentions counted by code when its name occurs in the text; else why not."""
    clean = " ".join(name.split())
    if not clean:
        return None, "empty name"
    mentions = count_mentions(clean, text)
    if not mentions:
        return None, f"{name!r} does not occur in the report"
    return Entity(name=_as_written(clean, text), type=kind, mentions=mentions), None
