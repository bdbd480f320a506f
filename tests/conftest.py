"""Shared fixtures. Models come from the bundled packages; nothing is downloaded.

Converted model folders are cached inside the clone (.cache/models), never elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "datasets"
from common.offline import go_offline  # noqa: E402

go_offline()
os.environ.setdefault("SHOPASSIST_MODEL_CACHE_DIR", str(REPO / ".cache" / "models"))

from assistant.catalog import CatalogIndex  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.vllm_server import free_port  # noqa: E402,F401  (re-exported for tests)
from ingest.pipeline import load_catalog  # noqa: E402
from ingest.snapshot import read_snapshot, write_snapshot  # noqa: E402

DEMO_CATALOG = REPO / "data" / "catalog.csv"
DEMO_POLICIES = REPO / "data" / "policies"


def needs_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared/datasets is only beside a developer checkout)")
    return path


@pytest.fixture(scope="session")
def demo_products():
    products, report = load_catalog(DEMO_CATALOG)
    assert not report.rejected
    return products


@pytest.fixture(scope="session")
def demo_catalog(demo_products, tmp_path_factory) -> CatalogIndex:
    """The demo catalog with random vectors: for tests of filters and parsing (no model)."""
    index_dir = tmp_path_factory.mktemp("snapshot") / "index"
    vectors = np.random.default_rng(0).normal(size=(len(demo_products), 8)).astype(np.float32)
    write_snapshot(index_dir, demo_products, vectors, "random")
    return CatalogIndex(read_snapshot(index_dir))


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory) -> Settings:
    """A data dir with the demo catalog and policies ingested for real (embedding model)."""
    from ingest.pipeline import ingest_catalog
    from ingest.policies import ingest_policies

    settings = Settings(data_dir=tmp_path_factory.mktemp("demo-data"))
    ingest_catalog(settings, DEMO_CATALOG, progress=False)
    ingest_policies(settings, [DEMO_POLICIES])
    return settings


@pytest.fixture(scope="session")
def demo_engine(demo_settings):
    from assistant.engine import SearchEngine

    return SearchEngine.load(demo_settings)


@pytest.fixture(scope="session")
def fake_embedder():
    from tests.fakes import HashEmbedder

    return HashEmbedder()


@pytest.fixture(scope="session")
def fake_settings(tmp_path_factory, fake_embedder) -> Settings:
    """The demo catalog and policies indexed with the deterministic `HashEmbedder` (no model)."""
    from ingest.pipeline import ingest_catalog
    from ingest.policies import ingest_policies
    from tests.fakes import FAKE_EMBEDDING

    settings = Settings(data_dir=tmp_path_factory.mktemp("fake-data"), embedding_model=FAKE_EMBEDDING)
    ingest_catalog(settings, DEMO_CATALOG, progress=False, embed=fake_embedder)
    ingest_policies(settings, [DEMO_POLICIES], embed=fake_embedder)
    return settings


@pytest.fixture(scope="session")
def flipkart_assistant(tmp_path_factory, fake_embedder):
    """An `Assistant` over the real Flipkart catalog (../shared/datasets; skipped when it is
    absent) indexed with the `HashEmbedder`, with a `ScriptedBackend`: one ingest for every
    module that holds conversations on it."""
    from assistant.core import Assistant
    from ingest.pipeline import ingest_catalog
    from tests.fakes import FAKE_EMBEDDING, ScriptedBackend

    catalog = needs_shared("flipkart", "product.csv")
    settings = Settings(data_dir=tmp_path_factory.mktemp("flipkart"), embedding_model=FAKE_EMBEDDING)
    mapping = REPO / "ingest" / "mappings" / "flipkart.yaml"
    ingest_catalog(settings, catalog, mapping, progress=False, embed=fake_embedder)
    return Assistant.load(settings, backend=ScriptedBackend(), embed=fake_embedder)


@pytest.fixture
def make_assistant(fake_settings, fake_embedder):
    """Build an `Assistant` over the fake-indexed demo catalog with a `ScriptedBackend`:
    `make_assistant(replies=[...], default="...")` -> (assistant, backend)."""
    from assistant.core import Assistant
    from tests.fakes import ScriptedBackend

    def make(replies: list | None = None, default: str = "", **overrides):
        backend = ScriptedBackend(replies=list(replies or []), default=default)
        settings = fake_settings.model_copy(update=overrides) if overrides else fake_settings
        return Assistant.load(settings, backend=backend, embed=fake_embedder), backend

    return make
