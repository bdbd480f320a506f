"""The `shopassist` command line: ingest | search | ask | chat | serve | ui | copilot | finetune | eval.

Every command that touches an index takes --data-dir (default: SHOPASSIST_DATA_DIR, else
.shopassist/data). Errors a user can cause print one line and exit 1, without a traceback.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from common.errors import ShopAssistError
from common.offline import go_offline
from common.settings import Settings, load_settings

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
eval_app = typer.Typer(no_args_is_help=True, help="Offline evaluation.")
app.add_typer(eval_app, name="eval")


def _mount_finetune() -> None:
    from finetune.cli import finetune_app

    app.add_typer(finetune_app, name="finetune", help="Fine-tune the LLM with LoRA, evaluate adapters.")


_mount_finetune()


def _mount_store() -> None:
    from ui.store_cli import store_app

    app.add_typer(store_app, name="store")


_mount_store()

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Where indexes live [env: SHOPASSIST_DATA_DIR]", show_default=False),
]
Config = Annotated[Path | None, typer.Option("--config", help="YAML settings file")]
ChromaUrl = Annotated[str | None, typer.Option("--chroma-url", help="Use a Chroma server, e.g. http://127.0.0.1:8001")]


def fail(message: str) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


@app.command()
def ingest(
    path: Annotated[Path, typer.Argument(help="Catalog file (CSV, JSONL or Parquet)")],
    mapping: Annotated[Path | None, typer.Option(help="Column-mapping YAML for a foreign catalog")] = None,
    append: Annotated[bool, typer.Option(help="Keep products missing from this file")] = False,
    policies: Annotated[list[Path] | None, typer.Option(help="Policy Markdown files or folders to index")] = None,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
    config: Config = None,
    show_rejected: Annotated[int, typer.Option(help="How many rejected rows, merged rows and warnings to list")] = 20,
) -> None:
    """Clean, embed and index a product catalog (incremental: only changed products are embedded)."""
    from ingest.pipeline import ingest_catalog
    from ingest.policies import ingest_policies

    settings = load_settings(config, data_dir=data_dir, chroma_url=chroma_url)
    report = ingest_catalog(settings, path, mapping, append=append, progress=sys.stderr.isatty())
    prepare_search(settings)
    for r in report.rejected[:show_rejected]:
        typer.echo(f"rejected line {r.line}: {r.reason}", err=True)
    if len(report.rejected) > show_rejected:
        typer.echo(f"... and {len(report.rejected) - show_rejected} more rejected rows", err=True)
    for m in report.merged[:show_rejected]:
        typer.echo(f"merged line {m.line}: duplicate id {m.id!r}, line {m.kept_line} kept", err=True)
    if len(report.merged) > show_rejected:
        typer.echo(f"... and {len(report.merged) - show_rejected} more merged rows", err=True)
    for w in report.warnings[:show_rejected]:
        typer.echo(f"warning: {w}", err=True)
    if len(report.warnings) > show_rejected:
        typer.echo(f"... and {len(report.warnings) - show_rejected} more warnings (all in the audit file)", err=True)
    if policies:
        count = ingest_policies(settings, policies)
        typer.echo(f"policies: {count} passages indexed")
    s = report.summary()
    typer.echo(
        f"read {s['read']}, accepted {s['accepted']}, rejected {s['rejected']}, merged {s['merged']}, "
        f"added {s['added']}, updated {s['updated']}, unchanged {s['unchanged']}, "
        f"removed {s['removed']}, cleaned {s['cleaned']} in {s['seconds']:.1f}s"
    )
    if report.audit_path:
        typer.echo(f"audit (rejected and merged rows, warnings, cleaned fields): {report.audit_path}", err=True)


def prepare_search(settings: Settings) -> None:
    """Build the search tables beside the new snapshot now, so the first start only reads them."""
    from assistant.catalog import CatalogIndex

    CatalogIndex.load(settings.index_dir)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What the shopper typed")],
    k: Annotated[int, typer.Option("-k", help="How many results")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    mmr: Annotated[bool, typer.Option(help="Diversify results (MMR)")] = False,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
    config: Config = None,
) -> None:
    """Filter-first hybrid product search, with the parsed constraints and a why per result."""
    from assistant.engine import SearchEngine

    settings = load_settings(config, data_dir=data_dir, chroma_url=chroma_url)
    engine = SearchEngine.load(settings)
    parsed, result = engine.search(query, k=k, mmr=mmr)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "query": parsed.text,
                    "constraints": result.constraints.model_dump(exclude_defaults=True),
                    "corrections": parsed.corrections,
                    "empty_reason": result.empty_reason,
                    "degraded": result.degraded,
                    "results": [
                        {
                            **hit.product.model_dump(include={"id", "title", "brand", "price", "currency", "rating"}),
                            "score": round(hit.fused, 5),
                            "why": hit.why.model_dump(),
                        }
                        for hit in result.hits
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if result.degraded:
        typer.secho(f"warning: {result.degraded}", fg=typer.colors.YELLOW, err=True)
    described = result.constraints.describe(engine.catalog.currency)
    typer.echo(f"constraints: {'; '.join(described) or 'none'}")
    if parsed.corrections:
        typer.echo("corrected: " + ", ".join(f"{a} -> {b}" for a, b in parsed.corrections.items()))
    if not result.hits:
        typer.echo(f"No matches: {result.empty_reason}.")
        return
    for i, hit in enumerate(result.hits, 1):
        p = hit.product
        price = f"{p.price:,.2f} {p.currency}" if p.price is not None else "price n/a"
        typer.echo(f"{i:2}. {p.title} [{p.id}] - {price}")
        if hit.why.terms:
            typer.echo(f"    matched: {', '.join(hit.why.terms)}")


LlmBackend = Annotated[str | None, typer.Option("--backend", help="transformers | vllm | openai")]
OpenAIUrl = Annotated[str | None, typer.Option("--openai-base-url", help="OpenAI-compatible server URL")]
Adapter = Annotated[str | None, typer.Option("--adapter", help="LoRA adapter folder or served name")]


def load_assistant(settings: Settings, capacity: bool = True):
    """capacity=False for batch evaluation: generations are never shed or cut (see Assistant)."""
    from assistant.core import Assistant

    return Assistant.load(settings, capacity=capacity)


def warm_in_background(core) -> None:
    """The first product question's indexes built while the shopper types or the page opens."""
    threading.Thread(target=core.warm_answers, daemon=True).start()


