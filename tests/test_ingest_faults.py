"""Ingest under faults: two ingests at once, Chroma unreachable, a read-only directory, a full
disk, a snapshot write killed mid-way (issue 11, section 2). Each ends in one line that says
what and how to fix it, or in a consistent index, never in a traceback or a mix of catalogs.

Read-only and full file systems are real: a private mount namespace (`unshare`) with a tmpfs
mounted read-only or a few hundred kilobytes small; skipped where unshare is not allowed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from common.errors import ShopAssistError
from common.schema import Product
from common.settings import Settings
from ingest import store
from ingest.lock import writer_lock
from ingest.pipeline import ingest_catalog
from ingest.snapshot import TMP_MARK, read_snapshot, remove_leftovers, write_snapshot
from tests.conftest import DEMO_CATALOG, REPO, free_port
from tests.fakes import FAKE_EMBEDDING, HashEmbedder

HEADER = "id,title,description,category,brand,price,currency\n"
ENV = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}


def catalog(tmp_path: Path, name: str, prefix: str, n: int) -> Path:
    path = tmp_path / f"{name}.csv"
    body = "".join(f"{prefix}{i},{prefix} Mug {i},Nice mug,Home,Acme,{i}.50,USD\n" for i in range(n))
    path.write_text(HEADER + body)
    return path


def settings_in(data_dir: Path, **overrides) -> Settings:
    return Settings(data_dir=data_dir, embedding_model=FAKE_EMBEDDING, **overrides)


def indexed_ids(settings: Settings) -> tuple[set[str], set[str]]:
    coll = store.collection(store.chroma_client(settings), store.PRODUCTS)
    chroma = {item["id"] for item in store.iter_records(coll, include=[])}
    return chroma, {p.id for p in read_snapshot(settings.index_dir).products}


class SlowEmbedder(HashEmbedder):
    """Takes its time, so that two ingests started together really overlap."""

    def encode(self, sentences, **kwargs):
        time.sleep(0.3)
        return super().encode(sentences, **kwargs)


@pytest.mark.slow
def test_two_ingests_at_once_end_as_one_catalog_not_a_mix(tmp_path):
    settings = settings_in(tmp_path / "data", embedding_batch_size=2)  # many slow Chroma writes
    files = {"A": catalog(tmp_path, "a", "A", 12), "B": catalog(tmp_path, "b", "B", 5)}
    errors: list[BaseException] = []

    def run(path: Path) -> None:
        try:
            ingest_catalog(settings, path, progress=False, embed=SlowEmbedder())
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(path,)) for path in files.values()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    chroma, snapshot = indexed_ids(settings)
    assert chroma == snapshot
    assert {id[0] for id in chroma} in ({"A"}, {"B"}), "the index mixes both catalogs"
    assert len(chroma) in (12, 5)


def test_a_second_ingest_fails_clearly_when_the_first_holds_the_lock_too_long(tmp_path):
    settings = settings_in(tmp_path / "data", ingest_lock_timeout_s=0.3)
    with writer_lock(settings):
        with pytest.raises(ShopAssistError, match="another ingest is still writing to .* after 0 s"):
            ingest_catalog(settings, catalog(tmp_path, "a", "A", 3), progress=False, embed=HashEmbedder())
    ingest_catalog(settings, catalog(tmp_path, "a", "A", 3), progress=False, embed=HashEmbedder())  # lock freed


def test_chroma_server_unreachable_is_one_line(tmp_path):
    settings = settings_in(tmp_path / "data", chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ShopAssistError, match="cannot reach the Chroma server at .* Start it with `chroma run"):
        ingest_catalog(settings, catalog(tmp_path, "a", "A", 3), progress=False, embed=HashEmbedder())


@pytest.mark.slow
def test_chroma_server_dying_mid_ingest_is_one_line(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "chroma"), "run", "--path", str(tmp_path / "srv"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )

    class DyingServerEmbedder(HashEmbedder):
        """The Chroma server goes down after the first batch has been written."""

        calls = 0

        def encode(self, sentences, **kwargs):
            self.calls += 1
            if self.calls == 2:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=30)
            return super().encode(sentences, **kwargs)

    try:
        settings = settings_in(tmp_path / "data", chroma_url=f"http://127.0.0.1:{port}", embedding_batch_size=1)
        deadline = time.monotonic() + 60
        while True:
            try:
                store.chroma_client(settings)
                break
            except ShopAssistError:
                assert time.monotonic() < deadline, "chroma run did not start"
                time.sleep(0.3)
        with pytest.raises(ShopAssistError, match="the Chroma server at .* failed: .*run the ingest again") as err:
            ingest_catalog(settings, catalog(tmp_path, "a", "A", 40), progress=False, embed=DyingServerEmbedder())
        assert "\n" not in str(err.value) and len(str(err.value)) < 600
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


# -- real read-only and full file systems, in a private mount namespace ------------------------
INGEST_SCRIPT = """
import sys
from pathlib import Path
from common.errors import ShopAssistError
from common.settings import Settings
from ingest.pipeline import ingest_catalog
from tests.fakes import FAKE_EMBEDDING, HashEmbedder
settings = Settings(data_dir=Path(sys.argv[1]), embedding_model=FAKE_EMBEDDING)
try:
    report = ingest_catalog(settings, Path(sys.argv[2]), progress=False, embed=HashEmbedder())
