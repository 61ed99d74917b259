"""Handing the C heap's free pages back to the system once a long report's scratch is freed.

Reading a long report makes text-sized scratch in pieces (its lines, the pieces of a masked
copy, the file's bytes) that the C library (glibc) allocates from its heap, and keeps when
they are freed: Python's own small objects, claims included, live in separate memory mapped
for them, and never reuse that space. About 2.5 bytes per byte of report stayed resident that
way beside the claims. ``return_free_heap_pages`` asks glibc to give back every free page of
its heap (``malloc_trim``); elsewhere (another C library, another system) it does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def return_free_heap_pages() -> bool:
    """Give the free pages of the C heap back to the system; False where that cannot be done.

    The memory stays the process's to allocate again; only pages holding nothing leave its
    resident set, so the peak memory of what follows does not stand on them.
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
