"""Talking to an OpenAI-compatible server: configuration, the openai client, structured-output
mode probing, one chunk's valid answer (cache, bounded re-asks) and transport retries.

`ChatClient` holds all of it; `LLMBackend` (in `backend`) adds chunking and merging on top.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from typing import TYPE_CHECKING, Any, Final, Literal, TypeGuard

from pydantic import ValidationError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
)

from briefing.backends.llm.answer import (
    Answer,
    answer_schema,
    bounded_for,
    compact_schema,
    describe,
    schema_hash,
    strict_schema,
    strip_fence,
)
from briefing.backends.llm.cache import ResponseCache, cache_key
from briefing.backends.llm.chunking import estimate_tokens
from briefing.backends.llm.failures import (
    Cancelled,
    ModeRejected,
    Truncated,
    is_transient,
    message_of,
    overflows_context,
    rejects_mode,
    retry_after,
    status_of,
)
from briefing.backends.llm.limits import RateLimiter, Run, TokenBudget, count_tokens
from briefing.backends.llm.prompts import EXTRACT_PROMPT, Prompt, data_delimiter, load_prompt
from briefing.backends.llm.transport import (
    DeadlineExceeded,
    host_of,
    read_completion,
    within_deadline,
)
from briefing.backends.llm.units import UnitChunk
from briefing.config import Settings, check_server_url
from briefing.errors import ConfigurationError, ModelOutputError, TransportError
from briefing.schema import Usage

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletion

Mode = Literal["json_schema", "json_object", "prompted"]

#: Structured-output modes, best first. The first one a server accepts is remembered.
MODES: Final[tuple[Mode, ...]] = ("json_schema", "json_object", "prompted")
#: Where requests go when no base URL is configured.
OPENAI_BASE_URL: Final = "https://api.openai.com/v1"
#: Model used on api.openai.com when none is named.
DEFAULT_OPENAI_MODEL: Final = "gpt-4o-mini"
#: Model name sent to a server that neither was given one nor lists any on /v1/models
#: (llama.cpp serves its one model whatever the name).
PLACEHOLDER_MODEL: Final = "local-model"
#: API key sent to local servers that need none (the client insists on some string).
PLACEHOLDER_KEY: Final = "not-needed"
#: Seconds a server that could not be reached is not asked again.
UNREACHABLE_SECONDS: Final = 60.0


def _plausible_model_name(name: object) -> TypeGuard[str]:
    """A model id a server listed that can be sent back and printed: short, printable text."""
    return isinstance(name, str) and 0 < len(name) <= 256 and name.isprintable() \
        and bool(name.strip())


class ChatClient:
    """One server, one model, one prompt: asks for a chunk's answer and returns it validated.

    It asks; it never grounds. What it returns is checked against the report by the callers.
    """

    def __init__(self, settings: Settings | None = None, prompt: Prompt | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.server = check_server_url(self.settings.base_url or OPENAI_BASE_URL).rstrip("/")
        self._api_key = self._key()
        self._prompt = prompt or load_prompt(EXTRACT_PROMPT)
        self._schema = answer_schema(self.settings.max_claims)
        self.schema_hash = schema_hash(self._schema)
        self.prompt_id: str | None = self._prompt.id
        self.prompt_version: str | None = self._prompt.version
        self.prompt_hash: str | None = self._prompt.hash(self._schema)
        self._model: str | None = self.settings.model
        self._mode: Mode | None = None
        self._client_obj: openai.OpenAI | None = None
        self._cache_obj: ResponseCache | None = None
        self._lock = threading.RLock()  # model discovery creates the client under it
        self._probe_lock = threading.Lock()
        self.limiter = RateLimiter(self.settings.concurrency, self.settings.requests_per_minute)
        self.budget = TokenBudget(self.settings.max_tokens_total)
        #: Set once the server could not be reached after all retries: requests in the next
        #: UNREACHABLE_SECONDS fail at once with the same error (one probe per server, not one
        #: per queued report).
        self.unreachable: TransportError | None = None
        self._unreachable_since = 0.0

    # configuration -------------------------------------------------------------------------

    def _key(self) -> str:
        """The configured key; a placeholder for other servers (a local one needs none, and a
        server that does answers 401, which becomes a ConfigurationError saying what to set)."""
        if self.settings.api_key:
            return self.settings.api_key
        if host_of(self.server) == "api.openai.com":
            raise ConfigurationError(
                f"no API key for {self.server}: set BRIEFING_API_KEY (or OPENAI_API_KEY), "
                "or pass --base-url for a local server that needs none"
            )
        return PLACEHOLDER_KEY

    @property
    def model(self) -> str | None:
        """The model named in settings; else the server's first listed model, or a placeholder."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._discover_model()
        return self._model

    @model.setter
    def model(self, value: str | None) -> None:
        self._model = value

    def _discover_model(self) -> str:
        if host_of(self.server) == "api.openai.com":
            return DEFAULT_OPENAI_MODEL
        import openai

        try:
            listed = self._client().models.list()
        except openai.APIError:
            return PLACEHOLDER_MODEL
        for item in getattr(listed, "data", None) or []:
            name = getattr(item, "id", None)
            if _plausible_model_name(name):
                return name
        return PLACEHOLDER_MODEL

    @property
    def mode(self) -> Mode | None:
        """The structured-output mode in use (None until the server has been probed)."""
        return self._mode

    def _client(self) -> openai.OpenAI:
        if self._client_obj is None:
            with self._lock:
                if self._client_obj is None:
                    import openai

                    # max_retries=0: tenacity alone owns retries.
                    self._client_obj = openai.OpenAI(
                        api_key=self._api_key, base_url=self.server,
                        timeout=self.settings.timeout, max_retries=0,
                    )
        return self._client_obj

    def _cache(self) -> ResponseCache | None:
        if not self.settings.cache:
            return None
        if self._cache_obj is None:
            with self._lock:
                if self._cache_obj is None:
                    self._cache_obj = ResponseCache(self.settings.cache_dir,
                                                    self.settings.cache_lock_seconds)
        return self._cache_obj

    def _known_mode(self, model: str) -> Mode | None:
        if self._mode is None and (cache := self._cache()) is not None:
            remembered = cache.mode(self.server, model)
            for mode in MODES:
                if remembered == mode:
                    self._mode = mode
        return self._mode

    def _remember_mode(self, model: str, mode: Mode) -> None:
        if self._mode != mode:
            self._mode = mode
            if (cache := self._cache()) is not None:
                cache.set_mode(self.server, model, mode)

    def _complete(self, run: Run, chunk: UnitChunk, part: int, parts: int, usage: Usage) -> Answer:
        model = self.model or PLACEHOLDER_MODEL
        mode = self._known_mode(model)
        if mode is None:
            with self._probe_lock:
                mode = self._known_mode(model)
                if mode is None:
                    return self._probe(run, model, chunk, part, parts, usage)
        return self._answer(run, model, mode, chunk, part, parts, usage, probing=False)

    def _probe(self, run: Run, model: str, chunk: UnitChunk, part: int, parts: int,
               usage: Usage) -> Answer:
        """Try each mode, best first, on a real request; remember the first one accepted."""
        for mode in MODES:
            try:
                return self._answer(run, model, mode, chunk, part, parts, usage,
                                    probing=mode != MODES[-1])
            except ModeRejected:
                continue
        raise AssertionError("the prompted mode is never rejected")  # pragma: no cover

    def _answer(self, run: Run, model: str, mode: Mode, chunk: UnitChunk, part: int, parts: int,
                usage: Usage, *, probing: bool) -> Answer:
        """One chunk's valid answer: from the cache, or asked with bounded re-asks."""
        tag = data_delimiter(chunk.text)
        rendered = self._prompt.render(
            mode=mode, schema=compact_schema(self._schema), tag=tag,
            text=chunk.text, part=part, parts=parts,
        )
        params = self._params(model, mode, len(chunk.units))
        key = cache_key(
            server=self.server, model=model, prompt=self.prompt_hash, schema=self.schema_hash,
            params={k: v for k, v in params.items() if k not in ("messages", "model")},
            text=hashlib.sha256(chunk.text.encode("utf-8")).hexdigest(), part=part, parts=parts,
        )
        cache = self._cache()
        if cache is not None and (hit := cache.get(key)) is not None:
            if hit.get("truncated"):
                usage.cache_hits += 1
                raise Truncated
            try:
                cached = Answer.model_validate(hit.get("answer"))
            except ValidationError:
                cache.forget(key)  # a damaged row is a miss
            else:
                usage.cache_hits += 1
                return cached
        messages: list[dict[str, str]] = rendered.messages()
        tries = self.settings.max_reasks + 1
        error = "no answer"
        content: str | None = None
        for attempt in range(1, tries + 1):
            completion = self._send(run, {**params, "messages": messages}, usage,
                                    probing=probing and attempt == 1)
            if probing:
                self._remember_mode(model, mode)
            choice = completion.choices[0] if completion.choices else None
            content = choice.message.content if choice is not None else None
            finish = choice.finish_reason if choice is not None else None
            if finish == "length":
                if cache is not None:
                    cache.put(key, {"truncated": True})
                raise Truncated
            if finish == "content_filter":
                raise ModelOutputError(
                    f"{self.server} withheld the answer (finish_reason content_filter)",
                    attempts=attempt, last_output=content,
                )
            if not isinstance(content, str) or not content.strip():
                error = ("no text in the answer (" + ("no choices" if choice is None else
                         f"finish_reason {finish}") + ")")
                answer = None
            else:
                try:
                    answer = Answer.model_validate_json(strip_fence(content))
                except ValidationError as exc:
                    error = describe(exc)
                    answer = None
            if answer is not None:
                if cache is not None:
                    cache.put(key, {"answer": answer.model_dump(mode="json")})
                return answer
            if attempt < tries:
                messages = [
                    *messages,
                    {"role": "assistant", "content": content or ""},
                    {"role": "user", "content": self._prompt.render_reask(error=error, tag=tag)},
                ]
        raise ModelOutputError(
            f"the model's answer from {self.server} was still invalid after {tries} attempts: "
            f"{error}",
            attempts=tries, last_output=content,
        )

    def _params(self, model: str, mode: Mode, units: int) -> dict[str, Any]:
        params: dict[str, Any] = {"model": model, "temperature": 0}
        limit_name = "max_completion_tokens" if host_of(self.server) == "api.openai.com" else (
            "max_tokens")
        params[limit_name] = self.settings.max_output_tokens
        if mode == "json_schema":
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "claims",
                                "schema": strict_schema(bounded_for(self._schema, units)),
                                "strict": True},
            }
        elif mode == "json_object":
            params["response_format"] = {"type": "json_object",
                                         "schema": bounded_for(self._schema, units)}
        return params

    # transport ---------------------------------------------------------------------------

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc)
        if asked is not None:
            return min(asked, self.settings.max_retry_seconds)
        base = min(self.settings.retry_max_wait,
                   self.settings.retry_initial_wait * 2.0 ** (state.attempt_number - 1))
        return base / 2 + random.uniform(0, base / 2)  # equal jitter

    def _before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        if status_of(exc or Exception()) == 429:
            self.limiter.pause(state.upcoming_sleep)

    def _send(self, run: Run, params: dict[str, Any], usage: Usage, *,
              probing: bool) -> ChatCompletion:
        """One chat completion with transport retries; every attempt is counted in usage."""
        import openai

        prompt_estimate = sum(estimate_tokens(m["content"]) for m in params["messages"])
        reserve = prompt_estimate + self.settings.max_output_tokens
        attempts = 0

        def retryable(exc: BaseException) -> bool:
            return ((is_transient(exc) or isinstance(exc, DeadlineExceeded))
                    and not (probing and rejects_mode(exc)))

        retrying = Retrying(
            stop=stop_after_attempt(max(1, self.settings.max_attempts))
            | stop_before_delay(self.settings.max_retry_seconds),
            wait=self._wait,
            retry=retry_if_exception(retryable),
            before_sleep=self._before_sleep,
            sleep=run.sleep,
            reraise=True,
        )
        try:
            for attempt in retrying:
                with attempt:
                    if run.cancelled.is_set():
                        raise Cancelled
                    if self._still_unreachable():
                        raise TransportError(str(self.unreachable), server=self.server,
                                             attempts=0, unreachable=True)
                    attempts += 1
                    self.budget.reserve(reserve)
                    spent = 0
                    try:
                        with self.limiter.slot():
                            usage.calls += 1
                            completion = self._request(params)
                        spent = count_tokens(completion, prompt_estimate, usage)
                    finally:
                        self.budget.settle(reserve, spent)
                    return completion
        except openai.APIStatusError as exc:
            status = exc.status_code
            if probing and rejects_mode(exc):
                raise ModeRejected from exc
            if overflows_context(exc):
                raise Truncated from exc
            if status in (401, 403):
                raise ConfigurationError(
                    f"{self.server} refused the API key (HTTP {status}): set BRIEFING_API_KEY "
                    "(or OPENAI_API_KEY) to a key this server accepts"
                ) from exc
            if status == 404:
                raise ConfigurationError(
                    f"{self.server} answered HTTP 404 for model {params['model']!r}: check "
                    f"--model and --base-url ({message_of(exc)})"
                ) from exc
            raise TransportError(
                f"{self.server} answered HTTP {status} after {attempts} "
                f"attempt{'s' if attempts != 1 else ''}: {message_of(exc)}",
                server=self.server, status=status, attempts=attempts,
            ) from exc
        except (openai.APITimeoutError, DeadlineExceeded) as exc:
            raise TransportError(
                f"{self.server} did not answer within {self.settings.timeout:g} s, "
                f"{attempts} attempt{'s' if attempts != 1 else ''}",
                server=self.server, attempts=attempts, unreachable=True,
            ) from exc
        except openai.APIConnectionError as exc:
            self.unreachable = TransportError(
                f"could not connect to {self.server} after {attempts} "
                f"attempt{'s' if attempts != 1 else ''}: {message_of(exc.__cause__ or exc)}",
                server=self.server, attempts=attempts, unreachable=True,
            )
            self._unreachable_since = time.monotonic()
            raise self.unreachable from exc
        raise AssertionError("tenacity returned without an outcome")  # pragma: no cover

    def _still_unreachable(self) -> bool:
        """Whether the server failed to connect after all retries, in the last little while."""
        return (self.unreachable is not None
                and time.monotonic() - self._unreachable_since < UNREACHABLE_SECONDS)

    def _request(self, params: dict[str, Any]) -> ChatCompletion:
        """One chat completion request within one total deadline (connect and every byte),
        its 200 answer checked to be a chat completion."""
        create = self._client().chat.completions.with_raw_response.create
        return within_deadline(lambda: read_completion(create(**params), self.server),
                               self.settings.timeout)
