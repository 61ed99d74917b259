"""Benchmark: rendering a large brief as Markdown and as the HTML review page, in the sandbox.

    .venv/bin/python benchmarks/bench_render.py [--copies 300] [--rounds 3]

The brief is the seed report repeated ``copies`` times (300 copies: about 0.7 MB of text and
4,800 claims), built once with the offline backend; each format is rendered ``rounds`` times
through the shipped templates (plain data, bounded sandbox) and the best and median times are
printed with the output size.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend

SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korea-missile-tests.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = "\n".join([SEED.read_text(encoding="utf-8")] * args.copies)
    brief = build_brief(load_source(text), backend=OfflineBackend(),
                        generated_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))
    print(f"{len(text) / 1e6:.2f} MB of report text, {len(brief.claims)} claims")
    for fmt in ("markdown", "html"):
        times = []
        size = 0
        for _ in range(args.rounds):
            started = time.perf_counter()
            size = len(render(brief, format=fmt).encode("utf-8"))
            times.append(time.perf_counter() - started)
        print(f"{fmt:8} best {min(times):.2f} s, median {statistics.median(times):.2f} s, "
              f"{size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
