"""The review page shows what code checked of each claim a model read, in words: who read it,
how the readers' kinds compared, and each field the model wrote (verified, replaced, dropped,
and why). A scripted server answers; the page is read as text and, where Chromium and
Playwright are installed, in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.backends.llm import LLMBackend
from briefing.brief.assembly import build_brief
from briefing.config import Settings
from briefing.io.sources import make_source
from briefing.rendering import render
from briefing.rendering.checks import check_lines
from briefing.schema import Brief

from .conftest import FIXED_TIME
from .llm_server import Reply, ScriptedServer, answer

REPORT = (
    "The Coastal Command of Dresia reported that Velmar launched three cruise missiles on "
    "Tuesday.\n\n"
    "One of the missiles travelled 800 kilometres and landed near Tarn Island.\n\n"
    "The tests may be related to arms sales to Korvia."
)


@pytest.fixture(scope="module")
def brief() -> Iterator[Brief]:
    with ScriptedServer() as server:
        server.push(Reply(content=answer([
            # an invented holder and a hedge the unit lacks, on a unit the model calls a fact
            {"quote": "One of the missiles travelled 800 kilometres and landed near Tarn Island",
             "holder": "the CIA director", "hedge_cue": "almost certainly",
             "statement": "One missile flew 900 kilometres."},
            # a cautious unit the model calls a fact: the offline reading is more cautious
            {"quote": "The tests may be related to arms sales to Korvia", "kind": "fact"},
        ])))
        settings = Settings(backend="llm", base_url=server.url, model="test-model",
                            cache=False, timeout=5.0, max_attempts=2)
        yield build_brief(make_source(REPORT), backend=LLMBackend(settings),
                          generated_at=FIXED_TIME)


def lines_of(brief: Brief, words: str) -> list[str]:
    [claim] = [c for c in brief.claims if words in c.quote]
    return check_lines(claim.model_dump(mode="json"))


def test_each_field_the_model_wrote_is_said_in_words(brief: Brief) -> None:
    lines = lines_of(brief, "800 kilometres")
    assert lines[0].startswith("Read by the model and by the offline reader, units u")
    holder = next(line for line in lines if line.startswith("Holder"))
    assert "“the CIA director”" in holder and "dropped: not shown" in holder
    cue = next(line for line in lines if line.startswith("Hedge cue"))
    assert "“almost certainly”" in cue and "does not occur" in cue
    statement = next(line for line in lines if line.startswith("Statement"))
    assert "replaced" in statement and "900" in statement


def test_two_readers_kinds_are_compared_in_words(brief: Brief) -> None:
    lines = lines_of(brief, "may be related")
    assert ("Kind: the model read fact, the offline reader uncertainty; the brief shows "
            "uncertainty, the more cautious reading.") in lines


def test_the_review_page_shows_the_sentences_not_a_raw_record(brief: Brief) -> None:
    html = render(brief, format="html")
    block = re.search(r"<dt>Checks</dt><dd>(.*?)</dd>", html, flags=re.S)
    assert block is not None
    assert "<li>" in block.group(1)
    for raw in ("{'", "readers:", "kind_by_model", "FieldCheck", "outcome="):
        assert raw not in html.split("<script")[0], raw
    assert "dropped: not shown" in html


def test_claims_the_offline_reader_alone_wrote_have_no_checks_block() -> None:
    from briefing.backends.offline import OfflineBackend
    offline = build_brief(make_source(REPORT), backend=OfflineBackend(), generated_at=FIXED_TIME)
    assert "<dt>Checks</dt>" not in render(offline, format="html")


CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def test_a_browser_shows_the_checks_as_a_list(brief: Brief, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                                   "(.ci/run installs it)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does)")
    page_file = tmp_path / "review.html"
    page_file.write_text(render(brief, format="html"), encoding="utf-8")
    [claim] = [c for c in brief.claims if "800 kilometres" in c.quote]
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-gpu"])
        try:
            page = chromium.new_page()
            page.goto(page_file.as_uri())
            items = page.eval_on_selector_all(
                f'#claim-{claim.id} ul.checks li', "items => items.map(i => i.innerText)")
            visible = page.is_visible(f"#claim-{claim.id} ul.checks")
        finally:
            chromium.close()
    assert visible
    assert items == check_lines(json.loads(claim.model_dump_json()))

