"""Benchmark: diff two synthetic briefs of 500 claims each (target: under 1 s), median of repeats.

    /work/venv/bin/python benchmarks/bench_diff.py [--claims 500] [--repeats 7]

The new brief is the old one developed the way stories develop: most claims reworded (words
moved, a word added), some with changed numbers, kinds or holders, some removed and replaced
by new ones. Only a few stay verbatim, so the fuzzy alignment, not the exact-match shortcut,
does the work.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime

from briefing.schema import Brief, Claim, ClaimKind, Entity, Generator, Quantity, Source
from briefing.tools.diff import diff_briefs

KINDS: tuple[ClaimKind, ...] = ("fact", "assessment", "uncertainty")
HOLDERS = (None, "Ostravian Defence Ministry", "Harven Coast Guard", "Tessaly Institute",
           "Kelvaran Interior Ministry", "Port Arlen Harbour Authority")


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]


def _claim(number: int, words: list[str], kind: ClaimKind, holder: str | None,
           distance: int) -> Claim:
    text = " ".join(words).capitalize() + f" {distance} kilometres."
    return Claim(
        id=f"C{number}", kind=kind, statement=text, quote=text, source_id="S1",
        span=(0, len(text)), grounding="exact", paragraph=number, attributed_to=holder,
        cue="likely" if kind == "assessment" else ("may" if kind == "uncertainty" else None),
        likelihood="likely" if kind == "assessment" else None,
        probability=(55, 80) if kind == "assessment" else None,
        quantities=[Quantity(text=f"{distance} kilometres", value=float(distance),
                             unit="kilometres")],
    )


def _brief(claims: list[Claim], places: list[str]) -> Brief:
    return Brief(
        title="Synthetic", generated_at=datetime(2026, 11, 24, 12, tzinfo=UTC),
        generator=Generator(backend="offline", version="bench"),
        sources=[Source(id="S1", sha256="0" * 64, text="synthetic")],
        bluf=[], claims=claims,
        entities=[Entity(name=place, type="location") for place in places],
    )


def synthetic_pair(claims: int, seed: int = 5) -> tuple[Brief, Brief]:
    """Two briefs of ``claims`` claims each: an old one and a developed new one."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    places = [word.capitalize() for word in rng.sample(vocabulary, 100)]
    old: list[Claim] = []
    new: list[Claim] = []
    for number in range(1, claims + 1):
        words = [*rng.sample(vocabulary, rng.randint(10, 24)), rng.choice(places)]
        kind, holder = rng.choice(KINDS), rng.choice(HOLDERS)
        distance = rng.randint(10, 990)
        old.append(_claim(number, words, kind, holder, distance))
        fate = rng.random()
        if fate < 0.10:  # replaced by a new claim
            words = [*rng.sample(vocabulary, rng.randint(10, 24)), rng.choice(places)]
        elif fate >= 0.15:  # reworded: a word moved, a word added
            words = words[:]
            words.insert(rng.randrange(len(words)), words.pop(rng.randrange(len(words))))
            words.insert(rng.randrange(len(words)), rng.choice(vocabulary))
        if 0.15 <= fate < 0.25:
            distance += rng.randint(1, 100)
        elif 0.25 <= fate < 0.35:
            kind = rng.choice([k for k in KINDS if k != kind])
        elif 0.35 <= fate < 0.40:
            holder = rng.choice([h for h in HOLDERS if h != holder])
        new.append(_claim(number, words, kind, holder, distance))
    rng.shuffle(new)
    for number, claim in enumerate(new, start=1):
        claim.id = f"C{number}"
    return _brief(old, places), _brief(new, places)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    old, new = synthetic_pair(args.claims)
    diff_briefs(old, new)  # warm up imports and regex caches
    timings = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        diff = diff_briefs(old, new)
        timings.append(time.perf_counter() - start)
    counts = {k: v for k, v in diff.counts.model_dump().items() if v}
    print(f"diff of two briefs of {args.claims} claims each: median {statistics.median(timings):.3f} s"
          f" (min {min(timings):.3f} s, max {max(timings):.3f} s, {args.repeats} runs)")
    print(f"classes: {counts}")


if __name__ == "__main__":
    main()
