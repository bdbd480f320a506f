"""With an OpenAI-compatible server (as `vllm serve` is), --workers makes turns of different
dialogues generate concurrently: a small fake server on 127.0.0.1 counts requests in flight."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from assistant.core import Assistant
from assistant.evaluation.logs import Dialogue, write_dialogues
from assistant.evaluation.run import evaluate_dialogues
from tests.conftest import free_port

DELAY_S = 0.6


def fake_openai_server() -> tuple[FastAPI, dict[str, int]]:
    app = FastAPI()
    seen = {"in_flight": 0, "most": 0, "requests": 0}

    @app.post("/v1/chat/completions")
    async def complete() -> StreamingResponse:
        async def chunks():
            seen["in_flight"] += 1
            seen["requests"] += 1
            seen["most"] = max(seen["most"], seen["in_flight"])
            try:
                await asyncio.sleep(DELAY_S)
                for text in ["These are ", "good picks for you."]:
                    delta = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "fake"}
                    delta["choices"] = [{"index": 0, "delta": {"content": text}, "finish_reason": None}]
                    yield f"data: {json.dumps(delta)}\n\n"
                yield "data: [DONE]\n\n"
            finally:
                seen["in_flight"] -= 1

        return StreamingResponse(chunks(), media_type="text/event-stream")

    return app, seen


def test_workers_generate_concurrently_over_http(fake_settings, fake_embedder, tmp_path):
    app, seen = fake_openai_server()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the fake server did not start"
        settings = fake_settings.model_copy(
            update={"llm_backend": "openai", "openai_base_url": f"http://127.0.0.1:{port}/v1", "openai_model": "fake"}
        )
        assistant = Assistant.load(settings, embed=fake_embedder)
        logs = tmp_path / "logs.jsonl"
        queries = ["running shoes", "backpack", "watch for men", "ceramic mug"]
        write_dialogues(
            logs,
            [
                Dialogue.model_validate({"id": f"d{i}", "turns": [{"role": "user", "text": q}]})
                for i, q in enumerate(queries)
            ],
        )
        report = evaluate_dialogues(assistant, logs, tmp_path / "out", workers=4, progress=False)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert report["turns"] == 4 and report["metrics"]["error_rate"]["value"] == 0
    assert seen["requests"] == 4 and seen["most"] >= 2
