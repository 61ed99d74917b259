"""The `briefing` command: parse options, call one library function, print the result.

`generate`, `schema` and `diff` are here; `eval` is in `evaluate`; what they share is in `shared`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from briefing.cli.evaluate import eval_group
from briefing.cli.shared import (
    ReportingGroup,
    check_templates,
    emit,
    encoding_option,
    make_backend,
    model_options,
    output_target,
    parse_time,
)
from briefing.errors import BriefingError


@click.group(cls=ReportingGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--encoding", callback=encoding_option,
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
    moment = parse_time(generated_at)
    check_templates(templates, fmt)
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
    target = output_target(output, reports)
    brief = generate_brief(list(reports), backend=make_backend(**model), title=title,
                           generated_at=moment, ratings=sources_table, encoding=encoding)
    from briefing.rendering import render_pieces

    emit(render_pieces(brief, format=fmt, templates=templates, release=True), target)


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


cli.add_command(eval_group)


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
        target = output_target(output, (old, new))
        result = diff_files(old, new, backend=lambda: make_backend(**model),
                            generated_at=parse_time(generated_at))
        emit(render_diff(result, fmt, include_unchanged=show_all), target)
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
