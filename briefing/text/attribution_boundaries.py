"""Where an attribution's content starts and ends, as news writes it and annotators mark it:
what bridges a cue to its content ("said to reporters that"), where a clause or an object a
cue governs ends (", but", ", adding", "and warned", a writer's aside after a dash), a phrase
that leads to a sentence's subject (no content of the cue after it), and a quotation closed
just before its source ("“...,” Varga told the crowd"). Patterns over one sentence's text."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.attribution_sources_after import TO_WHOM
from briefing.text.cue_forms import cue_forms

#: Each single-word form of a verb of saying, thinking or stance, with its lemma.
LEMMA_OF: Final = {form: lemma for kind in ("reporting", "reporting-object")
                   for lemma, forms in cue_forms().get(kind, {}).items() for form in forms
                   if " " not in form}

#: What may stand between a cue and its content: an addressee, a time, a medium, "that".
BRIDGE: Final = re.compile(
    r"\s*(?:\w+ly\b\s*)?(?:(?:on|in|at|during|last|this|late|early|earlier|later|via|through"
    rf"|over|{TO_WHOM})\s+[^,;:\"“”`]{{1,40}}?\s*(?=,|:|\bthat\b|[\"“`])|[A-Z][a-z]+day\b)?"
    r"\s*[,:]?\s*"
)
#: A phrase that opens a sentence before its subject, no content: "On Wednesday,".
OPENER: Final = re.compile(
    r"^(?:(?:on|in|at|during|after|before|since|by|for|from|with|without|under|over|last"
    r"|through|via|this|late|early|earlier|later|still|however|meanwhile|yet|but|and|so|then)\b"
    r"(?:\s+\S+){0,4}|\w+ly),$",
    re.IGNORECASE,
)
#: A phrase that opens a sentence and leads to its subject, no content of a cue after it:
#: "In a May interview with the Courier, Varga ...", "Given the storm, ...", "Asked about
#: it, ...", "Speaking to the crew, ..." (a quotation in it makes it content, and so does a
#: clause with a gerund subject: "Shifting tides could strand the ferry, Varga said").
LEADING_PHRASE: Final = re.compile(
    r"^(?:In|On|At|With|Without|Given|As|After|Before|During|For|From|Under|Despite|Since"
    r"|Asked|Just|Earlier|Later|Like|Unlike|Amid|Among|Through|Throughout|Over|By"
    r"|Thus|So\s+far|To\s+date|[A-Z][a-z]+(?:ing|ed)\s+(?:by|in|at|on|to|with|about|from|for"
    r"|after|during|over|through|into|as|out|up|down|back|off))\b(?:(?!'')[^“\"`,])*,$"
)
#: A quotation closed just before its source and cue: "“...,” Varga told the crowd of 500":
#: what it says is the quotation, whatever follows the cue.
QUOTE_BEFORE: Final = re.compile(r"[,?!—-](?:”|\"|'')$")
#: A source and cue set in the middle of their content: "The levee, she said, held".
ASIDE_GOES_ON: Final = re.compile(r"(?:\s+[^,;:.!?\"“”`]{1,30}?)?,\s+(?=[a-z])")
#: What follows a source and cue set in the middle of a sentence when the sentence does not go
#: on with their content: ", while ...", ", as the crowd booed", ", who ...".
NOT_GOING_ON: Final = re.compile(r"(?:while|as|when|who|whose|which|according)\b")
#: An auxiliary or a past form: a second verb of a subject ("and has", ", and warned").
AUX_OR_PAST: Final = (r"(?:has|have|had|is|was|were|will|would|also|then|later|did|does"
                      r"|\w+ed|said|says|told|wrote|called)\b")
#: An inflected verb of saying, thinking or stance: "said", "warned", "insists" (not a base
#: form, "claim" and "hope" being nouns too).
SAID: Final = r"(?:" + "|".join(sorted(
    (form for form, lemma in LEMMA_OF.items()
     if form != lemma and not form.endswith("ing") and " " not in form),
    key=len, reverse=True)) + r")\b"
#: ", saying", ", adding", ", citing": the same subject goes on to say or think more.
REPORTING_PARTICIPLES: Final = "|".join(sorted(
    (form for form in LEMMA_OF if form.endswith("ing") and " " not in form),
    key=len, reverse=True))
#: Where a clause a cue governs ends: a second verb of its subject ("... and said ...",
#: ", adding", ", according to"), the writer's ", but ...", a clause of time, cause or
#: concession after a comma (", when ...", ", though ..."), or a clause of another subject
#: after ", and" (", and the council met").
CLAUSE_END: Final = re.compile(
    rf",\s+but\s|,\s+and\s+(?={AUX_OR_PAST})|\s+(?:and|but)\s+(?:also\s+)?(?={SAID})"
    r"|,\s+(?:when|while|after|before|as|until|even\s+as|where|which|who|prompting|leading"
    r"|(?:even\s+)?though|although|despite)\b"
    rf"|,\s+(?:{REPORTING_PARTICIPLES}|according)\b"
    r"|,\s+and\s+(?=(?:he|she|they|it|we|I|the|his|her|their|[A-Z]\w*)\s)"
)
#: Where an object a cue governs ends: any comma, a second verb, a clause, a time.
OBJECT_END: Final = re.compile(
    rf"[,;(]|\s+(?:and|but)\s+(?={AUX_OR_PAST})|\s+(?:when|while|after|before|because"
    r"|until|during|despite|on\s+[A-Z]\w+day|last\s+\w+|this\s+(?:week|month|year)|earlier|later"
    r"|in\s+(?:a|an|his|her|their|its)\s+(?:statement|speech|interview|letter|tweet))\b"
)
#: A content that is only a phrase of place, time or manner: no statement.
PHRASE_ONLY: Final = re.compile(
    r"(?:during|at|as|before|after|while|when|in|on|with|from|amid|outside"
    r"|inside|of)\b(?:\s+[^\s,;“\"`]+){1,5}$"
)
#: A sentence that opens with a subordinate clause: a cue's content in it ends at its comma.
SUBORDINATE_FIRST: Final = re.compile(
    r"\s*(?:If|When|While|Although|Though|Because|As|After|Before|Since|Unless|Once|Whether"
    r"|Even\s+(?:if|though|as))\b"
)
#: A preposition that opens what a verb is about: "complained about the tolls", "testified
#: against the mayor" (the preposition is no part of the content).
PREPOSITION_FIRST: Final = re.compile(r"(?:about|of|against|on|over)\s+(?=\S)")
#: Verbs that say little but through their noun: "expressed concern about", "voiced doubts".
LIGHT_VERBS: Final = frozenset({"express", "voice", "show", "offer", "continue", "raise",
                                "register", "signal"})
#: The noun of a light verb and its preposition: "(deep) concern about", "his attacks on",
#: "no sign of" (what follows is the content).
ATTITUDE_OF: Final = re.compile(
    r"(?:(?:a|an|the|his|her|their|its|no|some|any|little|limited|deep|strong|fresh|new"
    r"|growing|renewed|emotional|strident|serious|sharp|harsh)\s+){0,2}[a-z]+\s+"
    r"(?:about|of|for|against|on|over|with|toward|towards)\s+(?=\S)"
)
#: Whom a verb of telling addresses when a "that" follows it: "told conservative radio host
#: Ilse Varga on Wednesday that ..." (the content opens at "that").
TOLD_THAT: Final = re.compile(r"[^,;:“\"`]{1,80}?(?=\s+that\s)")
#: The writer's lead-in to a quotation, the colon or dash just before it opens: "Varga put
#: it bluntly: “...”" (matched up to the quotation's first mark).
LEAD_IN: Final = re.compile(r"(?::|\s[—–]|\s-{1,2})\s+$")
#: A newsroom's label before a colon, no speaker: "Correction: ...", "Contributing: ...",
#: "Editor's Note: ...", "Breaking: ...", "Q: ..." and "A: ..." of an interview.
NEWSROOM_LABEL: Final = re.compile(
    r"(?i:correction|clarification|update|updated|contributing|editor['’]s\s+note|breaking"
    r"|breaking\s+news|byline|paid\s+notice|revealed|wow|boom|plus|watch|read\s+more|related"
    r"|photos?|video|source|sources|note|stat\s+of\s+the\s+week|[QA])"
)
#: What follows "appear" when someone shows up rather than seems: a place, a stage, a show
#: ("appeared on the Courier's show", "will appear before the council", "appear in ads").
SHOWS_UP: Final = re.compile(
    r"\s+(?:on|in|before|at|with|alongside|onstage|together|live|twice|once|briefly)\b"
)
#: A thing newly named, "a firm called ...", "an app dubbed ...": an indefinite noun phrase
#: right before the participle (ends where the participle stands).
NAMED_THING: Final = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){0,3}$")
#: A name after "called": capitalized words, a quotation or a hashtag.
NAME_AFTER: Final = re.compile(r"\s+(?:[A-Z\d#@]|[“\"]|``|'')")
