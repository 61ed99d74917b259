"""How a server's failures are read (status, message, transient or not, Retry-After, a refused
response_format, an overflowed context) and the signals that steer the backend internally."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime


class Truncated(Exception):
    """The answer hit max_tokens or the prompt overflowed the context: use a smaller chunk."""


class ModeRejected(Exception):
    """The server refused a response_format while we were probing for one it accepts."""


class Cancelled(Exception):
    """Another report of the same run failed; stop before the next request."""


def status_of(exc: BaseException) -> int | None:
    """The HTTP status an error carries, if any."""
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def message_of(exc: BaseException) -> str:
    """The server's own error message (or the exception's text), on one line, at most 300 characters."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return " ".join(str(error["message"]).split())[:300]
        if isinstance(error, str):
            return " ".join(error.split())[:300]
    return " ".join(str(exc).split())[:300]


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: 408, 409, 429, 5xx, timeouts and connection errors."""
    import openai

    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    status = status_of(exc)
    return isinstance(exc, openai.APIStatusError) and status is not None and (
        status in (408, 409, 429) or status >= 500
    )


def overflows_context(exc: BaseException) -> bool:
    """Does this error say the prompt did not fit the model's context?"""
    text = message_of(exc).lower()
    return status_of(exc) in (400, 413) and any(
        word in text for word in ("context", "too long", "too many tokens", "exceed")
    )


def rejects_mode(exc: BaseException) -> bool:
    """Does this error say the server does not accept the response_format we sent?"""
    status = status_of(exc)
    if status is None:
        return False
    if status in (400, 415, 422, 501):
        return True
    text = message_of(exc).lower()
    return status >= 500 and any(w in text for w in ("response_format", "json_schema", "schema"))


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After-Ms / Retry-After), if it said."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())

