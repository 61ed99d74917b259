"""Screenshot of the seed's review page for the README (docs/review-page.png).

    .venv/bin/python benchmarks/screenshot_review_page.py [--out docs/review-page.png]

Renders the seed report's brief as the HTML review page (the offline backend, a fixed
generation time), opens it in Debian's Chromium through Playwright (`apt-get install chromium`;
set BRIEFING_CHROMIUM to use another binary), selects the JCS judgment so the picture shows a
selected claim and its highlighted span, and saves a PNG. A docs script, not a pixel test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "review-page.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    os.chdir(ROOT)  # the brief records the path as given
    brief = build_brief(load_source("seeds/north-korea-missile-tests.txt"),
                        backend=OfflineBackend(),
                        generated_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))
    judgment = brief.claims_of("assessment")[0].id
    chromium = os.environ.get("BRIEFING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "seed.html"
        page_file.write_text(render(brief, format="html"), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(page_file.as_uri())
            page.locator(f'mark[data-claims~="{judgment}"]').first.click()
            page.evaluate("window.scrollTo(0, 0)")
            page.locator(f"#claim-{judgment}").scroll_into_view_if_needed()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
