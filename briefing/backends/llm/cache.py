"""SQLite cache of model answers and of the structured-output mode each server accepts."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from briefing.errors import ConfigurationError

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

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_FILE
        self._lock = threading.Lock()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(
                f"cannot use the response cache at {self.path}: {exc}; set BRIEFING_CACHE_DIR "
                "to a writable folder or pass --no-cache"
            ) from exc

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer for key, or None."""
        with self._lock:
            row = self._db.execute("SELECT value FROM responses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        value = json.loads(row[0])
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store (or replace) the answer for key."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, value, created) VALUES (?, ?, ?)",
                (key, text, time.time()),
            )
            self._db.commit()

    def mode(self, server: str, model: str) -> str | None:
        """The structured-output mode remembered for this server and model, if probed before."""
        with self._lock:
            row = self._db.execute(
                "SELECT mode FROM modes WHERE server = ? AND model = ?", (server, model)
            ).fetchone()
        return str(row[0]) if row else None

    def set_mode(self, server: str, model: str, mode: str) -> None:
        """Remember the mode this server accepted."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO modes (server, model, mode, created) VALUES (?, ?, ?, ?)",
                (server, model, mode, time.time()),
            )
            self._db.commit()

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM responses").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._db.close()
