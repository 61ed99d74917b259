"""The llm backend: claim candidates from a model, chunk by chunk, merged per source."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from briefing.backends.base import Candidate, Extraction
from briefing.backends.llm.answer import MAX_BLUF, Answer
from briefing.backends.llm.chunking import MIN_CHUNK_TOKENS, Chunk, estimate_tokens, split_report
from briefing.backends.llm.client import ChatClient, Run
from briefing.backends.llm.failures import Cancelled, Truncated
from briefing.errors import ModelOutputError
from briefing.schema import Entity, Source, Usage
from briefing.text.grounding import Grounder, normalize


@dataclass
class _ChunkResult:
    """One chunk and the model's valid answer for it."""

    chunk: Chunk
    answer: Answer



class LLMBackend(ChatClient):
    """Extracts claims with a model behind any OpenAI-compatible chat completions endpoint.

    The backend asks; it never grounds. Every quote it returns is checked against the report
    by the grounding module, and the ICD 203 band is computed from the cue by our code.
    """

    name = "llm"

    def extract(self, source: Source) -> Extraction:
        """Claim candidates of one source (its chunks run concurrently)."""
        return self.extract_many([source])[0]

    def extract_many(self, sources: Sequence[Source]) -> list[Extraction]:
        """Claim candidates of several sources, their chunks run concurrently.

        At most ``settings.concurrency`` requests are in flight, all sharing one rate limiter
        and one token budget. The first error stops the run and is raised.
        """
        run = Run()
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
        if failed:  # the first real error in report order; Cancelled only follows it
            for future in futures:
                error = None if future.cancelled() else future.exception()
                if error is not None and not isinstance(error, Cancelled):
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

    def _extract_chunk(self, run: Run, chunk: Chunk, part: int, parts: int,
                       usage: Usage) -> list[_ChunkResult]:
        """Answer one chunk; on truncation split it smaller and answer the pieces."""
        try:
            return [_ChunkResult(chunk, self._complete(run, chunk, part, parts, usage))]
        except Truncated:
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
