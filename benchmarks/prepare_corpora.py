"""Lay out the public development corpora for the offline reader, with our own dev/test split.

Reads PolNeAR (attributions in news articles, brat stand-off) and the Szeged Uncertainty
Corpus's Wikipedia and biological parts (Bioscope-style XML), leaves out every document the
exclude file lists, and writes, under OUT:

- ``polnear/dev/`` and ``polnear/test/``: ``ID.txt`` + ``ID.ann`` pairs (one annotator's file
  per article, the first by name), the layout ``briefing eval attributions`` reads;
- ``szeged/wiki-dev.jsonl``, ``wiki-test.jsonl``, ``bio-dev.jsonl``, ``bio-test.jsonl``: one
  sentence a line, ``{"id", "text", "label"}``, the label ``uncertain`` where the corpus marks
  an uncertainty cue in it, else ``certain``: the input of ``briefing eval sentences``.

The split is by document, deterministic: a document is dev when the first byte of the sha1 of
its id is even. The corpora's text is not ours to redistribute: OUT must be outside the
repository. The FactBank (newswire) part of the Szeged corpus is never read.

Run: python benchmarks/prepare_corpora.py --polnear PolNeAR --szeged uncertainty/corpora/old \
        --exclude ../shared/heldout-exclude.txt --out /work/data
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

SZEGED_PARTS = {"wiki": ["wiki.xml"], "bio": ["bio_bmc.xml", "bio_fly.xml", "bio_hbc.xml"]}


def split_of(doc_id: str) -> str:
    return "dev" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_exclude(path: Path) -> dict[str, set[str]]:
    """Corpus name -> the document ids it must leave out."""
    excluded: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            corpus, _, doc_id = line.partition(" ")
            excluded.setdefault(corpus, set()).add(doc_id.strip())
    return excluded


def prepare_polnear(root: Path, excluded: set[str], out: Path) -> dict[str, int]:
    counts = {"dev": 0, "test": 0}
    for split in ("dev", "test"):
        shutil.rmtree(out / split, ignore_errors=True)
        (out / split).mkdir(parents=True)
    for compartment in ("train", "dev", "test"):
        for text in sorted((root / "data" / compartment / "text").glob("*.txt")):
            doc_id = text.stem
            if doc_id in excluded:
                continue
            annotations = sorted((root / "data" / compartment / "attributions").glob(f"{doc_id}_*.ann"))
            if not annotations:
                continue
            split = split_of(doc_id)
            shutil.copyfile(text, out / split / f"{doc_id}.txt")
            shutil.copyfile(annotations[0], out / split / f"{doc_id}.ann")
            counts[split] += 1
    return counts


def prepare_szeged(root: Path, excluded: set[str], out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for part, files in SZEGED_PARTS.items():
        rows: dict[str, list[str]] = {"dev": [], "test": []}
        for name in files:
            for document in ET.parse(root / name).getroot().iter("Document"):
                doc_id = " ".join("".join(d.itertext()) for d in document.iter("DocID")).strip()
                if part == "wiki" and doc_id in excluded:
                    continue
                split = split_of(f"{name}/{doc_id}")
                for sentence in document.iter("Sentence"):
                    text = " ".join("".join(sentence.itertext()).split())
                    if text:
                        cued = any(True for _ in sentence.iter("ccue"))
                        rows[split].append(json.dumps({
                            "id": f"{doc_id}/{sentence.get('id')}", "text": text,
                            "label": "uncertain" if cued else "certain"}, ensure_ascii=False))
        for split, lines in rows.items():
            (out / f"{part}-{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            counts[f"{part}-{split}"] = len(lines)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, help="a checkout of PolNeAR (holds data/)")
    parser.add_argument("--szeged", type=Path, help="the folder of wiki.xml and bio_*.xml")
    parser.add_argument("--exclude", type=Path, required=True, help="heldout-exclude.txt")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    excluded = read_exclude(args.exclude)
    if args.polnear:
        counts = prepare_polnear(args.polnear, excluded.get("polnear", set()), args.out / "polnear")
        print(f"polnear articles: {counts}")
    if args.szeged:
        counts = prepare_szeged(args.szeged, excluded.get("wikiweasel", set()), args.out / "szeged")
        print(f"szeged sentences: {counts}")


if __name__ == "__main__":
    main()
