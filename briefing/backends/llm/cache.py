"""SQLite cache of model answers and of the structured-output mode each server accepts."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import warnings
from pathlib import Path
from typing import Any

from briefing.errors import BriefingWarning, ConfigurationError

#: File name of the cache inside the cache folder (BRIEFING_CACHE_DIR).
CACHE_FILE = "llm-cache.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS modes (
    server TEXT NOT NULL,
    model TEXT NOT NULL,
    mode TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (server, model)
);
"""


def cache_key(**parts: Any) -> str:
    """A stable key from named parts (server, model, prompt hash, schema hash, parameters,
    text hash): sha256 of their canonical JSON."""
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """Answers keyed by everything that shapes them, in one SQLite file; safe across threads.

    Only answers that passed validation are stored, so a retry or a re-ask is never
    answered from here: callers look up once, before the first attempt.
    """

    def __init__(self, folder: Path, lock_seconds: float = 10.0) -> None:
        self.path = folder / CACHE_FILE
        self._lock = threading.Lock()
        self._off: str | None = None  # why the cache stopped being used, once it did
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=lock_seconds)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(
                f"cannot use the response cache at {self.path}: {exc}; set BRIEFING_CACHE_DIR "
                "to a writable folder or pass --no-cache"
            ) from exc

    def _run(self, sql: str, parameters: tuple[Any, ...], *, write: bool) -> Any:
        """One statement under the lock; None when the cache is off. A cache locked past the
        wait or damaged on disk turns the cache off for this run, with one warning: answers are
        then asked for again, never lost."""
        with self._lock:
            if self._off is not None:
                return None
            try:
                row = self._db.execute(sql, parameters).fetchone()
                if write:
                    self._db.commit()
                return row
            except sqlite3.Error as exc:
                locked = isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
                self._off = "locked by another process" if locked else f"unusable ({exc})"
        warnings.warn(f"the response cache {self.path} is {self._off}; going on without it",
                      BriefingWarning, stacklevel=3)
        return None

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer for key, or None. A row that is not a JSON object (a damaged
        cache) is a miss: it is dropped, with a warning, and the server is asked again."""
        row = self._run("SELECT value FROM responses WHERE key = ?", (key,), write=False)
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except (ValueError, TypeError, RecursionError):
            value = None
        if isinstance(value, dict):
            return value
        self.forget(key)
        return None

    def forget(self, key: str) -> None:
        """Drop a damaged answer, saying so (the caller asks the server again)."""
        warnings.warn(f"the response cache {self.path} held a damaged answer; asking again",
                      BriefingWarning, stacklevel=3)
        self._run("DELETE FROM responses WHERE key = ?", (key,), write=True)

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store (or replace) the answer for key."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        self._run("INSERT OR REPLACE INTO responses (key, value, created) VALUES (?, ?, ?)",
                  (key, text, time.time()), write=True)

    def mode(self, server: str, model: str) -> str | None:
        """The structured-output mode remembered for this server and model, if probed before."""
        row = self._run("SELECT mode FROM modes WHERE server = ? AND model = ?",
                        (server, model), write=False)
        return str(row[0]) if row else None

    def set_mode(self, server: str, model: str, mode: str) -> None:
        """Remember the mode this server accepted."""
        self._run("INSERT OR REPLACE INTO modes (server, model, mode, created) VALUES (?, ?, ?, ?)",
                  (server, model, mode, time.time()), write=True)

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM responses").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._db.close()
