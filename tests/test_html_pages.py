"""Hostile web pages: a start tag with tens of thousands of attributes is cut to its first
MAX_ATTRIBUTES before the HTML parser sees it (libxml2 and trafilatura take time quadratic in
a tag's attributes); pages as real sites write them are read byte for byte as before."""

from __future__ import annotations

from pathlib import Path

from briefing.io.html_pages import MAX_ATTRIBUTES, bounded_attributes

from .hostile import run_cli

ARTICLE = ("<article><h1>Ferry strike in Pellgrad</h1><p>Dock workers in Pellgrad stopped the "
           "morning ferries on Monday, the port authority said.</p><p>The union said 300 "
           "workers joined the strike, which could spread to the northern terminals.</p>"
           "</article>")


def _page(attributes: int) -> str:
    many = " ".join(f'data-k{i}="v {i}"' for i in range(attributes))
    return f"<html><head><title>Pellgrad</title></head><body><div {many}>{ARTICLE}</div></body></html>"


def test_a_tag_with_many_attributes_keeps_the_first_ones() -> None:
    bounded = bounded_attributes(_page(MAX_ATTRIBUTES + 500))
    assert f'data-k{MAX_ATTRIBUTES - 1}="v {MAX_ATTRIBUTES - 1}"' in bounded
    assert f"data-k{MAX_ATTRIBUTES}=" not in bounded
    assert ARTICLE in bounded


def test_pages_as_sites_write_them_are_unchanged() -> None:
    page = ('<html><body><div class="main wide" id=story data-props=\'{"a": "<b>"}\' hidden>'
            f'<img src="x.png" alt="a > b">{ARTICLE}</div></body></html>')
    assert bounded_attributes(page) == page
    assert bounded_attributes(_page(MAX_ATTRIBUTES)) == _page(MAX_ATTRIBUTES)
    long_value = f'<html><body><div data-state="{"x" * 50_000}">{ARTICLE}</div></body></html>'
    assert bounded_attributes(long_value) == long_value


def test_a_page_with_a_tag_of_60000_attributes_is_read_in_bounded_time(tmp_path: Path) -> None:
    page = tmp_path / "attributes.html"
    page.write_text(_page(60_000), encoding="utf-8")
    # before the bound, this page kept the parsers busy for minutes; the child's timeout fails
    # the test rather than the machine
    result = run_cli("generate", str(page), timeout=60)
    assert result.returncode == 0, result.stderr
    assert "300 workers joined the strike" in result.stdout
