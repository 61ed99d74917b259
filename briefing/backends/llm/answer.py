"""The model's answer: its pydantic schema (half the prompt), the JSON Schema sent to servers,
and reading the raw text of an answer."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Annotated, Any, Final

from pydantic import Field, ValidationError

from briefing.schema import ClaimKind, EntityType, StrictModel

#: BLUF bullets kept per source.
MAX_BLUF: Final = 3


#: How a unit id looks: u1, u2, ... as the prompt numbers them.
UNIT_ID_PATTERN: Final = r"^u[0-9]{1,5}$"
UnitId = Annotated[str, Field(pattern=UNIT_ID_PATTERN)]
_UNIT_IDS: Final[dict[str, Any]] = {"maxItems": 2}


class AnswerClaim(StrictModel):
    """One claim as the model labels it: the units it rests on and what the report says of them.

    Nothing here reaches a brief unchecked: the quote is the units' text, and every other field
    is verified against those units (or the report) by `verification`. What code reads from
    the units by itself is not asked for: a stated confidence ("high confidence") is read by
    the cue lexicon, so asking the model for it could add tokens but never information.
    """

    units: list[UnitId] = Field(
        description="Id of the unit the claim rests on (one, or consecutive ones when a claim "
        "needs its neighbour).", min_length=1, json_schema_extra=_UNIT_IDS,
    )
    kind: ClaimKind = Field(
        description="fact: stated without hedging (attribution alone does not hedge); "
        "assessment: a judgment a holder commits to (likely, probably, assess, believe); "
        "uncertainty: a possibility, speculation, unknown or conditional (may, might, could, "
        "does not rule out, unclear, if)."
    )
    hedge: str | None = Field(
        default=None,
        description='Hedge or judgment word or phrase, copied from the unit ("likely", "may", '
        '"does not rule out", "believe", "if"); omit or null for a fact.',
        json_schema_extra={"maxLength": 40},
    )
    holder: str | None = Field(
        default=None,
        description="Who holds the claim, copied from the report in its fullest form; omit or "
        "null when it is the report's own voice.",
        json_schema_extra={"maxLength": 80},
    )
    said: str | None = Field(
        default=None,
        description='Words that attribute the claim to its holder, copied from the unit ("said", '
        '"according to"); omit or null.',
        json_schema_extra={"maxLength": 24},
    )
    statement: str | None = Field(
        default=None,
        description="Only when the unit is not self-contained: the claim as one sentence with "
        "pronouns and short names resolved from the report; omit otherwise.",
        json_schema_extra={"maxLength": 300},
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
    units: list[UnitId] = Field(description="Ids of the units of the claims this bullet rests on.",
                             min_length=1, json_schema_extra=_UNIT_IDS)


class Answer(StrictModel):
    """The model's whole answer for one report (or one chunk of a long report).

    Plain facts in the report's own voice, most units of most reports, are listed by id alone
    in ``facts`` (about three tokens each instead of ten); every other claim is an object.
    """

    facts: list[UnitId] = Field(
        default_factory=list,
        description="Ids of units that state a fact in the report's own voice (nobody is said "
        "to state it); every other claim goes in claims.",
    )
    claims: list[AnswerClaim] = Field(
        default_factory=list,
        description="Every other claim (attributed, judged or only possible), in unit order.")
    entities: list[AnswerEntity] = Field(default_factory=list,
                                         description="Named entities, each once.")
    bluf: list[AnswerBullet] = Field(default_factory=list,
                                     description="At most three bottom-line bullets.")

    def labelled(self) -> list[AnswerClaim]:
        """Every claim of the answer as an object: the facts listed by id first."""
        return [AnswerClaim(units=[uid], kind="fact") for uid in self.facts] + self.claims


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
    # Both lists are asked for, facts first (grammars keep the schema's order of required
    # properties and put optional ones after them); a missing list still validates as empty.
    schema["required"] = ["facts", "claims"]
    properties["facts"]["maxItems"] = max_claims
    properties["claims"]["maxItems"] = max_claims
    properties["entities"]["maxItems"] = max_claims
    properties["bluf"]["maxItems"] = MAX_BLUF
    return schema


def bounded_for(schema: dict[str, Any], units: int) -> dict[str, Any]:
    """The schema for one chunk of ``units`` units: each unit is labelled once (in facts or in
    claims), so neither list may hold more items than the chunk has units, nor may entities
    (at most one new name a unit). A grammar-enforcing server then cannot loop on a list
    beyond what the chunk can hold (a 0.5B model repeated list items until max_tokens)."""
    bounded = copy.deepcopy(schema)
    for name in ("facts", "claims", "entities"):
        prop = bounded["properties"][name]
        prop["maxItems"] = max(1, min(prop.get("maxItems", units), units))
    return bounded


def strict_schema(schema: Any) -> Any:
    """The schema for json_schema mode: maxLength and defaults removed and every property
    required (strict servers reject the first two and insist on the last; null stays allowed)."""
    if isinstance(schema, dict):
        out = {k: strict_schema(v) for k, v in schema.items() if k not in ("maxLength", "default")}
        if isinstance(out.get("properties"), dict):
            out["required"] = list(out["properties"])
        return out
    if isinstance(schema, list):
        return [strict_schema(v) for v in schema]
    return schema


def compact_schema(schema: Any) -> str:
    """The schema as the prompt shows it: JSON without descriptions and titles (the prompt's
    prose says what each field means; a grammar-enforcing server gets the full schema)."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("description", "title")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return json.dumps(strip(schema), ensure_ascii=False, separators=(",", ":"))


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

