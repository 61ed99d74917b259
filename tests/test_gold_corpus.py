"""The gold corpus is well formed, and the offline backend scores well on its dev split."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.backends.offline import OfflineBackend
from briefing.io.formats import load_file
from briefing.tools.evaluation import evaluate_claims, evaluate_sentences, holders_match, load_gold

from .conftest import FIXTURES

GOLD = FIXTURES / "gold"
BANDS = {"almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely",
         "very likely", "almost certain", None}


@pytest.mark.parametrize("annotations", sorted(GOLD.glob("*/*.jsonl")), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(annotations: Path) -> None:
    text = load_file(str(annotations.with_suffix(".txt"))).text
    lines = [json.loads(line) for line in annotations.read_text("utf-8").splitlines() if line]
    assert len(lines) >= 8
    for item in lines:
        assert set(item) == {"quote", "kind", "holder", "cue", "likelihood"}
        assert item["kind"] in {"fact", "assessment", "uncertainty"}
        assert item["likelihood"] in BANDS
        assert (item["cue"] is None) == (item["kind"] == "fact")
        assert text.count(item["quote"]) == 1, item["quote"]


def test_corpus_has_forty_reports_with_ten_held_out() -> None:
    assert len(load_gold(GOLD, "dev")) >= 30
    assert len(load_gold(GOLD, "test")) == 10


def test_offline_backend_meets_the_dev_targets() -> None:
    result, _ = evaluate_claims(GOLD, OfflineBackend(), "dev")
    assert result["macro_f1"] >= 0.85, result
    assert result["holder_accuracy"] >= 0.85, result
    assert result["grounding_rate"] == 1.0


@pytest.mark.parametrize("report", load_gold(GOLD, "dev"), ids=lambda r: r.name)
def test_each_dev_report_gets_most_kinds_right(report: object) -> None:
    from briefing.brief.assembly import extract_grounded
    from briefing.tools.evaluation import Tally, score_report

    assert hasattr(report, "path")
    source = load_file(str(report.path))  # type: ignore[attr-defined]
    tally = Tally()
    score_report(report, extract_grounded(source, OfflineBackend()).claims, source.text,  # type: ignore[arg-type]
                 tally)
    correct = sum(tally.correct.values())
    assert correct / max(1, sum(tally.gold.values())) >= 0.75, tally.errors


def test_sentence_scores_on_the_fixture() -> None:
    result, predictions = evaluate_sentences(FIXTURES / "sentences.jsonl", OfflineBackend())
    assert result["sentences"] == len(predictions) >= 60
    assert result["f1"] >= 0.85


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("South Korea's Joint Chiefs of Staff", "Joint Chiefs of Staff", True),
    ("the ministry", "The Ministry", True),
    (None, None, True),
    ("Lee Sung-jun", None, False),
    ("Interior Minister Dragan Petrović", "Dragan Petrović", True),
    ("Yonhap agency", "KCNA", False),
])
def test_holder_matching(predicted: str | None, gold: str | None, same: bool) -> None:
    assert holders_match(predicted, gold) is same


def _gold_folder(tmp_path: Path, annotations: bytes) -> Path:
    split = tmp_path / "gold" / "dev"
    split.mkdir(parents=True)
    (split / "a.txt").write_text("The Osk ferry left at dawn.\n", encoding="utf-8")
    if annotations:
        (split / "a.jsonl").write_bytes(annotations)
    return tmp_path / "gold"


@pytest.mark.parametrize(("annotations", "says"), [
    (b"", "holds no gold files"),
    (b'{"quote": "The Osk ferry"}\n', "a.jsonl:1: not a gold claim ('kind')"),
    (b'{"quote": "The Osk ferry", "kind": "rumour"}\n', "not a gold claim (kind 'rumour')"),
    (b'{"quote": "The Osk ferry", "kind": "fact", "holder": "\xff"}\n', "a.jsonl is not UTF-8"),
])
def test_broken_gold_is_one_clear_error(tmp_path: Path, annotations: bytes, says: str) -> None:
    from briefing.errors import SourceError

    with pytest.raises(SourceError, match=re.escape(says)):
        load_gold(_gold_folder(tmp_path, annotations), "dev")


def test_a_sentences_file_that_is_not_utf8_is_one_clear_error(tmp_path: Path) -> None:
    from briefing.errors import SourceError

    path = tmp_path / "sentences.jsonl"
    path.write_bytes(b'{"id": "1", "text": "caf\xe9", "label": "certain"}\n')
    with pytest.raises(SourceError, match="is not UTF-8 text"):
        evaluate_sentences(path, OfflineBackend())
