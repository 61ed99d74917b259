"""Measure: text2num against number-parser for numbers written in words, right and fast.

    python benchmarks/bench_number_words.py          # number-parser: pip install number-parser

briefing reads numbers written in several words ("one thousand two hundred") with text2num
(briefing/text/quantities.py). This script shows why: on phrases of the kinds reports use, it
prints what each library makes of them and how long each takes on the same text. number-parser
is not a dependency; without it, only text2num is shown.
"""

from __future__ import annotations

import time

from text_to_num import alpha2digit

PHRASES = (
    "three hundred kilometres", "one thousand two hundred troops", "twenty-three people",
    "nine hundred and ninety shells", "two thousand and five", "between forty and fifty people",
    "Four tugs were sent", "one of the ships", "some three hundred", "a dozen Veskan ships",
)
#: What a brief needs each phrase to say (a dozen is read by briefing's own lexicon).
WANTED = (
    "300 kilometres", "1200 troops", "23 people", "990 shells", "2005",
    "between 40 and 50 people", "4 tugs were sent", "one of the ships", "some 300",
    "a dozen Veskan ships",
)


def _time(convert: object, text: str, rounds: int = 50) -> float:
    assert callable(convert)
    started = time.perf_counter()
    for _ in range(rounds):
        convert(text)
    return (time.perf_counter() - started) / rounds


def main() -> None:
    readers = {"text2num": lambda text: alpha2digit(text, "en")}
    try:
        from number_parser import parse  # type: ignore[import-not-found]

        readers["number-parser"] = parse
    except ImportError:
        print("number-parser is not installed: showing text2num alone")
    text = " ".join(PHRASES) * 10
    for name, convert in readers.items():
        right = sum(convert(p) == w for p, w in zip(PHRASES, WANTED, strict=True))
        print(f"{name}: {right}/{len(PHRASES)} phrases as wanted, "
              f"{_time(convert, text) * 1000:.2f} ms for {len(text)} characters")
        for phrase, wanted in zip(PHRASES, WANTED, strict=True):
            got = convert(phrase)
            if got != wanted:
                print(f"    {phrase!r} -> {got!r} (wanted {wanted!r})")


if __name__ == "__main__":
    main()
