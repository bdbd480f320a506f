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
from pathlib import Path

from filelock import FileLock, Timeout

from common.errors import ShopAssistError
from common.settings import Settings
from ingest.snapshot import remove_leftovers

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


def tidy_if_idle(settings: Settings, index_dir: Path) -> list[Path]:
    """Remove what a killed write left beside the index (SIGKILL or power loss: nothing ran to
    clean up), when no ingest holds the lock; readers call it when they load, so the leftover
    goes at the next start rather than the next ingest. A read-only data directory is left as
    it is."""
    if not settings.data_dir.is_dir():
        return []
    lock = FileLock(settings.data_dir / LOCK_NAME)
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):  # an ingest is writing, or the directory is read-only
        return []
    try:
        removed = remove_leftovers(index_dir)
    finally:
        lock.release()
    for path in removed:
        log.info("removed %s, left by an interrupted snapshot write", path)
    return removed
