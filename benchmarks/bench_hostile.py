"""Growth of brief time with report size on repetitive, hostile reports: it should stay linear.

Each shape is briefed at n and 2n repetitions; a ratio near 2 means linear time, near 4 means
a quadratic step somewhere (a list scanned per claim, a search per occurrence).

Run: python benchmarks/bench_hostile.py [--size 5000]
"""

from __future__ import annotations

import argparse
import time

SHAPES = {
    "one sentence repeated": "The ministry said the road was closed. ",
    "questions": "Who paid, and why? ",
    "paragraphs citing one date": "The road was closed on Monday, officials said.\n\n",
    "attributed lists": "The ministry reports the following:\n\n- One drone fell.\n\n",
    "comma-separated attributions": "the minister said, officials told reporters, a spokesman, said, ",
}


def seconds(text: str) -> float:
    from briefing.brief.assembly import build_brief
    from briefing.io.sources import make_source

    start = time.perf_counter()
    build_brief(make_source(text))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=5000, help="repetitions of the smaller report")
    args = parser.parse_args()
    seconds("Title\n\nThe ministry said the road was closed.")  # imports and caches
    for name, unit in SHAPES.items():
        small = seconds("Title\n\n" + unit * args.size)
        large = seconds("Title\n\n" + unit * args.size * 2)
        size_kb = len(unit) * args.size * 2 / 1000
        print(f"{name:30s} {small:6.2f} s -> {large:6.2f} s at {size_kb:5.0f} KB: "
              f"x{large / small:.1f} for twice the text")


if __name__ == "__main__":
    main()
