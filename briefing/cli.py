"""The `briefing` command: parse options, call one library function, print the result."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from briefing.errors import BriefingError, BriefingWarning

# The command loads no pydantic plugins: looking them up scans every installed package's
# metadata (~20 ms of each run). Set PYDANTIC_DISABLE_PLUGINS yourself to choose otherwise;
# the Python API leaves it alone.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns BriefingError into one `Error: ...` line and exit 1 (tracebacks with --debug);
    Ctrl-C into `Error: interrupted` and exit 130 (SIGTERM: `Error: terminated`, 143)."""

    def invoke(self, ctx: click.Context) -> Any:
        from briefing.errors import Terminated
        from briefing.io import interrupts

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", BriefingWarning)
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except BriefingError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt as exc:
            done = getattr(exc, "done", None)
            word = "terminated" if isinstance(exc, Terminated) else "interrupted"
            click.echo(f"Error: {word}" + (f" ({done})" if done else ""), err=True)
            interrupts.mark_reported()
            interrupts.finish(143 if isinstance(exc, Terminated) else 130)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """Warnings as one `Warning: ...` line on stderr (the library's own; others as Python
    shows them)."""
    if issubclass(category, BriefingWarning):
        click.echo(f"Warning: {message}", err=True)
    else:
        click.echo(warnings.formatwarning(message, category, filename, lineno, line).rstrip(),
                   err=True)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _write_stdout(text: str) -> None:
    """Text to standard output; a closed pipe or a full device is one OutputError."""
    from briefing.errors import OutputError

    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError as exc:
        _quiet_stdout()
        raise OutputError("standard output was closed before everything was written "
                          "(broken pipe)") from exc
    except OSError as exc:
        _quiet_stdout()
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def _emit(text: str, output: Any) -> None:
    """Data to stdout, or atomically to a file (an OutputTarget checked before the work)."""
    if output is None:
        _write_stdout(text)
        return
    from briefing.io.output import write_atomic

    write_atomic(output, text)
    click.echo(f"Wrote {output.name}", err=True)


def _target(output: str | None, inputs: tuple[str, ...] = ()) -> Any:
    """The checked output file of -o (None for stdout: no -o, or -o -)."""
    if not output or output == "-":
        return None
    from briefing.io.output import check_output

    return check_output(output, inputs)


def _check_templates(templates: str | None, fmt: str = "json") -> None:
    """--templates must name a readable folder whose template for ``fmt`` compiles: checked
    before any work is done (and before any model request is paid for)."""
    if templates is None:
        return
    from briefing.errors import TemplateError

    folder = Path(templates)
    if not folder.is_dir():
        raise TemplateError(f"--templates {templates} is not a folder")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise TemplateError(f"--templates {templates} cannot be read")
    if fmt != "json":
        from briefing.rendering import renderer

        renderer(f"brief.{'md' if fmt == 'markdown' else fmt}.j2", templates, html=fmt == "html")


def _parse_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    from briefing.errors import ConfigurationError

    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ConfigurationError(f"--generated-at must be ISO 8601, not {value!r}") from exc
    if moment.tzinfo is None:
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--encoding must name a codec Python knows."""
    if value is None:
        return None
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


def model_options(function: F) -> F:
    """Options that choose and configure the extraction backend (shared by generate and diff)."""
    options = [
        click.option("--backend", type=click.Choice(["offline", "llm"]), envvar="BRIEFING_BACKEND",
                     help="Extraction backend. Default: offline, unless BRIEFING_BASE_URL, "
                     "BRIEFING_API_KEY or --base-url configures a model endpoint "
                     "(OPENAI_* variables never choose llm)."),
        click.option("--model", envvar="BRIEFING_MODEL", help="Model name (llm backend)."),
        click.option("--base-url", envvar="BRIEFING_BASE_URL",
                     help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1."),
        click.option("--concurrency", type=click.IntRange(1, 64), default=None,
                     help="Reports extracted at once by the llm backend (default 4)."),
        click.option("--max-tokens-total", type=click.IntRange(1), default=None,
                     help="Stop before model usage would exceed this many tokens."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the response cache."),
        click.option("--timeout", type=click.FloatRange(0.1), default=None,
                     help="Seconds to wait for one model response (default 120)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def make_backend(backend: str | None, model: str | None, base_url: str | None,
                 concurrency: int | None, max_tokens_total: int | None, no_cache: bool,
                 timeout: float | None) -> Any:
    """Build the backend the options ask for, and say on stderr which one it is."""
    from briefing.backends import get_backend
    from briefing.config import Settings

    settings = Settings.from_env(
        backend=backend, model=model, base_url=base_url, concurrency=concurrency,
        max_tokens_total=max_tokens_total, timeout=timeout,
        cache=False if no_cache else None,
    )
    chosen = get_backend(settings.default_backend(), settings=settings)
    server = getattr(chosen, "server", None)
    if isinstance(server, str):  # before the first request, model discovery included
        from urllib.parse import urlsplit

        host = urlsplit(server).netloc or server
        click.echo(f"Reports will be sent to {host} ({server}).", err=True)
    described = chosen.name + (f" (model {chosen.model})" if chosen.model else "")
    click.echo(f"Using the {described} backend.", err=True)
    return chosen


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn raw reports into intelligence briefs that keep facts, assessments and
    speculation apart, every claim quoted from its source.

    \b
    Example:
      briefing generate seeds/north-korea-missile-tests.txt
    """
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("reports", nargs=-1)
@click.option("-o", "--output", type=click.Path(),
              help="Write to FILE (atomically); with --each, the folder for the briefs.")
