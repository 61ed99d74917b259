"""The offline backend: deterministic, rule-based extraction with no model and no network."""

from __future__ import annotations

import re
from typing import Any, Final

from briefing.backends.base import Candidate, Extraction, ReportedAttribution
from briefing.schema import Source
from briefing.text.attribution import Attribution, find_attribution
from briefing.text.attribution_holders import canonical_holder
from briefing.text.attribution_memory import HolderMemory
from briefing.text.cues import read_cues
from briefing.text.entities import extract_entities
from briefing.text.lexicons import DIRECTIVE_PASSIVES, DIRECTIVE_VERBS
from briefing.text.phrases import words_of
from briefing.text.segmentation import blocks, sentences

#: Where a sentence may join parts of different kinds (the joining words are left out).
_SEPARATOR: Final = re.compile(  # opens with a character set, which the engine scans for fast
    r"[,;–—-](?:(?<=,)\s+(?:and|but|while|whereas|although|though|yet)|(?<=;)|(?<=\s[–—-]))\s+"
)
_LEADING_JOINER: Final = re.compile(r"^(?:and|but|while|whereas|although|though|yet)\s+",
                                    re.IGNORECASE)
_JOINER_INITIALS: Final = frozenset("aAbBwWtTyY")  # a cheap test before _LEADING_JOINER
#: A call to action in the present tense: "... are asked not to ...", "... urges ... to keep".
_PASSIVES: Final = "|".join(DIRECTIVE_PASSIVES)
_DIRECTIVES: Final = "|".join(DIRECTIVE_VERBS)
_CALL_TO_ACTION: Final = re.compile(
    rf"\b(?:is|are)\s+(?:(?:also|again|kindly|strongly)\s+)?(?:{_PASSIVES})\s+(?:not\s+)?to\s+[a-z]"
    rf"|\b(?:{_DIRECTIVES})\s+(?:[^,;:]{{1,80}}?\s)?(?:not\s+)?to\s+[a-z]"
)
_DIRECTIVE_WORDS: Final = frozenset(DIRECTIVE_PASSIVES + DIRECTIVE_VERBS)
#: A dateline standing alone, no claim: "SAROVO, 17 October /ONA correspondent/.",
#: "PORT ALVEN, Merovia, May 3 (Tidewire) -". Its place is in capitals.
_DATELINE_ALONE: Final = re.compile(
    r"[A-Z][A-Z'’. -]{2,40}(?:,\s*[A-Z][\w'’. -]{1,40}?)?"
    r"(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?)?"
    r"\s*(?:\([^()]{1,60}\)|/[^/]{1,60}/)?\s*[.:–—-]?"
)
_MIN_CLAUSE_WORDS: Final = 4
#: Characters of a clause's left part read for its kind: more than any clause real text
#: writes, so only a hostile sentence of thousands of separators is read in part.
CLAUSE_WINDOW: Final = 2000
_WORD: Final = re.compile(r"\S+")
_OPENING_QUOTES: Final = ("“", '"', "‘", "«", "''", "``")  # '' and `` as wire copy types them
_ANY_OPENING_QUOTE: Final = re.compile("[“\"‘«]|''|``")


def quote_open_after(sentence: str, open_before: bool) -> bool:
    """Whether a quotation is still open after a sentence, given whether it was before.

    Curly quotes say which way they go: more openings than closings open it, more closings
    close it. Straight quotes ('"', or "''" both ways as wire copy types them) only toggle: an
    odd number of them flips the state.
    """
    if ('"' not in sentence and "“" not in sentence and "”" not in sentence
            and "''" not in sentence and "``" not in sentence and "«" not in sentence
            and "»" not in sentence):
        return open_before  # most sentences: plain scans, quicker than counts or a pattern
    opening = sentence.count("“") + sentence.count("``") + sentence.count("«")
    closing = sentence.count("”") + sentence.count("»")
    if opening != closing:
        return opening > closing
    straight = sentence.count('"') + sentence.count("''")
    return open_before != (straight % 2 == 1)


