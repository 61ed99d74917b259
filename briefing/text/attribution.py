"""Who holds a claim: attribution patterns, holder names, and holders carried across sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, NamedTuple

from briefing.schema import Entity
from briefing.text.lexicons import (
    ATTRIBUTION_VERBS,
    AUXILIARIES,
    BUSINESS_ROLES,
    CLAUSE_OPENERS,
    GROUP_PRONOUNS,
    HOLDER_NOUNS,
    MONTHS,
    NON_HOLDER_SUBJECTS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PREPOSED_ATTRIBUTIONS,
    SPEECH_VERBS,
    VERB_AUXILIARIES,
    WEEKDAYS,
)
from briefing.text.phrases import PhraseMatcher, words_of


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _alternation_by_letter(phrases: tuple[str, ...]) -> str:
    """``_alternation`` of lower-case words, the phrases of each first letter in one group.

    A case-blind alternation is tried one phrase after the other; grouped, only the phrases
    of the right first letter are. Phrases of other letters cannot match where these do, so
    the first phrase that matches is the same.
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_VERB: Final = PhraseMatcher(ATTRIBUTION_VERBS, ignore_case=False)
_PARENTHETICAL_VERBS: Final = frozenset({
    "said", "say", "says", "warn", "warned", "warns", "believe", "believes", "argue", "argues",
    "argued", "insist", "insists", "insisted", "claim", "claims", "claimed",
})
_WITH_COMMA: Final = {verb: verb + "," for verb in _PARENTHETICAL_VERBS}
_PARENTHETICAL: Final = re.compile(
    rf",\s+(?P<np>[^,;\"“”]{{2,60}}?)\s+(?P<verb>{'|'.join(sorted(_PARENTHETICAL_VERBS))}),\s+\S"
)
_TIME_TAIL: Final = r"(?:\s+(?:on|in|at|late|earlier|later|last|this|during|after|before)\b[^,.;]*)?"
#: ", " or ",\"" or "\"," or "?\"": one character class first, then what may follow it, so that
#: the engine skips ahead to those characters (a pattern opening with an alternation is tried
#: at every character of the clause).
_QUOTE_END: Final = r"[,\"”’'?!](?:(?<=,)[\"”’']?|(?<=[\"”’']),|(?<=[?!])[\"”’'])"
# The subject is lazy: what follows it is tried after each of its letters. The look-ahead (the
# characters that can follow) ends those tries at once, and "(?:, X,|)" is a faster "(?:, X,)?".
# An appositive X ends at a comma: the look-ahead after its first comma, a greedy run then a
# comma (a quick loop of the engine), ends at once the letter-by-letter search of X where no
# comma follows ("Kim, the minister, said the port would reopen.": the subject "the minister").
_TRAILING: Final = (
    rf"{_QUOTE_END}(?:\s+[-–—](?=\s))?\s+(?P<np>[^,;\"“”]{{2,90}}?(?=[,\s])(?:,(?=[^,;\"“”]*,)\s+[^,;\"“”]{{2,60}}?,|))\s+(?P<verb>{{verbs}})\b"
    rf"(?:\s+(?:reporters|journalists|the\s+\w+|a\s+\w+(?:\s+\w+)?|\w+))?{_TIME_TAIL}"
    rf"\s*(?:,[^.]*)?[.!]?[\"”’']?\s*$"
)
_INVERTED_VERBS: Final = frozenset({  # all attribution verbs: the _VERB candidates hold them
    "said", "says", "added", "wrote", "reported", "noted", "explained", "argued",
    "warned", "insisted", "stated", "claimed", "recalled", "underlined", "stressed",
    "emphasized", "emphasised",
})  # not "told": ", told reporters" names who heard it, not who spoke
_INVERTED: Final = re.compile(  # the look-ahead as in _TRAILING; a dash as translations put it
    rf"{_QUOTE_END}(?:\s+[-–—](?=\s))?\s+(?P<verb>{'|'.join(sorted(_INVERTED_VERBS))})\s+(?P<np>[^,.;]{{2,80}}?)(?=[,\s.!\"”’']|$)"
    rf"(?:,\s+(?:a|an|the|who|which)\b[^.]*)?{_TIME_TAIL}\s*[.!]?[\"”’']?\s*$",
    re.IGNORECASE,
)
_PREPOSED: Final = (
    r"(?<![\w-])(?P<cue>{cues})\s+(?P<np>[^,;.:\"“”]{2,90}?)"
    r"(?=\s*(?:,|;|\.|:|$|\s+(?:that|the\s+\w+\s+(?:was|is|were|are|has|had|will|would))\b))"
)
_PREPOSED_CUE: Final = PhraseMatcher(PREPOSED_ATTRIBUTIONS)


