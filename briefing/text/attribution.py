"""Attribution patterns: who holds a claim, found in one clause (preposed "According to X,",
a leading "X said", trailing and inverted ", X said." / ", said X.", nested judges), before
pronouns are resolved (``attribution_memory``) and holders tidied (``attribution_holders``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from briefing.text.attribution_holders import (
    PRONOUNS,
    subject_holder,
    valid_np,
    without_auxiliaries,
)
from briefing.text.lexicons import (
    ATTRIBUTION_VERBS,
    CAPITALIZED_STOPWORDS,
    CLAUSE_OPENERS,
    HOLDER_NOUNS,
    PREPOSED_ATTRIBUTIONS,
    SPEECH_VERBS,
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
_QUOTE_END: Final = r"[,\"”’'?!](?:(?<=,)(?:''|[\"”’'])?|(?<=[\"”’']),|(?<=[?!])(?:''|[\"”’']))"
# The subject is lazy: what follows it is tried after each of its letters. The look-ahead (the
# characters that can follow) ends those tries at once, and "(?:, X,|)" is a faster "(?:, X,)?".
# An appositive X ends at a comma: the look-ahead after its first comma, a greedy run then a
# comma (a quick loop of the engine), ends at once the letter-by-letter search of X where no
# comma follows ("Kim, the minister, said the port would reopen.": the subject "the minister").
_TRAILING: Final = (
    rf"{_QUOTE_END}(?:\s+[-–—](?=\s))?\s+(?P<np>[^,;\"“”]{{2,90}}?(?=[,\s])(?:,(?=[^,;\"“”]*,)\s+[^,;\"“”]{{2,60}}?,|))\s+(?P<verb>{{verbs}})\b"
    rf"(?:\s+(?:reporters|journalists|the\s+\w+|a\s+\w+(?:\s+\w+)?|(?>[\w’'-]+(?:\s+[\w’'-]+){{0,5}})))?{_TIME_TAIL}"
    rf"\s*(?:,[^.]*)?[.!]?[\"”’']?\s*$"
)
_INVERTED_VERBS: Final = frozenset({  # all attribution verbs: the _VERB candidates hold them
    "said", "says", "added", "wrote", "reported", "noted", "explained", "argued",
    "warned", "insisted", "stated", "claimed", "recalled", "underlined", "stressed",
    "emphasized", "emphasised",
})  # not "told": ", told reporters" names who heard it, not who spoke
_INVERTED: Final = re.compile(  # the look-ahead as in _TRAILING; a dash as translations put it
    rf"{_QUOTE_END}(?:\s+[-–—](?=\s))?\s+(?P<verb>{'|'.join(sorted(_INVERTED_VERBS))})\s+(?P<np>[^,;]{{2,80}}?)(?=[,\s.!\"”’']|$)"
    rf"(?:,\s+(?:a|an|the|who|which)\b[^.]*)?{_TIME_TAIL}\s*[.!]?[\"”’']?\s*$",
    re.IGNORECASE,
)
_PREPOSED: Final = (
    r"(?<![\w-])(?P<cue>{cues})\s+(?P<np>[^,;.:\"“”]{2,140}?)"
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


def holds_attribution_cue(words: str) -> bool:
    """Do the words hold a cue of saying or judging ("said", "according to", "believe")?"""
    return _ANY_CUE.search(words) is not None


class Attribution(NamedTuple):
    """A holder found in a clause, and the words that attribute the claim to it."""

    holder: str
    cue: str
    sentence_wide: bool = False  # preposed "According to X," or trailing ", X said."


#: "In his words, ...", "In her view, ...": the pronoun's person holds the sentence.
_POSSESSIVE_VIEW: Final = re.compile(  # "(?<!\w.)" after the "I" is a "\b" before it, and
    # a pattern that opens with a character class lets the engine skip ahead to an "I"
    r"[Ii](?<!\w.)n\s+(?P<pronoun>his|her|their)\s+(?:words|view|opinion|estimation|assessment"
    r"|judgement|judgment)\b"
)
_PRONOUN_OF: Final = {"his": "he", "her": "she", "their": "they"}
_POSSESSIVES: Final = frozenset(_PRONOUN_OF)


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
        subject = without_auxiliaries(words)
        if not subject:
            continue
        cue = verb.group(0)
        if not cue.isalpha():  # "have  not ruled out": spaces made single
            cue = " ".join(cue.split())
        speech = _SPEECH_ONLY_WITH.get(cue)
        if speech is not None and not speech.match(clause, verb.end()):
            continue  # an act: "declared a state of emergency", "informed the airlines of it"
        holder = subject_holder(" ".join(subject), relaxed=cue in SPEECH_VERBS, words=subject)
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
            if inner.holder.lower() in PRONOUNS:
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
        return None if _PARTICIPLES.isdisjoint(words) else _participle_speaker(clause, words)
    cues = _PREPOSED_CUE.phrases & among
    match = _with_phrases(_PREPOSED, "cues", cues).search(clause) if cues else None
    np = _source_head(match.group("np")) if match else ""
    if match and np and valid_np(np, relaxed=True):
        judge = (_leading(clause, 0, among)
                 if match.start() > 0 and not JUDGMENT_VERBS.isdisjoint(among) else None)
        if judge is not None and judge.cue in JUDGMENT_VERBS:
            return judge  # "Investigators have not ruled out X, according to a police source"
        return Attribution(np, " ".join(match.group("cue").lower().split()),
                           sentence_wide=match.start() == 0 or clause[: match.start()].strip()
                           in {"However,", "But"})
    verbs = _VERB.phrases & among
    if not verbs:
        return _participle_speaker(clause, words)
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
    return _participle_speaker(clause, words)


#: A participle that opens what a source noun phrase says of its source: "exit polls
#: conducted for the networks", "excerpts released by the White House".
_SOURCE_PARTICIPLE: Final = re.compile(r"\s+[a-z]+(?:ed|en|wn|ast)\s+(?:by|for|from|in|on|at|to|with)\b")


def _source_head(np: str) -> str:
    """A preposed source cut before its participle phrase, where it has one."""
    if "ed " not in np and "en " not in np and "wn " not in np and "ast " not in np:
        return np
    cut = _SOURCE_PARTICIPLE.search(np)
    return np[: cut.start()] if cut is not None and cut.start() > 0 else np


#: Participles of speech that close a clause: "Ms. Varga defended the plan, saying ...".
_PARTICIPLES: Final = frozenset({
    "saying", "telling", "adding", "arguing", "insisting", "noting", "warning", "asking",
    "suggesting", "explaining", "claiming", "stressing", "writing", "declaring", "predicting",
    "vowing", "promising", "calling", "accusing", "charging", "urging",
})
_PARTICIPLE: Final = re.compile(rf",\s+(?:\w+ly\s+)?(?P<cue>{'|'.join(sorted(_PARTICIPLES))})\b")
_HOLDER_HEADS: Final = "|".join(sorted(HOLDER_NOUNS, key=len, reverse=True))
#: The subject that opens a clause: a pronoun, a run of capitalized words ("Democrat Ilse
#: Varga"), or "the"/"a" and up to three words before a holder noun ("the port authority").
_CLAUSE_SUBJECT: Final = re.compile(
    r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey)"
    rf"|(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_HOLDER_HEADS})"
    r"|(?:[A-Z][\w.'’-]*\s+(?:(?:of|de|al|bin|van|von)\s+)?){0,4}[A-Z][\w'’-]*)"
    r"(?=\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?[a-z])"
)


def _participle_speaker(clause: str, words: frozenset[str]) -> Attribution | None:
    """The subject of a clause that a participle of speech closes: "Ms. Varga defended the
    plan, saying it would hold" is held by Ms. Varga, cue "saying"."""
    if _PARTICIPLES.isdisjoint(words):
        return None
    participle = _PARTICIPLE.search(clause)
    if participle is None:
        return None
    start = 0
    for _ in range(2):
        opener = _OPENER.match(clause, start)
        if not opener:
            break
        start = opener.end()
    subject = _CLAUSE_SUBJECT.match(clause, start)
    if subject is None or subject.end() > participle.start():
        return None
    holder = subject.group("np")
    if holder.split()[0] in CAPITALIZED_STOPWORDS - {"He", "She", "They", "The", "A", "An"}:
        return None
    if not valid_np(holder, relaxed=True):
        return None
    return Attribution(holder, participle.group("cue").lower())


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
            holder = subject_holder(match.group("np"), relaxed=True)
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
