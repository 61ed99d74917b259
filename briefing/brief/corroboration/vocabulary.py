"""Words that carry no content when claims are compared, and verbs that report one event."""

from __future__ import annotations

from typing import Final

#: Function words, reporting words and fillers of paraphrase ("covered a distance of").
STOPWORDS: Final = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "as", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be",
    "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "which", "who", "whom", "whose", "what", "when", "where", "while",
    "after", "before", "during", "than", "then", "there", "their", "they", "them", "he", "she",
    "his", "her", "we", "our", "you", "your", "into", "onto", "over", "under", "about",
    "said", "says", "say", "according", "also", "not", "no", "some", "roughly", "around",
    "approximately", "nearly", "almost", "more", "less", "least", "up", "down", "out", "off",
    "distance", "total", "overall", "reportedly", "do", "did", "does", "all", "any", "each",
    "one", "other", "another", "just", "only", "so", "very", "if", "whether", "because",
    "between", "per", "since", "until", "upon", "within", "without", "across", "near", "toward",
    "towards", "later", "earlier", "morning", "afternoon", "evening", "night", "day",
    "get", "make", "take", "come", "go", "such", "both", "either", "several",
    "deny", "denial", "confirm", "confirmation", "acknowledge", "admit", "verify", "refute",
    "reject", "dismiss", "report", "claim", "state", "announce", "tell", "add", "learn",
    "island", "isle", "following", "amid", "despite", "ago", "last", "next", "week", "month",
    "year", "today", "yesterday", "tomorrow", "tonight",
})
#: Verbs (as lemmas) that report one kind of event, each mapped to one word: "flew 300 km",
#: "travelled 300 km" and "covered 300 km" say the same; so do "sent" and "deployed" tugs.
EVENT_SYNONYMS: Final = {
    **dict.fromkeys(("fly", "travel", "cover", "journey", "flight", "range"), "travel"),
    **dict.fromkeys(("send", "deploy", "dispatch", "despatch", "mobilise", "mobilize"), "send"),
    **dict.fromkeys(("launch", "fire", "loose"), "launch"),
    **dict.fromkeys(("strike", "hit", "attack", "bomb", "shell", "target", "raid"), "strike"),
    **dict.fromkeys(("kill", "die", "dead", "death", "fatality"), "kill"),
    **dict.fromkeys(("injure", "wound", "hurt", "injury"), "injure"),
    **dict.fromkeys(("land", "crash", "fall", "impact", "splash"), "land"),
    **dict.fromkeys(("close", "shut", "suspend", "halt"), "close"),
    **dict.fromkeys(("arrest", "detain", "hold", "seize"), "arrest"),
    **dict.fromkeys(("evacuate", "evacuation"), "evacuate"),
    **dict.fromkeys(("ship", "vessel", "boat"), "vessel"),
    **dict.fromkeys(("soldier", "troop", "serviceman"), "troop"),
    **dict.fromkeys(("drone", "uav"), "drone"),
    **dict.fromkeys(("missile", "rocket", "projectile"), "missile"),
}
