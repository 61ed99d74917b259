"""One read-only empty list shared by every claim that has nothing in a list field.

Most claims of a long report have no corroborating claim, no aspect and often no number or
date: an empty ``list`` of their own costs 56 bytes each and, over several such fields, about
an eighth of what a claim of a 50 MB report holds. ``NO_ITEMS`` is one empty list every such
field may share. It reads, compares, copies, pickles and serialises exactly as ``[]`` (it is a
``list``); only filling it in place is refused, with a ``TypeError`` that says to assign a new
list, because one claim's ``append`` would otherwise show up in every other claim. ``+=`` and
``*=`` give a new list instead of changing the shared one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn, SupportsIndex, TypeVar

_T = TypeVar("_T")

_REFUSAL = (
    "this empty list is shared by many claims and cannot be filled in place: "
    "assign a new list to the field instead"
)


class SharedEmptyList(list[Any]):
    """An empty ``list`` that refuses to be filled in place (see the module's docstring)."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(_REFUSAL)

    append = _refuse
    extend = _refuse
    insert = _refuse
    __setitem__ = _refuse

    def __iadd__(self, other: Iterable[Any]) -> list[Any]:  # type: ignore[misc,override]
        return list(other)

    def __imul__(self, count: SupportsIndex) -> list[Any]:  # type: ignore[override]
        return []

    def __copy__(self) -> list[Any]:
        return []

    def __deepcopy__(self, memo: dict[int, object]) -> list[Any]:
        return []

    def __reduce__(self) -> tuple[type[list[Any]], tuple[()]]:
        return (list, ())

    def __repr__(self) -> str:
        return "[]"


NO_ITEMS: list[Any] = SharedEmptyList()
"""The shared empty list; give a field a new list to put something in it."""


def or_shared_empty(items: list[_T]) -> list[_T]:
    """``items`` itself when it holds something, else the shared ``NO_ITEMS``."""
    return items if items else NO_ITEMS
