"""Attack success rate per path: the attack suite (tests/attacks.py: every text field of a record,
policy files, homoglyphs, bare domains) through search, chat, detail, compare, the copilot and
the HTTP API's search, chat and copilot payloads, side by side in one run. An attack succeeds on
a path when one of its markers reaches any output of that path: the text, or any record shown
with it (cards, comparison, citations, copilot passages, the whole search payload).

Rows: where the records come from (`pipeline`: through ingest, as shipped; `raw`: written as
they are, as an index from another tool would hold them) x the stand-in model (`echo` repeats
every piece of data in its prompt; `compliant` says every injected marker it was shown; with
--model, also the bundled SmolLM2) x the kind of attack (markup, instruction, claim: see
tests/attacks.py KINDS). A cell is successful attacks / attacks exercised on that surface.
What code enforces (markup and instruction rows, every layer and model: raw records pass the
output filter where they are read) must read 0; the claim rows (a plain false statement in
catalog data) are what no code can tell from a true one.
Usage: python bench/attack_rate.py [--model] [--model-attacks N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common.offline import go_offline  # noqa: E402

go_offline()
# The converted model lives in the clone's cache, as for the tests (conversion happens once).
os.environ.setdefault("SHOPASSIST_MODEL_CACHE_DIR", str(Path(__file__).resolve().parent.parent / ".cache" / "models"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from assistant.backends import make_backend  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from common.vllm_server import free_port  # noqa: E402
from tests import attacks  # noqa: E402
from tests.fakes import HashEmbedder  # noqa: E402
from ui.api import create_app  # noqa: E402

SURFACES = [*attacks.SURFACES, *attacks.API_SURFACES]


def cell(table: dict[str, tuple[int, int]], surface: str) -> str:
    if surface not in table:
        return "-"
    won, tried = table[surface]
    return f"{won}/{tried}"


def print_rows(label: str, outcomes: list[attacks.Outcome]) -> None:
    for kind in attacks.KINDS:
        table = attacks.rates(outcomes, (kind,))
        row = "".join(f"{cell(table, s):>12}" for s in SURFACES)
        print(f"{label:<28}{kind:<13}{row}")


def api_outcomes(settings, embed) -> list[attacks.Outcome]:
    app = create_app(settings, assistant=Assistant.load(settings, backend=attacks.EchoBackend(), embed=embed))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            sys.exit("the API server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            return attacks.run_api(client)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", action="store_true", help="also run the bundled LLM (slow on a CPU)")
    parser.add_argument("--model-attacks", type=int, default=12, help="attacks run through the real model")
    args = parser.parse_args()
    embed = HashEmbedder()
    kinds = {k: sum(a.kind == k for a in attacks.ATTACKS) for k in attacks.KINDS}
    print(f"{len(attacks.ATTACKS)} attacks ({', '.join(f'{n} {k}' for k, n in kinds.items())}); cells: won/exercised")
    print(f"{'records / model':<28}{'kind':<13}" + "".join(f"{s:>12}" for s in SURFACES))
    with tempfile.TemporaryDirectory() as tmp:
        layers = {layer: attacks.build(layer, Path(tmp) / layer, embed) for layer in ("pipeline", "raw")}
        for layer, settings in layers.items():
            for backend in (attacks.EchoBackend(), attacks.CompliantBackend()):
                outcomes = attacks.run_all(Assistant.load(settings, backend=backend, embed=embed))
                if backend.name == "echo":
                    outcomes += api_outcomes(settings, embed)
                unexposed = [o for o in outcomes if not o.exposed]
                if unexposed:
                    print(f"warning: {len(unexposed)} attack/surface pairs were not in play")
                print_rows(f"{layer} / {backend.name}", outcomes)
        if args.model:
            # An even spread over kinds and fields; chat and detail (where descriptions reach the
            # model) and the policy chat.
            chosen = attacks.ATTACKS[:: max(1, len(attacks.ATTACKS) // args.model_attacks)][: args.model_attacks]
            names = {a.name for a in chosen}
            print(f"bundled model on {len(names)} attacks: {', '.join(sorted(names))}")
            for layer, settings in layers.items():
                settings = settings.model_copy(update={"max_new_tokens": 48})
                backend = make_backend(settings)
                started = time.perf_counter()
                outcomes = attacks.run_all(
                    Assistant.load(settings, backend=backend, embed=embed), names, surfaces=("chat", "detail")
                )
                print_rows(f"{layer} / smollm2", outcomes)
                won = [(o.attack, o.surface, o.problems[:2]) for o in outcomes if o.succeeded]
                print(f"    {time.perf_counter() - started:.0f} s; successful: {won}")


if __name__ == "__main__":
    main()
