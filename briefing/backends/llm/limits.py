"""Limits of a run: a rate limiter, a token budget and its counting, and the cancellation flag
that its workers share."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from briefing.backends.llm.chunking import estimate_tokens
from briefing.errors import BudgetExceededError
from briefing.schema import Usage

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion


class RateLimiter:
    """Bounds requests in flight, spaces request starts, and pauses everyone after a 429."""

    def __init__(self, concurrency: int, requests_per_minute: float | None = None) -> None:
        self._slots = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._interval = 60.0 / requests_per_minute if requests_per_minute else 0.0
        self._next_start = 0.0
        self._not_before = 0.0

    def pause(self, seconds: float) -> None:
        """No request starts for ``seconds`` (a server asked us to wait with Retry-After)."""
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._not_before, self._next_start)
                self._next_start = start + self._interval
            if start > now:
                time.sleep(start - now)
            yield


class TokenBudget:
    """--max-tokens-total across every request of a backend, concurrent ones included."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.used = 0
        self._reserved = 0
        self._lock = threading.Lock()

    def reserve(self, tokens: int) -> None:
        """Claim room for a request that may use up to ``tokens``, or refuse it."""
        with self._lock:
            if self.limit is not None and self.used + self._reserved + tokens > self.limit:
                raise BudgetExceededError(
                    f"stopped before a request that could use up to {tokens} tokens: "
                    f"{self.used} of the --max-tokens-total budget of {self.limit} are spent"
                    + (f" and {self._reserved} reserved" if self._reserved else "")
                )
            self._reserved += tokens

    def settle(self, reserved: int, used: int) -> None:
        with self._lock:
            self._reserved -= reserved
            self.used += used


@dataclass
class Run:
    """State shared by the workers of one extract_many call."""

    cancelled: threading.Event = field(default_factory=threading.Event)

    def sleep(self, seconds: float) -> None:
        """Wait between retries, waking early when the run is cancelled."""
        self.cancelled.wait(seconds)


#: More tokens than any one answer can hold: a server reporting more is not believed.
_MOST_TOKENS: Final = 10**8


def _count(value: object) -> int | None:
    """A token count a server reported, or None when it is none: not a whole number, negative
    or past belief (a server that lies about usage must not free or exhaust a token budget)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _MOST_TOKENS:
        return value
    return None


def count_tokens(completion: ChatCompletion, prompt_estimate: int, usage: Usage) -> int:
    """Add a response's tokens to usage (estimated when the server reports none)."""
    reported = completion.usage
    prompt = _count(getattr(reported, "prompt_tokens", None))
    answer = _count(getattr(reported, "completion_tokens", None))
    if prompt is None or answer is None:  # none reported, or a count that is no count
        text = "".join(c.message.content or "" for c in completion.choices
                       if isinstance(getattr(c.message, "content", None), str | None))
        prompt, answer = prompt_estimate, estimate_tokens(text)
    usage.prompt_tokens += prompt
    usage.completion_tokens += answer
    return prompt + answer