def _closing_speaker(texts: list[str], at: int) -> Attribution | None:
    """The speaker named where a quotation opened at sentence ``at`` closes: "“A. B,” X said."

    Looks at most four sentences on, within the paragraph, and only at the sentence that
    closes the quotation.
    """
    open_now = quote_open_after(texts[at], False)
    for later in texts[at + 1 : at + 5]:
        if not open_now:
            return None
        open_now = quote_open_after(later, True)
        if not open_now:
            found = find_attribution(later)
            return found if found is not None and found.sentence_wide else None
    return None


def statement_of(quote: str) -> str:
    """A quote as a sentence: joining word dropped, capital first, final stop added."""
    text = " ".join(quote.split())
    if text[:1] in _JOINER_INITIALS:
        text = _LEADING_JOINER.sub("", text)
    text = text[:1].upper() + text[1:]
    if text and text[-1] not in ".!?\"”’'":
        text += "."
    return quote if text == quote else text  # most sentences: one string, not two


def is_dateline(sentence: str) -> bool:
    """A dateline standing alone ("SAROVO, 17 October /ONA correspondent/."): no claim."""
    return sentence[:3].isupper() and _DATELINE_ALONE.fullmatch(sentence) is not None


def _calls_to_action(quote: str, found: Attribution | None) -> bool:
    """Whether a clause is a call to action, which is no claim: "Motorists are advised to ...".

    Only in the report's own voice, or in that of the body that issues it ("The Ministry urges
    all vessels to ..."): "Police said residents are asked to ..." reports what police said.
    """
    return ((found is None or found.cue.lower() in DIRECTIVE_VERBS)
            and not _DIRECTIVE_WORDS.isdisjoint(words_of(quote))
            and _CALL_TO_ACTION.search(quote) is not None)


