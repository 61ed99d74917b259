"""The model's answer: its pydantic schema (half the prompt), the JSON Schema sent to servers,
and reading the raw text of an answer."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final

from pydantic import Field, ValidationError

from briefing.schema import ClaimKind, Confidence, EntityType, StrictModel

#: BLUF bullets kept per source.
MAX_BLUF: Final = 3


class AnswerClaim(StrictModel):
    """One claim as the model states it; our code grounds the quote and computes the band."""

    id: str = Field(description="Claim id, c1, c2, ... in report order.",
                    json_schema_extra={"maxLength": 12})
    kind: ClaimKind = Field(
        description="fact: stated without hedging (attribution alone does not hedge); "
        "assessment: a judgment a holder commits to (likely, probably, assess, believe); "
        "uncertainty: a possibility, speculation, unknown or conditional (may, might, could, "
        "does not rule out, unclear, if)."
    )
    statement: str = Field(
        description="The claim as one self-contained sentence, pronouns and short names resolved.",
        json_schema_extra={"maxLength": 400},
    )
    quote: str = Field(
        description="The report's words that state the claim, copied character for character: "
        "one contiguous passage, no ellipsis, no paraphrase.",
        json_schema_extra={"maxLength": 600},
    )
    holder: str | None = Field(
        description="Who holds the claim, in the fullest form the report uses; null when it is "
        "the report's own voice.",
        json_schema_extra={"maxLength": 120},
    )
    attribution_cue: str | None = Field(
        description='Words that attribute the claim, as written ("said", "according to"); or null.',
        json_schema_extra={"maxLength": 60},
    )
    hedge_cue: str | None = Field(
        description='Hedge or judgment word or phrase as written ("likely", "may", "believe", '
        '"does not rule out", "if"); null for facts.',
        json_schema_extra={"maxLength": 60},
    )
    stated_confidence: Confidence | None = Field(
        description="Confidence the report states in words for this claim; null unless stated."
    )


class AnswerEntity(StrictModel):
    """A named person, organization, country, place or weapon."""

    name: str = Field(description="The name as written in the report.",
                      json_schema_extra={"maxLength": 120})
    type: EntityType = Field(description="What kind of thing the name refers to.")


class AnswerBullet(StrictModel):
    """One line of the bottom line up front."""

    text: str = Field(description="One short sentence for a decision maker.",
                      json_schema_extra={"maxLength": 300})
    claim_ids: list[str] = Field(description="Ids of the claims this bullet rests on.",
                                 json_schema_extra={"maxItems": 8})


class Answer(StrictModel):
    """The model's whole answer for one report (or one chunk of a long report)."""

    claims: list[AnswerClaim] = Field(description="Every claim of the report, in report order.")
    entities: list[AnswerEntity] = Field(description="Named entities, each once.")
    bluf: list[AnswerBullet] = Field(description="At most three bottom-line bullets.")


def answer_schema(max_claims: int = 40) -> dict[str, Any]:
    """The JSON Schema of Answer, as sent to the server.

    Lengths and item counts are bounded (in the schema, not in validation) so that a server
    constraining its output with a grammar cannot generate forever.
    """
    schema = Answer.model_json_schema()
    for definition in schema["$defs"].values():
        for prop in definition["properties"].values():
            # A nullable string: the bound belongs on its string branch, where grammars see it.
            if "anyOf" in prop and "maxLength" in prop:
                limit = prop.pop("maxLength")
                for branch in prop["anyOf"]:
                    if branch.get("type") == "string":
                        branch["maxLength"] = limit
    properties = schema["properties"]
    properties["claims"]["maxItems"] = max_claims
    properties["entities"]["maxItems"] = max_claims
    properties["bluf"]["maxItems"] = MAX_BLUF
    return schema


def strict_schema(schema: Any) -> Any:
    """The schema for json_schema mode: maxLength removed (strict servers reject it)."""
    if isinstance(schema, dict):
        return {k: strict_schema(v) for k, v in schema.items() if k != "maxLength"}
    if isinstance(schema, list):
        return [strict_schema(v) for v in schema]
    return schema


def schema_hash(schema: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of a schema."""
    canonical = json.dumps(schema, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def describe(exc: ValidationError | ValueError) -> str:
    """A short account of why an answer is invalid, sent back to the model in a re-ask."""
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors(include_url=False)[:8]:
            where = ".".join(str(p) for p in error["loc"]) or "answer"
            parts.append(f"{where}: {error['msg']}")
        more = len(exc.errors()) - len(parts)
        return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
    return str(exc)


def strip_fence(content: str) -> str:
    """The answer without a Markdown code fence around it (prompted mode often adds one)."""
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        if text.rstrip().endswith("```"):
            text = text.rstrip()[:-3]
    return text.strip()

