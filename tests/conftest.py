"""Shared test fixtures: paths into the repository and a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korea-missile-tests.txt"
FIXTURES = ROOT / "tests" / "fixtures"
FIXED_TIME = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root (paths in briefs are recorded as given)."""
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.fixture(autouse=True)
def _no_model_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never see the developer's model settings or cache: the offline backend is default."""
    for name in ("BRIEFING_API_KEY", "OPENAI_API_KEY", "BRIEFING_BASE_URL", "OPENAI_BASE_URL",
                 "BRIEFING_MODEL", "BRIEFING_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
