"""Admiralty source reliability: the user's table of publisher → A-F, read from YAML."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from briefing.errors import ConfigurationError

LETTERS: Final = "ABCDEF"
#: What each reliability letter means (Admiralty code).
MEANINGS: Final = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


def _key(publisher: str) -> str:
    return " ".join(publisher.casefold().split())


@dataclass(frozen=True)
class ReliabilityTable:
    """Publisher → reliability letter; publishers are matched ignoring case and spacing."""

    ratings: Mapping[str, str] = field(default_factory=dict)
    origin: str = "the reliability table"

    @classmethod
    def from_mapping(cls, data: Mapping[Any, Any], origin: str = "the reliability table",
                     ) -> ReliabilityTable:
        """Validate a mapping of publisher → letter (A-F); anything else is a ConfigurationError."""
        ratings: dict[str, str] = {}
        for publisher, letter in data.items():
            if not isinstance(publisher, str) or not publisher.strip():
                raise ConfigurationError(f"{origin}: publisher {publisher!r} is not a name")
            value = str(letter).strip().upper() if isinstance(letter, str) else ""
            if len(value) != 1 or value not in LETTERS:
                raise ConfigurationError(
                    f"{origin}: {publisher!r} is rated {letter!r}; "
                    "reliability must be one letter A-F"
                )
            ratings[_key(publisher)] = value
        return cls(ratings, origin)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ReliabilityTable:
        """Read a YAML mapping of publisher → reliability letter from a file."""
        import yaml

        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigurationError(
                f"sources table {file} cannot be read: {exc.strerror or exc}"
            ) from exc
        from briefing.io.metadata import describe_yaml_error, load_yaml

        try:
            data = load_yaml(text)
        except yaml.YAMLError as exc:
            raise ConfigurationError(
                f"sources table {file} is not valid YAML: {describe_yaml_error(exc)}"
            ) from exc
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigurationError(
                f"sources table {file} must map publisher names to letters A-F, "
                'e.g. "Northgate Ledger: B"'
            )
        return cls.from_mapping(data, origin=f"sources table {file}")

    def lookup(self, publisher: str | None) -> str | None:
        """The publisher's letter, or None when the table does not rate it."""
        if not publisher:
            return None
        return self.ratings.get(_key(publisher))
