"""Dicts that share one table of keys with every dict of the same keys, for the models and data
of which a long report holds one per claim (hundreds of thousands).

A pydantic model keeps its values in a dict of its own, and a dict of its own stores every key
with its hash beside the value: 832 bytes for a claim's 22 fields, where the values alone take
176. CPython stores the attributes of plain objects in *split* dicts instead, which keep only
the values and share one table of keys among all objects of a class; a copy of such a dict is
split too. ``with_shared_keys`` stores a dict's items that way (248 bytes for a claim, 136 for
a citation's 8 fields, not 272); ``share_field_names`` does it for a model's fields. Either is a
dict like any other, equal to the one it replaces and in the same order: only its size
differs. On an interpreter that does not split dicts, the copy is an ordinary dict and nothing
is saved.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel

#: The empty dict of each list of keys, whose copies share its table (ordered as the keys).
_TABLES: dict[tuple[str, ...], dict[str, Any]] = {}
#: CPython shares a class's key table up to 30 keys; the lists of keys stored here are few (one
#: per model and data shape), and bounded, so that no caller can grow the tables without end.
_MOST_KEYS: Final = 30
_MOST_TABLES: Final = 256


def _table(keys: tuple[str, ...]) -> dict[str, Any] | None:
    """A dict of these keys (values None) whose copies share its key table; None if there is
    none to be had (too many keys, or too many tables already)."""
    table = _TABLES.get(keys)
    if table is None:
        if len(keys) > _MOST_KEYS or len(_TABLES) >= _MOST_TABLES:
            return None
        kind = type("_Keys", (), {})  # a class of its own: its instances share one table
        holder = kind()
        for key in keys:
            setattr(holder, key, None)
        # CPython sizes a copy's values for the keys plus the room left in the table to add
        # more, and each new instance of the class takes one slot of that room: with the room
        # used up, a copy holds its values and one slot more (248 bytes for 22, not 296).
        [kind() for _ in range(_MOST_KEYS)]
        table = _TABLES[keys] = holder.__dict__
    return table


def with_shared_keys(values: dict[str, Any]) -> dict[str, Any]:
    """A dict equal to ``values`` (same items, same order) whose table of keys is shared with
    every dict made here of the same keys; ``values`` itself if its keys are not all strings
    or no shared table is to be had."""
    keys = tuple(values)
    table = _TABLES.get(keys)
    if table is None:
        if not all(type(key) is str for key in keys):
            return values
        table = _table(keys)
        if table is None:
            return values
    shared = table.copy()
    shared.update(values)  # every key is in the table already: the values go in its slots
    return shared


def share_field_names(model: BaseModel) -> None:
    """Store a model's field values in a dict whose table of field names is shared with the
    other models of its class (``with_shared_keys``); the model reads, compares, copies and
    dumps as before."""
    object.__setattr__(model, "__dict__", with_shared_keys(model.__dict__))
