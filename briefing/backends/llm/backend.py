"""The llm backend: the model labels numbered units of a report, chunk by chunk; code verifies
every field and merges the result with the offline reader's reading of the same units."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from briefing.backends.base import Candidate, Extraction
from briefing.backends.llm.answer import MAX_BLUF, Answer, AnswerBullet
from briefing.backends.llm.chunking import MIN_CHUNK_TOKENS, estimate_tokens
from briefing.backends.llm.client import ChatClient
from briefing.backends.llm.failures import Cancelled, Truncated
from briefing.backends.llm.limits import Run
from briefing.backends.llm.readers import Reading, merge, model_alone, verify_claim
from briefing.backends.llm.units import Unit, UnitChunk, chunk_lines, report_lines, units_of
from briefing.backends.llm.verification import ReportFacts, bullet_problem, check_entity, folded
from briefing.backends.offline import OfflineBackend
from briefing.errors import ModelOutputError
from briefing.schema import DroppedClaim, Entity, Source, Usage, Verification


@dataclass
class _ChunkResult:
    """One chunk and the model's valid answer for it."""

    chunk: UnitChunk
    answer: Answer


class LLMBackend(ChatClient):
    """Extracts claims with a model behind any OpenAI-compatible chat completions endpoint.

    The model never re-types the report: it labels numbered units, so a claim's quote and span
    are its units' text. Every other field it writes is checked by `verification` before it
    can reach a brief, and the offline reader reads the same units (`readers`).
    """

    name = "llm"

    def extract(self, source: Source) -> Extraction:
        """Claims of one source (its chunks run concurrently)."""
        return self.extract_many([source])[0]

    def extract_many(self, sources: Sequence[Source]) -> list[Extraction]:
        """Claims of several sources, their chunks run concurrently.

        At most ``settings.concurrency`` requests are in flight, all sharing one rate limiter
        and one token budget. The first error stops the run and is raised.
        """
        run = Run()
        tasks: list[tuple[int, UnitChunk, int, int]] = []
        for index, source in enumerate(sources):
            chunks = chunk_lines(report_lines(source.text), self.settings.chunk_tokens,
                                 self.settings.chunk_overlap_tokens)
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

    def _extract_chunk(self, run: Run, chunk: UnitChunk, part: int, parts: int,
                       usage: Usage) -> list[_ChunkResult]:
        """Answer one chunk; on truncation split it smaller and answer the pieces."""
        if not chunk.units:
            return []  # headings only: nothing to label
        try:
            return [_ChunkResult(chunk, self._complete(run, chunk, part, parts, usage))]
        except Truncated:
            smaller = estimate_tokens(chunk.text) // 2
            if smaller < MIN_CHUNK_TOKENS or len(chunk.lines) < 2:
                raise ModelOutputError(
                    f"the model's answer from {self.server} was cut off at max_tokens "
                    f"({self.settings.max_output_tokens}) even for a passage of "
                    f"{estimate_tokens(chunk.text)} tokens; raise BRIEFING_MAX_OUTPUT_TOKENS",
                    attempts=usage.calls,
                ) from None
        pieces = chunk_lines(list(chunk.lines), smaller,
                             min(self.settings.chunk_overlap_tokens, smaller // 4))
        results: list[_ChunkResult] = []
        for piece in pieces:
            results.extend(self._extract_chunk(run, piece, part, parts, usage))
        return results

    # verifying and merging -------------------------------------------------------------------

    def _merge(self, source: Source, results: list[_ChunkResult], usage: Usage) -> Extraction:
        """Every chunk's answer verified, merged with the offline reading of the same units."""
        text = source.text
        units = units_of(report_lines(text))
        by_id = {unit.id: unit for unit in units}
        offline = OfflineBackend().extract(source)
        counts = Verification()
        # Names the report's entities hold may resolve a statement's short names.
        entities = self._entities(results, offline.entities, text, counts)
        facts = ReportFacts.of(text, entities)
        readings: list[Reading] = []
        dropped: list[DroppedClaim] = []
        for result in results:
            for claim in result.answer.labelled():
                reading = verify_claim(claim, by_id, facts, counts)
                if reading is None:
                    counts.claims_dropped += 1
                    dropped.append(DroppedClaim(
                        quote=" ".join(claim.units), kind=claim.kind, source_id=source.id,
                        reason=f"the model named units that are not in the report "
                        f"({', '.join(claim.units)})",
                    ))
                else:
                    readings.append(reading)
        candidates = merge(readings, offline.candidates, units, text)
        bluf = self._bluf(results, candidates, by_id, facts, counts)
        alone = Extraction(candidates=model_alone(readings, text),
                           entities=entities, bluf=bluf, usage=usage)
        return Extraction(
            candidates=candidates, entities=entities, bluf=bluf, usage=usage,
            title=offline.title, dropped=dropped, verification=counts,
            readings={"model": alone, "offline": offline},
        )

    @staticmethod
    def _entities(results: list[_ChunkResult], found: list[Entity], text: str,
                  counts: Verification) -> list[Entity]:
        """The offline reader's entities, then the model's that occur in the text."""
        entities = [entity.model_copy() for entity in found]
        known = {folded(name) for e in entities for name in (e.name, *e.aliases)}
        for result in results:
            for answered in result.answer.entities:
                entity, _ = check_entity(answered.name, answered.type, text)
                if entity is None:
                    counts.entities_dropped += 1
                    continue
                if folded(entity.name) not in known:
                    known.add(folded(entity.name))
                    entities.append(entity)
        return entities

    @staticmethod
    def _bluf(results: list[_ChunkResult], candidates: list[Candidate], units: dict[str, Unit],
              facts: ReportFacts, counts: Verification) -> list[str]:
        """The model's bullets that state nothing their cited claims do not carry."""
        bullets: list[str] = []
        for result in results:
            for bullet in result.answer.bluf:
                text = " ".join(bullet.text.split())
                if not text or text in bullets:
                    continue
                if len(bullets) >= MAX_BLUF or _cited_problem(bullet, candidates, units, facts):
                    counts.bluf_dropped += 1
                    continue
                bullets.append(text)
        return bullets


def _cited_problem(bullet: AnswerBullet, candidates: list[Candidate], units: dict[str, Unit],
                   facts: ReportFacts) -> str | None:
    """Why a bullet may not stand on the claims it cites (None when it may)."""
    if any(cited not in units for cited in bullet.units):
        return "it cites units that are not in the report"
    spans = [(units[cited].start, units[cited].end) for cited in bullet.units]
    cited = [c for c in candidates if c.hint is not None and any(
        c.hint <= start < c.hint + len(c.quote) for start, _ in spans)]
    if not cited:
        return "it cites no claim"
    carried = " ".join(f"{c.quote} {c.attributed_to or ''}" for c in cited)
    return bullet_problem(bullet.text, carried, any(c.kind != "fact" for c in cited), facts)