def session_store(settings: Settings):
    from assistant.session_store import SessionStore

    return SessionStore.from_settings(settings)


def open_session(settings: Settings, session_id: str | None):
    """(store, session): the saved session by id (the CLI is trusted: no token), else a new one."""
    store = session_store(settings)
    return store, (store.load(session_id) if session_id else store.create_local())


@app.command()
def ask(
    message: Annotated[str, typer.Argument(help="The shopper's message")],
    session: Annotated[str | None, typer.Option("--session", help="Resume this session (id from a first ask)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reply as JSON")] = False,
    model_wait: Annotated[
        float,
        typer.Option(
            "--model-wait",
            min=0,
            help="Seconds to wait for the model's added sentences (0: the answer from the records at once, "
            "no model loaded; `chat`, the web app and the API stream them as they come)",
        ),
    ] = 0.0,
    data_dir: DataDir = None,
    backend: LlmBackend = None,
    openai_base_url: OpenAIUrl = None,
    adapter: Adapter = None,
    config: Config = None,
) -> None:
    """Answer one message (optionally within a saved session) and print the reply."""
    # A whole reply printed at once would wait the streaming budget for sentences the checks mostly
    # drop (9-12 s a turn with the bundled model), so `ask` waits only as long as it is told, and
    # loads no model it will not wait for.
    settings = load_settings(
        config,
        data_dir=data_dir,
        llm_backend=backend,
        openai_base_url=openai_base_url,
        llm_adapter=adapter,
        shopper_model_budget_s=model_wait,
    )
    if not model_wait:
        settings = settings.model_copy(update={"llm_backend": "none"})
    if len(message) > settings.max_message_chars:  # before loading any model
        fail(f"the message has {len(message)} characters; the limit is {settings.max_message_chars}")
    store, state = open_session(settings, session)
    reply = load_assistant(settings).reply(state, message)
    store.save(state)
    if as_json:
        typer.echo(reply.model_dump_json(exclude={"constraints_text", "citations"}))
        return
    print_reply(reply)
    typer.echo(f"(session {reply.session_id})", err=True)


def print_reply(reply) -> None:
    if reply.degraded:
        typer.secho(f"warning: {reply.degraded}", fg=typer.colors.YELLOW, err=True)
    if reply.changes:
        typer.secho("updated: " + "; ".join(reply.changes), fg=typer.colors.YELLOW)
    print_cards(reply.products)
    typer.echo(reply.text)


