"""The built wheel carries templates/ and prompts/ and renders a brief outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SEED


@pytest.mark.slow
def test_wheel_installs_and_renders_a_brief(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist),
         str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next(dist.glob("briefing-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/templates/brief.md.j2" in names
    assert any(n.startswith("briefing/prompts/") for n in names)
    # A fresh install location with the wheel alone (its dependencies come from this
    # environment: tests make no network requests, so nothing is downloaded).
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
         str(target), str(wheel)], capture_output=True, text=True, timeout=600, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    report = workdir / "report.txt"
    report.write_bytes(SEED.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import briefing, sys; print(briefing.__file__, file=sys.stderr); "
            "from briefing.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "generate", "report.txt"], cwd=workdir,
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stderr.splitlines()[0]
    assert "## Uncertainties and information gaps" in result.stdout
    assert "may be related to arms exports" in result.stdout
