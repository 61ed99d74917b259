"""User templates: they override the shipped ones, and run in Jinja's sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.cli import cli
from briefing.errors import TemplateError
from briefing.schema import Brief

from .conftest import FIXED_TIME, SEED


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief(load_source(SEED), backend=OfflineBackend(), generated_at=FIXED_TIME)


def test_user_template_overrides_the_shipped_one(tmp_path: Path, brief: Brief) -> None:
    (tmp_path / "brief.md.j2").write_text(
        "{{ brief.title }}: {{ facts | length }} facts, {{ uncertainties | length }} unknowns\n")
    assert render(brief, templates=tmp_path) == (
        f"{brief.title}: {len(brief.claims_of('fact'))} facts, "
        f"{len(brief.claims_of('uncertainty'))} unknowns\n")


def test_user_template_can_include_shipped_macros(tmp_path: Path, brief: Brief) -> None:
    (tmp_path / "brief.md.j2").write_text(
        '{% from "_macros.j2" import cite %}{% for c in facts[:1] %}{{ cite(c) }}{% endfor %}\n')
    assert render(brief, templates=tmp_path) == "[S1 ¶2]"  # trim_blocks eats the newline


@pytest.mark.parametrize("body", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ brief.__class__.__init__.__globals__ }}",
    "{% set x = brief.claims.append(1) %}",
])
def test_hostile_templates_are_stopped_by_the_sandbox(tmp_path: Path, brief: Brief,
                                                      body: str) -> None:
    (tmp_path / "brief.md.j2").write_text(body)
    with pytest.raises(TemplateError):
        render(brief, templates=tmp_path)


def test_hostile_template_from_the_cli_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    out = tmp_path / "brief.md"
    result = CliRunner().invoke(cli, ["generate", str(SEED), "--templates", str(tmp_path),
                                      "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: template brief.md.j2")
    assert not out.exists()


def test_missing_template_folder_is_an_error(brief: Brief, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        render(brief, templates=tmp_path / "nowhere")