@lru_cache(maxsize=512)
def _with_phrases(template: str, slot: str, phrases: frozenset[str]) -> re.Pattern[str]:
    """A pattern with one slot filled by only the phrases a clause can hold.

    A slot of every attribution verb makes the engine try ~100 alternatives at each place;
    the verbs of one clause are one or two, so the pattern is compiled per verb set (cached).
    """
    return re.compile(template.replace("{" + slot + "}", _alternation(sorted(phrases))),
                      re.IGNORECASE)
_OPENER: Final = re.compile(  # used with match(): anchored where the clause body starts
    rf"(?:(?:{_alternation_by_letter(CLAUSE_OPENERS)})\b[^,;\"“]{{0,60}}?,\s+|(?:and|but|while|so)\s+)",
    re.IGNORECASE,
)
#: Attribution verbs of judgment: a holder nested under them is the one who judges.
JUDGMENT_VERBS: Final = frozenset({
    "believe", "believes", "believed", "think", "thinks", "judge", "judges", "judged",
    "assess", "assesses", "assessed", "estimate", "estimates", "estimated", "concluded",
    "conclude", "concludes", "suspect", "suspects", "suspected", "expect", "expects",
    "consider", "considers", "fear", "fears", "have not ruled out", "has not ruled out",
    "had not ruled out", "do not rule out", "does not rule out", "did not rule out",
})
#: Every cue phrase of attribution: one word lookup per clause finds the candidates of all.
_ANY_CUE: Final = PhraseMatcher(_VERB.phrases | _PREPOSED_CUE.phrases | JUDGMENT_VERBS)
_APPOSITIVE: Final = re.compile(r"^(?P<name>[^,]+),\s+(?:a|an|the)\s+(?P<role>[^,]+?),?$")
_PARENS: Final = re.compile(r"\s*\([^)]*\)")
_OF_OR_IN: Final = re.compile(r"\s+(?:of|in)\s+(?=[A-Z])")
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


class Attribution(NamedTuple):
    """A holder found in a clause, and the words that attribute the claim to it."""

    holder: str
    cue: str
    sentence_wide: bool = False  # preposed "According to X," or trailing ", X said."


def _latest(names: list[str], name: str) -> None:
    """Put a name last, once: lists stay as long as the distinct names, not the mentions."""
    if names and names[-1] == name:
        return
    if name in names:
        names.remove(name)
    names.append(name)


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

    def __post_init__(self) -> None:
        self.person_names = [e.name for e in self.entities if e.type == "person"]
        self._not_firms = {e.name for e in self.entities if e.type in {"country", "location"}}

    def remember(self, holder: str) -> None:
        if self._is_person(holder):
            _latest(self.people, holder)
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
        for name in self.person_names:  # a report names a few people: cheaper than a regex of all
            if name in sentence:
                _latest(self.people, name)
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
        # A role name needs a capital after the role ("minister Kim"), which most holders lack
        # ("the ministry", "Petrović"); then the search, quicker than the words of a holder.
        return (not holder[1:].islower() and _ROLE_NAME.search(holder) is not None
                and not _ROLE_WORDS.isdisjoint(words_of(holder)))

    def resolve(self, holder: str) -> str | None:
        """Resolve a pronoun or a definite description to an earlier holder; None if it names none."""
        lowered = holder.lower()
        lowered = _SUBJECT_PRONOUN.get(lowered, lowered)
        if lowered in PERSON_PRONOUNS:
            return self.people[-1] if self.people else None
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

    def _named_later(self, role: str) -> str | None:
        """The first person the report names with a role (for a role not yet named)."""
        if self._roles_ahead is None:
            self._roles_ahead = {}
            for match in _ROLE_NAME.finditer(self.text):
                self._roles_ahead.setdefault(match.group("role").lower(), match.group("name"))
        return self._roles_ahead.get(role)


