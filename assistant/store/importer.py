"""Read a shop's export into the `Store`: the tau-bench retail files, or a shop's own in that format.

The format (README, "Store"): a folder with
- `users.json`: customers, as an object keyed by user id or a list with `user_id`; each with
  `name` {first_name, last_name}, `email`, `address` {address1, address2, city, state, country,
  zip}, `payment_methods` (keyed by id or a list; each `id`, `source` credit_card | paypal |
  gift_card, a gift card's `balance`, a card's `brand` and `last_four`) and `orders` (ids);
- `orders.json`: orders keyed by order id or a list; each `order_id`, `user_id`, `status`
  (pending | processed | delivered | cancelled | ...), `address`, `items` [{name, product_id,
  item_id, price, options}], `fulfillments` [{tracking_id: [..], item_ids: [..]}],
  `payment_history` [{transaction_type payment | refund, amount, payment_method_id}];
- `products.json`: products keyed by id or a list; each `product_id`, `name`, `variants` keyed by
  item id (or a list), each `item_id`, `options`, `available`, `price`;
- optionally the policy as Markdown (`policy.md` or tau's `policy_wiki.md`): its bullets become
  the clauses the copilot cites.
A missing file or field is one clear error naming the file and the record.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tqdm import tqdm

from assistant.store.db import Store
from common.errors import ShopAssistError

POLICY_FILES = ("policy.md", "policy_wiki.md")
REQUIRED = {
    "users.json": ("name", "email", "address", "payment_methods"),
    "orders.json": ("order_id", "user_id", "status", "address", "items", "payment_history"),
    "products.json": ("product_id", "name", "variants"),
}


def _records(folder: Path, name: str, key: str) -> list[dict[str, Any]]:
    path = folder / name
    if not path.is_file():
        raise ShopAssistError(f"{path} is missing; a store export needs {', '.join(REQUIRED)} (see README, 'Store')")
    try:
        data = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise ShopAssistError(f"{path} is not valid JSON: {exc}") from exc
    if isinstance(data, dict):
        records = [{key: k, **v} for k, v in data.items()]
    elif isinstance(data, list):
        records = data
    else:
        raise ShopAssistError(f"{path} must hold an object keyed by {key} or a list of records")
    for i, record in enumerate(records, 1):
        missing = [f for f in (key, *REQUIRED[name]) if f not in record]
        if missing:
            raise ShopAssistError(f"{path}: record {i} ({record.get(key, '?')}) lacks {', '.join(missing)}")
    return records


def _keyed(value: dict[str, Any] | list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return value if isinstance(value, dict) else {v[key]: v for v in value}


def policy_clauses(markdown: str) -> list[tuple[str, str]]:
    """(section, clause) pairs: each bullet or paragraph under its nearest heading."""
    clauses, section = [], ""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        heading = re.match(r"^#+\s+(.*)$", block)
        if heading:
            section = heading.group(1).strip()
            continue
        text = re.sub(r"^[-*]\s+", "", " ".join(block.split()))
        if text:
            clauses.append((section, text))
    return clauses


def import_store(folder: Path, data_dir: Path, progress: bool = False) -> dict[str, int]:
    """Replace the store under `data_dir` with the export in `folder`; counts of what was read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ShopAssistError(
            f"{folder} is not a folder; give the folder holding users.json, orders.json, products.json"
        )
    users = _records(folder, "users.json", "user_id")
    orders = _records(folder, "orders.json", "order_id")
    products = _records(folder, "products.json", "product_id")
    for user in users:
        user["payment_methods"] = _keyed(user["payment_methods"], "id")
    for product in products:
        product["variants"] = _keyed(product["variants"], "item_id")
    policy_file = next((folder / f for f in POLICY_FILES if (folder / f).is_file()), None)
    policy = policy_clauses(policy_file.read_text()) if policy_file else []
    known = {u["user_id"] for u in users}
    for order in orders:
        if order["user_id"] not in known:
            raise ShopAssistError(
                f"{folder / 'orders.json'}: order {order['order_id']} names unknown user {order['user_id']}"
            )
    store = Store.open(data_dir, create=True)
    try:
        bar = tqdm(
            total=len(users) + len(orders) + len(products), desc="importing", unit="record", disable=not progress
        )
        with bar:
            store.replace_all(_counted(users, bar), _counted(products, bar), _counted(orders, bar), policy)
    finally:
        store.close()
    return {"customers": len(users), "orders": len(orders), "products": len(products), "policy clauses": len(policy)}


def _counted(records: list[dict[str, Any]], bar: tqdm) -> Any:
    for record in records:
        yield record
        bar.update(1)