except ShopAssistError as exc:
    print("ERROR", exc)
else:
    print("OK", report.added)
"""


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30).returncode == 0


needs_unshare = pytest.mark.skipif(not _unshare_works(), reason="unshare -rm (user + mount namespace) not allowed")


def in_namespace(mount: str, command: list[str]) -> subprocess.CompletedProcess:
    """Run `command` in a private mount namespace after `mount` (a shell line); the mounts
    vanish with the namespace."""
    script = f'{mount} && exec "$@"'
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", *command],
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
        cwd=REPO,
    )


def assert_one_line_error(out: subprocess.CompletedProcess, *words: str) -> None:
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    for word in words:
        assert word in lines[0]


@needs_unshare
@pytest.mark.slow
def test_cli_read_only_data_dir_is_one_line(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    out = in_namespace(
        f"mount -t tmpfs -o ro tmpfs {mnt}",
        [sys.executable, "-m", "ui.cli", "ingest", str(catalog(tmp_path, "a", "A", 3)), "--data-dir", f"{mnt}/data"],
    )
    assert_one_line_error(out, "read-only", "--data-dir")


@needs_unshare
@pytest.mark.slow
def test_cli_full_disk_is_one_line(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    out = in_namespace(
        f"mount -t tmpfs -o size=64k tmpfs {mnt}",
        [sys.executable, "-m", "ui.cli", "ingest", str(catalog(tmp_path, "a", "A", 3)), "--data-dir", f"{mnt}/data"],
    )
    assert_one_line_error(out, "no space left", "free some disk space")


@needs_unshare
@pytest.mark.slow
def test_disk_full_mid_ingest_and_existing_index_made_read_only(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    # 1 MB: Chroma opens its database (~200 kB), then the writes of 250 products run out of room.
    lines = DEMO_CATALOG.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "250.csv").write_text("".join(lines[:251]), encoding="utf-8")
    out = in_namespace(
        f"mount -t tmpfs -o size=1m tmpfs {mnt}",
        [sys.executable, "-c", INGEST_SCRIPT, f"{mnt}/data", str(tmp_path / "250.csv")],
    )
    assert out.stdout.startswith("ERROR no space left while writing to"), out.stdout + out.stderr[-2000:]

    data = tmp_path / "data"
    ingest_catalog(settings_in(data), catalog(tmp_path, "a", "A", 3), progress=False, embed=HashEmbedder())
    out = in_namespace(
        f"mount --bind {data} {data} && mount -o remount,ro,bind {data}",
        [sys.executable, "-c", INGEST_SCRIPT, str(data), str(catalog(tmp_path, "b", "B", 3))],
    )
    assert out.stdout.startswith("ERROR cannot write to the data directory"), out.stdout + out.stderr[-2000:]
    assert indexed_ids(settings_in(data)) == ({"A0", "A1", "A2"}, {"A0", "A1", "A2"})  # untouched


# -- snapshot writes interrupted -----------------------------------------------------------------
SNAPSHOT_SCRIPT = """
import signal, sys
from pathlib import Path
import numpy as np
from common.schema import Product
from ingest.snapshot import write_snapshot
from ui.cli import _exit_on_sigterm
signal.signal(signal.SIGTERM, _exit_on_sigterm)
n = int(sys.argv[2])
products = [Product(id=f"p{i:06d}", title=f"Product {i} stoneware mug", description="a plain mug " * 30) for i in range(n)]
print("writing", flush=True)
write_snapshot(Path(sys.argv[1]), products, np.zeros((n, 8), np.float32), "test")
"""


def small_snapshot(index_dir: Path, n: int = 3) -> None:
    products = [Product(id=f"old{i}", title=f"Old mug {i}") for i in range(n)]
    write_snapshot(index_dir, products, np.ones((n, 8), np.float32), "test")


def leftovers(index_dir: Path) -> list[Path]:
    return sorted(index_dir.parent.glob(f"{index_dir.name}{TMP_MARK}*"))


def interrupt_snapshot(index_dir: Path, sig: int) -> int:
    """Start a big snapshot write in a subprocess, send `sig` while its temporary folder exists."""
    proc = subprocess.Popen(
        [sys.executable, "-c", SNAPSHOT_SCRIPT, str(index_dir), "60000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=REPO,
    )
    try:
        assert proc.stdout.readline().strip() == "writing"
        deadline = time.monotonic() + 120
        while not leftovers(index_dir):
            assert proc.poll() is None, "the write ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        proc.send_signal(sig)
        return proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_snapshot_write_terminated_mid_way_leaves_no_temporary_folder(tmp_path):
    index_dir = tmp_path / "data" / "index"
    small_snapshot(index_dir)
    assert interrupt_snapshot(index_dir, signal.SIGTERM) == 128 + signal.SIGTERM
    assert leftovers(index_dir) == []
    assert [p.id for p in read_snapshot(index_dir).products] == ["old0", "old1", "old2"]


@pytest.mark.slow
def test_snapshot_write_killed_mid_way_is_cleaned_by_the_next_write(tmp_path):
    index_dir = tmp_path / "data" / "index"
    small_snapshot(index_dir)
    assert interrupt_snapshot(index_dir, signal.SIGKILL) == -signal.SIGKILL
    assert leftovers(index_dir)  # nothing runs after SIGKILL ...
    assert [p.id for p in read_snapshot(index_dir).products] == ["old0", "old1", "old2"]  # ... the index is whole
    small_snapshot(index_dir, n=2)
    assert leftovers(index_dir) == [] and len(read_snapshot(index_dir).products) == 2


@pytest.mark.slow
def test_a_killed_write_is_tidied_when_the_assistant_next_loads(tmp_path, fake_embedder):
    from assistant.engine import SearchEngine
    from common.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    small_snapshot(settings.index_dir)
    assert interrupt_snapshot(settings.index_dir, signal.SIGKILL) == -signal.SIGKILL
    assert leftovers(settings.index_dir)
    engine = SearchEngine.load(settings, embed=fake_embedder)
    assert leftovers(settings.index_dir) == [] and len(engine.catalog) == 3


def test_a_swap_stopped_between_its_two_renames_is_undone(tmp_path):
    index_dir = tmp_path / "data" / "index"
    small_snapshot(index_dir)
    index_dir.rename(index_dir.with_name("index.old"))  # killed after the first rename of the swap
    remove_leftovers(index_dir)
    assert [p.id for p in read_snapshot(index_dir).products] == ["old0", "old1", "old2"]
    assert not index_dir.with_name("index.old").exists()


@pytest.mark.slow
def test_cli_unreadable_inputs_are_one_line_and_exit_1(tmp_path):
    """A directory given as the file, a mapping whose `columns` is a list, a file of Latin-1 rows
    only: one line each on stderr, exit code 1, as the README documents."""
    folder = tmp_path / "catalog.csv"
    folder.mkdir()
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  - id\n  - title\n")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,title,price\nA,Crème Mug,5\nB,Tasse à café,6\n".encode("latin-1"))
    good = catalog(tmp_path, "good", "A", 2)
    cases = [
        ([str(folder)], "is a directory"),
        ([str(good), "--mapping", str(mapping)], "`columns` must map target fields"),
        ([str(latin)], "nothing could be ingested"),
    ]
    for args, words in cases:
        out = subprocess.run(
            [sys.executable, "-m", "ui.cli", "ingest", *args, "--data-dir", str(tmp_path / "data")],
            capture_output=True,
            text=True,
            timeout=300,
            env=ENV,
            cwd=REPO,
        )
        assert_one_line_error(out, words)
    assert "Latin-1" in out.stderr


def test_another_embedding_model_re_embeds_into_a_fresh_collection(tmp_path):
    """Switching the embedding model (here to one with shorter vectors) re-embeds everything;
    Chroma cannot mix vector lengths in one collection, so the old one is replaced."""
    from ingest.pipeline import ingest_catalog
    from tests.fakes import HashEmbedder

    path = catalog(tmp_path, "c", "A", 3)
    first = ingest_catalog(settings_in(tmp_path / "data"), path, progress=False, embed=HashEmbedder(256))
    assert first.added == 3
    other = Settings(data_dir=tmp_path / "data", embedding_model="another-model")
    second = ingest_catalog(other, path, progress=False, embed=HashEmbedder(64))
    assert (second.added, second.updated, second.unchanged) == (0, 3, 0)
    assert read_snapshot(other.index_dir).vectors.shape == (3, 64)


def test_policies_re_ingested_with_another_embedding_model(tmp_path):
    from ingest.policies import ingest_policies

    policies = REPO / "data" / "policies"
    assert ingest_policies(settings_in(tmp_path / "data"), [policies], embed=HashEmbedder(256)) > 0
    other = Settings(data_dir=tmp_path / "data", embedding_model="another-model")
    count = ingest_policies(other, [policies], embed=HashEmbedder(64))
    assert store.collection(store.chroma_client(other), store.POLICIES).count() == count