_FINITE: Final = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "did", "does", "do",
})
_QUANTIFIERS: Final = frozenset({"some", "many", "few", "several", "most", "both", "all"})
_PREPOSITIONS: Final = frozenset({
    "in", "on", "at", "by", "for", "from", "with", "of", "to", "as", "after", "before",
    "during", "under", "over", "among", "amid", "despite", "without", "within", "into",
})
#: "In his words, ...", "In her view, ...": the pronoun's person holds the sentence.
_POSSESSIVE_VIEW: Final = re.compile(  # "(?<!\w.)" after the "I" is a "\b" before it, and
    # a pattern that opens with a character class lets the engine skip ahead to an "I"
    r"[Ii](?<!\w.)n\s+(?P<pronoun>his|her|their)\s+(?:words|view|opinion|estimation|assessment"
    r"|judgement|judgment)\b"
)
_PRONOUN_OF: Final = {"his": "he", "her": "she", "their": "they"}
_POSSESSIVES: Final = frozenset(_PRONOUN_OF)
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
_PRONOUNS: Final = PERSON_PRONOUNS | GROUP_PRONOUNS | {"it"}
_NOT_NAMED_FIRST: Final = NON_HOLDER_SUBJECTS | {"a", "an", "the", "one"}  # "the lawyer, X,"
_CLAUSE_WORDS: Final = frozenset({"that", "which", "who", "when", "because", "if", "whether", "but"})
_NAME_PARTICLES: Final = frozenset({"al", "bin", "de", "van", "von", "del", "la"})
# Quick tests first: a noun phrase seldom holds any of these words, or opens with one.
_FINITE_OR_CLAUSE: Final = _FINITE | _CLAUSE_WORDS
_SPECIAL_FIRST: Final = _QUANTIFIERS | NON_HOLDER_SUBJECTS | _ARTICLES | _PREPOSITIONS


def _valid_np(np: str, *, relaxed: bool = False, words: list[str] | None = None) -> bool:
    """Whether text before an attribution verb can be its subject (a holder noun phrase).

    ``relaxed`` accepts any head noun (for verbs only people and bodies do: said, believe);
    otherwise the head must be a name or a known holder noun. ``words``: ``np.split()``, when
    the caller has them.
    """
    if words is None:
        words = np.split()
    if not 1 <= len(words) <= 12:
        return False
    if ";" in np or '"' in np or "“" in np or "”" in np or ":" in np:
        return False
    low = np.lower()  # lowering keeps every space, so its words are the lowered words
    lowered = low.split()
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
        or head_lower in _PRONOUNS
    )


def _subject(np: str, *, relaxed: bool, words: list[str] | None = None) -> str | None:
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
                or not any(w[:1].isupper() for w in first_words)
            ):
                return name
    if first.lower() in _PRONOUNS:
        return first
    if " itself " in first or " known as " in first:
        named = _SELF_NAMED.search(first)
        if named is not None:
            return named.group("name")  # "a hacking group calling itself Black Gull"
    if " we " in first or " I " in first:
        contact = _CONTACT_CLAUSE.search(first)
        if contact is not None and contact.start() > 0:
            first, words = first[: contact.start()], None
    if _valid_np(first, relaxed=relaxed, words=words):
        return first
    head = _before_participle(first)  # "analysts quoted by the daily Markt" -> "analysts"
    return head if head and _valid_np(head, relaxed=relaxed) else None


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