def _has_words(text: str, start: int, end: int, least: int = _MIN_CLAUSE_WORDS) -> bool:
    """Whether text[start:end] holds at least ``least`` words, read no further than the
    ``least``-th (as ``len(text[start:end].split()) >= least``, in time that does not grow with
    the rest of a long sentence)."""
    return any(found >= least
               for found, _ in enumerate(_WORD.finditer(text, start, end), start=1))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence where it joins parts of different kinds; else keep it whole."""
    if text.find("?", start, end) >= 0 and text[start:end].rstrip(" \"'”’)").endswith("?"):
        return [(start, end)]  # a question asks as a whole: "Who paid, and from which budget?"
    pieces: list[tuple[int, int]] = []
    cursor = start
    left_kind = None
    for sep in _SEPARATOR.finditer(text, start, end):
        if not (_has_words(text, cursor, sep.start()) and _has_words(text, sep.end(), end)):
            continue
        # the part since the last cut, up to CLAUSE_WINDOW characters of it: a sentence of
        # thousands of separators must not re-read its whole growing left part at each one
        left_kind = read_cues(text[max(cursor, sep.start() - CLAUSE_WINDOW) : sep.start()]).kind
        next_sep = _SEPARATOR.search(text, sep.end(), end)
        right_first = text[sep.end() : next_sep.start() if next_sep else end]
        if read_cues(right_first).kind != left_kind:
            pieces.append((cursor, sep.start()))
            cursor = sep.end()
    pieces.append((cursor, end))
    return pieces


def _introduces_list(paragraph: str) -> Attribution | None:
    """The holder of a paragraph that hands over to a list: "The ministry reports the following:".

    The items that follow hold the holder's statements, as the sentences of a quotation do.
    """
    stripped = paragraph.rstrip()
    if not stripped.endswith(":"):
        return None
    found = find_attribution(stripped.rstrip(":") + ".")
    return None if found is None else found._replace(sentence_wide=True)


class CandidatesMadeTogether:
    """The candidates of a report, kept as columns of their fields while it is read and made
    together at its end (``made``): the same candidates as made one by one.

    Made one by one, each candidate lands in memory between the strings read with it, which
    outlive it (a claim keeps its quote); when grounding lets the candidates go, the blocks
    they held stay scattered among those strings, and a long report's claims cannot use them
    (about a byte per byte of report). Made together, they fill memory of their own, which
    grounding frees whole, and the claims made meanwhile take it up.
    """

    _FIELDS: Final = ("kind", "quote", "statement", "attributed_to", "attribution_cue", "cue",
                      "confidence", "hint")

    def __init__(self) -> None:
        self._columns: dict[str, list[Any]] = {name: [] for name in self._FIELDS}

    def add(self, **fields: Any) -> None:
        for name, column in self._columns.items():
            column.append(fields[name])

    def made(self) -> list[Candidate]:
        """The candidates, in the order added (the columns are let go)."""
        columns, self._columns = self._columns, {name: [] for name in self._FIELDS}
        return [Candidate(*row) for row in zip(*columns.values(), strict=True)]


class OfflineBackend:
    """Rule-based extraction: sentences and clauses, cue lexicons, attribution patterns."""

    name = "offline"
    model: str | None = None
    prompt_id: str | None = None
    prompt_version: str | None = None
    prompt_hash: str | None = None

    def read_attributions(self, source: Source) -> list[ReportedAttribution]:
        """Every attribution relation of the report (``offline_attributions``; imported here,
        as a brief does not need it and its cue table would add to every start-up)."""
        from briefing.backends.offline_attributions import read_attributions

        return read_attributions(source)

    def extract(self, source: Source) -> Extraction:
        text = source.text
        entities = extract_entities(text)
        places = {e.name for e in entities if e.type in {"country", "location"}}
        memory = HolderMemory(entities=entities, text=text)
        holders: dict[str, str] = {}  # canonical_holder of each holder named, once per report
        candidates = CandidatesMadeTogether()
        title: str | None = None
        quoted_holder: Attribution | None = None  # speaker of the quotation in progress
        quote_open = False  # a quotation opened and not yet closed
        list_holder: Attribution | None = None  # "The ministry reports the following:" + items
        for block in blocks(text):
            if not block.item:
                list_holder = _introduces_list(text[block.start : block.end])
            if block.heading:
                if title is None and block.number == 1:
                    first_line = text[block.start : block.end].split("\n", 1)[0]
                    title = " ".join(first_line.split()).lstrip("# ")
                continue
            block_sentences = list(sentences(text, block))
            texts = [text[x.start : x.end] for x in block_sentences]
            for number, sentence in enumerate(block_sentences):
                sentence_text = texts[number]
                if is_dateline(sentence_text):
                    continue
                own = find_attribution(sentence_text)
                wide: Attribution | None = own if own is not None and own.sentence_wide else None
                if own is None and block.item:
                    wide = list_holder
                opens_quote = sentence_text.startswith(_OPENING_QUOTES)
                inside_quote, quote_open = quote_open, quote_open_after(sentence_text, quote_open)
                if own is None and quoted_holder is not None and (opens_quote or inside_quote):
                    wide = quoted_holder  # a quotation that goes on from the last sentence
                elif own is None and opens_quote and quote_open:
                    wide = quoted_holder = _closing_speaker(texts, number)  # "“A. B,” X said."
                if own is not None and _ANY_OPENING_QUOTE.search(sentence_text):
                    quoted_holder = own
                elif not opens_quote and not inside_quote:
                    quoted_holder = None
                for start, end in clauses(text, sentence.start, sentence.end):
                    quote = text[start:end].rstrip(",;:").strip()
                    if len(quote.split(None, 1)) < 2:
                        continue
                    reading = read_cues(quote)
                    found = find_attribution(quote) or wide
                    if found is None and own is not None and quote.startswith("that "):
                        found = own  # "X said A, but that B": B is reported by X too
                    if reading.kind == "fact" and _calls_to_action(quote, found):
                        continue  # not a claim about the world
                    holder = None
                    if found is not None:
                        resolved = memory.resolve(found.holder.strip())
                        if resolved is not None:
                            holder = holders.get(resolved)
                            if holder is None:
                                holder = holders[resolved] = canonical_holder(resolved, places)
                            memory.remember(holder)
                    candidates.add(
                        kind=reading.kind,
                        quote=quote,
                        statement=statement_of(quote),
                        attributed_to=holder,
                        attribution_cue=found.cue if found and holder else None,
                        cue=reading.cue,
                        confidence=reading.confidence,
                        hint=start,
                    )
                memory.note_sentence(sentence_text)
        return Extraction(candidates=candidates.made(), entities=entities, title=title)
