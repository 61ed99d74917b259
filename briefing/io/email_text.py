"""E-mail (.eml) reports through the standard library: the body as text, the headers as metadata.

The subject is the title, the sender's name the publisher, the Date header the publication
date. A plain-text body is preferred; an HTML-only body is reduced to its text. Attachments are
not read, and the Source says which were left out.
"""

from __future__ import annotations

import contextlib
import email
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from typing import Any

from briefing.errors import SourceError
from briefing.io.extracted import Extracted


def _body(message: EmailMessage, name: str) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise SourceError(f"{name} is an e-mail without a text body")
    try:
        content = part.get_content()
    except (LookupError, ValueError) as exc:  # an unknown charset, a broken encoding
        raise SourceError(f"{name}: the e-mail body cannot be decoded: {exc}") from exc
    if not isinstance(content, str):
        raise SourceError(f"{name}: the e-mail body is not text")
    if part.get_content_subtype() == "html":
        import trafilatura

        content = trafilatura.extract(content, include_comments=False, include_links=False) or ""
    return content.replace("\r\n", "\n").replace("\r", "\n").strip("\n")


def _metadata(message: EmailMessage) -> dict[str, Any]:
    found: dict[str, Any] = {}
    subject = " ".join(str(message.get("subject") or "").split())
    if subject:
        found["title"] = subject
    sender_name, sender = parseaddr(str(message.get("from") or ""))
    if sender_name or sender:
        found["publisher"] = sender_name or sender
    if message.get("date"):
        with contextlib.suppress(TypeError, ValueError):  # unreadable: the report is undated
            found["published"] = parsedate_to_datetime(str(message["date"])).date().isoformat()
    return found


def _attachments(message: EmailMessage) -> list[str]:
    """What of the e-mail is not read: its attachments (forwarded messages included), named."""
    names = [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]
    if not names:
        return []
    count = f"{len(names)} attachment{'s' if len(names) != 1 else ''}"
    return [f"{count} of the e-mail ({', '.join(' '.join(n.split()) for n in names)})"]


def read_eml(data: bytes, name: str) -> Extracted:
    """The e-mail's body and headers; attachments are not read, only named in ``not_read``.

    A message whose parts nest deeper than the standard library's parser recurses is refused
    with a SourceError, never read in part."""
    try:
        return _read_message(data, name)
    except RecursionError:
        raise SourceError(f"{name} nests its parts too deeply to be read (a crafted message?)"
                          ) from None


def _read_message(data: bytes, name: str) -> Extracted:
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not (message.get("from") or message.get("subject")
                                                      or message.get("date")):
        raise SourceError(f"{name} is not an e-mail message (no From, Subject or Date header)")
    text = _body(message, name)
    if not text.strip():
        raise SourceError(f"{name} is an e-mail without text")
    return Extracted(text, _metadata(message), not_read=_attachments(message))