def print_cards(cards) -> None:
    from assistant.wording import format_price

    for i, card in enumerate(cards, 1):
        stock = "" if card.in_stock else " (out of stock)"
        typer.echo(f"  [{i}] {card.title} - {format_price(card.price, card.currency)}{stock}")


@app.command()
def chat(
    session: Annotated[str | None, typer.Option("--session", help="Resume this session id")] = None,
    data_dir: DataDir = None,
    backend: LlmBackend = None,
    openai_base_url: OpenAIUrl = None,
    adapter: Adapter = None,
    config: Config = None,
) -> None:
    """Chat in the terminal (streamed). Empty line or Ctrl-D ends."""
    settings = load_settings(
        config, data_dir=data_dir, llm_backend=backend, openai_base_url=openai_base_url, llm_adapter=adapter
    )
    store, state = open_session(settings, session)
    core = load_assistant(settings)
    warm_in_background(core)
    typer.echo(f"shopassist chat (session {state.id}). What are you looking for?")
    while True:
        try:
            message = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not message:
            break
        try:
            for event in core.respond(state, message):
                if event.type == "products":
                    print_cards(event.data)
                elif event.type == "text":
                    typer.echo(event.data, nl=False)
                elif event.type == "done" and event.data.degraded:
                    typer.secho(f"\nwarning: {event.data.degraded}", fg=typer.colors.YELLOW, err=True)
            typer.echo("")
        except ShopAssistError as exc:
            typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        store.save(state)


CopilotAdapter = Annotated[
    str | None, typer.Option("--copilot-adapter", help="Support LoRA adapter for the Copilot tab (toggle)")
]
WebAuth = Annotated[
    str | None,
    typer.Option("--auth", help="Web UI login as user:password [env: SHOPASSIST_WEB_AUTH]", show_default=False),
]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8080,
    web: Annotated[bool, typer.Option("--web/--no-web", help="Serve the web app at / beside the API")] = True,
    auth: WebAuth = None,
    data_dir: DataDir = None,
    backend: LlmBackend = None,
    openai_base_url: OpenAIUrl = None,
    copilot_adapter: CopilotAdapter = None,
    config: Config = None,
) -> None:
    """Start the HTTP API (FastAPI + server-sent events) and the web app, in one process."""
    settings = load_settings(
        config,
        data_dir=data_dir,
        llm_backend=backend,
        openai_base_url=openai_base_url,
        copilot_adapter=copilot_adapter,
        web_auth=auth,
    )
    run_server(settings, host, port, web)


@app.command()
def ui(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 7860,
    auth: WebAuth = None,
    data_dir: DataDir = None,
    backend: LlmBackend = None,
    openai_base_url: OpenAIUrl = None,
    adapter: Adapter = None,
    copilot_adapter: CopilotAdapter = None,
    config: Config = None,
) -> None:
    """Start the web app (Shop, Copilot, Insights); the HTTP API is served beside it under /v1."""
    settings = load_settings(
        config,
        data_dir=data_dir,
        llm_backend=backend,
        openai_base_url=openai_base_url,
        llm_adapter=adapter,
        copilot_adapter=copilot_adapter,
        web_auth=auth,
    )
    run_server(settings, host, port, web=True)


def run_server(settings: Settings, host: str, port: int, web: bool) -> None:
    """One process for all faces: the API, and the web app mounted at / on the same Assistant
    and session store. The API alone loads its models in the background (/readyz says when);
    with the web app they load first, since both share them."""
    import uvicorn

    from ui.api import create_app

    if not web:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
        return
    from assistant.session_store import SessionStore
    from ui.web.app import mount_web, parse_auth
    from ui.web.context import WebContext

    parse_auth(settings.web_auth)  # a malformed login fails before the models load
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.web_auth:
        typer.secho(
            f"warning: the web app listens on {host} with no login; set --auth user:password", fg="yellow", err=True
        )
    typer.echo("loading the catalog and models...", err=True)
    core = load_assistant(settings)
    warm_in_background(core)
    store = SessionStore.from_settings(settings)
    app = create_app(settings, assistant=core, sessions=store)
    mount_web(app, WebContext.create(settings, core, store))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"shopassist is running at http://{shown}:{port}/ (HTTP API under /v1; Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@app.command()
