"""Calls to something outside the process (Chroma, the model server, the disk) with a deadline.

A frozen dependency (a Chroma server stopped with SIGSTOP, a model server that accepts a
connection and never answers, a hung network disk) does not fail: it blocks, and every caller
blocks behind it. So each call runs in the dependency's own small thread pool and the caller
waits at most `timeout_s`. After a timeout the dependency is "down" for `retry_s`: calls fail at
once instead of piling up more blocked threads, and one probe call at a time (after `retry_s`)
finds out whether it is back. At most `max_stuck` calls that outlived their deadline may still
hold a thread; beyond that, calls fail at once too. Callers catch `DependencyUnavailable` and degrade (policy answers say the
policy index is unavailable, replies use the text from the records, a turn is not saved).

Hand-written rather than a library: `concurrent.futures` gives the deadline; the circuit-breaker
libraries (pybreaker, circuitbreaker) count failures but cannot stop a call that never returns,
which is the whole problem here.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from common.errors import ShopAssistError

log = logging.getLogger(__name__)
T = TypeVar("T")


class DependencyUnavailable(ShopAssistError):
    """The dependency timed out now or recently, or too many calls to it are stuck."""


class Dependency:
    def __init__(self, name: str, timeout_s: float, retry_s: float, workers: int = 32, max_stuck: int = 4):
        self.name = name
        self.timeout_s = timeout_s
        self.retry_s = retry_s
        self.max_stuck = max_stuck
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"dep-{name}")
        self._lock = threading.Lock()
        self._in_flight = 0
        self._stuck: set[Future] = set()  # calls past their deadline that still hold a thread
        self._down_until = 0.0  # monotonic time before which calls fail at once
        self._probing = False  # one call at a time may test a dependency that was down
        self.timeouts = 0
        self.last_problem: str | None = None

    def call(self, fn: Callable[..., T], *args: Any, timeout_s: float | None = None) -> T:
        """fn(*args) within the deadline; its own exceptions pass through unchanged."""
        future = self.submit(fn, *args)
        return self.wait(future, timeout_s)

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Start fn(*args) in the dependency's pool, or raise DependencyUnavailable at once."""
        with self._lock:
            now = time.monotonic()
            if now < self._down_until:
                raise DependencyUnavailable(f"{self.name} is not answering ({self.last_problem}); retrying shortly")
            if self._down_until and self._probing:
                raise DependencyUnavailable(f"{self.name} is being checked after a timeout; retrying shortly")
            if len(self._stuck) >= self.max_stuck:
                raise DependencyUnavailable(f"{self.name}: {len(self._stuck)} calls are still waiting for an answer")
            self._probing = bool(self._down_until)
            self._in_flight += 1
        future = self._pool.submit(fn, *args)
        future.add_done_callback(self._finished)
        return future

    def wait(self, future: Future[T], timeout_s: float | None = None) -> T:
        limit = self.timeout_s if timeout_s is None else timeout_s
        try:
            result = future.result(timeout=limit)
        except FutureTimeout:
            self._mark_stuck(future)
            self.trip(f"no answer within {limit:g}s")
            raise DependencyUnavailable(f"{self.name} did not answer within {limit:g}s") from None
        except BaseException:
            self.recovered()  # an error is an answer: the dependency is not frozen
            raise
        self.recovered()
        return result

    async def acall(self, fn: Callable[..., T], *args: Any, timeout_s: float | None = None) -> T:
        """`call` for the event loop: awaits the answer without holding a worker thread of the
        server (a health probe must answer when every request thread is busy)."""
        limit = self.timeout_s if timeout_s is None else timeout_s
        future = self.submit(fn, *args)
        try:
            result = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), limit)
        except TimeoutError:
            self._mark_stuck(future)
            self.trip(f"no answer within {limit:g}s")
            raise DependencyUnavailable(f"{self.name} did not answer within {limit:g}s") from None
        except BaseException:
            self.recovered()
            raise
        self.recovered()
        return result

    def trip(self, problem: str) -> None:
        """Mark the dependency down for `retry_s` (a caller saw it time out)."""
        with self._lock:
            self._down_until = time.monotonic() + self.retry_s
            self._probing = False
            self.timeouts += 1
            self.last_problem = problem
        log.warning("%s: %s; calls fail fast for %gs", self.name, problem, self.retry_s)

    def recovered(self) -> None:
        with self._lock:
            if self._down_until:
                log.info("%s answers again", self.name)
            self._down_until = 0.0
            self._probing = False
            self.last_problem = None

    def available(self) -> bool:
        """False while the dependency is down (before its retry time) or too many calls are stuck."""
        with self._lock:
            return time.monotonic() >= self._down_until and len(self._stuck) < self.max_stuck

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "in_flight": self._in_flight,
                "stuck": len(self._stuck),
                "timeouts": self.timeouts,
                "down_for_s": round(max(0.0, self._down_until - time.monotonic()), 1),
            }

    def _mark_stuck(self, future: Future) -> None:
        with self._lock:
            if not future.done():
                self._stuck.add(future)

    def _finished(self, future: Future) -> None:
        with self._lock:
            self._in_flight -= 1
            self._stuck.discard(future)
