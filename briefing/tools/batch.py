"""Batch runs: one brief per report of a folder, written to an output folder; failures isolated."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from briefing.backends import Backend, get_backend
from briefing.errors import BriefingError, OutputError, SourceError, TransportError
from briefing.io.output import OutputTarget
from briefing.schema import Brief, Source

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


_Outcome = tuple[list[Path], list[BatchFailure]]


@dataclass
class BatchResult:
    """What a batch run wrote, and which reports failed."""

    written: list[Path] = field(default_factory=list)
    failed: list[BatchFailure] = field(default_factory=list)
    outdir: Path | None = None

    def summary(self) -> str:
        """One line saying exactly how many briefs were written, and where."""
        where = f" to {self.outdir}" if self.outdir is not None else ""
        return f"Wrote {_briefs(len(self.written))}{where}"

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


def _renderer(fmt: str, templates: Path | None) -> Callable[[Brief], Iterable[str]]:
    """A render function that compiles the template once for the whole batch, not per brief,
    and gives the brief's text in pieces as a single ``generate`` does (``render_pieces`` with
    ``release``): JSON made as it is written, a template's data taking the claims out of the
    brief, which the batch drops once written; the template's bounds grow with the report as
    they do for ``generate`` (``RenderLimits.for_reports``)."""
    from briefing.rendering import RenderLimits, brief_context, brief_json_chunks, piece_renderer

    if fmt == "json":
        return brief_json_chunks
    html = fmt == "html"
    piece_renderer(_TEMPLATES[fmt], templates, html=html)  # compiled (and checked) here, once
    limits = RenderLimits.from_env()

    def render(brief: Brief) -> Iterable[str]:
        bounds = limits.for_reports(sum(len(source.text) for source in brief.sources))
        render_context = piece_renderer(_TEMPLATES[fmt], templates, html=html, limits=bounds)
        return render_context(brief_context(brief, review_page=html, release=True))

    return render


@dataclass(frozen=True)
class BatchJob:
    """One report of a batch and the output file its brief goes to (checked beforehand)."""

    source: Source
    target: OutputTarget


@dataclass
class BatchPlan:
    """Everything a batch run will do, settled before the first brief is made: each report's
    output file (unique, never an input, in a writable folder), the files that could not be
    read, and the compiled template."""

    outdir: Path
    jobs: list[BatchJob]
    failed: list[BatchFailure]
    render: Callable[[Brief], Iterable[str]]


def _unique_names(files: list[Path], counts: dict[Path, int], suffix: str) -> dict[Path, list[str]]:
    """Output file names per input file: the stem (the whole name when two files share a stem),
    ``-1``, ``-2``... for files holding several reports, and ``~2``, ``~3``... after a name
    another report already took (compared ignoring case, for case-insensitive disks)."""
    stems: dict[str, int] = {}
    for file in files:
        stems[file.stem] = stems.get(file.stem, 0) + 1
    taken: set[str] = set()
    names: dict[Path, list[str]] = {}
    for file in files:
        base = file.stem if stems[file.stem] == 1 else file.name
        count = counts[file]
        wanted = [base + (f"-{n}" if count > 1 else "") for n in range(1, count + 1)]
        chosen: list[str] = []
        for name in wanted:
            candidate, copy = name + suffix, 1
            while candidate.casefold() in taken:
                copy += 1
                candidate = f"{name}~{copy}{suffix}"
            taken.add(candidate.casefold())
            chosen.append(candidate)
        names[file] = chosen
    return names


def plan_batch(
    folder: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    fmt: str = "markdown",
    templates: str | os.PathLike[str] | None = None,
    ratings: Mapping[str, str] | str | os.PathLike[str] | None = None,
    encoding: str | None = None,
) -> BatchPlan:
    """Read every report of ``folder`` and settle where each brief goes, writing nothing.

    Raises before any brief is made when the output folder cannot be made or written, or when
    an output would replace an input report or something that is not a regular file; files
    that cannot be read become failures of the run (the others still go ahead).
    """
    from briefing.io.formats import load_sources, rating_lookup, report_files
    from briefing.io.output import check_output, file_identity

    if fmt not in SUFFIX:
        raise BriefingError(f"unknown format {fmt!r}; choose one of {', '.join(SUFFIX)}")
    if not Path(folder).is_dir():
        raise SourceError(f"{os.fspath(folder)} is not a folder")
    files = report_files(folder, announce_skipped=True)
    lookup = rating_lookup(ratings)
    render = _renderer(fmt, Path(templates) if templates is not None else None)
    target = Path(outdir)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {target}: {exc.strerror or exc}") from exc
    loaded: dict[Path, list[Source]] = {}
    failed: list[BatchFailure] = []
    for file in files:
        try:
            loaded[file] = load_sources(file, ratings=lookup, encoding=encoding)
        except BriefingError as exc:
            failed.append(BatchFailure(str(file), str(exc)))
    readable = [file for file in files if file in loaded]
    names = _unique_names(readable, {f: len(loaded[f]) for f in readable}, SUFFIX[fmt])
    inputs = {identity for file in files if (identity := file_identity(file)) is not None}
    jobs: list[BatchJob] = []
    for file in readable:
        for source, name in zip(loaded[file], names[file], strict=True):
            checked = check_output(target / name)
            if file_identity(checked.path) in inputs:
                raise OutputError(f"refusing to write {checked.name}: it is an input report; "
                                  "choose another output folder")
            jobs.append(BatchJob(source, checked))
    return BatchPlan(target, jobs, failed, render)


def run_batch(
    folder: str | os.PathLike[str] | BatchPlan,
    outdir: str | os.PathLike[str] | None = None,
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

    ``folder`` may also be a plan from ``plan_batch`` (then ``outdir``, ``fmt``, ``templates``
    and ``ratings`` are already settled). A file holding several reports (JSONL, a JSON list)
    gives ``name-1``, ``name-2``...; no two reports write the same file and none replaces an
    input. A report that fails is reported through ``echo`` and skipped; the others are written.
    When the model server cannot be reached, the reports still queued fail at once with the
    same error. Ctrl-C cancels the queued reports; the briefs already written stay, and the
    KeyboardInterrupt carries ``done``, a sentence saying how many were written.
    ``progress`` shows a bar on stderr (default: when stderr is a terminal); ``workers``
    reports are briefed at once (default: see default_workers).
    """
    from tqdm import tqdm

    from briefing.brief.assembly import build_brief
    from briefing.io.output import write_atomic

    if isinstance(folder, BatchPlan):
        plan = folder
    else:
        if outdir is None:
            raise BriefingError("run_batch needs an output folder")
        plan = plan_batch(folder, outdir, fmt=fmt, templates=templates, ratings=ratings)
    chosen = backend or get_backend()
    unreachable: list[TransportError] = []

    result = BatchResult()
    # Briefs are written and counted under one lock, which Ctrl-C takes to close the batch:
    # no brief lands after the count of written ones is given.
    closing = threading.Lock()
    closed: list[bool] = []

    def one(job: BatchJob) -> tuple[list[Path], list[BatchFailure]]:
        name = job.source.path or job.target.name
        if unreachable:  # the server is gone: fail at once, with the same error
            return [], [BatchFailure(name, str(unreachable[0]))]
        try:
            brief = build_brief([job.source], backend=chosen, title=title,
                                generated_at=generated_at)
            pieces = plan.render(brief)
            with closing:
                if closed:
                    return [], []
                write_atomic(job.target, pieces)
                result.written.append(job.target.path)
        except TransportError as exc:
            if exc.unreachable:  # no answer at all (refused, silent), not a 5xx
                unreachable.append(exc)
            return [], [BatchFailure(name, str(exc))]
        except BriefingError as exc:
            return [], [BatchFailure(name, str(exc))]
        return [job.target.path], []

    show = sys.stderr.isatty() if progress is None else progress

    def tell(message: str, bar: Any) -> None:
        if show:
            bar.write(message, file=sys.stderr)
        elif echo is not None:
            echo(message)

    def record(outcome: tuple[list[Path], list[BatchFailure]], bar: Any) -> None:
        written, failed = outcome
        for failure in failed:
            result.failed.append(failure)
            named = failure.message.startswith(failure.name)
            tell("Failed: " + (failure.message if named
                               else f"{failure.name}: {failure.message}"), bar)
        bar.update(len(written) + len(failed))

    total = len(plan.jobs) + len(plan.failed)
    with tqdm(total=total, unit="report", file=sys.stderr, disable=not show,
              dynamic_ncols=True) as bar:
        for failure in plan.failed:
            record(([], [failure]), bar)
        count = workers or default_workers(chosen)
        try:
            if count <= 1:
                for job in plan.jobs:
                    record(one(job), bar)
            else:
                _run_pool(plan.jobs, one, count, lambda outcome: record(outcome, bar))
        except KeyboardInterrupt as exc:
            with closing:
                closed.append(True)
            left = total - len(result.written) - len(result.failed)
            exc.done = (f"wrote {_briefs(len(result.written))} to {plan.outdir}; "  # type: ignore[attr-defined]
                        f"{left} of {total} reports not briefed")
            raise
    result.written.sort()
    result.failed.sort(key=lambda failure: failure.name)
    result.outdir = plan.outdir
    return result


def _briefs(count: int) -> str:
    return f"{count} brief" + ("" if count == 1 else "s")


def _run_pool(jobs: list[BatchJob], one: Callable[[BatchJob], _Outcome], count: int,
              record: Callable[[_Outcome], None]) -> None:
    """Run jobs on ``count`` threads; on Ctrl-C, cancel the queued ones and return at once
    (jobs in flight finish or are cut off by the process's exit, never waited for here)."""
    pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="briefing-batch")
    try:
        futures = [pool.submit(one, job) for job in jobs]
        for future in as_completed(futures):
            record(future.result())
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
