"""Scale: one brief of many small reports, and single reports of many megabytes.

Each case is a real `briefing generate ... --format FORMAT -o OUT` process (offline backend),
once per format asked for (--formats; JSON by default); the script prints its wall time, its
peak resident memory (ru_maxrss from wait4), the bytes of RSS per byte of input, and the growth
ratio against the previous size (time ratio / size ratio: about 1 is linear, about 2 per
doubling is quadratic). Markdown and HTML run with the template bounds raised
(BRIEFING_TEMPLATE_MAX_BYTES, BRIEFING_TEMPLATE_TIMEOUT), since the brief of a report of many
megabytes is larger, and takes longer, than the defaults allow.

Reports are made from the sentences of the dev gold reports (fictional places and people),
recombined at random, so neighbouring reports share names, numbers and dates as a day's wire
copy does.

Run: python benchmarks/bench_scale.py [--many 250,500,1000] [--megabytes 1,5,20,50]
         [--formats json,markdown,html]
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
    print(f"{label:<36} {took:7.2f} s  {rss / 1e6:7.0f} MB peak RSS  "
          f"{rss / size:6.1f} B/byte  {growth}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--many", default="250,500,1000", help="report counts, comma-separated")
    parser.add_argument("--megabytes", default="1,5,20,50", help="single report sizes in MB")
    parser.add_argument("--formats", default="json",
                        help="output formats, comma-separated: json, markdown, html")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    pool = _pool()
    env = {**os.environ, "BRIEFING_BACKEND": "offline", "BRIEFING_MAX_BYTES": str(200 * 10**6),
           "BRIEFING_TEMPLATE_MAX_BYTES": str(4 * 10**9), "BRIEFING_TEMPLATE_TIMEOUT": "3600",
           "PYTHONPATH": str(ROOT)}
    for name in ("BRIEFING_BASE_URL", "BRIEFING_API_KEY"):
        env.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        work = Path(scratch)
        previous: dict[str, tuple[int, float]] = {}
        for count in [int(n) for n in args.many.split(",") if n]:
            folder = work / f"many-{count}"
            folder.mkdir()
            rng = random.Random(count)
            size = 0
            for number in range(1, count + 1):
                text = small_report(rng, pool, number)
                (folder / f"r{number:04d}.txt").write_text(text, encoding="utf-8")
                size += len(text.encode("utf-8"))
            for fmt in formats:
                took, rss, _ = run(["generate", str(folder), "--format", fmt, "-o",
                                    str(work / f"many-{count}.{fmt}")], env)
                last = previous.get(fmt)
                growth = ("" if last is None else
                          f"growth x{(took / last[1]) / (count / last[0]):.2f}")
                report_line(f"{count} reports ({size / 1e6:.1f} MB), {fmt}", size, took, rss,
                            growth)
                previous[fmt] = (count, took)
        previous = {}
        for megabytes in [float(n) for n in args.megabytes.split(",") if n]:
            size = int(megabytes * 10**6)
            path = work / f"large-{megabytes:g}.txt"
            path.write_text(large_report(random.Random(size), pool, size), encoding="utf-8")
            size = path.stat().st_size
            for fmt in formats:
                output = work / f"large-{megabytes:g}.{fmt}"
                took, rss, _ = run(["generate", str(path), "--format", fmt, "-o", str(output)],
                                   env)
                output.unlink()
                last = previous.get(fmt)
                growth = ("" if last is None else
                          f"growth x{(took / last[1]) / (size / last[0]):.2f}")
                report_line(f"one report of {megabytes:g} MB, {fmt}", size, took, rss, growth)
                previous[fmt] = (size, took)
            path.unlink()


if __name__ == "__main__":
    main()
