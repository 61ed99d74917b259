"""Where the shipped templates and prompts live, in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

#: The briefing package folder (this module sits in briefing/io/).
_PACKAGE = Path(__file__).resolve().parent.parent


def resource_dir(name: str) -> Path:
    """The folder of shipped resources called ``name`` ("templates" or "prompts").

    In a wheel they are inside the package (hatchling force-include); in a source checkout
    or an editable install they are at the top of the repository.
    """
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"briefing's {name}/ folder is missing from this installation")
