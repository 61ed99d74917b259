"""One request on the wire: a total deadline (connect and every byte), and a check that a 200
answer is a chat completion at all (not an HTML page, bytes that are not UTF-8, other JSON).

The openai client's own timeout bounds each read, so a server that sends a byte now and then
could hold a request for ever; `within_deadline` bounds the whole request instead.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from briefing.errors import TransportError

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The server did not finish its answer within the request's total deadline."""


def within_deadline(call: Callable[[], T], seconds: float) -> T:
    """The result of ``call()``, or DeadlineExceeded once ``seconds`` have passed in total.

    The call runs in a daemon thread; past the deadline it is abandoned (its socket is closed
    by the read timeout or when the process ends), so it never holds the run or the process.
    """
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def work() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the caller's thread, raised there
            outcome["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=work, name="briefing-request", daemon=True).start()
    if not finished.wait(seconds):
        raise DeadlineExceeded(f"no complete answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def _not_a_completion(server: str, what: str) -> TransportError:
    return TransportError(f"{server} answered HTTP 200 with {what}, not a chat completion; "
                          "check --base-url", server=server, status=200, attempts=1)


def read_completion(raw: Any, server: str) -> ChatCompletion:
    """The chat completion in a raw 200 answer (openai's LegacyAPIResponse), or a
    TransportError saying what came instead."""
    from openai.types.chat import ChatCompletion

    body: bytes = raw.http_response.content
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_a_completion(server, f"bytes that are not UTF-8 (at byte {exc.start})"
                                ) from None
    start = text.lstrip()[:200].lower()
    if start.startswith("<"):
        kind = "an HTML page" if "html" in start or "<body" in start else "markup"
        raise _not_a_completion(server, kind)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise _not_a_completion(server, "text that is not JSON") from None
    choices = data.get("choices") if isinstance(data, dict) else None
    if not isinstance(choices, list) or not all(
        isinstance(choice, dict) and isinstance(choice.get("message", {}), dict)
        for choice in choices
    ):
        raise _not_a_completion(server, f"JSON {'without' if choices is None else 'with bad'} "
                                "\"choices\"")
    completion = raw.parse()
    if not isinstance(completion, ChatCompletion):
        raise _not_a_completion(server, "JSON of another kind")
    return completion


def host_of(url: str) -> str:
    """The lower-cased host name of a URL."""
    return (urlsplit(url).hostname or "").lower()
