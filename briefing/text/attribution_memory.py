"""Holders carried across sentences: people, roles and firms a report has named, to resolve
"he said", "the ministry said" and "the company said" to the holder they stand for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from briefing.schema import Entity
from briefing.text.lexicons import (
    BUSINESS_ROLES,
    GROUP_PRONOUNS,
    MONTHS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    WEEKDAYS,
)
from briefing.text.phrases import words_of

_ROLE_NAME: Final = re.compile(  # the look-ahead lets the engine skip to a role's first letter
    r"(?=[ABCDEGLMOPSabcdeglmops])\b(?P<role>(?i:spokesperson|spokesman|spokeswoman|minister|commander|director|president|"
    r"ambassador|envoy|chief|general|colonel|analyst|official|governor|mayor|secretary|major|"
    r"brigadier|captain|admiral|lieutenant))\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w'’-]+){0,3})"
)


_BUSINESS: Final = "|".join(sorted(BUSINESS_ROLES))
_ORG_NAME: Final = r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|for))*"
#: A firm introduced by its role: "the dam's operator, Drevhydro," or "Drevhydro, the state
#: company that runs the dam," or "the shipping firm Kalmar Lines".
_BUSINESS_THEN_NAME: Final = re.compile(
    rf"\b(?i:the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_BUSINESS})\s*,?\s+(?P<name>{_ORG_NAME})"
)
_NAME_THEN_BUSINESS: Final = re.compile(  # not "Anna Berg, a company spokeswoman"
    rf"(?P<name>{_ORG_NAME}),\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_BUSINESS})\b"
    r"(?!\s+(?:spokes\w*|officials?|executives?|employees?|workers?|lawyers?|directors?|chief"
    r"|engineers?|managers?|representatives?|sources?|insiders?|staff|board)\b)"
)
_NOT_FIRMS: Final = frozenset(w.capitalize() for w in (*WEEKDAYS, *MONTHS)) | {"The", "A", "An"}


_ROLE_WORDS: Final = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "minister", "commander", "director",
    "president", "ambassador", "envoy", "chief", "general", "colonel", "analyst", "official",
    "governor", "mayor", "secretary", "major", "brigadier", "captain", "admiral", "lieutenant",
})


_ROLE_OR_BUSINESS: Final = _ROLE_WORDS | BUSINESS_ROLES


def _roles_named(sentence: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    """The matches of ``_ROLE_NAME.finditer(sentence)``; ``words``: ``words_of(sentence)``.

    A match begins with a role word, so the pattern is tried only where the sentence's role
    words begin, found in its lower case: quicker than trying it at every letter. Exact when
    lowering keeps the offsets and the case-blind matching ("İ", "ı" and "ſ" do not: "ſ"
    matches "s" case-blind but lowers to itself) and each role word is one of the words: not
    in a sentence with a hyphen ("vice-president Kim": "president" is no word of its own).
    """
    if "-" in sentence or (not sentence.isascii() and (
            "ı" in sentence or "İ" in sentence or "ſ" in sentence)):
        yield from _ROLE_NAME.finditer(sentence)
        return
    lowered = sentence.lower()
    starts = []
    for role in _ROLE_WORDS & words:
        at = lowered.find(role)
        while at >= 0:
            starts.append(at)
            at = lowered.find(role, at + 1)
    end = 0  # finditer goes on from the end of its last match
    for at in sorted(starts):
        if at >= end and (match := _ROLE_NAME.match(sentence, at)) is not None:
            yield match
            end = match.end()



def _latest(names: list[str], name: str) -> None:
    """Put a name last, once: lists stay as long as the distinct names, not the mentions."""
    if names and names[-1] == name:
        return
    if name in names:
        names.remove(name)
    names.append(name)


#: Titles that tell a person's gender ("Ms. Varga", "spokeswoman Ilse Varga").
_TITLE_GENDER: Final = {
    **dict.fromkeys(("mr", "sir", "spokesman", "chairman", "congressman", "businessman", "king",
                     "prince", "lord"), "male"),
    **dict.fromkeys(("ms", "mrs", "miss", "madam", "dame", "lady", "spokeswoman", "chairwoman",
                     "congresswoman", "businesswoman", "queen", "princess"), "female"),
}
#: A person's name in shape: an optional honorific, one to three capitalized words.
_PERSON_SHAPED: Final = re.compile(
    r"(?:(?:Mr|Ms|Mrs|Miss|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?"
    r"(?:\s+[A-Z][a-z'’-]+){0,2}$"
)
_PRONOUN_GENDER: Final = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
_WORD_AFTER: Final = re.compile(r"[A-Za-z][\w'’-]*")
PRONOUNS_ALL: Final = frozenset({"he", "she", "they", "it", "i", "we", "you", "who"})


_SUBJECT_PRONOUN: Final = {"him": "he", "her": "she", "them": "they"}  # of an object pronoun


@dataclass
class HolderMemory:
    """Holders and people named so far in a report, to resolve "he said", "the ministry said"."""

    entities: list[Entity] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    businesses: list[str] = field(default_factory=list)  # firms introduced by a business role
    #: the whole report, for a role named only later ("the regional governor said ...", then
    #: "Governor Milena Kovacevic said ...")
    text: str = ""
    person_names: list[str] = field(init=False)
    _roles_ahead: dict[str, str] | None = field(init=False, default=None)
    _not_firms: set[str] = field(init=False)
    _persons: dict[str, bool] = field(init=False, default_factory=dict)  # holder -> a person?
    _speakers: list[str] = field(init=False, default_factory=list)  # of the sentence read
    _not_people: set[str] = field(init=False)  # places and bodies the report names
    _genders: dict[str, str | None] = field(init=False, default_factory=dict)  # surname ->

    def __post_init__(self) -> None:
        self.person_names = [e.name for e in self.entities if e.type == "person"]
        self._not_people = {e.name for e in self.entities if e.type != "person"}
        self._not_firms = {e.name for e in self.entities if e.type in {"country", "location"}}

    def remember(self, holder: str) -> None:
        if self._is_person(holder):
            _latest(self.people, holder)
            self._speakers.append(holder)
        else:
            _latest(self.groups, holder)

    def note_sentence(self, sentence: str) -> None:
        """Record people and roles named in a sentence ("JCS spokesperson Lee Sung-jun")."""
        words = words_of(sentence)
        if _ROLE_OR_BUSINESS.isdisjoint(words):  # most sentences: one test for both below
            roles = businesses = False
        else:
            roles = not _ROLE_WORDS.isdisjoint(words)
            businesses = not BUSINESS_ROLES.isdisjoint(words)
        if roles:
            for match in _roles_named(sentence, words):
                self.roles[match.group("role").lower()] = match.group("name")
        named = []
        for name in self.person_names:  # a report names a few people: cheaper than a regex of all
            if name in sentence:
                named.append((sentence.find(name), name))
        # The first named is the likeliest "he" or "she" of the next sentence (the subject), and
        # a speaker of this sentence likelier still: each goes last, so first.
        if len(named) > 1:
            named.sort(reverse=True)
        for _, name in named:
            _latest(self.people, name)
        if self._speakers:
            for speaker in self._speakers:  # by the name the report gives, where it names one
                _latest(self.people, next((n for _, n in named if n in speaker), speaker))
            self._speakers.clear()
        if businesses:
            named = [(m.start(), m.group("name")) for m in _BUSINESS_THEN_NAME.finditer(sentence)]
            named += [(m.start(), m.group("name")) for m in _NAME_THEN_BUSINESS.finditer(sentence)
                      if m.group("name") not in self._not_firms]
            for _, name in sorted(named):
                if name.split()[0] not in _NOT_FIRMS:
                    _latest(self.businesses, name)

    def _is_person(self, holder: str) -> bool:
        known = self._persons.get(holder)
        if known is None:
            known = self._persons[holder] = self._names_person(holder)
        return known

    def _names_person(self, holder: str) -> bool:
        for name in self.person_names:  # a loop: cheaper than any() over a generator
            if name in holder:
                return True
        if _PERSON_SHAPED.match(holder) and holder not in self._not_people:
            words = holder.split()
            if words[-1].lower() not in ORG_WORDS and (len(words) > 1 or self._is_speaker_name(holder)):
                return True  # "Ms. Varga", "Ilse Varga": a name in a person's shape
        # A role name needs a capital after the role ("minister Kim"), which most holders lack
        # ("the ministry", "Petrović"); then the search, quicker than the words of a holder.
        return (not holder[1:].islower() and _ROLE_NAME.search(holder) is not None
                and not _ROLE_WORDS.isdisjoint(words_of(holder)))

    def resolve(self, holder: str) -> str | None:
        """Resolve a pronoun or a definite description to an earlier holder; None if it names none."""
        lowered = holder.lower()
        lowered = _SUBJECT_PRONOUN.get(lowered, lowered)
        if lowered in PERSON_PRONOUNS:
            unlike = "female" if lowered == "he" else "male"
            for person in reversed(self.people):  # the nearest of a compatible gender
                if self._gender_of(person) != unlike:
                    return person
            return None
        if lowered in GROUP_PRONOUNS or lowered == "it":
            return self.groups[-1] if self.groups else None
        words = lowered.split()
        if len(words) == 2 and words[0] in {"the", "a"}:
            head = words[1]
            if head in self.roles:
                return self.roles[head]
            for earlier in reversed(self.groups + self.people):
                if head in earlier.lower().split() and earlier.lower() != lowered:
                    return earlier
            for entity in self.entities:
                if entity.type == "organization" and head in entity.name.lower().split():
                    return entity.name
            if head in BUSINESS_ROLES and self.businesses:
                return self.businesses[-1]
        if (2 <= len(words) <= 4 and words[0] == "the" and words[-1] in _ROLE_WORDS
                and holder.split()[1:-1] == words[1:-1]):
            # "the regional governor": the governor the report names; not "the Prime Minister",
            # a title of its own that another minister's name would not match
            named = self.roles.get(words[-1]) or self._named_later(words[-1])
            if named is not None:
                return named
        return holder

    def latest_speaker(self, pronoun: str, speakers: list[str]) -> str | None:
        """The latest of ``speakers`` (sources a report has quoted, oldest first) that "he" or
        "she" can stand for (a pronoun in news mostly goes on with the last person quoted), or
        "it" (the last body or document)."""
        lowered = _SUBJECT_PRONOUN.get(pronoun.lower(), pronoun.lower())
        if lowered == "it":  # the last body or document quoted: "The ministry said ... It added"
            for speaker in reversed(speakers):
                if speaker.lower() not in PRONOUNS_ALL and not self._is_person(speaker):
                    return speaker
            return None
        if lowered not in PERSON_PRONOUNS:
            return None
        unlike = "female" if lowered == "he" else "male"
        for speaker in reversed(speakers):
            if self._gender_of(speaker) != unlike and self._may_be_a_person(speaker):
                return speaker
        return None

    def _may_be_a_person(self, holder: str) -> bool:
        """Whether "he" or "she" can stand for a holder: a person, or a holder of unknown
        kind (a surname the entity typer may take for a place); not a pronoun, a body ("the
        ministry", "Corva Ports Authority") or a group ("officials", "many voters")."""
        words = holder.split()
        head = words[-1].lower() if words else ""
        return bool(words) and holder.lower() not in PRONOUNS_ALL and (
            self._is_person(holder) or (
                head not in ORG_WORDS and not (words[-1].islower() and head.endswith("s"))))

    def _is_speaker_name(self, holder: str) -> bool:
        """Whether a one-word holder is a surname: the report names it with a given name or an
        honorific ("Ilse Varga" or "Ms. Varga" somewhere, then "Varga said")."""
        text = self.text
        at = text.find(holder)
        while at > 0:
            before = text[max(0, at - 40) : at]
            if before.endswith(" ") and before.split()[-1:] and before.split()[-1][:1].isupper():
                end = at + len(holder)
                if end == len(text) or not text[end].isalnum():
                    return True
            at = text.find(holder, at + 1)
        return False

    def _gender_of(self, person: str) -> str | None:
        """"male" or "female" where the report says so by an honorific or a gendered title
        before the person's name or surname ("Ms. Varga", "spokeswoman Ilse Varga")."""
        words = person.replace(".", " ").split()
        if not words:
            return None
        for word in words:
            titled = _TITLE_GENDER.get(word.lower())
            if titled is not None:
                return titled
        surname = words[-1].removesuffix("'s").removesuffix("’s")
        if surname not in self._genders:
            self._genders[surname] = (self._gender_before(surname)
                                      or self._gender_by_pronouns(surname))
        return self._genders[surname]

    def _gender_before(self, surname: str) -> str | None:
        """The gender of the first title found within three words before a surname."""
        text = self.text
        at = text.find(surname)
        while at >= 0:
            for word in text[max(0, at - 60) : at].split()[-3:]:
                gender = _TITLE_GENDER.get(word.rstrip(".").lower())
                if gender is not None:
                    return gender
            at = text.find(surname, at + 1)
        return None

    def _gender_by_pronouns(self, surname: str) -> str | None:
        """The gender the report's pronouns give a person: those that follow the surname
        before any other name ("Varga said her crews ..."), counted over the report; one
        gender at least twice as often as the other."""
        text = self.text
        counts = {"male": 0, "female": 0}
        at = text.find(surname)
        while at >= 0:
            end = at + len(surname)
            stop = text.find(".", end, end + 80)  # within the sentence
            for word in _WORD_AFTER.findall(text, end, stop if stop >= 0 else end + 80):
                if word[:1].isupper():
                    break  # another name: its pronouns may follow
                gender = _PRONOUN_GENDER.get(word.lower())
                if gender is not None:
                    counts[gender] += 1
                    break
            at = text.find(surname, at + 1)
        for gender, other in (("male", "female"), ("female", "male")):
            if counts[gender] >= 1 and counts[gender] >= 2 * counts[other]:
                return gender
        return None

    def _named_later(self, role: str) -> str | None:
        """The first person the report names with a role (for a role not yet named)."""
        if self._roles_ahead is None:
            self._roles_ahead = {}
            for match in _ROLE_NAME.finditer(self.text):
                self._roles_ahead.setdefault(match.group("role").lower(), match.group("name"))
        return self._roles_ahead.get(role)
