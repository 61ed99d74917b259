"""The template sandbox: a Jinja environment that reaches no object's methods, and bounded runs.

Templates receive plain data (dicts, lists, strings, numbers; see rendering.context), and the
environment lets them call only a short list of pure readers of that data (``str.split``,
``dict.items``...). Everything that could make a value far larger than its inputs (``*``,
``**``, ``+``, ``%``, padding filters, ``join``, ``replace``, macro results, namespace values)
is checked against the output bound before or right after it runs, a watchdog ends a render that
runs past its time bound, and the output is counted as it is produced. A user's template folder
also runs under an address-space cap, so a value that slips past the checks fails with
MemoryError instead of exhausting the machine.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import re
import threading
import zlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any, Final

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from briefing.config import env_number
from briefing.errors import TemplateError

#: Defaults of the bounds, overridden by BRIEFING_TEMPLATE_TIMEOUT / BRIEFING_TEMPLATE_MAX_BYTES.
DEFAULT_SECONDS: Final = 10.0
DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
#: Integers a template may compute by ``**``, in bits (a 30,000-digit number is plenty).
_MAX_POWER_BITS: Final = 100_000

#: The only methods of plain data a template may call: pure readers, none of which can make a
#: value much larger than the one it reads (``replace`` is checked in ``call``).
_STR_METHODS: Final = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha",
    "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "join", "lower",
    "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
    "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "title",
    "upper", "striptags", "unescape", "escape",
})
_DICT_METHODS: Final = frozenset({"get", "items", "keys", "values"})
_SEQUENCE_METHODS: Final = frozenset({"count", "index"})
#: Widths in a printf-style format ("%20s", "%.*f"): checked before ``%`` or ``|format`` runs.
_FORMAT_WIDTH: Final = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")


#: How the default bounds grow with the reports briefed: a review page of a long report is
#: rightly larger and slower than one of a short one, so the defaults are floors. Bounds set
#: explicitly (environment or ``RenderLimits(...)``) are used as they are.
BYTES_PER_REPORT_BYTE: Final = 16
SECONDS_PER_REPORT_MB: Final = 5.0


@dataclass(frozen=True)
class RenderLimits:
    """How long one render may run and how much it may write (UTF-8 bytes).

    ``scales`` is true for the defaults: ``for_reports`` then raises them for long reports.
    """

    seconds: float = DEFAULT_SECONDS
    max_bytes: int = DEFAULT_MAX_BYTES
    scales: bool = False

    @classmethod
    def from_env(cls) -> RenderLimits:
        """The defaults (growing with the reports), or BRIEFING_TEMPLATE_TIMEOUT (seconds) and
        BRIEFING_TEMPLATE_MAX_BYTES as they are."""
        seconds = env_number("BRIEFING_TEMPLATE_TIMEOUT", float, 0.001)
        max_bytes = env_number("BRIEFING_TEMPLATE_MAX_BYTES", int, 1)
        return cls(DEFAULT_SECONDS if seconds is None else float(seconds),
                   DEFAULT_MAX_BYTES if max_bytes is None else int(max_bytes),
                   scales=seconds is None and max_bytes is None)

    def for_reports(self, report_chars: int) -> RenderLimits:
        """These limits for a brief of reports holding ``report_chars`` characters: defaults
        grow to BYTES_PER_REPORT_BYTE bytes and SECONDS_PER_REPORT_MB seconds a megabyte of
        report when that is more; explicit limits stay as they are."""
        if not self.scales:
            return self
        return RenderLimits(max(self.seconds, SECONDS_PER_REPORT_MB * report_chars / 1e6),
                            max(self.max_bytes, BYTES_PER_REPORT_BYTE * report_chars),
                            scales=False)


#: The bound that the checks of the render running in this context use.
_BOUND: ContextVar[int] = ContextVar("template_max_bytes", default=DEFAULT_MAX_BYTES)


def _refuse(what: str) -> SecurityError:
    return SecurityError(f"{what} would exceed the output bound of {_BOUND.get():,} bytes")


def _size(value: Any) -> int:
    """Rough size of a value in characters or items (0 for anything that is not a sequence)."""
    return len(value) if isinstance(value, str | list | tuple | dict) else 0


def _check_result(value: Any, what: str) -> Any:
    if _size(value) > _BOUND.get():
        raise _refuse(what)
    return value


def _check_int(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _BOUND.get():
        raise _refuse(what)


def _check_format(spec: Any, what: str) -> None:
    if isinstance(spec, str):
        for match in _FORMAT_WIDTH.finditer(spec):
            for width in match.groups():
                if width and width != "*" and int(width) > _BOUND.get():
                    raise _refuse(what)
                if width == "*":
                    raise SecurityError(f"{what}: '*' widths are not allowed in templates")


class _BoundedNamespace(Namespace):
    """``namespace()`` whose values are checked, so a loop cannot double a string forever."""

    def __setitem__(self, name: str, value: Any) -> None:
        _check_result(value, f"namespace value {name!r}")
        super().__setitem__(name, value)


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter checked before it runs (widths, counts, separators) and on its result."""
    pass_arg = getattr(function, "jinja_pass_arg", None)

    @wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        given = list(args[1:] if pass_arg is not None else args)  # drop the eval context
        value, rest = (given[0] if given else None), given[1:]
        for argument in [*rest, *kwargs.values()]:
            _check_int(argument, f"filter {name}")
        if name == "format":
            _check_format(value, "filter format")
        if (name == "join" and rest and isinstance(rest[0], str)
                and len(rest[0]) * max(_size(value), 1) > _BOUND.get()):
            raise _refuse("filter join")
        if name == "replace" and len(rest) >= 2 and isinstance(value, str):
            old, new = str(rest[0]), str(rest[1])
            count = value.count(old) if old else len(value) + 1
            if count * len(new) > _BOUND.get():
                raise _refuse("filter replace")
        if name == "wordwrap" and isinstance(value, str):
            wrap = kwargs.get("wrapstring") or (rest[2] if len(rest) > 2 else None) or "\n"
            if len(str(wrap)) * len(value) > _BOUND.get():
                raise _refuse("filter wordwrap")
        return _check_result(function(*args, **kwargs), f"filter {name}")

    return checked


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment that calls only pure readers of plain data, within bounds."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.pop("lipsum", None)
        self.globals["namespace"] = _BoundedNamespace
        for name, function in list(self.filters.items()):
            self.filters[name] = _bounded_filter(name, function)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Plain data first: its short lists name no private or mutating method.
        if isinstance(obj, str):
            return attr in _STR_METHODS
        if isinstance(obj, dict):
            return attr in _DICT_METHODS
        if isinstance(obj, list | tuple):
            return attr in _SEQUENCE_METHODS
        if isinstance(obj, int | float | bytes | set | frozenset):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def wrap_str_format(self, value: Any) -> None:
        """``str.format`` is not offered at all (widths in it could build any size)."""
        return None

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        bound = _BOUND.get()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if _size(seq) and isinstance(times, int) and _size(seq) * times > bound:
                    raise _refuse("'*'")
        elif operator == "**":
            if (isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0
                    and right * math.log2(abs(left)) > _MAX_POWER_BITS):
                raise SecurityError(f"'**' would make a number of more than "
                                    f"{_MAX_POWER_BITS:,} bits")
        elif operator == "+":
            if _size(left) + _size(right) > bound:
                raise _refuse("'+'")
        elif operator == "%" and isinstance(left, str):
            _check_format(left, "'%'")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        for argument in [*args, *kwargs.values()]:
            _check_int(argument, "a call")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and getattr(__obj, "__name__", "") == "replace" and len(args) >= 2:
            old, new = str(args[0]), str(args[1])
            count = owner.count(old) if old else len(owner) + 1
            if count * len(new) > _BOUND.get():
                raise _refuse("replace()")
        return _check_result(super().call(__context, __obj, *args, **kwargs), "a call")


