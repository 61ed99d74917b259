"""Numbers of a claim as a diff compares them: quantities first, then other digits."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from briefing.schema import Claim
from briefing.tools.diff.model import NumberChange

DIGITS: Final = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?![\w])")


def _value_key(value: float | None, text: str, unit: str | None) -> str:
    if value is not None:
        return f"{value:g}"
    words = " ".join(text.casefold().split())
    if unit and words.endswith(unit.casefold()):
        words = words[: -len(unit)].strip()
    return words


def claim_numbers(claim: Claim) -> list[tuple[str, str, float | None]]:
    """(key, text, value) of each number in a claim: its quantities, then other digits."""
    found: list[tuple[str, str, float | None]] = []
    covered: Counter[str] = Counter()
    for quantity in claim.quantities:
        found.append((_value_key(quantity.value, quantity.text, quantity.unit), quantity.text,
                      quantity.value))
        covered.update(DIGITS.findall(quantity.text))
    for token in DIGITS.findall(claim.quote):
        if covered[token]:
            covered[token] -= 1
            continue
        text = next((ref.text for ref in claim.times if token in ref.text), token)
        try:
            value: float | None = float(token.replace(",", ""))
        except ValueError:
            value = None
        found.append((token if value is None else f"{value:g}", text, value))
    return found


def number_changes(old: Claim, new: Claim) -> list[NumberChange]:
    left, right = claim_numbers(old), claim_numbers(new)
    common = Counter(k for k, _, _ in left) & Counter(k for k, _, _ in right)
    spare_left, spare_right = Counter(common), Counter(common)
    only_left = []
    for item in left:
        if spare_left[item[0]]:
            spare_left[item[0]] -= 1
        else:
            only_left.append(item)
    only_right = []
    for item in right:
        if spare_right[item[0]]:
            spare_right[item[0]] -= 1
        else:
            only_right.append(item)
    changes = []
    for index in range(max(len(only_left), len(only_right))):
        a = only_left[index] if index < len(only_left) else None
        b = only_right[index] if index < len(only_right) else None
        changes.append(NumberChange(old=a[1] if a else None, new=b[1] if b else None,
                                    old_value=a[2] if a else None, new_value=b[2] if b else None))
    return changes
