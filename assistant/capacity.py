"""How many shoppers are served at once: a design decision, not an accident of locks.

A turn's product cards and the deterministic text built from records cost milliseconds; the
model's text costs seconds, and the in-process CPU backend generates one reply at a time. So:

- `GenerationGate` lets at most `slots` generations run at once (1 for an in-process model,
  several for a `vllm serve` server, which batches concurrent requests). A turn whose expected
  wait for a slot (the queue ahead of it times recent generation times) exceeds `wait_s`, or
  that has waited `wait_s` without getting one, answers at once with the deterministic text from
  the records instead; a running generation is cut at `deadline_s`. A shopper waits at most
  about wait_s + deadline_s for the text, never minutes, and the cards come first regardless.
- `TurnLimiter` bounds the turns in flight (each holds a worker thread while it streams, and
  even the deterministic path costs CPU); beyond it the HTTP API answers 429 with a Retry-After
  from recent turn durations.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from common.settings import Settings

# Concurrent generations when the setting is left unset: the in-process backends generate one at
# a time (a second caller only queues behind the first); a served model batches what it gets.
SERVED_SLOTS = 8
SERVED_BACKENDS = frozenset({"openai"})


def _moving_average(mean: float | None, sample: float, weight: float = 0.3) -> float:
    return sample if mean is None else (1 - weight) * mean + weight * sample


class GenerationGate:
    def __init__(self, slots: int, wait_s: float, deadline_s: float):
        self.slots = slots
        self.wait_s = wait_s
        self.deadline_s = deadline_s
        self._free = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self.running = 0
        self.waiting = 0
        self.shed = 0  # turns answered with the deterministic text because the queue was long
        self.mean_s: float | None = None  # moving average of recent generation durations

    @classmethod
    def for_backend(cls, settings: Settings, backend_name: str) -> GenerationGate:
        slots = settings.generation_slots or (SERVED_SLOTS if backend_name in SERVED_BACKENDS else 1)
        return cls(slots, settings.generation_wait_s, settings.generation_deadline_s)

    def expected_wait_s(self) -> float:
        """How long a turn arriving now would wait for a slot, from the queue ahead of it."""
        ahead = self.running + self.waiting - self.slots + 1
        if ahead <= 0 or self.mean_s is None:
            return 0.0
        return math.ceil(ahead / self.slots) * self.mean_s

    @contextmanager
    def slot(self) -> Iterator[bool]:
        """Yields True while the caller holds a generation slot, or False at once (or after
        `wait_s`) when the queue is too long: the caller then uses the deterministic text."""
        with self._lock:
            queue = self.expected_wait_s() <= self.wait_s
            if queue:
                self.waiting += 1
            else:
                self.shed += 1
        granted = queue and self._free.acquire(timeout=self.wait_s)
        with self._lock:
            if queue:
                self.waiting -= 1
                if granted:
                    self.running += 1
                else:
                    self.shed += 1
        if not granted:
            yield False
            return
        started = time.monotonic()
        try:
            yield True
        finally:
            with self._lock:
                self.running -= 1
                self.mean_s = _moving_average(self.mean_s, time.monotonic() - started)
            self._free.release()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "slots": self.slots,
                "running": self.running,
                "waiting": self.waiting,
                "shed": self.shed,
                "mean_generation_s": None if self.mean_s is None else round(self.mean_s, 2),
            }


class TurnLimiter:
    """At most `limit` turns in flight; `enter()` is False beyond it (the API answers 429)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.active = 0
        self.refused = 0
        self.mean_s: float | None = None  # moving average of recent turn durations
        self._lock = threading.Lock()

    def enter(self) -> bool:
        with self._lock:
            if self.active >= self.limit:
                self.refused += 1
                return False
            self.active += 1
            return True

    def leave(self, took_s: float) -> None:
        with self._lock:
            self.active -= 1
            self.mean_s = _moving_average(self.mean_s, took_s)

    def retry_after_s(self) -> int:
        """Seconds a refused client should wait: about one turn's time, between 1 and 60."""
        return max(1, min(60, math.ceil(self.mean_s or 1.0)))

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {"limit": self.limit, "active": self.active, "refused": self.refused}