class _Overtime(BaseException):
    """Raised into a thread whose render ran past its time bound."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _Overtime in this thread if the block is still running after ``seconds``.

    A watchdog thread waits; past the bound it raises the exception into this thread, which
    Python delivers between two bytecodes of the template's loops.
    """
    target = threading.get_ident()
    done = threading.Event()
    guard = threading.Lock()

    def watch() -> None:
        if done.wait(seconds):
            return
        with guard:
            if not done.is_set():
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(_Overtime))

    watchdog = threading.Thread(target=watch, name="template-deadline", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        with guard:
            done.set()
        watchdog.join()


class _AddressSpaceCap:
    """The process's address-space cap while user templates render, shared by every thread.

    The first render to start sets the cap (the process's size then plus ``extra``), the last
    to end restores the limit that was there before: renders running at once in a batch's
    threads never restore each other's cap or leave one behind.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._before: tuple[int, int] | None = None

    @staticmethod
    def _current_size() -> int | None:
        try:
            with open("/proc/self/statm", encoding="ascii") as statm:
                return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return None

    @contextlib.contextmanager
    def held(self, extra: int) -> Iterator[None]:
        try:
            import resource
        except ImportError:  # not on this platform: the checks above are the bound
            yield
            return
        with self._lock:
            if self._users == 0:
                current = self._current_size()
                soft, hard = resource.getrlimit(resource.RLIMIT_AS)
                if current is not None:
                    cap = current + extra if hard == resource.RLIM_INFINITY \
                        else min(current + extra, hard)
                    if soft == resource.RLIM_INFINITY or soft > cap:
                        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
                        self._before = (soft, hard)
            self._users += 1
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0 and self._before is not None:
                    resource.setrlimit(resource.RLIMIT_AS, self._before)
                    self._before = None


_CAP: Final = _AddressSpaceCap()


def _template_line(exc: BaseException, name: str) -> str:
    """' at line N' for the deepest frame of the template in the traceback, when there is one."""
    line = None
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith(name):
            line = trace.tb_lineno
        trace = trace.tb_next
    return f" at line {line}" if line else ""


def _utf8_size(chunk: str) -> int:
    return len(chunk) if chunk.isascii() else len(chunk.encode("utf-8", "surrogatepass"))


def run_bounded(name: str, chunks: Callable[[], Iterator[str]], limits: RenderLimits,
                *, cap_memory: bool = False) -> str:
    """Join a template's output chunks within the limits; every failure is one TemplateError."""
    return "".join(run_bounded_pieces(name, chunks, limits, cap_memory=cap_memory))


#: Template output chunks joined into one piece: a chunk is often a few characters, and a list
#: of them takes several times the memory of their text.
_PIECE_CHUNKS: Final = 4096


def held_compressed(parts: list[str]) -> bytes:
    """Template output kept until it is written (a template that fails writes nothing), as
    compressed UTF-8: as a str, a joined piece holding one curly quote or dash takes two bytes
    a character, and a brief of a long report is many megabytes of text that repeats itself
    (holders, cues, citations); zlib at its fastest level keeps it in about a fifth of its
    UTF-8 (``as_text`` reads it back)."""
    return zlib.compress("".join(parts).encode("utf-8", "surrogatepass"), 1)


def as_text(pieces: list[bytes]) -> Iterator[str]:
    """The pieces ``held_compressed`` kept, as text again, each let go once it is returned."""
    pieces.reverse()
    while pieces:
        yield zlib.decompress(pieces.pop()).decode("utf-8", "surrogatepass")


def run_bounded_pieces(name: str, chunks: Callable[[], Iterator[str]], limits: RenderLimits,
                       *, cap_memory: bool = False) -> Iterator[str]:
    """A template's whole output within the limits, as pieces of text (joined, the output):
    the template has run to its end before the first piece is returned; every failure is one
    TemplateError."""
    from jinja2 import TemplateError as JinjaTemplateError

    parts: list[str] = []
    pieces: list[bytes] = []
    written = 0
    token = _BOUND.set(limits.max_bytes)
    try:
        cap = _CAP.held(max(1 << 30, 40 * limits.max_bytes)) if cap_memory \
            else contextlib.nullcontext()
        with cap, _deadline(limits.seconds):
            for chunk in chunks():
                written += _utf8_size(chunk)
                if written > limits.max_bytes:
                    raise TemplateError(
                        f"template {name} wrote more than {limits.max_bytes:,} bytes "
                        "(the bound; set BRIEFING_TEMPLATE_MAX_BYTES to change it)")
                parts.append(chunk)
                if len(parts) == _PIECE_CHUNKS:
                    pieces.append(held_compressed(parts))
                    parts.clear()
    except _Overtime:
        raise TemplateError(
            f"template {name} ran longer than {limits.seconds:g} s "
            "(the bound; set BRIEFING_TEMPLATE_TIMEOUT to change it)") from None
    except TemplateError:
        raise
    except SecurityError as exc:
        raise TemplateError(f"template {name} tried something the sandbox forbids"
                            f"{_template_line(exc, name)}: {exc}") from exc
    except JinjaTemplateError as exc:
        raise TemplateError(f"template {name} failed{_template_line(exc, name)}: {exc}") from exc
    except MemoryError as exc:
        raise TemplateError(f"template {name} ran out of memory{_template_line(exc, name)}; "
                            "it builds values far larger than its output") from exc
    except RecursionError as exc:
        raise TemplateError(f"template {name} recursed too deeply"
                            f"{_template_line(exc, name)}") from exc
    except Exception as exc:  # a user's template is code: whatever it raises is its error
        raise TemplateError(f"template {name} raised {type(exc).__name__}"
                            f"{_template_line(exc, name)}: {exc}") from exc
    finally:
        _BOUND.reset(token)
    pieces.append(held_compressed(parts))
    return as_text(pieces)
