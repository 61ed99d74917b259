"""Batch runs: one brief per report of a folder, written to an output folder; failures isolated."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

from briefing.backends import Backend, get_backend
from briefing.errors import BriefingError, SourceError
from briefing.schema import Brief

#: File suffix of each output format.
SUFFIX: Final = {"markdown": ".md", "json": ".json", "html": ".html"}
_TEMPLATES: Final = {"markdown": "brief.md.j2", "html": "brief.html.j2"}


class BatchError(BriefingError):
    """Raised after a batch run in which some reports failed; the others' briefs were written."""


@dataclass(frozen=True)
class BatchFailure:
    """A report that produced no brief, and why."""

    name: str
    message: str


@dataclass
class BatchResult:
    """What a batch run wrote, and which reports failed."""

    written: list[Path] = field(default_factory=list)
    failed: list[BatchFailure] = field(default_factory=list)

    def check(self) -> None:
        """Raise BatchError naming the failed reports, if any."""
        if self.failed:
            names = ", ".join(failure.name for failure in self.failed)
            total = len(self.failed) + len(self.written)
            raise BatchError(f"{len(self.failed)} of {total} reports failed: {names}")


def default_workers(backend: Backend) -> int:
    """Reports briefed at once: one for the offline backend, the configured concurrency else."""
    if backend.name == "offline":
        return 1
    settings = getattr(backend, "settings", None)
    return int(getattr(settings, "concurrency", 4) or 4)


def _renderer(fmt: str, templates: Path | None) -> Callable[[Brief], str]:
    """A render function that compiles the template once for the whole batch, not per brief."""
    from briefing.rendering import brief_context, brief_json, renderer

    if fmt == "json":
        return brief_json
    render_context = renderer(_TEMPLATES[fmt], templates, html=fmt == "html")

    def render(brief: Brief) -> str:
        return render_context(brief_context(brief, review_page=fmt == "html"))

    return render


def _output_names(files: list[Path]) -> dict[Path, str]:
    """Output base names: the file's stem, or its whole name when two files share a stem."""
    stems: dict[str, int] = {}
    for file in files:
        stems[file.stem] = stems.get(file.stem, 0) + 1
    return {file: file.stem if stems[file.stem] == 1 else file.name for file in files}


def run_batch(
    folder: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    backend: Backend | None = None,
    fmt: str = "markdown",
    templates: str | os.PathLike[str] | None = None,
    title: str | None = None,
    generated_at: datetime | None = None,
    ratings: Mapping[str, str] | str | os.PathLike[str] | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    echo: Callable[[str], None] | None = None,
) -> BatchResult:
    """Write one brief per report in ``folder`` to ``outdir`` (``name.md``, ``name.json``...).

    A file holding several reports (JSONL, a JSON list) gives ``name-1``, ``name-2``...
    A report that fails is reported through ``echo`` and skipped; the others are written.
    ``progress`` shows a bar on stderr (default: when stderr is a terminal); ``workers``
    reports are briefed at once (default: see default_workers).
    """
    from tqdm import tqdm

    from briefing.brief.assembly import build_brief
    from briefing.io.formats import load_sources, rating_lookup, report_files
    from briefing.io.output import write_atomic

    if fmt not in SUFFIX:
        raise BriefingError(f"unknown format {fmt!r}; choose one of {', '.join(SUFFIX)}")
    if not Path(folder).is_dir():
        raise SourceError(f"{os.fspath(folder)} is not a folder")
    files = report_files(folder)
    chosen = backend or get_backend()
    lookup = rating_lookup(ratings)
    target = Path(outdir)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"cannot create {target}: {exc.strerror or exc}") from exc
    names = _output_names(files)
    render = _renderer(fmt, Path(templates) if templates is not None else None)

    def one(file: Path) -> tuple[list[Path], list[BatchFailure]]:
        written: list[Path] = []
        failed: list[BatchFailure] = []
        try:
            sources = load_sources(file, ratings=lookup)
        except BriefingError as exc:
            return written, [BatchFailure(str(file), str(exc))]
        for number, source in enumerate(sources, start=1):
            base = names[file] + (f"-{number}" if len(sources) > 1 else "")
            path = target / (base + SUFFIX[fmt])
            try:
                brief = build_brief([source], backend=chosen, title=title,
                                    generated_at=generated_at)
                write_atomic(path, render(brief))
            except BriefingError as exc:
                failed.append(BatchFailure(source.path or str(file), str(exc)))
                continue
            written.append(path)
        return written, failed

    result = BatchResult()
    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(total=len(files), unit="report", file=sys.stderr, disable=not show,
              dynamic_ncols=True) as bar:

        def record(outcome: tuple[list[Path], list[BatchFailure]]) -> None:
            written, failed = outcome
            result.written.extend(written)
            for failure in failed:
                result.failed.append(failure)
                named = failure.message.startswith(failure.name)
                message = "Failed: " + (failure.message if named
                                        else f"{failure.name}: {failure.message}")
                if show:
                    bar.write(message, file=sys.stderr)
                elif echo is not None:
                    echo(message)
            bar.update(1)

        count = workers or default_workers(chosen)
        if count <= 1:
            for file in files:
                record(one(file))
        else:
            with ThreadPoolExecutor(max_workers=count) as pool:
                futures = [pool.submit(one, file) for file in files]
                for future in as_completed(futures):
                    record(future.result())
    result.written.sort()
    result.failed.sort(key=lambda failure: failure.name)
    return result