@click.option("-f", "--format", "fmt", type=click.Choice(["markdown", "json", "html"]),
              default="markdown", show_default=True, help="Output format.")
@click.option("--title", help="Title of the brief (default: the report's title).")
@click.option("--templates", type=click.Path(file_okay=False),
              help="Folder of Jinja templates overriding the shipped ones (run sandboxed).")
@click.option("--generated-at", help="Timestamp to record (ISO 8601), for reproducible output.")
@click.option("--sources", "sources_table", type=click.Path(dir_okay=False),
              help="YAML table of publisher: reliability (A-F); unlisted publishers are F.")
@click.option("--each", type=click.Path(file_okay=False),
              help="Write one brief per report in DIR to the folder given by -o.")
@click.option("--encoding", callback=_encoding,
              help="Read every report in this encoding (e.g. cp1252) instead of detecting it.")
@model_options
def generate(reports: tuple[str, ...], output: str | None, fmt: str, title: str | None,
             templates: str | None, generated_at: str | None, sources_table: str | None,
             each: str | None, encoding: str | None, **model: Any) -> None:
    """Brief one or more REPORTS (.txt, .md, .html, .json, .jsonl, .pdf, .docx, .eml files,
    folders of them, or - for standard input) in one brief, or each report of a folder in its
    own brief.

    \b
    Examples:
      briefing generate report.txt
      briefing generate report.txt --format json -o brief.json
      cat report.txt | briefing generate - --title "Morning brief"
      briefing generate a.txt b.html c.jsonl --sources ratings.yaml
      briefing generate --each reports/ -o briefs/
    """
    from briefing.api import generate_brief

    if each is not None and (reports or not output):
        raise click.UsageError("--each DIR takes no REPORTS and needs -o OUTDIR")
    if each is None and not reports:
        raise click.UsageError("Missing argument 'REPORTS...' (or use --each DIR -o OUTDIR).")
    if each is None and output and Path(output).is_dir():
        raise click.UsageError(f"-o {output} is a folder; folders are for --each")
    moment = _parse_time(generated_at)
    _check_templates(templates, fmt)
    if each is not None:  # every output checked before a backend is built
        from briefing.tools.batch import plan_batch, run_batch

        plan = plan_batch(each, str(output), fmt=fmt, templates=templates,
                          ratings=sources_table, encoding=encoding)
        result = run_batch(plan, backend=make_backend(**model), title=title,
                           generated_at=moment, workers=model.get("concurrency"),
                           echo=lambda message: click.echo(message, err=True))
        click.echo(result.summary(), err=True)
        result.check()
        return
    target = _target(output, reports)
    brief = generate_brief(list(reports), backend=make_backend(**model), title=title,
                           generated_at=moment, ratings=sources_table, encoding=encoding)
    from briefing.rendering import render

    _emit(render(brief, format=fmt, templates=templates), target)


@cli.command()
@click.option("--diff", "diff_schema", is_flag=True, help="Print the schema of diff output instead.")
def schema(diff_schema: bool) -> None:
    """Print the JSON Schema of the brief (Brief JSON v1).

    \b
    Example:
      briefing schema > brief.schema.json
    """
    import json

    if diff_schema:
        from briefing.tools.diff import diff_json_schema

        click.echo(json.dumps(diff_json_schema(), indent=2))
        return
    from briefing.schema import brief_json_schema

    click.echo(json.dumps(brief_json_schema(), indent=2))


@cli.group(name="eval")
def eval_group() -> None:
    """Score extraction against gold annotations (see tests/fixtures/gold/GUIDE.md)."""


@eval_group.command(name="claims")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="Score one split only (default: both). test/ is held out from tuning.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
@click.option("--errors", type=click.Path(dir_okay=False),
              help="Write every mismatch (JSONL) to this file.")
