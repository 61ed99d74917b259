"""Hostile user templates: each gives one `Error:` line, exit 1, no traceback, nothing written.

Templates receive plain data, so no method of a pydantic model (``parse_file``, ``parse_raw``,
``model_dump_json``...) is reachable; the sandbox offers only pure readers of that data, and a
render is bounded in time and output size. Each case runs the real command in a child process
with its own time limit, so a template that would hang or exhaust memory fails the test instead
of the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import build_brief, load_source, render
from briefing.backends.offline import OfflineBackend
from briefing.errors import TemplateError
from briefing.rendering import RenderLimits
from briefing.schema import Brief

from .conftest import FIXED_TIME, SEED

#: (name, template body, what the single error line must say)
HOSTILE = [
    ("parse_file", "{{ brief.parse_file('/etc/passwd') }}", "brief"),
    ("parse_raw", "{{ brief.parse_raw('{}') }}", "brief"),
    ("model_dump_json", "{{ brief.model_dump_json(indent=10**7) }}", "brief"),
    ("claim method", "{{ brief.claims[0].model_dump() }}", "template brief.md.j2"),
    ("schema of a model", "{{ brief.model_json_schema() }}", "template brief.md.j2"),
    ("subclasses", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "template brief.md.j2"),
    ("format width", "{{ '{:>100000000}'.format('x') }}", "template brief.md.j2"),
    ("center", "{{ 'x'.center(10**8) }}", "template brief.md.j2"),
    ("center filter", "{{ 'x' | center(10**8) }}", "template brief.md.j2"),
    ("repeat", "{{ 'x' * 10**8 }}", "output bound"),
    ("power", "{{ 10 ** 100000000 }}", "bits"),
    ("printf width", "{{ '%0100000000d' % 1 }}", "output bound"),
    ("join", "{{ range(100000) | join('x' * 2000) }}", "output bound"),
    ("namespace doubling",
     "{% set ns = namespace(s='xx') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}{{ ns.s | length }}", "namespace"),
    ("macro doubling",
     "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% else %}xxxxxxxx{% endif %}"
     "{% endmacro %}{{ f(40) | length }}", "template brief.md.j2"),
    ("lipsum", "{{ lipsum(10**6) }}", "template brief.md.j2"),
    ("division by zero", "{{ 1 / 0 }}", "ZeroDivisionError"),
    ("type error", "{{ 1 + 'a' }}", "template brief.md.j2"),
    ("recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "template brief.md.j2"),
    ("syntax", "{% for %}", "template brief.md.j2"),
    ("sum of objects", "{{ brief.claims | sum }}", "TypeError"),
    ("fill a list", "{{ brief.claims[0].citations.append('x') }}", "attribute 'append'"),
    ("fill the shared empty list", "{{ brief.claims[0].aspects.append('x') }}",
     "attribute 'append'"),
]


def _run(tmp_path: Path, body: str, *extra: str, env: dict[str, str] | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[str]:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "brief.md.j2").write_text(body, encoding="utf-8")
    environment = {**os.environ, "BRIEFING_TEMPLATE_MAX_BYTES": str(1 << 20), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefing", "generate", str(SEED), "--templates", str(folder),
         "--generated-at", "2026-11-24T12:00:00Z", "-o", str(tmp_path / "brief.md"), *extra],
        capture_output=True, text=True, timeout=timeout, env=environment, check=False)


def _one_error_line(result: subprocess.CompletedProcess[str], tmp_path: Path) -> str:
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == lines[0]
    assert not (tmp_path / "brief.md").exists()
    return lines[0]


@pytest.mark.parametrize(("body", "says"), [(b, s) for _, b, s in HOSTILE],
                         ids=[name for name, _, _ in HOSTILE])
def test_hostile_template_is_one_error_line(tmp_path: Path, body: str, says: str) -> None:
    line = _one_error_line(_run(tmp_path, body), tmp_path)
    assert says in line
    assert "root:" not in line  # /etc/passwd was not read


def test_a_template_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    body = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    result = _run(tmp_path, body, env={"BRIEFING_TEMPLATE_TIMEOUT": "1"}, timeout=30)
    line = _one_error_line(result, tmp_path)
    assert "ran longer than 1 s" in line


def test_a_template_that_writes_too_much_is_stopped(tmp_path: Path) -> None:
    body = "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"
    line = _one_error_line(_run(tmp_path, body), tmp_path)
    assert f"wrote more than {1 << 20:,} bytes" in line


def test_bounds_are_settable_and_checked(tmp_path: Path) -> None:
    result = _run(tmp_path, "{{ brief.title }}", env={"BRIEFING_TEMPLATE_TIMEOUT": "soon"})
    assert "BRIEFING_TEMPLATE_TIMEOUT" in _one_error_line(result, tmp_path)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief(load_source(SEED), backend=OfflineBackend(), generated_at=FIXED_TIME)


def test_plain_data_templates_still_work(tmp_path: Path, brief: Brief) -> None:
    (tmp_path / "brief.md.j2").write_text(
        "{{ brief.title | upper }}|{{ brief.claims | map(attribute='id') | join(',') }}|"
        "{% for k, v in brief.generator.items() %}{{ k }}{% endfor %}|{{ '%5s' % 'ab' }}|"
        "{{ brief.sources[0].text.split()[0] }}")
    out = render(brief, templates=tmp_path)
    ids = ",".join(c.id for c in brief.claims)
    assert out == f"{brief.title.upper()}|{ids}|backendmodelprompt_idprompt_versionprompt_hash" \
        "version|   ab|North"


def test_library_limits_apply(tmp_path: Path, brief: Brief) -> None:
    (tmp_path / "brief.md.j2").write_text("{% for i in range(300) %}{{ brief.title }}{% endfor %}")
    with pytest.raises(TemplateError, match="wrote more than 5,000 bytes"):
        render(brief, templates=tmp_path, limits=RenderLimits(seconds=5, max_bytes=5000))
    assert render(brief, templates=tmp_path, limits=RenderLimits(max_bytes=10**6))


def test_concurrent_user_renders_restore_the_address_space_limit(tmp_path: Path,
                                                                 brief: Brief) -> None:
    import resource
    from concurrent.futures import ThreadPoolExecutor

    (tmp_path / "brief.md.j2").write_text(
        "{% for i in range(2000) %}{{ brief.title | length }}{% endfor %}")
    before = resource.getrlimit(resource.RLIMIT_AS)
    with ThreadPoolExecutor(4) as pool:
        outputs = list(pool.map(lambda _: render(brief, templates=tmp_path), range(16)))
    assert len(set(outputs)) == 1
    assert resource.getrlimit(resource.RLIMIT_AS) == before
