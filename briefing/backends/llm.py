"""The llm backend: claim candidates from any OpenAI-compatible chat completions server."""

from __future__ import annotations

import hashlib
import json
import math
import random
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
)

from briefing.backends.base import Candidate, Extraction
from briefing.backends.cache import ResponseCache, cache_key
from briefing.backends.prompts import EXTRACT_PROMPT, Prompt, data_delimiter, load_prompt
from briefing.config import Settings
from briefing.errors import BudgetExceededError, ConfigurationError, ModelOutputError, TransportError
from briefing.schema import ClaimKind, Confidence, Entity, EntityType, Source, StrictModel, Usage
from briefing.text.grounding import Grounder, normalize
from briefing.text.segmentation import blocks, sentences

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
#: Rough size of a token in characters, used for chunking and budget estimates.
CHARS_PER_TOKEN: Final = 4
#: A chunk is never split below this many tokens; truncation there is an error.
MIN_CHUNK_TOKENS: Final = 48
#: BLUF bullets kept per source.
MAX_BLUF: Final = 3


# --- The model's answer: the schema is half the prompt -------------------------------------


class AnswerClaim(StrictModel):
    """One claim as the model states it; our code grounds the quote and computes the band."""

    id: str = Field(description="Claim id, c1, c2, ... in report order.",
                    json_schema_extra={"maxLength": 12})
    kind: ClaimKind = Field(
        description="fact: stated without hedging (attribution alone does not hedge); "
        "assessment: a judgment a holder commits to (likely, probably, assess, believe); "
        "uncertainty: a possibility, speculation, unknown or conditional (may, might, could, "
        "does not rule out, unclear, if)."
    )
    statement: str = Field(
        description="The claim as one self-contained sentence, pronouns and short names resolved.",
        json_schema_extra={"maxLength": 400},
    )
    quote: str = Field(
        description="The report's words that state the claim, copied character for character: "
        "one contiguous passage, no ellipsis, no paraphrase.",
        json_schema_extra={"maxLength": 600},
    )
    holder: str | None = Field(
        description="Who holds the claim, in the fullest form the report uses; null when it is "
        "the report's own voice.",
        json_schema_extra={"maxLength": 120},
    )
    attribution_cue: str | None = Field(
        description='Words that attribute the claim, as written ("said", "according to"); or null.',
        json_schema_extra={"maxLength": 60},
    )
    hedge_cue: str | None = Field(
        description='Hedge or judgment word or phrase as written ("likely", "may", "believe", '
        '"does not rule out", "if"); null for facts.',
        json_schema_extra={"maxLength": 60},
    )
    stated_confidence: Confidence | None = Field(
        description="Confidence the report states in words for this claim; null unless stated."
    )


class AnswerEntity(StrictModel):
    """A named person, organization, country, place or weapon."""

    name: str = Field(description="The name as written in the report.",
                      json_schema_extra={"maxLength": 120})
    type: EntityType = Field(description="What kind of thing the name refers to.")


class AnswerBullet(StrictModel):
    """One line of the bottom line up front."""

    text: str = Field(description="One short sentence for a decision maker.",
                      json_schema_extra={"maxLength": 300})
    claim_ids: list[str] = Field(description="Ids of the claims this bullet rests on.",
                                 json_schema_extra={"maxItems": 8})


class Answer(StrictModel):
    """The model's whole answer for one report (or one chunk of a long report)."""

    claims: list[AnswerClaim] = Field(description="Every claim of the report, in report order.")
    entities: list[AnswerEntity] = Field(description="Named entities, each once.")
    bluf: list[AnswerBullet] = Field(description="At most three bottom-line bullets.")


def answer_schema(max_claims: int = 40) -> dict[str, Any]:
    """The JSON Schema of Answer, as sent to the server.

    Lengths and item counts are bounded (in the schema, not in validation) so that a server
    constraining its output with a grammar cannot generate forever.
    """
    schema = Answer.model_json_schema()
    for definition in schema["$defs"].values():
        for prop in definition["properties"].values():
            # A nullable string: the bound belongs on its string branch, where grammars see it.
            if "anyOf" in prop and "maxLength" in prop:
                limit = prop.pop("maxLength")
                for branch in prop["anyOf"]:
                    if branch.get("type") == "string":
                        branch["maxLength"] = limit
    properties = schema["properties"]
    properties["claims"]["maxItems"] = max_claims
    properties["entities"]["maxItems"] = max_claims
    properties["bluf"]["maxItems"] = MAX_BLUF
    return schema


