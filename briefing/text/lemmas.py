"""Lemmas of English words (simplemma), so that "flew" and "fly", "tugs" and "tug" compare equal."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a lower-case word ("travelled" -> "travel"); the word itself when
    the lemmatizer does not know it."""
    import simplemma

    return str(simplemma.lemmatize(word, lang="en")).casefold()
