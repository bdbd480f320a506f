"""One writer per data directory: an ingest holds a lock file while it writes Chroma and the
snapshot; a second ingest on the same directory waits for it, up to a timeout, then fails with
one line that says so. Without it, two ingests at once end as a mix of both catalogs.

`filelock` (flock on POSIX) rather than a hand-made lock file: the OS releases the lock when the
holder dies, so a killed ingest never leaves a stale lock behind.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from common.errors import ShopAssistError
from common.settings import Settings

log = logging.getLogger(__name__)
LOCK_NAME = "ingest.lock"


@contextmanager
def writer_lock(settings: Settings) -> Iterator[None]:
    """Hold the data directory's ingest lock for the duration of the block."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = settings.data_dir / LOCK_NAME
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        timeout = settings.ingest_lock_timeout_s
        log.warning(
            "another ingest is writing to %s; waiting up to %.0f s for it to finish", settings.data_dir, timeout
        )
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise ShopAssistError(
                f"another ingest is still writing to {settings.data_dir} (it holds {path}) after {timeout:.0f} s; "
                "let it finish and run again, raise SHOPASSIST_INGEST_LOCK_TIMEOUT_S, or use another --data-dir"
            ) from None
    try:
        yield
    finally:
        lock.release()
