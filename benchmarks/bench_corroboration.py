"""Benchmark: one brief of many small reports of one developing story (target: 1,000 in 10 s).

    python benchmarks/bench_corroboration.py [--reports 250 500 1000] [--seed 7]

Every report is a few sentences about the same fictional story, drawn from templates with
shared names, numbers and dates, reworded and with differing values (towns, counts, days,
distances), from 60 outlets: the claims overlap heavily, as reports of one story do, so
corroboration must block candidates by shared keys, not compare every pair. Prints, per size,
the time of `build_brief` (offline backend, extraction included), the peak RSS of the process,
the numbers of claims and conflicts, and the growth of the time against the previous size.
The lemma dictionary is read first, once, and timed apart (a process pays it once).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import UTC, datetime

from briefing import build_brief
from briefing.backends.offline import OfflineBackend
from briefing.io.sources import make_source
from briefing.schema import Source
from briefing.text.lemmas import lemma

TOWNS = [a + b for a in ("Vel", "Tor", "Bras", "Mar", "Kel", "Orl", "Dun", "Pel")
         for b in ("ka", "holm", "ina", "by", "stad", "ovo")]
DAYS = ("Monday", "Tuesday", "Thursday")


def _report(rng: random.Random, outlets: int) -> Source:
    town, lake, port = rng.choice(TOWNS), rng.choice(TOWNS), rng.choice(TOWNS)
    count = rng.choice(["3", "three", "4", "300", "1,200", "one thousand two hundred"])
    distance = rng.choice(["about 300 kilometres", "roughly 300 km", "three hundred kilometres",
                           "600 kilometres"])
    lines = [
        f"Marovia launched {count} drones from {town} on {rng.choice(DAYS)}.",
        f"One drone flew {distance} before it came down in Lake {lake}.",
        "The Kestrian defence ministry said the launch was likely a test of a new guidance system.",
        f"Residents of {town} might be evacuated if the tests continue.",
        f"Port authorities in {port} deployed {rng.choice(['four', '4', 'five'])} tugs after the blast.",
        f"Schools in {rng.choice(TOWNS)} were closed on {rng.choice(DAYS)} as a precaution.",
        f"VESKA (Astral Wire) — The Marovian embassy {rng.choice(['denied', 'confirmed'])} that "
        "its navy had entered Kestrian waters.",
    ]
    rng.shuffle(lines)
    return make_source("\n\n".join(lines[:4]), metadata={
        "publisher": f"Outlet {rng.randrange(outlets)}", "published": "2026-11-20"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--outlets", type=int, default=60)
    args = parser.parse_args()
    backend = OfflineBackend()
    started = time.perf_counter()
    lemma("launched")  # simplemma reads its English dictionary once per process
    print(f"lemma dictionary, once per process: {time.perf_counter() - started:.2f} s")
    previous: tuple[int, float] | None = None
    for size in args.reports:
        rng = random.Random(args.seed)
        sources = [_report(rng, args.outlets) for _ in range(size)]
        started = time.perf_counter()
        brief = build_brief(sources, backend=backend, generated_at=datetime(2026, 11, 24, tzinfo=UTC))
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        growth = ""
        if previous is not None:
            growth = (f"; x{size / previous[0]:.1f} the reports, x{elapsed / previous[1]:.2f} "
                      "the time")
        print(f"{size} reports: {elapsed:.2f} s, peak RSS {peak:.0f} MB, {len(brief.claims)} "
              f"claims, {len(brief.conflicts)} conflicts{growth}")
        previous = (size, elapsed)


if __name__ == "__main__":
    main()
