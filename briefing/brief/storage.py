"""How the claims of a long report are stored: sharing what equal claims can share.

A plain report gives a claim about every hundred bytes, so what each claim holds of its own is
most of a long report's memory (README: Memory of a long report).
"""

from __future__ import annotations

from typing import Final, get_origin

from briefing.key_tables import share_field_names
from briefing.schema import Claim, FieldSets
from briefing.shared_empty import NO_ITEMS

#: The claim fields that hold lists; empty ones share ``NO_ITEMS`` (``stored_compactly``).
LIST_FIELDS: Final = tuple(
    name for name, info in Claim.model_fields.items() if get_origin(info.annotation) is list
)


def stored_compactly(claim: Claim, field_sets: FieldSets) -> None:
    """Let a claim, its quantities and its times share what equal models can share: the set of
    set field names (``FieldSets``), the table of field names (``share_field_names``) and, for
    each empty list field, one read-only empty list (``NO_ITEMS``); a long report has a claim
    every hundred bytes, and this takes over a kilobyte off each."""
    for model in (claim, *claim.quantities, *claim.times):
        field_sets.share(model)
        share_field_names(model)
    values = claim.__dict__  # in place: assignment would record the fields as set
    for name in LIST_FIELDS:
        if not values[name]:
            values[name] = NO_ITEMS
