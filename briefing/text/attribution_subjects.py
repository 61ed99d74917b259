"""Sources of attribution relations: the subject before a verb of saying (back to a clause
mark, past appositives, parentheses, times and adverbs), the subject a participle or a second
verb goes on with, and noun phrases the holder rules reject but a source can be ("his
colleague", "a weary Varga", "42 percent of voters"); and whether a form that is a noun too
("report", "support") is a verb after the words before it."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.attribution import find_attribution
from briefing.text.attribution_holders import subject_holder
from briefing.text.lexicons import VERB_AUXILIARIES, WEEKDAYS

Span = tuple[int, int]

BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"})
NEGATED: Final = re.compile(r"^(?:didn|doesn|don|hasn|haven|hadn|won|wouldn|isn|wasn)[’']t$")
#: Where a subject cannot reach back past: clause marks and subordinators.
_SUBJECT_BOUND: Final = re.compile(
    r"[,;:(—–”\"]|''|\s-\s|\b(?:that|when|as|because|while|since|although|though|if|after|before"
    r"|where|whether|than|so|but|and|or|why|how|what|which|until|unless|once)\b",
    re.IGNORECASE,
)
#: A word opening a sentence before its subject, set off by a comma: "However,", "Still,".
_OPENER_WORD: Final = re.compile(
    r"(?:However|Still|Meanwhile|Moreover|Instead|Indeed|Now|Then|So|Yet|Also|Nonetheless"
    r"|Nevertheless|Today|Yesterday|Earlier|Later|Separately|Similarly|Likewise|Again"
    r"|[A-Z][a-z]+ly|[A-Z][a-z]+day|(?:Last|This|Next|Earlier|Later|On|In|At|For|By|Since"
    r"|After|Before|During)\s+[^,]{1,30}),\s+"
)
_LEADING_JOINER: Final = re.compile(
    r"^(?:and|but|or|so|then|yet|just|only|about|nearly|almost|roughly|fully|even)\s+",
    re.IGNORECASE,
)

#: A pronoun with its auxiliary: "he's", "who've", "they’d".
_CONTRACTED: Final = re.compile(r"(?P<pronoun>(?i:he|she|it|they|we|i|you|who))['’](?:s|ve|d)$")
def contracted_pronoun(word: str) -> bool:
    """Whether a word is a pronoun with its auxiliary ("he's", "who’ve"), not a possessive."""
    return _CONTRACTED.match(word) is not None


#: A time or adverb between a subject and its verb: "Varga on Tuesday said", "Varga also".
_BETWEEN: Final = re.compile(
    r"(?:\s+(?:(?:on|at|in|during|earlier|late)\s+(?:the\s+)?(?:time|[A-Z][a-z]+day|\w+day"
    r"|week(?:end)?|morning|afternoon|evening|night|interviews?|a\s+statement|an\s+interview"
    r"|recent\s+(?:days|weeks|months|years)|past)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next)\s+\w+|just|also|first|once|often|recently|now|then|still|again"
    r"|previously|initially|finally|both|all|only|later|earlier|himself|herself|itself|even|never"
    r"|themselves|too|however|privately|publicly|repeatedly|later|[a-z]\w*ly)\b,?)+\s*$"
)


_NOT_IN_NP: Final = frozenset({
    "he", "she", "they", "we", "i", "you", *(d.lower() for d in WEEKDAYS), "is", "are", "was",
    "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "did", "does", "do", "that", "which", "when", "because", "if",
    "whether", "to", "not", "there", "it", "this", "what", "how", "why",
})
_NOT_FIRST: Final = frozenset({
    "and", "but", "or", "so", "then", "yet", "in", "on", "at", "by", "for", "from", "with",
    "of", "to", "as", "after", "before", "during", "into", "about", "over", "under", "like",
    "than", "since", "until", "while", "although", "though", "even", "just", "also",
})


def noun_phrase(np: str) -> bool:
    """Whether words before a verb can be its subject when the holder rules reject them: a
    possessive ("his colleague"), a participle before a name ("a flabbergasted Noah"), a
    quantity ("42 percent of voters"). No verb, clause word or opening preposition; the
    last word no adverb, no "-ing" or "-ed" form unless a name."""
    words = np.split()
    if not 1 <= len(words) <= 8:
        return False
    lowered = [w.lower().strip(",.") for w in words]
    if lowered[0] in _NOT_FIRST or not _NOT_IN_NP.isdisjoint(lowered):
        return False
    last = words[-1]
    if not any(c.isalpha() for c in last):
        return False
    return last[:1].isupper() or not last.endswith(("ly", "ing", "ed"))


_SPEAKING_PRONOUNS: Final = frozenset({"i", "we"})


_AUXILIARIES_BEFORE: Final = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|did|does|do|also|not|n[o’']t))+\s*$"
)


def subject_before(sentence: str, bound: int, cue_start: int) -> Span | None:
    """The subject noun phrase just before a verb, back to a clause mark at most."""
    auxiliaries = _AUXILIARIES_BEFORE.search(sentence, bound, cue_start)
    if auxiliaries is not None and auxiliaries.start() > bound:
        cue_start = auxiliaries.start()  # "Varga in recent days has said": the time, then "has"
    between = _BETWEEN.search(sentence, bound, cue_start)
    if between is not None and between.start() > bound and not between.group(0).rstrip(
            ).endswith(","):  # not "Varga, opening the museum on Saturday, said"
        cue_start = between.start()
    if sentence[bound:cue_start].rstrip().endswith(")"):  # "Rep. Ada Fenn (D-Corva) said"
        opening = sentence.rfind("(", bound, cue_start)
        if opening > bound:
            cue_start = opening
    words = sentence[bound:cue_start].split()
    contracted = _CONTRACTED.match(words[-1]) if words else None
    if contracted is not None:  # "he's said", "who've said": the pronoun
        words[-1] = contracted.group("pronoun")
    while words and (words[-1].lower() in VERB_AUXILIARIES or words[-1].lower() in BE
                     or NEGATED.match(words[-1].lower())
                     or (words[-1].islower() and words[-1].endswith("ly"))):  # not "Kelly"
        words.pop()
    appositive = bool(words) and words[-1].endswith(",")  # "Ada Fenn, a senator, (has) said"
    if not words:
        return None
    end = sentence.rfind(words[-1], bound, cue_start) + len(words[-1])
    start = bound
    # An appositive ("Varga, who once piloted the ferry,") holds clause words of its own: the
    # subject starts before the comma that opens it.
    commas = [at for at in range(bound, end) if sentence[at] == ","] if appositive else []
    opening = commas[-2] if len(commas) >= 2 else end
    for mark in _SUBJECT_BOUND.finditer(sentence, bound, opening if appositive else end):
        start = mark.end()  # commas too: those before the appositive's opening comma
    np = sentence[start:end].strip()
    joiner = _LEADING_JOINER.match(np)
    if joiner is not None:
        np = np[joiner.end() :]
    opener = _OPENER_WORD.match(np)
    if opener is not None:  # "However, Jill Fenn, a lawyer, said"
        np = np[opener.end() :]
    if np.lower() in _SPEAKING_PRONOUNS:  # "I think", "we believe": the speaker of a quotation
        at = sentence.rfind(np, start, end + 1)
        return (at, at + len(np))
    if np in {"who", "which"}:  # "Varga, who said": the name before the comma
        name = _NAME_BEFORE.search(sentence, bound, start - 1) if start - 1 > bound else None
        if name is not None:  # "a response from Donald Trump Jr., who said"
            return name.span("np")
        return subject_before(sentence, bound, start - 1) if start - 1 > bound else None
    if np.endswith(" who"):
        np = np[: -len(" who")]
    if not np or np[-1] in "”\"'’":
        return None
    holder = subject_holder(np, relaxed=True) or (np if noun_phrase(np) else None)
    if holder is None:
        return None
    at = sentence.rfind(holder, start, end + 1)
    return (at, at + len(holder)) if at >= 0 else None


#: A verb joined to its subject's verb before it: "and said", "but did note", "and has
#: reportedly argued".
_JOINED: Final = re.compile(
    r"\b(?:and|but)(?:\s+(?:has|have|had|did|does|do|will|would|also|then|later|[a-z]+ly))*\s+$")


def joined_verb(sentence: str, verb_start: int) -> bool:
    """Whether the verb at ``verb_start`` goes on with the subject of a verb before it."""
    return _JOINED.search(sentence, 0, verb_start) is not None


#: A phrase that opens a sentence before its subject and holds no statement: "On Wednesday,",
#: "Despite the warnings from the port,", "Courted by both parties,", "Still,"; its comma
#: not included.
_OPENING_ONLY: Final = re.compile(
    r"(?i:(?:on|in|at|during|by|for|from|with|without|under|over|through|via|despite|amid"
    r"|among|unlike|following)\b[^,;:\"“”`]*"
    r"|(?:after|before|since|last|this|late|early|earlier|later|still|however|meanwhile|yet|but"
    r"|and|so|then)\b(?:\s+\S+){0,4}|\w+ly)"
    r"|[A-Z][a-z]+(?:ed|ing)\s+(?:by|in|at|on|to|with|about|from|for|after|during|over|through"
    r"|into|as)\b[^,;:\"“”`]*"
)
#: A noun phrase set before a name as its appositive: "A harbour spokesman, Tomas Brenn,".
_APPOSITIVE_FIRST: Final = re.compile(r"(?:A|An|The)(?:\s+[^\s,;:\"“”`]+){1,4},")


def opens_before_subject(head: str, after_subject: str) -> bool:
    """Whether the words before a subject (``head``, its comma kept) open the sentence with no
    statement of their own: a phrase of time, place or manner, or a noun phrase the subject
    is an appositive of (``after_subject``, what stands between the subject and its verb,
    then opens with a comma)."""
    if head.endswith(",") and _OPENING_ONLY.fullmatch(head[:-1]):
        return True
    return after_subject.lstrip().startswith(",") and _APPOSITIVE_FIRST.fullmatch(head) is not None


#: A name that ends where a relative clause's comma opens: "from Sen. Ada Fenn Jr.".
_NAME_BEFORE: Final = re.compile(
    r"(?<![\w.'’-])(?P<np>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*\.?)\s*$")


def opening_subject(sentence: str, before: int) -> Span | None:
    """The subject a participle goes on with: the holder that opens the sentence ("Varga
    defended the plan, saying ...")."""
    found = find_attribution(sentence)
    if found is not None and found.holder:
        at = sentence.find(found.holder)
        if 0 <= at < before:
            return (at, at + len(found.holder))
    start = 0
    opener = _OPENING_PHRASE.match(sentence)
    if opener is not None:
        start = opener.end()
    name = _PRONOUN_FIRST.match(sentence, start) or _NAME_FIRST.match(sentence, start)
    if name is None or name.end() > before:
        return None
    return name.span("np")


#: A phrase of time, place or manner before a sentence's subject: "On Sunday, ", "Back in
#: 1999, ", "For months, ".
_OPENING_PHRASE: Final = re.compile(
    r"(?:[A-Z][a-z]*\b[^,;:“\"]{0,50},\s+)?(?=[A-Z]|(?:he|she|they|we)\s)")
#: A pronoun subject: "Last year, he played it down and argued ...".
_PRONOUN_FIRST: Final = re.compile(r"(?P<np>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?=\s+[a-z])")
#: A subject that opens a clause: a name or a noun phrase with an article, before its verb.
_NAME_FIRST: Final = re.compile(
    r"(?P<np>(?:The|A|An)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?=\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b)"
    r"|(?:(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen)\.\s+)?(?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*)"
    r"(?=(?:,[^,]{1,60},)?\s+(?:\w+ly\s+)?[a-z])"
)


def rough_subject(sentence: str, bound: int, cue_start: int) -> Span | None:
    """A subject the rules cannot read, where its first part before an appositive is a
    name ("Alden, author of a book on trade, who ...,")."""
    text = sentence[bound:cue_start]
    comma = text.find(",")
    first = text[:comma] if comma > 0 else text
    words = first.split()
    if 0 < len(words) <= 5 and all(w[:1].isupper() for w in words):
        at = bound + text.find(words[0])
        return (at, at + len(first.strip()))
    return None


#: Things that show or find: "a new poll shows", "the data suggest".
EVIDENCE: Final = frozenset({
    "poll", "polls", "survey", "surveys", "data", "study", "studies", "report", "reports",
    "analysis", "research", "numbers", "figures", "records", "documents", "emails", "results",
    "filings", "audit", "review", "investigation", "probe", "memo", "letter", "polling",
})
#: Last words of a subject after which a noun form is a verb: "they report", "will support".
VERB_AFTER: Final = frozenset({
    "he", "she", "they", "we", "i", "you", "who", "it", "will", "would", "can", "could",
    "should", "may", "might", "must", "do", "does", "did", "to", "not", "also", "still",
    "often", "never", "always", "repeatedly", "now", "and", "that",
})
#: A lowercase word that goes on with a noun after a name: "state lawmakers", "vote count".
_NOUN_GOES_ON: Final = re.compile(
    r"\s+(?!(?:that|the|a|an|he|she|they|it|we|i|his|her|their|its|to|on|in|at|for|about|of"
    r"|with|no|not|was|is|will|would|this|these|those|there|what|how|why|whether|if|all"
    r"|some|many|more|most|only|also|again|just|she's|he's|out|up|back|off)\b)[a-z]"
)


#: Forms far more often nouns than verbs in news ("Ohio state senator", "Western states",
#: "10 million views"): verbs only before what they say ("states that ...", "stated: ...").
MOSTLY_NOUNS: Final = frozenset({"state", "states", "view", "views"})
_SAYS_WHAT: Final = re.compile(r"\s*(?:that\b|:|[“\"]|``|'')")
#: A plural noun: "voters", "critics", "officials" (not "press", "news", "its").
_PLURAL: Final = re.compile(r"^(?!(?:news|this|its|was|has|his|does|goes|less|unless|thus|plus)$)"
                            r"[a-z]{2,}(?<![su]s)(?<!ic)s$")


def noun_form_is_verb(sentence: str, start: int, end: int) -> bool:
    """Whether a form that is a noun too ("report", "support", "state") is a verb where it
    stands: after a subject's last word that no noun phrase ends a modifier with (a pronoun,
    an auxiliary, a negation, a thing that shows), or after a name when no lowercase noun
    goes on from it ("Varga reports ...", not "Corva state lawmakers")."""
    before = sentence[:start].split()
    previous = before[-1].lower() if before else ""
    if sentence[start:end].lower() in MOSTLY_NOUNS:
        return bool(_SAYS_WHAT.match(sentence, end))
    if previous in VERB_AFTER or previous in EVIDENCE or NEGATED.match(previous):
        return True
    if (_PLURAL.match(previous) and not sentence[start:end].endswith("s")
            and not _NOUN_GOES_ON.match(sentence, end)):
        return True  # a plain form after a plural subject: "voters want", "critics charge"
    return bool(before) and before[-1][:1].isupper() and not _NOUN_GOES_ON.match(sentence, end)