def _without_auxiliaries(words: list[str]) -> list[str]:
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


def _leading(clause: str, start: int, among: frozenset[str]) -> Attribution | None:
    """An attribution whose holder is the subject at the start of clause[start:].

    ``among``: the clause's candidate cue phrases (``_ANY_CUE.candidates``).
    """
    for _ in range(2):
        opener = _OPENER.match(clause, start)
        if not opener:
            break
        start = opener.end()
    for verb in _VERB.finditer(clause, start, among=among):
        words = clause[start : verb.start()].split()
        # Too far for a subject, unless a comma opens or closes a long appositive after a name
        # ("Park Ji-hoon, a marine engineer at ... who spent two decades ..., said").
        with_appositive = bool(words) and (words[0].endswith(",") or "," in words[-1])
        if len(words) > (32 if with_appositive else 16):
            break
        if not words or words[-1].lower() in _PASSIVE:
            continue  # no subject; passive: "were reported"
        if (words[-1][-1] == "," and clause.count(",", start, verb.start()) % 2
                and verb.group(0).endswith("ed") and not _SPEECH_FOLLOWS.match(clause, verb.end())):
            continue  # a participle opens an aside: "The ceasefire, agreed in March, collapsed"
        if "by" in clause and _BY_AFTER.match(clause, verb.end()):
            continue  # "analysts quoted by the daily Markt expect": not the clause's verb
        subject = _without_auxiliaries(words)
        if not subject:
            continue
        cue = verb.group(0)
        if not cue.isalpha():  # "have  not ruled out": spaces made single
            cue = " ".join(cue.split())
        speech = _SPEECH_ONLY_WITH.get(cue)
        if speech is not None and not speech.match(clause, verb.end()):
            continue  # an act: "declared a state of emergency", "informed the airlines of it"
        holder = _subject(" ".join(subject), relaxed=cue in SPEECH_VERBS, words=subject)
        if holder is None:
            continue
        return Attribution(holder, cue)
    return None


_THAT: Final = re.compile(r"\bthat\s+")
#: The first word of each judgment verb: a (case-sensitive) match of the verb begins with it.
_FIRST_WORD: Final = {verb: verb.split()[0] for verb in JUDGMENT_VERBS}
_PASSIVE: Final = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_BY_AFTER: Final = re.compile(r"\s+by\b")
#: What follows an attribution verb when it reports speech: a clause or a quotation.
_SPEECH_FOLLOWS: Final = re.compile(r"\s*(?:,|:|[\"“‘']|that\b|it\s+was\b)")
#: ... or, after a verb whose object comes first, somewhere after that object.
_STATEMENT_AHEAD: Final = re.compile(r"[^.;]*?(?:\bthat\b|:|[\"“‘])")
#: Verbs that report speech only with what the pattern finds after them; else they are acts.
_SPEECH_ONLY_WITH: Final = {
    **dict.fromkeys(("declared", "declares", "declare"), _SPEECH_FOLLOWS),
    **dict.fromkeys(("informed", "informs", "briefed", "briefs", "notified", "notifies"),
                    _STATEMENT_AHEAD),
}


