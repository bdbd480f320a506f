"""GPU paths: bf16 generation on CUDA. Skipped cleanly on machines without an NVIDIA GPU (CI)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.model,
    pytest.mark.skipif(
        not torch.cuda.is_available(), reason="needs an NVIDIA GPU (torch.cuda.is_available() is False)"
    ),
]


def test_transformers_backend_runs_bf16_on_cuda():
    from assistant.backends import Sampling, TransformersBackend
    from common.settings import Settings

    backend = TransformersBackend(Settings())
    assert backend.device == "cuda" and next(backend.model.parameters()).dtype == torch.bfloat16
    text = "".join(backend.stream([{"role": "user", "content": "Suggest a rain jacket."}], Sampling(24, 0.0, 1.0)))
    assert text.strip()
