"""Start vLLM's OpenAI-compatible server from .venv-vllm for tests and benchmarks.

    with start_vllm_server(model_dir) as base_url:   # "http://127.0.0.1:PORT/v1"
        ...

The server runs the CPU build (see scripts/setup-vllm.sh) as its own process group, logging to a
file; it is stopped (SIGTERM, then SIGKILL) when the block ends. A missing .venv-vllm raises
`VLLMUnavailable`; tests check `vllm_available()` first and skip.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common.offline import OFFLINE_ENV

REPO = Path(__file__).resolve().parent.parent
VLLM_PYTHON = REPO / ".venv-vllm" / "bin" / "python"


class VLLMUnavailable(RuntimeError):
    """The separate .venv-vllm environment is not set up."""


def vllm_available() -> bool:
    return VLLM_PYTHON.is_file()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(log: Path, n: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


@contextmanager
def start_vllm_server(
    model_dir: str | Path,
    port: int | None = None,
    lora_modules: dict[str, str] | None = None,
    max_lora_rank: int = 16,
    log_dir: Path | None = None,
    timeout_s: float = 240.0,
) -> Iterator[str]:
    """Run `python -m vllm.entrypoints.openai.api_server` on 127.0.0.1; yield its /v1 base URL.

    lora_modules maps served names to adapter folders (`--lora-modules NAME=DIR`); request a
    module by passing its NAME as the model. max_lora_rank must be one vLLM accepts (8, 16, 32..).
    """
    if not vllm_available():
        raise VLLMUnavailable(f"{VLLM_PYTHON} missing; run `bash scripts/setup-vllm.sh` first")
    port = port or free_port()
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="vllm-server-"))
    log = log_dir / f"vllm-{port}.log"
    # `python -m`, not the `vllm` console script: in this install the script cannot find its own
    # package metadata. fp32 + eager mode is what the CPU build runs reliably.
    cmd = [
        str(VLLM_PYTHON), "-m", "vllm.entrypoints.openai.api_server",
        "--model", str(model_dir),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--dtype", "float32",
        "--enforce-eager",
        "--max-model-len", "2048",
        "--seed", "0",
    ]  # fmt: skip
    if lora_modules:
        cmd += ["--enable-lora", "--max-lora-rank", str(max_lora_rank), "--lora-modules"]
        cmd += [f"{name}={path}" for name, path in lora_modules.items()]
    env = dict(
        os.environ,
        VLLM_CPU_KVCACHE_SPACE="2",  # GiB of KV cache; the default (4+) is more than tests need
        **OFFLINE_ENV,
        VLLM_NO_USAGE_STATS="1",
        DO_NOT_TRACK="1",
    )
    base = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        # A new session gives the server its own process group, so the engine-core child
        # processes it spawns are stopped with it.
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"vLLM server exited with {proc.returncode}; log {log}:\n{_log_tail(log)}")
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"vLLM server not healthy after {timeout_s:g}s; log {log}:\n{_log_tail(log)}")
            time.sleep(1.0)
        yield f"{base}/v1"
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    for sig, wait_s in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait_s)
            # The leader is gone; still sweep stragglers in its group.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return
        except subprocess.TimeoutExpired:
            continue


def vllm_inprocess_replies(adapter: str | Path, conversations: list, max_new_tokens: int) -> list[str]:
    """Greedy replies from `VLLMBackend` (vllm.LLM + LoRARequest) run in .venv-vllm.

    vLLM cannot be imported in the main environment, so bench/vllm_inprocess_replies.py runs
    there with this repo on its path and prints the replies as JSON.
    """
    import json

    prompts = Path(tempfile.mkdtemp(prefix="vllm-prompts-")) / "prompts.json"
    prompts.write_text(json.dumps(conversations))
    env = {**os.environ, "PYTHONPATH": str(REPO), "VLLM_CPU_KVCACHE_SPACE": "2"}
    script = REPO / "bench" / "vllm_inprocess_replies.py"
    out = subprocess.run(
        [str(VLLM_PYTHON), str(script), str(Path(adapter).resolve()), str(prompts), str(max_new_tokens)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("REPLIES ")), None)
    if line is None:
        raise RuntimeError(f"in-process vLLM failed:\n{out.stderr[-3000:]}")
    return json.loads(line[len("REPLIES ") :])
