"""Scale: one brief of many small reports, and single reports of many megabytes.

Each case is a real `briefing generate ... --format json -o OUT` process (offline backend); the
script prints its wall time, its peak resident memory (ru_maxrss from wait4), the bytes of RSS
per byte of input, and the growth ratio against the previous size (time ratio / size ratio:
about 1 is linear, about 2 per doubling is quadratic).

Reports are made from the sentences of the dev gold reports (fictional places and people),
recombined at random, so neighbouring reports share names, numbers and dates as a day's wire
copy does.

Run: python benchmarks/bench_scale.py [--many 250,500,1000] [--megabytes 1,5,20,50]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _pool() -> list[str]:
    from bench_offline import vocabulary

    return vocabulary()


def small_report(rng: random.Random, pool: list[str], number: int) -> str:
    """A wire report of 120-250 words: a title line and paragraphs of 1-3 sentences."""
    target, words, paragraphs = rng.randint(120, 250), 0, []
    while words < target:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return f"Wire report {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def large_report(rng: random.Random, pool: list[str], size: int) -> str:
    """One plain report of about ``size`` bytes: paragraphs of 2-4 sentences."""
    parts, total = ["Situation report\n\n"], 0
    while total < size:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4))) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
    return "".join(parts)


def run(args: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in bytes and stderr of one `briefing` process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "briefing", *args], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    stderr = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"briefing {' '.join(args)} failed ({child.returncode}):\n{stderr}")
    return took, usage.ru_maxrss * 1024, stderr


def report_line(label: str, size: int, took: float, rss: int, growth: str) -> None:
    print(f"{label:<28} {took:7.2f} s  {rss / 1e6:7.0f} MB peak RSS  "
          f"{rss / size:6.1f} B/byte  {growth}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--many", default="250,500,1000", help="report counts, comma-separated")
    parser.add_argument("--megabytes", default="1,5,20,50", help="single report sizes in MB")
    args = parser.parse_args()
    pool = _pool()
    env = {**os.environ, "BRIEFING_BACKEND": "offline", "BRIEFING_MAX_BYTES": str(200 * 10**6),
           "PYTHONPATH": str(ROOT)}
    for name in ("BRIEFING_BASE_URL", "BRIEFING_API_KEY"):
        env.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        work = Path(scratch)
        previous: tuple[int, float] | None = None
        for count in [int(n) for n in args.many.split(",") if n]:
            folder = work / f"many-{count}"
            folder.mkdir()
            rng = random.Random(count)
            size = 0
            for number in range(1, count + 1):
                text = small_report(rng, pool, number)
                (folder / f"r{number:04d}.txt").write_text(text, encoding="utf-8")
                size += len(text.encode("utf-8"))
            took, rss, _ = run(["generate", str(folder), "--format", "json", "-o",
                                str(work / f"many-{count}.json")], env)
            growth = ("" if previous is None else
                      f"growth x{(took / previous[1]) / (count / previous[0]):.2f}")
            report_line(f"{count} reports ({size / 1e6:.1f} MB)", size, took, rss, growth)
            previous = (count, took)
        previous = None
        for megabytes in [float(n) for n in args.megabytes.split(",") if n]:
            size = int(megabytes * 10**6)
            path = work / f"large-{megabytes:g}.txt"
            path.write_text(large_report(random.Random(size), pool, size), encoding="utf-8")
            size = path.stat().st_size
            took, rss, _ = run(["generate", str(path), "--format", "json", "-o",
                                str(work / f"large-{megabytes:g}.json")], env)
            growth = ("" if previous is None else
                      f"growth x{(took / previous[1]) / (size / previous[0]):.2f}")
            report_line(f"one report of {megabytes:g} MB", size, took, rss, growth)
            previous = (size, took)
            path.unlink()


if __name__ == "__main__":
    main()
