"""Offline backend speed: reports per second and MB/s in-process, and CLI start-up on the seed.

In-process figures come twice: over generated reports (the dev gold sentences recombined into
reports of 400-800 words) and over the 40 gold reports as written.

Run: python benchmarks/bench_offline.py [--reports 1000] [--rounds 3] [--repeats 10]
"""

from __future__ import annotations

import argparse
import os
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
    from briefing.io.sources import split_front_matter
    from briefing.text.segmentation import blocks, sentences

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


def _clear_clause_caches() -> None:
    """Empty the caches keyed by report, sentence, clause or name text.

    The generated reports reuse the fixtures' sentences and names; real reports repeat fewer,
    so these caches are emptied before each report to count only reuse within a report.
    """
    from briefing.text.attribution import find_attribution
    from briefing.text.cues import read_cues
    from briefing.text.entities import _typed
    from briefing.text.phrases import fold, words_of
    from briefing.text.segmentation.paragraphs import blocks
    from briefing.text.segmentation.sentence_split import text_sentences

    for cached in (read_cues, find_attribution, words_of, fold, _typed, blocks, text_sentences):
        cached.cache_clear()


def gold_reports() -> list[str]:
    """The 40 gold reports as written (dev and test), front matter removed."""
    from briefing.io.sources import split_front_matter

    paths = sorted((ROOT / "tests" / "fixtures" / "gold").glob("*/*.txt"))
    return [split_front_matter(p.read_text(encoding="utf-8"), p.name)[1] for p in paths]


def bench_in_process(label: str, reports: list[str], rounds: int) -> None:
    from briefing.backends.offline import OfflineBackend
    from briefing.brief.assembly import ground_extraction
    from briefing.io.sources import make_source

    sources = [make_source(text) for text in reports]
    backend = OfflineBackend()
    ground_extraction(sources[0], backend.extract(sources[0]))  # warm imports
    size = sum(len(r.encode("utf-8")) for r in reports) / 1e6
    count = len(reports)
    extracting, grounding, claims = [], [], 0
    for _ in range(rounds):
        extract_time = ground_time = 0.0
        claims = 0
        for source in sources:
            _clear_clause_caches()
            start = time.perf_counter()
            extraction = backend.extract(source)
            middle = time.perf_counter()
            claims += len(ground_extraction(source, extraction).claims)
            ground_time += time.perf_counter() - middle
            extract_time += middle - start
        extracting.append(extract_time)
        grounding.append(extract_time + ground_time)
    print(f"in-process, one core, {label}: {count} reports, {size:.2f} MB, {claims} claims; "
          f"best and median of {rounds} rounds:")
    for name, times in (("offline backend (extract)", extracting),
                        ("extract + ground (claims as in the brief)", grounding)):
        best, median = min(times), statistics.median(times)
        print(f"  {name}: {size / best:.2f} MB/s, {count / best:.0f} reports/s "
              f"(median {size / median:.2f} MB/s)")


def bench_cli(repeats: int) -> None:
    command = [sys.executable, "-m", "briefing", "generate", str(SEED)]
    # As after a normal install, modules load from their bytecode caches: an environment with
    # PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images) would compile every module of
    # an editable install on each run, ~0.1 s that no installed copy pays.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, check=True, env=env)  # write the .pyc files
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    print(f"briefing generate seed (whole process): median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s over {repeats} runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the reports")
    parser.add_argument("--repeats", type=int, default=10, help="whole-process runs on the seed")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()}")
    # The whole-process runs go first: started from a parent that has just held 1,000 reports
    # and their briefs, the child processes took ~10% longer here.
    bench_cli(args.repeats)
    bench_in_process("generated reports", make_reports(args.reports), args.rounds)
    # The gold reports as written: each is read once per round, so more rounds steady the figure.
    bench_in_process("the gold reports", gold_reports(), args.rounds * 5)


if __name__ == "__main__":
    main()
