"""Benchmark of the llm backend against a loopback server with a fixed delay per request.

    python benchmarks/bench_llm.py [--reports 16] [--delay 1.0] [--concurrency 8]

Prints wall time, model calls and prompt tokens per report token for a sequential run and a
concurrent run, then the time of a rerun answered from the cache (it must send no request).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.backends.llm import LLMBackend, estimate_tokens  # noqa: E402
from briefing.brief.assembly import build_brief  # noqa: E402
from briefing.config import Settings  # noqa: E402
from briefing.io.sources import make_source  # noqa: E402
from briefing.schema import Brief, Source  # noqa: E402
from tests.llm_server import ScriptedServer  # noqa: E402


def reports(count: int) -> list[Source]:
    """Fictional reports of about 1,500 characters each."""
    out = []
    for n in range(count):
        paragraphs = [
            f"Varnian border guards reported {n + 3} crossings near Hask on day {n + 1}, the "
            "Interior Ministry said on Tuesday.",
            "Officials believe the convoys were likely carrying fuel for the northern garrison, "
            "and the ministry does not rule out further crossings this week.",
            f"According to the Corvel Institute, {n * 7 + 20} trucks passed the checkpoint at "
            "Lesk between midnight and dawn. The institute said the traffic may be related to "
            "the harvest season, but analysts at the institute assess that a military purpose "
            "is more likely than not.",
            "Interior Minister Dragan Petrović told reporters that patrols would be doubled and "
            "that the bridge at Hask would close at night from Friday. No casualties were "
            "reported. It is unclear whether the neighbouring Kaldera Defence Ministry was "
            "informed in advance.",
        ]
        out.append(make_source("\n\n".join(paragraphs), metadata={"title": f"Report {n + 1}"}))
    return out


def run(server: ScriptedServer, sources: list[Source], cache_dir: Path, concurrency: int
        ) -> tuple[float, Brief, int]:
    settings = Settings(backend="llm", base_url=server.url, model="bench-model",
                        cache_dir=cache_dir, concurrency=concurrency)
    before = len(server.completions)
    started = time.perf_counter()
    brief = build_brief(sources, backend=LLMBackend(settings))
    return time.perf_counter() - started, brief, len(server.completions) - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=16)
    parser.add_argument("--delay", type=float, default=1.0, help="server latency, seconds")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    sources = reports(args.reports)
    report_tokens = sum(estimate_tokens(s.text) for s in sources)
    print(f"{args.reports} reports, {report_tokens} report tokens (est.), "
          f"{args.delay:g} s per request")
    print(f"{'run':<28}{'wall s':>8}{'calls':>7}{'requests':>10}{'prompt tok/report tok':>23}"
          f"{'cache hits':>12}")
    with ScriptedServer(delay=args.delay) as server, tempfile.TemporaryDirectory() as tmp:
        rows = [
            ("sequential (concurrency 1)", Path(tmp) / "seq", 1),
            (f"concurrency {args.concurrency}", Path(tmp) / "conc", args.concurrency),
            (f"cached rerun (conc. {args.concurrency})", Path(tmp) / "conc", args.concurrency),
        ]
        for label, cache_dir, concurrency in rows:
            wall, brief, requests = run(server, sources, cache_dir, concurrency)
            usage = brief.usage
            ratio = usage.prompt_tokens / report_tokens
            print(f"{label:<28}{wall:>8.2f}{usage.calls:>7}{requests:>10}{ratio:>23.2f}"
                  f"{usage.cache_hits:>12}")


if __name__ == "__main__":
    main()
