"""Text extracted from a binary document (PDF, Word, e-mail), with the metadata it carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Extracted:
    """The text a brief's offsets will refer to, its metadata, and where each page begins.

    ``page_starts`` holds the character offset in ``text`` where each page begins (PDF only;
    empty when the format has no pages). ``text`` uses "\\n" line ends, as Sources do.
    ``not_read`` names, a sentence each, the parts of the file that are not in ``text``
    (attachments, pages without a text layer, text boxes); empty when it was read whole.
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    page_starts: list[int] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)