def strict_schema(schema: Any) -> Any:
    """The schema for json_schema mode: maxLength removed (strict servers reject it)."""
    if isinstance(schema, dict):
        return {k: strict_schema(v) for k, v in schema.items() if k != "maxLength"}
    if isinstance(schema, list):
        return [strict_schema(v) for v in schema]
    return schema


def _schema_hash(schema: dict[str, Any]) -> str:
    canonical = json.dumps(schema, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- Long reports ----------------------------------------------------------------------------


def estimate_tokens(text: str) -> int:
    """A conservative token estimate (about four characters a token) used when no count exists."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


@dataclass(frozen=True)
class Chunk:
    """A half-open character range of a report sent in one request."""

    start: int
    end: int
    text: str


def _units(text: str, budget: int) -> list[tuple[int, int]]:
    """Paragraphs; a paragraph over budget becomes sentences; a sentence over budget, windows."""
    limit = budget * CHARS_PER_TOKEN
    out: list[tuple[int, int]] = []
    for block in blocks(text):
        if block.end - block.start <= limit:
            out.append((block.start, block.end))
            continue
        for sentence in sentences(text, block):
            start, end = sentence.start, sentence.end
            while end - start > limit:
                cut = text.rfind(" ", start + 1, start + limit)
                cut = cut if cut > start else start + limit
                out.append((start, cut))
                start = cut
                while start < end and text[start].isspace():
                    start += 1
            if end > start:
                out.append((start, end))
    return out or [(0, len(text))]


def split_report(text: str, budget: int, overlap: int = 0, offset: int = 0) -> list[Chunk]:
    """Split text into chunks of at most ``budget`` tokens at paragraph boundaries.

    Neighbouring chunks share up to ``overlap`` tokens of whole paragraphs so a claim cut by
    a boundary is seen whole once. Offsets are shifted by ``offset`` (for re-splitting a chunk).
    """
    if estimate_tokens(text) <= budget:
        return [Chunk(offset, offset + len(text), text)]
    units = _units(text, budget)
    chunks: list[Chunk] = []
    first = 0
    while first < len(units):
        last = first
        while last + 1 < len(units) and estimate_tokens(
            text[units[first][0] : units[last + 1][1]]
        ) <= budget:
            last += 1
        start, end = units[first][0], units[last][1]
        chunks.append(Chunk(offset + start, offset + end, text[start:end]))
        if last + 1 >= len(units):
            break
        following = last + 1
        while following - 1 > first and estimate_tokens(
            text[units[following - 1][0] : end]
        ) <= overlap:
            following -= 1
        first = following
    return chunks


# --- Shared rate limiting and budget -----------------------------------------------------------


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


# --- Errors that steer the backend internally --------------------------------------------------


class _Truncated(Exception):
    """The answer hit max_tokens or the prompt overflowed the context: use a smaller chunk."""


class _ModeRejected(Exception):
    """The server refused a response_format while we were probing for one it accepts."""


class _Cancelled(Exception):
    """Another report of the same run failed; stop before the next request."""


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def _message(exc: BaseException) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return " ".join(str(error["message"]).split())[:300]
        if isinstance(error, str):
            return " ".join(error.split())[:300]
    return " ".join(str(exc).split())[:300]


def _transient(exc: BaseException) -> bool:
    """Worth retrying: 408, 409, 429, 5xx, timeouts and connection errors."""
    import openai

    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    status = _status(exc)
    return isinstance(exc, openai.APIStatusError) and status is not None and (
        status in (408, 409, 429) or status >= 500
    )


def _overflows_context(exc: BaseException) -> bool:
    text = _message(exc).lower()
    return _status(exc) in (400, 413) and any(
        word in text for word in ("context", "too long", "too many tokens", "exceed")
    )


def _rejects_mode(exc: BaseException) -> bool:
    """Does this error say the server does not accept the response_format we sent?"""
    status = _status(exc)
    if status is None:
        return False
    if status in (400, 415, 422, 501):
        return True
    text = _message(exc).lower()
    return status >= 500 and any(w in text for w in ("response_format", "json_schema", "schema"))


def _retry_after(exc: BaseException | None) -> float | None:
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


def _describe(exc: ValidationError | ValueError) -> str:
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors(include_url=False)[:8]:
            where = ".".join(str(p) for p in error["loc"]) or "answer"
            parts.append(f"{where}: {error['msg']}")
        more = len(exc.errors()) - len(parts)
        return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
    return str(exc)


def _strip_fence(content: str) -> str:
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        if text.rstrip().endswith("```"):
            text = text.rstrip()[:-3]
    return text.strip()


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


# --- The backend -------------------------------------------------------------------------------


@dataclass
class _Run:
    """State shared by the workers of one extract_many call."""

    cancelled: threading.Event = field(default_factory=threading.Event)

    def sleep(self, seconds: float) -> None:
        """Wait between retries, waking early when the run is cancelled."""
        self.cancelled.wait(seconds)


@dataclass
class _ChunkResult:
    chunk: Chunk
    answer: Answer


class LLMBackend:
    """Extracts claims with a model behind any OpenAI-compatible chat completions endpoint.

    The backend asks; it never grounds. Every quote it returns is checked against the report
    by the grounding module, and the ICD 203 band is computed from the cue by our code.
    """

    name = "llm"

    def __init__(self, settings: Settings | None = None, prompt: Prompt | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.server = (self.settings.base_url or OPENAI_BASE_URL).rstrip("/")
        self._api_key = self._key()
        self._prompt = prompt or load_prompt(EXTRACT_PROMPT)
        self._schema = answer_schema(self.settings.max_claims)
        self.schema_hash = _schema_hash(self._schema)
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

    # configuration -------------------------------------------------------------------------

    def _key(self) -> str:
        """The configured key; a placeholder for other servers (a local one needs none, and a
        server that does answers 401, which becomes a ConfigurationError saying what to set)."""
        if self.settings.api_key:
            return self.settings.api_key
        if _host(self.server) == "api.openai.com":
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
        if _host(self.server) == "api.openai.com":
            return DEFAULT_OPENAI_MODEL
        import openai

        try:
            listed = self._client().models.list()
        except openai.APIError:
            return PLACEHOLDER_MODEL
        for item in listed.data:
            if item.id:
                return item.id
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
                    self._cache_obj = ResponseCache(self.settings.cache_dir)
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

    # extraction ----------------------------------------------------------------------------

    def extract(self, source: Source) -> Extraction:
        """Claim candidates of one source (its chunks run concurrently)."""
        return self.extract_many([source])[0]

    def extract_many(self, sources: Sequence[Source]) -> list[Extraction]:
        """Claim candidates of several sources, their chunks run concurrently.

        At most ``settings.concurrency`` requests are in flight, all sharing one rate limiter
        and one token budget. The first error stops the run and is raised.
        """
        run = _Run()
        tasks: list[tuple[int, Chunk, int, int]] = []
        for index, source in enumerate(sources):
            chunks = split_report(
                source.text, self.settings.chunk_tokens, self.settings.chunk_overlap_tokens
            )
            for part, chunk in enumerate(chunks, start=1):
                tasks.append((index, chunk, part, len(chunks)))
        usages = [Usage() for _ in tasks]
        workers = max(1, min(self.settings.concurrency, len(tasks)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="briefing-llm") as pool:
            futures: list[Future[list[_ChunkResult]]] = [
                pool.submit(self._extract_chunk, run, chunk, part, parts, usage)
                for (_, chunk, part, parts), usage in zip(tasks, usages, strict=True)
            ]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = any(f.exception() is not None for f in done)
            if failed:
                run.cancelled.set()
                for future in futures:
                    future.cancel()
        if failed:  # the first real error in report order; _Cancelled only follows it
            for future in futures:
                error = None if future.cancelled() else future.exception()
                if error is not None and not isinstance(error, _Cancelled):
                    raise error
        per_source: list[list[_ChunkResult]] = [[] for _ in sources]
        usage_of = [Usage() for _ in sources]
        for (index, *_), future, usage in zip(tasks, futures, usages, strict=True):
            per_source[index].extend(future.result())
            usage_of[index].add(usage)
        return [
            self._merge(source, results, usage)
            for source, results, usage in zip(sources, per_source, usage_of, strict=True)
        ]

    def _extract_chunk(self, run: _Run, chunk: Chunk, part: int, parts: int,
                       usage: Usage) -> list[_ChunkResult]:
        """Answer one chunk; on truncation split it smaller and answer the pieces."""
        try:
            return [_ChunkResult(chunk, self._complete(run, chunk, part, parts, usage))]
        except _Truncated:
            smaller = estimate_tokens(chunk.text) // 2
            if smaller < MIN_CHUNK_TOKENS:
                raise ModelOutputError(
                    f"the model's answer from {self.server} was cut off at max_tokens "
                    f"({self.settings.max_output_tokens}) even for a passage of "
                    f"{estimate_tokens(chunk.text)} tokens; raise BRIEFING_MAX_OUTPUT_TOKENS",
                    attempts=usage.calls,
                ) from None
        pieces = split_report(chunk.text, smaller, min(self.settings.chunk_overlap_tokens,
                                                       smaller // 4), offset=chunk.start)
        results: list[_ChunkResult] = []
        for piece in pieces:
            results.extend(self._extract_chunk(run, piece, part, parts, usage))
        return results

    def _complete(self, run: _Run, chunk: Chunk, part: int, parts: int, usage: Usage) -> Answer:
        model = self.model or PLACEHOLDER_MODEL
        mode = self._known_mode(model)
        if mode is None:
            with self._probe_lock:
                mode = self._known_mode(model)
                if mode is None:
                    return self._probe(run, model, chunk, part, parts, usage)
        return self._answer(run, model, mode, chunk, part, parts, usage, probing=False)

    def _probe(self, run: _Run, model: str, chunk: Chunk, part: int, parts: int,
               usage: Usage) -> Answer:
        """Try each mode, best first, on a real request; remember the first one accepted."""
        for mode in MODES:
            try:
                return self._answer(run, model, mode, chunk, part, parts, usage,
                                    probing=mode != MODES[-1])
            except _ModeRejected:
                continue
        raise AssertionError("the prompted mode is never rejected")  # pragma: no cover

    def _answer(self, run: _Run, model: str, mode: Mode, chunk: Chunk, part: int, parts: int,
                usage: Usage, *, probing: bool) -> Answer:
        """One chunk's valid answer: from the cache, or asked with bounded re-asks."""
        tag = data_delimiter(chunk.text)
        rendered = self._prompt.render(
            mode=mode, schema=json.dumps(self._schema, ensure_ascii=False), tag=tag,
            text=chunk.text, part=part, parts=parts,
        )
        params = self._params(model, mode)
        key = cache_key(
            server=self.server, model=model, prompt=self.prompt_hash, schema=self.schema_hash,
            params={k: v for k, v in params.items() if k not in ("messages", "model")},
            text=hashlib.sha256(chunk.text.encode("utf-8")).hexdigest(), part=part, parts=parts,
        )
        cache = self._cache()
        if cache is not None and (hit := cache.get(key)) is not None:
            usage.cache_hits += 1
            if hit.get("truncated"):
                raise _Truncated
            return Answer.model_validate(hit["answer"])
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
                raise _Truncated
            if finish == "content_filter":
                raise ModelOutputError(
                    f"{self.server} withheld the answer (finish_reason content_filter)",
                    attempts=attempt, last_output=content,
                )
            try:
                answer = Answer.model_validate_json(_strip_fence(content or ""))
            except ValidationError as exc:
                error = _describe(exc)
            else:
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

    def _params(self, model: str, mode: Mode) -> dict[str, Any]:
        params: dict[str, Any] = {"model": model, "temperature": 0}
        limit_name = "max_completion_tokens" if _host(self.server) == "api.openai.com" else (
            "max_tokens")
        params[limit_name] = self.settings.max_output_tokens
        if mode == "json_schema":
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "claims", "schema": strict_schema(self._schema),
                                "strict": True},
            }
        elif mode == "json_object":
            params["response_format"] = {"type": "json_object", "schema": self._schema}
        return params

    # transport ---------------------------------------------------------------------------

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = _retry_after(exc)
        if asked is not None:
            return min(asked, self.settings.max_retry_seconds)
        base = min(self.settings.retry_max_wait,
                   self.settings.retry_initial_wait * 2.0 ** (state.attempt_number - 1))
        return base / 2 + random.uniform(0, base / 2)  # equal jitter

    def _before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        if _status(exc or Exception()) == 429:
            self.limiter.pause(state.upcoming_sleep)

    def _send(self, run: _Run, params: dict[str, Any], usage: Usage, *,
              probing: bool) -> ChatCompletion:
        """One chat completion with transport retries; every attempt is counted in usage."""
        import openai

        prompt_estimate = sum(estimate_tokens(m["content"]) for m in params["messages"])
        reserve = prompt_estimate + self.settings.max_output_tokens
        attempts = 0

        def retryable(exc: BaseException) -> bool:
            return _transient(exc) and not (probing and _rejects_mode(exc))

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
                        raise _Cancelled
                    attempts += 1
                    self.budget.reserve(reserve)
                    spent = 0
                    try:
                        with self.limiter.slot():
                            usage.calls += 1
                            completion: ChatCompletion = self._client().chat.completions.create(
                                **params)
                        spent = self._count(completion, prompt_estimate, usage)
                    finally:
                        self.budget.settle(reserve, spent)
                    return completion
        except openai.APIStatusError as exc:
            status = exc.status_code
            if probing and _rejects_mode(exc):
                raise _ModeRejected from exc
            if _overflows_context(exc):
                raise _Truncated from exc
            if status in (401, 403):
                raise ConfigurationError(
                    f"{self.server} refused the API key (HTTP {status}): set BRIEFING_API_KEY "
                    "(or OPENAI_API_KEY) to a key this server accepts"
                ) from exc
            if status == 404:
                raise ConfigurationError(
                    f"{self.server} answered HTTP 404 for model {params['model']!r}: check "
                    f"--model and --base-url ({_message(exc)})"
                ) from exc
            raise TransportError(
                f"{self.server} answered HTTP {status} after {attempts} "
                f"attempt{'s' if attempts != 1 else ''}: {_message(exc)}",
                server=self.server, status=status, attempts=attempts,
            ) from exc
        except openai.APITimeoutError as exc:
            raise TransportError(
                f"{self.server} did not answer within {self.settings.timeout:g} s, "
                f"{attempts} attempt{'s' if attempts != 1 else ''}",
                server=self.server, attempts=attempts,
            ) from exc
        except openai.APIConnectionError as exc:
            raise TransportError(
                f"could not connect to {self.server} after {attempts} "
                f"attempt{'s' if attempts != 1 else ''}: {_message(exc.__cause__ or exc)}",
                server=self.server, attempts=attempts,
            ) from exc
        raise AssertionError("tenacity returned without an outcome")  # pragma: no cover

    @staticmethod
    def _count(completion: ChatCompletion, prompt_estimate: int, usage: Usage) -> int:
        """Add a response's tokens to usage (estimated when the server reports none)."""
        if completion.usage is not None:
            prompt, answer = completion.usage.prompt_tokens, completion.usage.completion_tokens
        else:
            text = "".join(c.message.content or "" for c in completion.choices)
            prompt, answer = prompt_estimate, estimate_tokens(text)
        usage.prompt_tokens += prompt
        usage.completion_tokens += answer
        return prompt + answer

    # merging -------------------------------------------------------------------------------

    def _merge(self, source: Source, results: list[_ChunkResult], usage: Usage) -> Extraction:
        """Candidates of all chunks of a source, overlaps merged; BLUF kept only when grounded."""
        grounder = Grounder(source.text)
        candidates: list[Candidate] = []
        seen: set[tuple[str, int | None]] = set()
        entities: dict[str, Entity] = {}
        bluf: list[str] = []
        for result in results:
            chunk, answer = result.chunk, result.answer
            for claim in answer.claims:
                where = chunk.text.find(claim.quote.strip())
                hint = chunk.start + where if where >= 0 else None
                key = (normalize(claim.quote).text, hint)
                if key in seen:
                    continue
                seen.add(key)
                candidates.append(Candidate(
                    kind=claim.kind, quote=claim.quote,
                    statement=claim.statement.strip() or None,
                    attributed_to=claim.holder or None,
                    attribution_cue=claim.attribution_cue or None,
                    cue=claim.hedge_cue or None, confidence=claim.stated_confidence,
                    hint=hint if hint is not None else chunk.start,
                ))
            for entity in answer.entities:
                name = entity.name.strip()
                if name and name.lower() not in entities:
                    entities[name.lower()] = Entity(
                        name=name, type=entity.type, mentions=max(1, source.text.count(name))
                    )
            quotes = {claim.id: claim.quote for claim in answer.claims}
            for bullet in answer.bluf:
                text = " ".join(bullet.text.split())
                grounded = bool(bullet.claim_ids) and all(
                    cid in quotes and grounder.find(quotes[cid]) is not None
                    for cid in bullet.claim_ids
                )
                if grounded and text and text not in bluf and len(bluf) < MAX_BLUF:
                    bluf.append(text)
        return Extraction(candidates=candidates, entities=list(entities.values()), bluf=bluf,
                          usage=usage)
