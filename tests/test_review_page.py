"""The HTML review page in a real browser: Playwright driving Debian's Chromium.

`.ci/run` installs both (`apt-get install chromium`, the `playwright` package without its own
browser download); the tests skip with the reason when either is missing on a developer's
machine. Each page is the shipped template's output for the seed or a multi-source brief.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.schema import Brief

from .conftest import FIXED_TIME, FIXTURES, SEED

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                               "(.ci/run installs it)")
CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does)",
                allow_module_level=True)


def _brief(paths: list[Path]) -> Brief:
    return build_brief([load_source(p) for p in paths], backend=OfflineBackend(),
                       generated_at=FIXED_TIME)


BRIEFS = {
    "seed": [SEED],
    "wire": sorted((FIXTURES / "multi" / "wire").glob("*.md")),
    "three-outlets": sorted((FIXTURES / "multi" / "three-outlets").glob("*.md")),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Brief, Path]]:
    folder = tmp_path_factory.mktemp("review")
    made = {}
    for name, paths in BRIEFS.items():
        brief = _brief(paths)
        page = folder / f"{name}.html"
        page.write_text(render(brief, format="html"), encoding="utf-8")
        made[name] = (brief, page)
    return made


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


class Opened:
    """A page opened from its file, with every console error and every request it made."""

    def __init__(self, browser: Any, path: Path, javascript: bool = True) -> None:
        self.context = browser.new_context(java_script_enabled=javascript,
                                           viewport={"width": 1300, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.as_uri()
        self.page.goto(self.url)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser: Any, pages: dict[str, tuple[Brief, Path]]) -> Iterator[Any]:
    made: list[Opened] = []

    def open_page(name: str, javascript: bool = True) -> Opened:
        made.append(Opened(browser, pages[name][1], javascript))
        return made[-1]

    yield open_page
    for page in made:
        assert page.errors == [], page.errors  # no console errors, on every page opened
        assert [url for url in page.requests if url != page.url] == []  # nothing leaves the page
        page.close()


def _highlighted(page: Any, claim_id: str) -> str:
    return str(page.eval_on_selector_all(
        f'mark[data-claims~="{claim_id}"]', "marks => marks.map(m => m.textContent).join('')"))


@pytest.mark.parametrize("name", list(BRIEFS))
def test_every_claims_highlight_is_its_quote(opened: Any, pages: dict[str, Any], name: str) -> None:
    brief: Brief = pages[name][0]
    page = opened(name).page
    assert brief.claims
    for claim in brief.claims:
        assert _highlighted(page, claim.id) == claim.quote, claim.id


@pytest.mark.parametrize("name", ["wire", "three-outlets"])
def test_other_reports_words_are_highlighted_and_linked(opened: Any, pages: dict[str, Any],
                                                        name: str) -> None:
    brief: Brief = pages[name][0]
    page = opened(name).page
    cited = [(claim, c) for claim in brief.claims for c in claim.citations[1:]]
    assert cited, "the fixture should hold corroborated claims"
    for claim, citation in cited:
        words = page.eval_on_selector_all(
            f'#source-{citation.source_id} mark[data-cites~="{claim.id}"]',
            "marks => marks.map(m => m.textContent).join('')")
        assert words == citation.quote
        assert page.locator(f"#claim-{claim.id} a[href='#cite-{claim.id}-{citation.source_id}']"
                            ).count() == 1
        assert page.locator(f"#cite-{claim.id}-{citation.source_id}").count() == 1


def test_clicking_a_claim_focuses_its_span_and_back(opened: Any, pages: dict[str, Any]) -> None:
    brief: Brief = pages["seed"][0]
    page = opened("seed").page
    fact = brief.claims_of("fact")[3]
    page.click(f"#claim-{fact.id} blockquote")
    assert page.evaluate("document.activeElement.id") == f"span-{fact.id}"
    active = page.eval_on_selector_all("mark.active", "ms => ms.map(m => m.textContent).join('')")
    assert active == fact.quote
    judgment = brief.claims_of("assessment")[0]
    page.locator(f'mark[data-claims~="{judgment.id}"]').first.click()
    assert page.evaluate("document.activeElement.id") == f"claim-{judgment.id}"
    assert page.locator("article.claim.selected").evaluate_all(
        "cards => cards.map(c => c.id)") == [f"claim-{judgment.id}"]


def test_keyboard_selects_a_claim(opened: Any, pages: dict[str, Any]) -> None:
    brief: Brief = pages["seed"][0]
    page = opened("seed").page
    unknown = brief.claims_of("uncertainty")[0]
    page.focus(f"#claim-{unknown.id}")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"span-{unknown.id}"
    page.keyboard.press("Enter")  # the span's anchor leads back to its claim
    assert page.evaluate("document.activeElement.id") == f"claim-{unknown.id}"


def _visible(page: Any) -> list[str]:
    return list(page.locator("article.claim:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.claim)"))


def test_filters_hide_and_show_the_right_claims(opened: Any, pages: dict[str, Any]) -> None:
    brief: Brief = pages["seed"][0]
    page = opened("seed").page
    assert _visible(page) == [c.id for c in brief.claims_of("fact") + brief.claims_of(
        "assessment") + brief.claims_of("uncertainty")]
    page.uncheck("input[name=kind][value=fact]")
    assert sorted(_visible(page)) == sorted(c.id for c in brief.claims if c.kind != "fact")
    page.uncheck("input[name=kind][value=uncertainty]")
    assert _visible(page) == [c.id for c in brief.claims_of("assessment")]
    page.check("input[name=kind][value=fact]")
    page.check("input[name=kind][value=uncertainty]")
    holder = "South Korea's Joint Chiefs of Staff"
    page.select_option("select[name=holder]", holder)
    assert sorted(_visible(page)) == sorted(c.id for c in brief.claims if c.attributed_to == holder)
    page.select_option("select[name=holder]", "-")
    assert sorted(_visible(page)) == sorted(c.id for c in brief.claims if not c.attributed_to)
    page.select_option("select[name=holder]", "")
    assert len(_visible(page)) == len(brief.claims)


def test_source_filter_on_several_reports(opened: Any, pages: dict[str, Any]) -> None:
    brief: Brief = pages["wire"][0]
    page = opened("wire").page
    for source in brief.sources:
        page.select_option("select[name=source]", source.id)
        expected = {c.id for c in brief.claims
                    if source.id in {x.source_id for x in c.citations} | {c.source_id}}
        assert set(_visible(page)) == expected


def test_readable_without_javascript(opened: Any, pages: dict[str, Any]) -> None:
    brief: Brief = pages["seed"][0]
    page = opened("seed", javascript=False).page
    assert page.locator("#filters").is_hidden()  # filters need the script
    for claim in brief.claims:
        assert _highlighted(page, claim.id) == claim.quote
        assert page.locator(f"#claim-{claim.id} a[href='#span-{claim.id}']").count() == 1
        assert page.locator(f"a#span-{claim.id}[href='#claim-{claim.id}']").count() == 1
    page.click(f"#claim-{brief.claims[5].id} a.goto")
    assert page.url.endswith(f"#span-{brief.claims[5].id}")


def test_report_text_is_escaped(browser: Any, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Officials said <img src=x onerror=alert(1)> was found in the port.\n"
                      "<script>document.title='owned'</script> The port may reopen.\n")
    page_file = tmp_path / "r.html"
    brief = _brief([report])
    page_file.write_text(render(brief, format="html"), encoding="utf-8")
    opened = Opened(browser, page_file)
    try:
        assert opened.page.title() != "owned"
        assert opened.page.locator("img").count() == 0
        assert "<img src=x onerror=alert(1)>" in opened.page.inner_text("#source-S1")
        assert opened.errors == []
        assert [url for url in opened.requests if url != opened.url] == []
    finally:
        opened.close()


def test_footer_gives_provenance(opened: Any, pages: dict[str, Any]) -> None:
    brief: Brief = pages["wire"][0]
    footer = opened("wire").page.inner_text("footer")
    assert "offline backend" in footer
    for source in brief.sources:
        assert source.sha256 in footer
