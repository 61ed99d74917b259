"""`briefing eval`: scores of the extraction against gold annotations (claims, attributions,
sentences)."""

from __future__ import annotations

from typing import Any

import click

from briefing.cli.shared import make_backend, model_options


@click.group(name="eval")
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
