"""YAML metadata (front matter, reliability tables) read safely, and its values checked.

YAML aliases are refused rather than expanded (a few lines of nested aliases can stand for
billions of values), dates stay text until they are checked as real dates, and a title that is
not text is converted with a warning.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from typing import Any, Final

import yaml

from briefing.errors import BriefingWarning

_ISO_DATE: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and reads dates and times as text."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "uses a YAML alias (*name), which briefing does not expand",
                event.start_mark)
        return super().compose_node(parent, index)


_SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse YAML without aliases, dates as strings. Raises yaml.YAMLError, also for YAML
    nested too deeply to read."""
    try:
        return yaml.load(text, Loader=_SafeLoader)  # a SafeLoader that refuses aliases
    except RecursionError:
        raise yaml.YAMLError("it is nested too deeply to read") from None


def describe_yaml_error(exc: yaml.YAMLError) -> str:
    """A YAML error in one line: what is wrong and where (PyYAML's own text spans lines)."""
    if isinstance(exc, yaml.MarkedYAMLError):
        where = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        return f"{what} (line {where.line + 1}, column {where.column + 1})" if where else what
    return " ".join(str(exc).split())


def check_date(value: Any, name: str, field: str) -> str | None:
    """An ISO date (or date and time) as text, checked to be a real one; None when empty.

    Values that do not look like ISO dates ("20 November 2026") are kept as written. Raises
    ValueError naming the file and field for an impossible date (2026-02-30).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if not (value.hour or value.minute) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_DATE.match(text):
        try:
            if len(text) > 10 and text[10] in "T ":
                datetime.fromisoformat(text.replace("Z", "+00:00"))
            else:
                year, month, day = (int(part) for part in text[:10].split("-")[:3])
                date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{name}: {field} {text!r} is not a real date ({exc})") from None
    return text


def text_value(value: Any, name: str, field: str) -> str | None:
    """A metadata value that should be text: numbers, dates and booleans are converted with a
    warning; lists and mappings are refused (ValueError naming the file and field)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict, set)):
        raise ValueError(f"{name}: {field} must be text, not a {type(value).__name__}")
    converted = str(value)
    warnings.warn(f"{name}: {field} {value!r} is not text; read as {converted!r}",
                  BriefingWarning, stacklevel=3)
    return converted
