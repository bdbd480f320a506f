"""Questions about named products, answered by the whole assistant and scored from the reply text.

Each line of --questions is {"id", "catalog": "flipkart"|"tau", "product_id", "product_name",
"question", "kind": "yes_no"|"value"|"not_stated"|"suitability", "gold": "yes"|"no"|"<value>"|
"not_stated", "accept": [...], "evidence": "..."}. Every question is asked cold (a new session),
and scored from the reply's text only, so the same run scores any version of the code:
- yes / no: read from the reply's opening ("Yes", "No", "It is", "It isn't", ...);
- a value: the gold value or an `accept` string appears in the reply;
- not stated: the reply says the listing doesn't say, and does not open with yes or no.
Reported: share right per kind and overall, yes/no answered the opposite way (target 0), and
invented answers on not-stated questions (a yes, a no or no "doesn't say"; target 0).

Catalogs: Flipkart (../shared/datasets/flipkart/product.csv with ingest/mappings/flipkart.yaml)
and tau retail (../shared/datasets/tau_retail/products.json, one product per variant, see
bench/tau_catalog.py), indexed under .cache/bench.
With --naming, only naming is measured (no answers): the share of questions whose named product
is the labelled one (or among the variants named together) as the name index reads them with the
search embedder, and the share a turn routes to an answer about it (`Assistant.answered_about`: not
a search, a policy or a support hand-off); and how many ordinary searches name a product or are
routed as a question about one: the dev queries (../shared/datasets/queries/dev.jsonl) and the
WANDS queries of bench/data, each as written and asked as questions ("do you have ...?", "what's
the best ...?", "is there a ...?"), and searches made from the tau lines' option values. Several
--questions files are read in one run and reported per set (sets label tau "tau" or "tau_retail").

With --sweep, the two thresholds are calibrated side by side on the same questions and searches:
naming's min_name_weight (named right against searches read as naming) and the answerer's
`related` cosine (not-stated questions answered without inventing against questions answered by
quoting related evidence), answering from the records directly (no model, no search).

With --records, only answering is measured: each question is answered from its labelled
product's record directly (the naming words as naming finds them when it finds that product),
no search, no routing, no model: the answerer's share right per kind, with the opposite and
invented counts. Several --questions files are reported side by side, one line each.

With --first, the first product question of a fresh assistant is timed as loaded and after
`Assistant.warm_answers` (run by the web app, the API and chat in the background after loading).

With --scale INDEX (an index folder, e.g. bench/query_latency.py's 1M one), naming's time on the
Flipkart questions where the catalog is too large to index whole (`naming.find_named` looks each
message's candidates up in the search tables), beside the time a whole name index would take.

Usage: python bench/product_questions.py [--questions FILE ...] [--backend none|transformers] [--show] [--naming|--sweep|--records|--first|--scale INDEX]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.evaluation.answer_checks import answer_right  # noqa: E402
from assistant.naming import NameIndex, name_index  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, FLIPKART_MAPPING, REPO  # noqa: E402
from bench.tau_catalog import write_jsonl  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

DEV_QUESTIONS = REPO / "bench" / "data" / "product_questions_dev.jsonl"


def assistant_for(catalog: str, backend: str) -> Assistant:
    settings = Settings(data_dir=BENCH_DIR / f"questions-{catalog}", llm_backend=backend)
    if catalog == "flipkart":
        ingest_catalog(settings, FLIPKART, FLIPKART_MAPPING, progress=False)
    else:
        path = BENCH_DIR / "tau_products.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_jsonl(path)
        ingest_catalog(settings, path, progress=False)
    ingest_policies(settings, [REPO / "data" / "policies"])
    return Assistant.load(settings)


SEARCH_FORMS = ("{}", "do you have {}?", "what's the best {}?", "is there a {}?")


def search_texts() -> dict[str, list[str]]:
    """Ordinary searches per catalog, each in the forms a shopper asks them."""
    flipkart = [json.loads(line)["query"] for line in DEV_QUERIES.read_text().splitlines() if line.strip()]
    for name in ("wands_flipkart_carried.jsonl", "wands_flipkart_carried_2.jsonl"):
        flipkart += [json.loads(line)["query"] for line in (REPO / "bench" / "data" / name).read_text().splitlines()]
    return {"flipkart": flipkart}


def catalog_of(question: dict) -> str:
    """The catalog a question is about: sets label tau as "tau" or "tau_retail"."""
    return "tau" if question["catalog"].startswith("tau") else question["catalog"]


def measure_naming(sets: dict[str, list[dict]], show: bool) -> None:
    """Naming alone: the labelled product named, and searches that name nothing; both as the name
    index reads the message (with the search embedder, as served) and as a turn routes it (a
    question answered about the product, not a search, a policy or a support hand-off)."""
    every = [q for questions in sets.values() for q in questions]
    assistants = {c: assistant_for(c, "none") for c in sorted({catalog_of(q) for q in every} | {"flipkart"})}
    indexes = {c: name_index(a.engine.catalog) for c, a in assistants.items()}
    embed = {c: a.engine.retriever.embed for c, a in assistants.items()}
    for name, questions in sets.items():
        right = routed = 0
        for q in questions:
            catalog = catalog_of(q)
            found = indexes[catalog].find(q["question"], embed[catalog])
            first = [n.product.id for n in found if n.group == found[0].group] if found else []
            right += q["product_id"] in first
            route = assistants[catalog].answered_about(Session(), q["question"])
            routed += q["product_id"] in route
            if show and (q["product_id"] not in first or q["product_id"] not in route):
                print(
                    f"MISS {q['id']} {q['question']} -> named {[n.product.title for n in found][:3]}"
                    f" routed {[assistants[catalog].product(p).title for p in route][:3]}"
                )
        n = len(questions)
        print(
            f"{name}: {n} questions, named product right {right / n:.0%} ({right}), routed to it {routed / n:.0%} ({routed})"
        )
    searches = {"flipkart": search_texts()["flipkart"], "tau": tau_searches(indexes.get("tau"))}
    for catalog, texts in searches.items():
        if catalog not in indexes:
            continue
        asked = [form.format(t) for t in texts for form in SEARCH_FORMS]
        named = [t for t in asked if indexes[catalog].find(t, embed[catalog])]
        answered = [t for t in asked if assistants[catalog].answered_about(Session(), t)]
        for t in named if show else []:
            print(f"SEARCH NAMED [{catalog}] {t} -> {indexes[catalog].find(t, embed[catalog])[0].product.title}")
        for t in answered if show else []:
            print(f"SEARCH ROUTED [{catalog}] {t} -> {assistants[catalog].answered_about(Session(), t)[:3]}")
        print(
            f"{catalog}: {len(asked)} searches ({len(texts)} x {len(SEARCH_FORMS)} forms), named a product:"
            f" {len(named)}, routed as a question about one: {len(answered)}"
        )


def first_question(questions: list[dict]) -> None:
    """The first product question of a fresh assistant, as loaded (the name index and the
    specification values built in its time) and after `warm_answers` (what a server runs in the
    background after loading), side by side per catalog; then the question asked again."""
    import time

    print(f"{'catalog':<9} {'products':>8} {'warm':>7} {'first, cold':>12} {'first, warmed':>14} {'again':>7}")
    for catalog in sorted({catalog_of(q) for q in questions}):
        question = next(q["question"] for q in questions if catalog_of(q) == catalog)
        cold = assistant_for(catalog, "none")
        started = time.perf_counter()
        cold.reply(Session(), question)
        first = time.perf_counter() - started
        started = time.perf_counter()
        cold.reply(Session(), question)
        again = time.perf_counter() - started
        warmed = assistant_for(catalog, "none")
        started = time.perf_counter()
        warmed.warm_answers()
        warm = time.perf_counter() - started
        started = time.perf_counter()
        warmed.reply(Session(), question)
        after = time.perf_counter() - started
        n = len(cold.engine.catalog.products)
        print(f"{catalog:<9} {n:>8} {warm:>6.2f}s {first:>11.2f}s {after:>13.2f}s {again:>6.2f}s")


def naming_at_scale(index_dir: Path, questions: list[dict]) -> None:
    """Naming on a large index (bench/query_latency.py's 1M, say) without a whole-catalog name
    index: per Flipkart question, the time `find_named` takes to look its candidates up in the
    search tables and index them (cold, then again), and how many it looked up; beside it, the
    whole index built over the first 10,000 products, for the time a whole build would take."""
    import time

    import numpy as np

    from assistant import naming
    from assistant.catalog import CatalogIndex
    from assistant.catalog_tables import TABLES_DIR, _stamp
    from ingest.snapshot import read_snapshot

    snapshot = read_snapshot(index_dir)
    stamp = index_dir / TABLES_DIR / "stamp.json"
    if not stamp.is_file() or json.loads(stamp.read_text()) != _stamp(snapshot):
        sys.exit(f"{index_dir}: its search tables are missing or stale; open it once to build them, then rerun")
    started = time.perf_counter()
    catalog = CatalogIndex(snapshot)
    print(f"{len(catalog):,} products, opened in {time.perf_counter() - started:.1f}s")
    texts = [q["question"] for q in questions if catalog_of(q) == "flipkart"]
    cold, again, looked_up, named = [], [], [], 0
    for text in texts:
        started = time.perf_counter()
        found = naming.find_named(text, catalog, whole_max=0)
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        naming.find_named(text, catalog, whole_max=0)
        again.append(time.perf_counter() - started)
        looked_up.append(len(naming.candidate_rows(text, catalog)))
        named += bool(found)
    sample = min(10_000, len(catalog))
    started = time.perf_counter()
    naming.NameIndex([catalog.products[r] for r in range(sample)], np.asarray(catalog.vectors[:sample]))
    whole = (time.perf_counter() - started) * len(catalog) / sample

    def p(xs: list[float], q: float) -> float:
        return float(np.percentile(xs, q))

    print(f"{len(texts)} questions: candidates looked up p50 {p(looked_up, 50):.0f} / max {max(looked_up)}")
    print(
        f"naming, cold: p50 {p(cold, 50):.2f}s p95 {p(cold, 95):.2f}s; again (same turn): p50 {p(again, 50) * 1e3:.2f} ms"
    )
    print(f"named something: {named} of {len(texts)}")
    print(f"a whole name index: {whole:.0f}s (extrapolated from {sample:,} products)")


def sweep(questions: list[dict]) -> None:
    """Both thresholds at several values, on the same questions and searches."""
    import dataclasses

    from assistant import answer_evidence, answers, key_match, naming

    engines = {c: assistant_for(c, "none").engine for c in sorted({catalog_of(q) for q in questions} | {"flipkart"})}
    searches = {"flipkart": search_texts()["flipkart"]}
    rules, knowledge = naming.rules(), key_match.knowledge()
    print(f"{'min_name_weight':>16} {'named right':>12} {'searches named':>15}")
    for weight in (0.5, 0.6, 0.66, 0.72, 0.8, 0.9):
        naming.rules = lambda w=weight: dataclasses.replace(rules, min_name_weight=w)  # type: ignore[misc]
        indexes = {c: NameIndex(e.catalog.products) for c, e in engines.items()}
        right = sum(
            q["product_id"] in [n.product.id for n in indexes[catalog_of(q)].find(q["question"])] for q in questions
        )
        asked = [form.format(t) for t in searches["flipkart"] for form in SEARCH_FORMS]
        asked_tau = [form.format(t) for t in tau_searches(indexes.get("tau")) for form in SEARCH_FORMS]
        named = sum(bool(indexes["flipkart"].find(t)) for t in asked) + sum(
            bool(indexes["tau"].find(t)) for t in asked_tau
        )
        print(f"{weight:>16.2f} {right:>7}/{len(questions):<4} {named:>8}/{len(asked) + len(asked_tau)}")
    naming.rules = lambda: rules  # type: ignore[misc]
    print(f"\n{'related':>8} {'right':>9} {'not-stated right':>17} {'invented':>9} {'judgement answers':>18}")
    for related in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        # the threshold is read where related evidence is chosen (key_match.related_evidence)
        key_match.knowledge = lambda r=related: dataclasses.replace(knowledge, related=r)  # type: ignore[misc]
        ok = not_stated_ok = invented = judged = 0
        for q in questions:
            engine = engines[catalog_of(q)]
            found = naming.name_index(engine.catalog).find(q["question"], engine.retriever.embed)
            if not found:
                continue
            products = [n.product for n in found]
            values = answer_evidence.catalog_values(engine.catalog)
            embed = engine.retriever.embed
            text = answers.answers_text(products, q["question"], embed, values, naming.naming_words(found))
            right, error = score(q, text)
            ok += right
            not_stated_ok += right and q["gold"] == "not_stated"
            invented += error == "invented"
            judged += "doesn't say" in text and "What it does say" in text
        stated = sum(q["gold"] == "not_stated" for q in questions)
        print(f"{related:>8.2f} {ok:>5}/{len(questions):<3} {not_stated_ok:>12}/{stated:<4} {invented:>9} {judged:>18}")
    key_match.knowledge = lambda: knowledge  # type: ignore[misc]


def answer_records(question_sets: list[Path], show: bool) -> None:
    """The answerer alone, per set and kind: each question answered from its labelled product."""
    from assistant import answer_evidence, answers, naming

    sets = {p: [json.loads(line) for line in p.read_text().splitlines() if line.strip()] for p in question_sets}
    catalogs = sorted({catalog_of(q) for qs in sets.values() for q in qs})
    engines = {c: assistant_for(c, "none").engine for c in catalogs}
    kinds = ("yes_no", "value", "not_stated", "suitability")
    print(
        f"{'set':<28} {'n':>4} "
        + " ".join(f"{k:>13}" for k in kinds)
        + f" {'overall':>8} {'opposite':>9} {'invented':>9}"
    )
    totals: dict[str, list[bool]] = defaultdict(list)
    errors_all: dict[str, int] = defaultdict(int)
    for path, questions in sets.items():
        right: dict[str, list[bool]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        for q in questions:
            engine = engines[catalog_of(q)]
            catalog = engine.catalog
            if q["product_id"] not in catalog.row_of:
                continue
            product = catalog.products[catalog.row_of[q["product_id"]]]
            found = naming.name_index(catalog).find(q["question"], engine.retriever.embed)
            group = [n for n in found if n.product.id == q["product_id"]]
            words = naming.naming_words(group, q["question"]) if group else None
            text = answers.answers_text(
                [product], q["question"], engine.retriever.embed, answer_evidence.catalog_values(catalog), words
            )
            ok, error = score(q, text)
            right[q["kind"]].append(ok)
            totals[q["kind"]].append(ok)
            if error:
                errors[error] += 1
                errors_all[error] += 1
            if show and not ok:
                print(f"BAD {q['id']} [{q['kind']}: {q['gold']}] {q['question']}\n    -> {text[:300]}")
        every = [ok for oks in right.values() for ok in oks]
        name = f"{path.parent.parent.name}/{path.name}" if path.parent.name == "questions" else path.name
        cells = " ".join(f"{_share(right[k]):>13}" for k in kinds)
        print(
            f"{name[-28:]:<28} {len(every):>4} {cells} {_share(every):>8} {errors['opposite']:>9} {errors['invented']:>9}"
        )
    if len(sets) > 1:
        every = [ok for oks in totals.values() for ok in oks]
        cells = " ".join(f"{_share(totals[k]):>13}" for k in kinds)
        print(
            f"{'all':<28} {len(every):>4} {cells} {_share(every):>8} {errors_all['opposite']:>9} {errors_all['invented']:>9}"
        )


def _share(oks: list[bool]) -> str:
    return f"{sum(oks) / len(oks):.0%} ({sum(oks)}/{len(oks)})" if oks else "-"


def tau_searches(index: NameIndex | None) -> list[str]:
    """A search per tau line and option value ("white electric kettle", "electric kettle glass")."""
    if index is None:
        return []
    out = []
    for line in index.lines.values():
        name = " ".join(sorted(line.common))
        for values in line.values.values():
            out += [f"{' '.join(v)} {name}" for v in sorted(values)[:2]]
    return out


def score(q: dict, text: str) -> tuple[bool, str | None]:
    """(right, error kind), scored as the evaluator scores labelled answers."""
    return answer_right(q["gold"], q.get("accept", []), text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, nargs="+", default=[DEV_QUESTIONS], help="one or more sets")
    parser.add_argument("--backend", default="none", choices=["none", "transformers", "vllm", "openai"])
    parser.add_argument("--show", action="store_true", help="print every question and reply")
    parser.add_argument("--naming", action="store_true", help="measure naming only (no answers)")
    parser.add_argument("--sweep", action="store_true", help="calibrate naming's and the answerer's thresholds")
    parser.add_argument("--records", action="store_true", help="the answerer alone, from the labelled records")
    parser.add_argument("--first", action="store_true", help="time the first product question, cold and warmed")
    parser.add_argument("--scale", type=Path, help="an index folder: naming's time there without a whole index")
    args = parser.parse_args()
    if args.records:
        answer_records(args.questions, args.show)
        return
    sets = {
        path.parent.parent.name if path.parent.name == "questions" else path.stem: read(path) for path in args.questions
    }
    if args.naming:
        measure_naming(sets, args.show)
        return
    if args.scale:
        naming_at_scale(args.scale, [q for questions in sets.values() for q in questions])
        return
    if args.first:
        first_question([q for questions in sets.values() for q in questions])
        return
    if args.sweep:
        sweep([q for questions in sets.values() for q in questions])
        return
    every = [q for questions in sets.values() for q in questions]
    assistants = {c: assistant_for(c, args.backend) for c in sorted({catalog_of(q) for q in every})}
    for name, questions in sets.items():
        answer_set(name, questions, assistants, args.show)
    print(f"backend {args.backend}")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def answer_set(name: str, questions: list[dict], assistants: dict, show: bool) -> None:
    """Every question of one set asked cold; the share right per kind and the two error counts."""
    right: dict[str, list[bool]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for q in questions:
        text = assistants[catalog_of(q)].reply(Session(), q["question"]).text
        ok, error = score(q, text)
        right[q["kind"]].append(ok)
        if error:
            errors[error] += 1
        if show:
            print(f"{'OK ' if ok else 'BAD'} {q['id']} [{q['kind']}: {q['gold']}] {q['question']}\n    -> {text[:300]}")
    print(f"{len(questions)} questions from {name}")
    print(f"{'kind':<12} {'n':>4} {'right':>7}")
    for kind, oks in sorted(right.items()):
        print(f"{kind:<12} {len(oks):>4} {sum(oks) / len(oks):>7.0%}")
    every = [ok for oks in right.values() for ok in oks]
    print(f"{'overall':<12} {len(every):>4} {sum(every) / len(every):>7.0%}")
    print(f"yes/no answered the opposite way: {errors['opposite']} (target 0)")
    print(f"not-stated questions answered with a yes, a no or a value: {errors['invented']} (target 0)")


if __name__ == "__main__":
    main()
