"""Offline backend speed: reports per second and MB/s in-process, and CLI start-up on the seed.

Run: python benchmarks/bench_offline.py [--reports 1000]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korea-missile-tests.txt"


def vocabulary() -> list[str]:
    """Sentences of the fixture reports: the generator recombines them into new reports."""
    from briefing.segmentation import blocks, sentences
    from briefing.sources import split_front_matter

    found: list[str] = []
    for path in sorted((ROOT / "tests" / "fixtures" / "gold" / "dev").glob("*.txt")):
        text = split_front_matter(path.read_text(encoding="utf-8"), path.name)[1]
        for block in blocks(text):
            if not block.heading:
                found += [text[s.start : s.end] for s in sentences(text, block)]
    return found


def make_reports(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = vocabulary()
    reports = []
    for _ in range(count):
        target = rng.randint(400, 800)
        paragraphs, words = [], 0
        while words < target:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        reports.append("Report title\n\n" + "\n\n".join(paragraphs) + "\n")
    return reports


def bench_in_process(count: int) -> None:
    from briefing.assembly import extract_grounded
    from briefing.attribution import find_attribution
    from briefing.backends.offline import OfflineBackend
    from briefing.cues import read_cues
    from briefing.sources import make_source

    reports = make_reports(count)
    backend = OfflineBackend()
    extract_grounded(make_source(reports[0]), backend)  # warm caches and imports
    size = sum(len(r.encode("utf-8")) for r in reports)
    claims = 0
    start = time.perf_counter()
    for text in reports:
        # The generated reports reuse the fixtures' sentences; real reports rarely repeat
        # sentences, so per-clause caches are emptied to count only reuse within a report.
        read_cues.cache_clear()
        find_attribution.cache_clear()
        claims += len(extract_grounded(make_source(text), backend).claims)
    elapsed = time.perf_counter() - start
    print(f"in-process: {count} reports, {size / 1e6:.2f} MB, {claims} claims in {elapsed:.2f} s "
          f"= {count / elapsed:.0f} reports/s, {size / 1e6 / elapsed:.2f} MB/s (one core)")


def bench_cli(repeats: int) -> None:
    command = [sys.executable, "-m", "briefing", "generate", str(SEED)]
    subprocess.run(command, capture_output=True, check=True)  # warm .pyc files
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    print(f"briefing generate seed (whole process): median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s over {repeats} runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()}")
    bench_in_process(args.reports)
    bench_cli(args.repeats)


if __name__ == "__main__":
    main()