def copilot(
    path: Annotated[Path, typer.Argument(help="Conversation: JSON list or JSONL of {role, content}")],
    data_dir: DataDir = None,
    backend: LlmBackend = None,
    adapter: Annotated[str | None, typer.Option("--adapter", help="Support LoRA adapter")] = None,
    config: Config = None,
) -> None:
    """Suggest the agent's next reply for a customer conversation, with policies and products."""
    if not path.is_file():
        fail(f"conversation file {path} does not exist")
    text = path.read_text(encoding="utf-8").strip()
    try:
        conversation = (
            json.loads(text) if text.startswith("[") else [json.loads(x) for x in text.splitlines() if x.strip()]
        )
    except json.JSONDecodeError as exc:
        fail(f"{path}: not JSON or JSONL ({exc.msg} at line {exc.lineno})")
    if isinstance(conversation, dict):
        conversation = conversation.get("messages", [])
    settings = load_settings(config, data_dir=data_dir, llm_backend=backend, copilot_adapter=adapter)
    result = load_assistant(settings).copilot(conversation)
    typer.echo(result.model_dump_json(indent=2))


@eval_app.command("retrieval")
def eval_retrieval(
    queries: Annotated[Path, typer.Option(help="Labelled queries JSONL")],
    out: Annotated[Path, typer.Option(help="Run file to write (JSONL: qid, ranked)")],
    k: Annotated[int, typer.Option("-k", help="Ranked list length")] = 50,
    mode: Annotated[str, typer.Option(help="hybrid | dense | bm25")] = "hybrid",
    filters: Annotated[bool, typer.Option(help="Apply hard constraints first")] = True,
    data_dir: DataDir = None,
    chroma_url: ChromaUrl = None,
    config: Config = None,
) -> None:
    """Rank products for each labelled query; print nDCG@10, Recall@50, CP@5, honesty."""
    from assistant.engine import SearchEngine
    from assistant.evaluation.retrieval import load_queries, run_queries, score_run, write_run

    if mode not in ("hybrid", "dense", "bm25"):
        fail(f"unknown --mode {mode!r}; use hybrid, dense or bm25")
    settings = load_settings(config, data_dir=data_dir, chroma_url=chroma_url)
    engine = SearchEngine.load(settings)
    items = load_queries(queries)
    runs = run_queries(
        items,
        lambda text: [h.product.id for h in engine.search(text, k=k, mode=mode, use_filters=filters)[1].hits],
    )
    write_run(out, runs)
    metrics = score_run(items, runs)
    typer.echo(f"wrote {len(runs)} rankings to {out}")
    if metrics:
        typer.echo(json.dumps(metrics))


@eval_app.command("dialogues")
def eval_dialogues(
    logs: Annotated[Path, typer.Option(help="Dialogue log (JSONL, one dialogue per line; see the README)")],
    out: Annotated[Path, typer.Option(help="Results folder: turns.jsonl, report.json, report.html")],
    workers: Annotated[int, typer.Option(help="Dialogues evaluated at once (threads sharing one Assistant)")] = 1,
    data_dir: DataDir = None,
    backend: Annotated[str | None, typer.Option("--backend", help="transformers | vllm | openai | none")] = None,
    adapter: Adapter = None,
    copilot_adapter: Annotated[str | None, typer.Option(help="Support LoRA adapter for the copilot")] = None,
    config: Config = None,
) -> None:
    """Replay every user turn of a dialogue log through the assistant and score it (resumable)."""
    from assistant.evaluation.run import evaluate_dialogues

    settings = load_settings(
        config, data_dir=data_dir, llm_backend=backend, llm_adapter=adapter, copilot_adapter=copilot_adapter
    )
    assistant = load_assistant(settings, capacity=False)
    report = evaluate_dialogues(assistant, logs, out, workers=workers, progress=sys.stderr.isatty())
    print_headline(report)
    typer.echo(f"wrote {out / 'turns.jsonl'}, {out / 'report.json'} and {out / 'report.html'}")


def print_headline(report: dict) -> None:
    run = report["meta"]["this_run"]
    typer.echo(
        f"{report['dialogues']} dialogues, {report['turns']} turns "
        f"({run['evaluated_dialogues']} evaluated now, {run['skipped_finished_dialogues']} already done)"
    )
    for name, m in report["metrics"].items():
        if m["value"] is not None:
            ci = f"  [{m['ci95'][0]:.3f}, {m['ci95'][1]:.3f}]" if m["ci95"] else ""
            typer.echo(f"  {name:32s} {m['value']:10.3f}{ci}")


