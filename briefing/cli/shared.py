"""What every `briefing` command shares: the group that turns errors into one `Error:` line,
data to stdout or an -o file, option parsing, and the model options with the backend they make."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
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


class ReportingGroup(click.Group):
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


def _blocks(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """Pieces of text joined into blocks of about ``size`` characters (click.echo flushes each
    write, and a brief of a long report comes in hundreds of thousands of pieces)."""
    block: list[str] = []
    held = 0
    for piece in pieces:
        block.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(block)
            block, held = [], 0
    if block:
        yield "".join(block)


def _write_stdout(text: str | Iterable[str]) -> None:
    """Text (or pieces of it) to standard output; a closed pipe or a full device is one
    OutputError."""
    from briefing.errors import OutputError

    try:
        for block in [text] if isinstance(text, str) else _blocks(text):
            click.echo(block, nl=False)
        sys.stdout.flush()
    except BrokenPipeError as exc:
        _quiet_stdout()
        raise OutputError("standard output was closed before everything was written "
                          "(broken pipe)") from exc
    except OSError as exc:
        _quiet_stdout()
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def emit(text: str | Iterable[str], output: Any) -> None:
    """Data (text, or pieces of it written in turn) to stdout, or atomically to a file (an
    OutputTarget checked before the work)."""
    if output is None:
        _write_stdout(text)
        return
    from briefing.io.output import write_atomic

    write_atomic(output, text)
    click.echo(f"Wrote {output.name}", err=True)


def output_target(output: str | None, inputs: tuple[str, ...] = ()) -> Any:
    """The checked output file of -o (None for stdout: no -o, or -o -)."""
    if not output or output == "-":
        return None
    from briefing.io.output import check_output

    return check_output(output, inputs)


def check_templates(templates: str | None, fmt: str = "json") -> None:
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


def parse_time(value: str | None) -> datetime | None:
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


def encoding_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
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
