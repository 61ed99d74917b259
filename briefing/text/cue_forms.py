"""Cue words by lemma: the inflected forms of the cue lemmas, generated once by lemminflect.

The lexicon lists a cue verb or noun once, as its lemma (``lexicons.CUE_LEMMAS``); its forms
("alleges", "alleging", "allegations", "foresaw") come from ``data/cue_forms.json``, which
``python -m briefing.text.cue_forms`` writes with lemminflect. The table is stored rather
than computed at run time because loading a lemmatizer's data takes 0.8-0.9 s (lemminflect
0.79 s, simplemma 0.92 s on the project's VM), longer than the whole seed brief may take;
reading the table takes about a millisecond. A test pins the stored table to lemminflect.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from briefing.text.lexicons import CUE_LEMMAS
from briefing.text.reporting_verbs import CLAUSAL_LEMMAS, OBJECT_LEMMAS

_TABLE = "cue_forms.json"
#: Every kind of the table: the hedge and judgment cues, and the verbs of attribution.
TABLE_LEMMAS: dict[str, tuple[str, ...]] = {
    **CUE_LEMMAS, "reporting": CLAUSAL_LEMMAS, "reporting-object": OBJECT_LEMMAS,
}


def inflect(lemmas: dict[str, tuple[str, ...]]) -> dict[str, dict[str, list[str]]]:
    """Every form of each lemma, by cue kind (needs lemminflect, a development dependency)."""
    from lemminflect import getAllInflections  # type: ignore[import-untyped]

    return {
        kind: {lemma: sorted({lemma} | {form for forms in getAllInflections(lemma).values()
                                        for form in forms})
               for lemma in sorted(kind_lemmas)}
        for kind, kind_lemmas in sorted(lemmas.items())
    }


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, dict[str, list[str]]]:
    """The stored table: cue kind -> lemma -> its forms."""
    text = resources.files("briefing.text").joinpath("data", _TABLE).read_text("utf-8")
    table: dict[str, dict[str, list[str]]] = json.loads(text)
    return table


def forms_of(kind: str) -> tuple[str, ...]:
    """Every form of every lemma of one cue kind ("uncertainty", "judgment", "reporting" or
    "reporting-object")."""
    return tuple(sorted({form for forms in cue_forms().get(kind, {}).values() for form in forms}))


def write_table(path: Path | None = None) -> Path:
    """Write the table anew from ``CUE_LEMMAS``."""
    target = path or Path(__file__).with_name("data") / _TABLE
    target.write_text(json.dumps(inflect(TABLE_LEMMAS), indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_table())
