"""The template bounds grow with the reports briefed: the review page of a long report is not
refused by the default bounds, while a template on a short report still meets them, and bounds
set by the user are used as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.errors import TemplateError
from briefing.rendering import RenderLimits
from briefing.rendering.sandbox import BYTES_PER_REPORT_BYTE, SECONDS_PER_REPORT_MB
from briefing.schema import Brief

from .conftest import FIXED_TIME
from .hostile import error_line, run_cli

PARAGRAPH = ("Port officials in Varnholm said the ferry Osk Star carried 212 passengers on "
             "Tuesday. The harbour master may close the northern berth next week, a spokesman "
             "said. Customs officers are likely to inspect every container, the agency said.\n\n")


@pytest.fixture(scope="module")
def long_brief() -> Brief:
    source = load_source(PARAGRAPH * 40, title="Varnholm port")  # about 10 kB of report
    return build_brief([source], backend=OfflineBackend(), generated_at=FIXED_TIME)


def test_default_bounds_grow_with_the_report(long_brief: Brief) -> None:
    report = sum(len(source.text) for source in long_brief.sources)
    floor = RenderLimits(seconds=10, max_bytes=50_000, scales=True)
    page = render(long_brief, "html", limits=floor)  # larger than the floor, within the growth
    assert 50_000 < len(page.encode("utf-8")) <= BYTES_PER_REPORT_BYTE * report
    grown = floor.for_reports(report)
    assert grown.max_bytes == BYTES_PER_REPORT_BYTE * report
    assert grown.seconds == 10  # 10 kB of report asks for less time than the floor
    assert RenderLimits(scales=True).for_reports(8_000_000).seconds == 8 * SECONDS_PER_REPORT_MB


def test_bounds_set_explicitly_do_not_grow(long_brief: Brief) -> None:
    with pytest.raises(TemplateError, match="wrote more than 50,000 bytes"):
        render(long_brief, "html", limits=RenderLimits(seconds=10, max_bytes=50_000))


def test_a_template_on_a_short_report_still_meets_the_floor(tmp_path: Path) -> None:
    brief = build_brief([load_source(PARAGRAPH, title="Varnholm port")],
                        backend=OfflineBackend(), generated_at=FIXED_TIME)
    (tmp_path / "brief.md.j2").write_text("{% for i in range(5000) %}{{ brief.title }}{% endfor %}")
    with pytest.raises(TemplateError, match="wrote more than 20,000 bytes"):
        render(brief, templates=tmp_path, limits=RenderLimits(10, 20_000, scales=True))


def test_bounds_from_the_environment_are_explicit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert RenderLimits.from_env().scales
    monkeypatch.setenv("BRIEFING_TEMPLATE_MAX_BYTES", "4096")
    limits = RenderLimits.from_env()
    assert limits.for_reports(10**7) == limits


@pytest.mark.parametrize(("variable", "value"), [
    ("BRIEFING_TEMPLATE_TIMEOUT", "nan"), ("BRIEFING_TEMPLATE_TIMEOUT", "inf"),
    ("BRIEFING_TEMPLATE_TIMEOUT", "-2"), ("BRIEFING_TEMPLATE_TIMEOUT", "soon"),
    ("BRIEFING_TEMPLATE_MAX_BYTES", "0"), ("BRIEFING_TEMPLATE_MAX_BYTES", "1e9"),
])
def test_a_bound_that_is_no_positive_number_is_one_error_line(tmp_path: Path, variable: str,
                                                              value: str) -> None:
    report = tmp_path / "port.txt"
    report.write_text(PARAGRAPH, encoding="utf-8")
    line = error_line(run_cli("generate", str(report), env={variable: value}))
    assert variable in line and repr(value) in line, line
