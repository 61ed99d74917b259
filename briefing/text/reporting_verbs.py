"""Verbs that attribute what follows them to their subject, listed once as lemmas: speech
("say", "tell"), thought ("believe", "expect"), evidence ("show", "find") and stance toward
an object ("praise", "oppose"). Their forms come from the stored lemminflect table
(``cue_forms``, kind "reporting"), so "says", "told", "tweeted" and "found" count too."""

from __future__ import annotations

from typing import Final

#: Verbs whose content is a clause or a quotation: it runs to the end of the sentence.
CLAUSAL_LEMMAS: Final[tuple[str, ...]] = (
    "say", "tell", "add", "write", "report", "note", "announce", "suggest", "show", "find",
    "tweet", "argue", "acknowledge", "think", "believe", "claim", "explain", "insist", "warn",
    "state", "declare", "reply", "respond", "predict", "recall", "confirm", "deny", "admit",
    "estimate", "expect", "hope", "fear", "want", "ask", "urge", "vow", "pledge", "promise",
    "reveal", "indicate", "conclude", "allege", "contend", "emphasize",
    "emphasise", "stress", "testify", "complain", "concede", "worry", "know",
    "propose", "demand", "assert", "observe", "remark", "reiterate", "caution", "joke",
    "boast", "counter", "wonder", "speculate", "assume", "recommend", "mention", "signal",
    "hint", "imply", "suspect", "forecast", "guess", "reckon", "suppose", "lament",
    "continue", "agree", "decide", "seek", "threaten", "pretend",
    "assure", "inform", "remind", "predict", "anticipate", "fret", "concede",
    "muse", "quip", "retort", "scoff", "grumble", "acknowledge", "disclose", "divulge",
    "underscore", "highlight", "calculate", "determine", "learn",
    "realize", "understand", "recognize", "prefer", "wish", "doubt", "question", "dispute",
    "deny", "refuse", "decline", "appear", "seem", "see", "consider", "view", "read", "echo",
    "repeat", "remember", "post", "shout", "chant", "express", "request", "aim",
    "comment", "publish", "insinuate", "acknowledge", "opine", "posit", "stipulate",
)
#: Verbs whose content is their object: it runs to the end of the clause.
OBJECT_LEMMAS: Final[tuple[str, ...]] = (
    "praise", "criticize", "criticise", "describe", "cite", "accuse", "blame", "charge",
    "call", "endorse", "support", "oppose", "reject", "dismiss", "condemn", "denounce",
    "applaud", "mock", "slam", "blast", "welcome", "defend", "attack", "reference",
    "characterize", "label", "dub", "brand", "credit", "thank", "tout", "hail", "decry",
    "discuss", "welcome", "embrace", "love", "hate",
    "dislike", "mention", "offer", "identify", "list", "promote",
    "encourage", "accept", "order", "portray", "refer", "talk", "speak", "lay", "point",
    "vote", "rail", "make", "invoke",
)
#: Verbs whose object follows a particle: "referred to", "talked about", "laid out". Those of
#: PARTICLE_ONLY are cues only with it ("talked" alone is no attribution).
PARTICLES: Final[dict[str, tuple[str, ...]]] = {
    "refer": ("to",), "talk": ("about",), "speak": ("of", "about"),
    "lay": ("out",), "point": ("to", "out"), "comment": ("on",), "call": ("for",),
    "vote": ("for", "against"), "rail": ("against",), "make": ("clear", "it clear"),
}
PARTICLE_ONLY: Final[frozenset[str]] = frozenset({"refer", "talk", "speak", "lay", "point",
                                                  "vote", "rail", "make"})
#: Verbs whose plain and "-s" forms are nouns too ("the report", "a call", "voter support"):
#: those forms count only after a subject's last word that no noun phrase ends a modifier
#: with (a pronoun, a name, an auxiliary: "they report", "Varga calls", "will support").
NOUNS_TOO: Final[frozenset[str]] = frozenset({
    "report", "claim", "state", "point", "tweet", "vote", "plan", "call", "attack", "support",
    "question", "fear", "hope", "doubt", "charge", "demand", "promise", "pledge", "estimate",
    "forecast", "guess", "worry", "dispute", "counter", "signal", "hint", "credit", "label",
    "brand", "address", "target", "love", "hate", "favor", "favour", "welcome", "wish",
    "find", "show", "vow", "project", "mention", "reference", "blast", "slam", "mock",
    "praise", "dislike", "answer", "comment", "decline", "reply", "respond", "remark",
    "defend", "back", "joke", "quip", "retort", "muse", "tout", "hail", "dub", "cite",
    "concern", "want", "need", "learn", "rule",
})
#: Verbs of saying and thinking that attribute whatever their subject: a relation stands
#: without a subject the rules can read ("Alden, author of a book on trade, said ...").
SPEECH_LEMMAS: Final[frozenset[str]] = frozenset({
    "say", "tell", "add", "write", "announce", "argue", "think", "believe", "insist", "warn",
    "explain", "note", "tweet", "acknowledge", "admit", "testify", "predict", "recall",
    "reply", "respond", "suggest", "conclude", "contend", "assert", "emphasize", "stress",
    "complain", "lament", "concede", "claim", "declare", "state", "report",
})