def _inner(clause: str, outer: Attribution, among: frozenset[str]) -> Attribution | None:
    """A holder nested in the reported content: "X told the agency that analysts believe..."."""
    if JUDGMENT_VERBS.isdisjoint(among):  # only a judge nests
        return None
    judges = JUDGMENT_VERBS & among
    at = clause.find(outer.cue)
    if at < 0:
        return None
    rest = at + len(outer.cue)
    if all(clause.find(_FIRST_WORD[judge], rest) < 0 for judge in judges):
        return None  # no judgment verb after the cue: none can be found there
    starts = [rest]  # "Park said Joint Staff analysts estimate that ..."
    that = _THAT.search(clause, rest)  # "X told the agency that analysts believe ..."
    if that and len(clause[rest : that.start()].split()) <= 8:
        starts.append(that.end())
    for start in starts:
        inner = _leading(clause, start, among)
        if inner is not None and inner.cue in JUDGMENT_VERBS:
            if inner.holder.lower() in _PRONOUNS:
                return outer._replace(cue=inner.cue)  # "X said he did not rule out": X judges
            return inner
    return None


@lru_cache(maxsize=1024)
def find_attribution(clause: str) -> Attribution | None:
    """The holder named in a clause and its cue, before pronouns are resolved."""
    words = words_of(clause)
    view = _POSSESSIVE_VIEW.search(clause) if not _POSSESSIVES.isdisjoint(words) else None
    if view is not None:
        return Attribution(_PRONOUN_OF[view.group("pronoun")], " ".join(view.group(0).lower().split()),
                           sentence_wide=view.start() == 0)
    among = _ANY_CUE.candidates(clause)
    if not among:
        return None
    cues = _PREPOSED_CUE.phrases & among
    match = _with_phrases(_PREPOSED, "cues", cues).search(clause) if cues else None
    if match and _valid_np(match.group("np"), relaxed=True):
        judge = (_leading(clause, 0, among)
                 if match.start() > 0 and not JUDGMENT_VERBS.isdisjoint(among) else None)
        if judge is not None and judge.cue in JUDGMENT_VERBS:
            return judge  # "Investigators have not ruled out X, according to a police source"
        return Attribution(match.group("np"), " ".join(match.group("cue").lower().split()),
                           sentence_wide=match.start() == 0 or clause[: match.start()].strip()
                           in {"However,", "But"})
    verbs = _VERB.phrases & among
    if not verbs:
        return None
    found = _after_the_words(clause, verbs)
    if found is not None:
        return found
    found = _leading(clause, 0, among)
    if found is not None:
        return _inner(clause, found, among) or found
    first = clause.split(None, 1)[0] if clause[:1].islower() else ""
    if first in verbs:  # a clause whose speaker is left out: "added that analysts believe ..."
        inner = _inner(clause, Attribution("", first), among)
        if inner is not None and inner.holder:  # a judge of its own, not the speaker's "he"
            return inner
    return None


def _after_the_words(clause: str, verbs: frozenset[str]) -> Attribution | None:
    """A holder named after the words it holds: trailing (", the minister said."), inverted
    (", said the minister.") or parenthetical (", the minister said, ..."); ``verbs``: the
    clause's candidate attribution verbs.
    """
    if "," not in clause and "?" not in clause and "!" not in clause:
        return None  # every form of _QUOTE_END holds one; _PARENTHETICAL opens with a comma
    patterns = [_with_phrases(_TRAILING, "verbs", verbs)]
    if not _INVERTED_VERBS.isdisjoint(verbs):
        patterns.append(_INVERTED)
    for verb in _PARENTHETICAL_VERBS & verbs:  # a loop: cheaper than any() over a generator
        if _WITH_COMMA[verb] in clause:
            patterns.append(_PARENTHETICAL)  # ", the minister said, ...": the verb meets a comma
            break
    for pattern in patterns:
        at = 0
        for _ in range(_RETRIES):
            match = pattern.search(clause, at)
            if match is None:
                break
            holder = _subject(match.group("np"), relaxed=True)
            if holder:
                return Attribution(holder, " ".join(match.group("verb").lower().split()),
                                   sentence_wide=True)
            # no subject ("..., and families are afraid to report them,” he said."): one may
            # stand after a later comma
            at = match.start() + 1
    return None


#: How many matches without a subject _after_the_words passes over: each search may run to
#: the end of the clause, so a bound keeps a long clause of commas linear.
_RETRIES: Final = 4