@model_options
def eval_claims(gold_dir: str, split: str | None, as_json: bool, errors: str | None,
                **model: Any) -> None:
    """Per-kind precision/recall/F1, holder, likelihood and grounding scores.

    With --backend llm the model alone, the offline reader alone and the merged result are
    scored side by side (--json prints all three).

    \b
    Example:
      briefing eval claims tests/fixtures/gold --split test
      briefing eval claims tests/fixtures/gold --split test --backend llm --base-url URL
    """
    import json

    from briefing.tools.evaluation import evaluate_claims, format_claim_scores

    backend = make_backend(**model)
    if backend.name == "llm":
        from briefing.tools.reader_scores import evaluate_readers, format_reader_scores

        result, mistakes = evaluate_readers(gold_dir, backend, split)
        click.echo(format_reader_scores(result), err=True, nl=False)
    else:
        result, mistakes = evaluate_claims(gold_dir, backend, split)
        click.echo(format_claim_scores(result), err=True, nl=False)
    if errors:
        from briefing.io.output import write_atomic

        write_atomic(errors, "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in mistakes))
    if as_json:
        click.echo(json.dumps(result, indent=2))


@eval_group.command(name="attributions")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
@click.option("--errors", type=click.Path(dir_okay=False),
              help="Write every miss, false alarm and wrong source (JSONL) to this file.")
@model_options
def eval_attributions(gold_dir: str, as_json: bool, errors: str | None, **model: Any) -> None:
    """Content-match P/R/F1, source and cue accuracy against brat files (NAME.txt + NAME.ann).

    \b
    Example:
      briefing eval attributions polnear/dev --errors mistakes.jsonl
    """
    import json

    from briefing.tools.attribution_eval import (
        attribution_scores,
        evaluate_attributions,
        format_attribution_scores,
    )

    tally = evaluate_attributions(gold_dir, make_backend(**model))
    result = attribution_scores(tally)
    click.echo(format_attribution_scores(result), err=True, nl=False)
    if errors:
        from briefing.io.output import write_atomic

        write_atomic(errors, "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in tally.errors))
    if as_json:
        click.echo(json.dumps(result, indent=2))


@eval_group.command(name="sentences")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="Write per-sentence predictions (JSONL) to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
@model_options
def eval_sentences(file: str, predictions: str | None, as_json: bool, **model: Any) -> None:
    """Precision/recall/F1 of "uncertain" sentences (lines: {"id", "text", "label"}).

    \b
    Example:
      briefing eval sentences tests/fixtures/sentences.jsonl
    """
    import json

    from briefing.tools.evaluation import evaluate_sentences, format_sentence_scores

    result, rows = evaluate_sentences(file, make_backend(**model))
    click.echo(format_sentence_scores(result), err=True, nl=False)
    if predictions:
        from briefing.io.output import write_atomic

        write_atomic(predictions, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if as_json:
        click.echo(json.dumps(result, indent=2))


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically).")
@click.option("-f", "--format", "fmt", type=click.Choice(["markdown", "json"]),
              default="markdown", show_default=True, help="Output format.")
@click.option("--exit-code", is_flag=True,
              help="Exit like diff(1): 0 when nothing changed, 1 when anything did, 2 on trouble.")
@click.option("--all", "show_all", is_flag=True, help="Also list the unchanged claims.")
@click.option("--generated-at",
              help="Timestamp for briefs made from reports (ISO 8601), for reproducible output.")
@model_options
@click.pass_context
def diff(ctx: click.Context, /, old: str, new: str, output: str | None, fmt: str, exit_code: bool,
         show_all: bool, generated_at: str | None, **model: Any) -> None:
    """Show what changed between two briefs of a developing story.

    OLD and NEW are brief JSON files (from generate --format json) or reports,
    which are briefed first with the chosen backend; either may be - (stdin).

    \b
    Examples:
      briefing diff monday.json tuesday.json
      briefing diff old-report.txt new-report.txt --format json -o diff.json
      briefing diff old.json new.json --exit-code > /dev/null || echo changed
    """
    from briefing.tools.diff import diff_files, render_diff

    try:
        target = _target(output, (old, new))
        result = diff_files(old, new, backend=lambda: make_backend(**model),
                            generated_at=_parse_time(generated_at))
        _emit(render_diff(result, fmt, include_unchanged=show_all), target)
    except BriefingError as exc:
        if not exit_code or (ctx.obj and ctx.obj.get("debug")):
            raise
        click.echo(f"Error: {exc}", err=True)  # diff(1): trouble is 2, a difference is 1
        sys.exit(2)
    if exit_code and result.changed:
        sys.exit(1)


def main() -> None:
    """Entry point of the console script: signals end the run cleanly (see io.interrupts)."""
    from briefing.io import interrupts

    interrupts.install()
    cli(prog_name="briefing")