@eval_app.command("compare")
def eval_compare(
    a: Annotated[Path, typer.Argument(help="Results folder A (or a settings YAML, with --logs)")],
    b: Annotated[Path, typer.Argument(help="Results folder B (or a settings YAML, with --logs)")],
    gate: Annotated[Path | None, typer.Option(help="Gate YAML: non-inferiority margin per metric")] = None,
    out: Annotated[Path | None, typer.Option(help="Where compare.json/.html go (default: B's folder)")] = None,
    logs: Annotated[Path | None, typer.Option(help="Dialogue log, when A and B are settings files")] = None,
    workers: Annotated[int, typer.Option(help="Dialogues evaluated at once, when A and B are settings files")] = 1,
    data_dir: DataDir = None,
) -> None:
    """Compare two evaluation runs: paired differences with 95% CIs, a sign test, and a gate.

    Exits 1 when B fails the gate."""
    from assistant.evaluation.compare import Gate, compare_runs, write_comparison

    the_gate = Gate.load(gate) if gate else None  # a bad gate file fails before any work
    if a.is_file() and b.is_file():
        if logs is None or out is None:
            fail("A and B are settings files: pass --logs (the dialogues) and --out (a folder for both runs)")
        from assistant.evaluation.run import evaluate_dialogues

        names = (a.stem, b.stem) if a.stem != b.stem else ("a", "b")
        dirs = []
        for config, name in zip((a, b), names, strict=True):
            settings = load_settings(config, data_dir=data_dir)
            typer.echo(f"evaluating {logs} with {config} -> {out / name}")
            evaluate_dialogues(
                load_assistant(settings, capacity=False),
                logs,
                out / name,
                workers=workers,
                progress=sys.stderr.isatty(),
            )
            dirs.append(out / name)
        a, b = dirs
    elif a.is_file() or b.is_file():
        fail("pass two results folders, or two settings files with --logs")
    result = compare_runs(a, b, the_gate)
    target = out or b
    write_comparison(target, result, a, b)
    typer.echo(
        f"{result['paired_dialogues']} dialogues paired; wrote {target / 'compare.json'} and {target / 'compare.html'}"
    )
    for name, e in result["metrics"].items():
        if e["a"] is None and e["b"] is None:
            continue
        ci = e["difference_ci95"]
        diff = "" if e["difference"] is None else f"{e['difference']:+.3f}"
        span = f" [{ci[0]:+.3f}, {ci[1]:+.3f}]" if ci else ""
        verdict = ""
        if "gate" in e and e["gate"]["passed"] is not None:
            verdict = "  pass" if e["gate"]["passed"] else f"  FAIL ({e['gate']['why']})"
        a_text = "n/a" if e["a"] is None else f"{e['a']:.3f}"
        b_text = "n/a" if e["b"] is None else f"{e['b']:.3f}"
        typer.echo(f"  {name:32s} A {a_text:>9} B {b_text:>9}  B-A {diff}{span}{verdict}")
    if result["gate"] is not None:
        if not result["gate"]["passed"]:
            typer.secho("gate: B fails the non-inferiority margins", fg=typer.colors.RED, err=True)
            raise typer.Exit(1)
        typer.echo("gate: B passes")


@eval_app.command("import")
def eval_import(
    source: Annotated[
        Path, typer.Argument(help="tau-bench trajectories, instruction pairs, chat JSONL or labelled queries")
    ],
    out: Annotated[Path, typer.Option(help="Dialogue log to write (JSONL)")],
    fmt: Annotated[str, typer.Option("--format", help="auto | tau | pairs | chat | queries")] = "auto",
    limit: Annotated[int | None, typer.Option(help="Import only the first N rows")] = None,
) -> None:
    """Convert a corpus into the dialogue-log format (redacted)."""
    from assistant.evaluation.importers import import_file
    from assistant.evaluation.logs import write_dialogues

    count = write_dialogues(out, import_file(source, fmt, limit))
    typer.echo(f"wrote {count} dialogues to {out}")


def _exit_on_sigterm(signum, frame) -> None:
    # SystemExit unwinds the stack, so `finally` blocks run (an ingest removes its temporary
    # snapshot folder, locks are released) instead of the process vanishing mid-write.
    sys.exit(128 + signum)


def main() -> None:
    """Entry point: user-caused errors become one line on stderr and exit code 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    go_offline()
    try:
        app()  # standalone: click handles usage errors and exits with their code
    except ShopAssistError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
