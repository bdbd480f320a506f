"""`Store`: the shop's customers, orders, payment methods and products in SQLite under the data dir.

Lookups the copilot needs are columns (a customer's e-mail, name and zip; an order's customer and
status); the nested parts of an order (items, fulfilments, payment history) are JSON documents
in tau-bench's shape, so an action loads one order and one customer, changes them
(`assistant.store.actions`) and writes them back in one transaction. Every attempted action is
logged with who confirmed it and what came of it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.store.actions import Action, PolicyRefusal, apply
from common.errors import ShopAssistError

STORE_FILE = "store.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS customers (
    user_id TEXT PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL,
    zip TEXT NOT NULL, address TEXT NOT NULL, orders TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS customers_email ON customers (lower(email));
CREATE INDEX IF NOT EXISTS customers_name ON customers (lower(first_name), lower(last_name), zip);
CREATE TABLE IF NOT EXISTS payment_methods (
    user_id TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (user_id, id));
CREATE TABLE IF NOT EXISTS products (product_id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS variants (
    item_id TEXT PRIMARY KEY, product_id TEXT NOT NULL, position INTEGER NOT NULL, options TEXT NOT NULL,
    available INTEGER NOT NULL, price REAL NOT NULL);
CREATE INDEX IF NOT EXISTS variants_product ON variants (product_id);
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, position INTEGER NOT NULL, status TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS orders_user ON orders (user_id);
CREATE TABLE IF NOT EXISTS policy (position INTEGER PRIMARY KEY, section TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS action_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, user_id TEXT NOT NULL, action TEXT NOT NULL,
    arguments TEXT NOT NULL, confirmed_by TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL);
"""


class ActionResult(BaseModel):
    action: Action
    done: bool
    detail: str  # what changed, or the refusal with its rule
    rule: str = ""  # the policy rule a refusal cites
    order: dict[str, Any] | None = None  # the order after the action


class Store:
    """One SQLite file; open it per thread or per request (connections are not shared)."""

    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.executescript(SCHEMA)

    @classmethod
    def open(cls, data_dir: Path, create: bool = False) -> Store:
        path = Path(data_dir) / STORE_FILE
        if not create and not path.is_file():
            raise ShopAssistError(
                f"no store at {path}; import one with `shopassist store import DIR --data-dir {data_dir}`"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path)

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (Path(data_dir) / STORE_FILE).is_file()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock before reading, so two agents confirming actions on the
        # same order apply them one after the other, each checking the state the other left.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- writing the data in -----------------------------------------------------------------
    def replace_all(
        self,
        customers: Iterable[dict[str, Any]],
        products: Iterable[dict[str, Any]],
        orders: Iterable[dict[str, Any]],
        policy: list[tuple[str, str]],
    ) -> None:
        """Replace the store's data with these documents (tau-bench's shape), in one transaction."""
        with self.transaction() as db:
            for table in ("customers", "payment_methods", "products", "variants", "orders", "policy"):
                db.execute(f"DELETE FROM {table}")
            for user in customers:
                self._put_customer(db, user)
            for product in products:
                db.execute("INSERT INTO products VALUES (?, ?)", (product["product_id"], product["name"]))
                for position, variant in enumerate(product["variants"].values()):
                    db.execute(
                        "INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            variant["item_id"],
                            product["product_id"],
                            position,
                            json.dumps(variant["options"]),
                            int(bool(variant["available"])),
                            float(variant["price"]),
                        ),
                    )
            for position, order in enumerate(orders):
                db.execute(
                    "INSERT INTO orders VALUES (?, ?, ?, ?, ?)",
                    (order["order_id"], order["user_id"], position, order["status"], json.dumps(order)),
                )
            db.executemany("INSERT INTO policy VALUES (?, ?, ?)", [(i, s, t) for i, (s, t) in enumerate(policy)])

    def _put_customer(self, db: sqlite3.Connection, user: dict[str, Any]) -> None:
        name = user["name"]
        db.execute(
            "INSERT OR REPLACE INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                user["user_id"],
                name["first_name"],
                name["last_name"],
                user["email"],
                str(user["address"]["zip"]),
                json.dumps(user["address"]),
                json.dumps(user.get("orders", [])),
            ),
        )
        db.execute("DELETE FROM payment_methods WHERE user_id = ?", (user["user_id"],))
        for position, method in enumerate(user["payment_methods"].values()):
            db.execute(
                "INSERT INTO payment_methods VALUES (?, ?, ?, ?, ?)",
                (user["user_id"], method["id"], position, method["source"], json.dumps(method)),
            )

    # -- reads ---------------------------------------------------------------------------------
    def find_by_email(self, email: str) -> str | None:
        row = self.db.execute(
            "SELECT user_id FROM customers WHERE lower(email) = lower(?)", (email.strip(),)
        ).fetchone()
        return row["user_id"] if row else None

    def find_by_name_zip(self, first_name: str, last_name: str, zip_code: str) -> str | None:
        row = self.db.execute(
            "SELECT user_id FROM customers WHERE lower(first_name) = lower(?) AND lower(last_name) = lower(?) AND zip = ?",
            (first_name.strip(), last_name.strip(), zip_code.strip()),
        ).fetchone()
        return row["user_id"] if row else None

    def names(self) -> list[tuple[str, str]]:
        """Every customer's (first, last) name, for spotting a name in free text."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT DISTINCT first_name, last_name FROM customers")]

    def customer(self, user_id: str) -> dict[str, Any] | None:
        return self._customer(self.db, user_id)

    def _customer(self, db: sqlite3.Connection, user_id: str) -> dict[str, Any] | None:
        row = db.execute("SELECT * FROM customers WHERE user_id = ?", (user_id,)).fetchone()
        if row is None:
            return None
        methods = db.execute(
            "SELECT data FROM payment_methods WHERE user_id = ? ORDER BY position", (user_id,)
        ).fetchall()
        return {
            "user_id": row["user_id"],
            "name": {"first_name": row["first_name"], "last_name": row["last_name"]},
            "address": json.loads(row["address"]),
            "email": row["email"],
            "payment_methods": {m["id"]: m for m in (json.loads(r["data"]) for r in methods)},
            "orders": json.loads(row["orders"]),
        }

    def order(self, order_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        return json.loads(row["data"]) if row else None

    def orders_of(self, user_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT data FROM orders WHERE user_id = ? ORDER BY position", (user_id,))
        return [json.loads(r["data"]) for r in rows]

    def variant(self, item_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM variants WHERE item_id = ?", (item_id,)).fetchone()
        return _variant(row) if row else None

    def variants_of(self, product_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM variants WHERE product_id = ? ORDER BY position", (product_id,))
        return [_variant(r) for r in rows]

    def product_names(self) -> dict[str, str]:
        return {r["product_id"]: r["name"] for r in self.db.execute("SELECT * FROM products")}

    def policy(self) -> list[tuple[str, str]]:
        return [(r["section"], r["text"]) for r in self.db.execute("SELECT * FROM policy ORDER BY position")]

    def log(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM action_log ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) | {"arguments": json.loads(r["arguments"])} for r in rows]

    def snapshot(self) -> dict[str, Any]:
        """The whole store in tau-bench's shape ({"users", "orders", "products"}), for end-state checks."""
        users = {uid: self.customer(uid) for (uid,) in self.db.execute("SELECT user_id FROM customers")}
        orders = {
            r["order_id"]: json.loads(r["data"]) for r in self.db.execute("SELECT * FROM orders ORDER BY position")
        }
        products = {}
        for pid, name in self.product_names().items():
            variants = {v["item_id"]: v for v in self.variants_of(pid)}
            products[pid] = {"name": name, "product_id": pid, "variants": variants}
        return {"users": users, "orders": orders, "products": products}

    def check(self, actions: list[Action], user_id: str) -> list[PolicyRefusal | None]:
        """Dry run: what the store would say to each action, run in turn on copies (nothing is
        written), so the copilot proposes only what the policy allows."""
        user = self.customer(user_id)
        orders: dict[str, dict[str, Any] | None] = {}
        verdicts: list[PolicyRefusal | None] = []
        for action in actions:
            order_id = action.arguments.get("order_id")
            if order_id not in orders:
                orders[order_id] = self.order(order_id) if order_id else None
            try:
                if user is None:
                    raise PolicyRefusal("authenticate the customer first", f"no customer {user_id}")
                before = (json.dumps(orders[order_id]), json.dumps(user))
                apply(action, orders[order_id], user, self.variant)
                verdicts.append(None)
            except PolicyRefusal as refusal:
                orders[order_id], user = json.loads(before[0]), json.loads(before[1])
                verdicts.append(refusal)
        return verdicts

    # -- the one write path ----------------------------------------------------------------------
    def execute(self, action: Action, user_id: str, confirmed_by: str) -> ActionResult:
        """Run `action` for the authenticated customer `user_id`, preconditions checked again,
        in one transaction; refused actions change nothing. Both outcomes are logged."""
        if not confirmed_by.strip():
            raise ShopAssistError("an action runs only when an agent confirms it: give confirmed_by")
        try:
            with self.transaction() as db:
                user = self._customer(db, user_id)
                if user is None:
                    raise PolicyRefusal("authenticate the customer first", f"no customer {user_id}")
                if action.name == "modify_user_address" and action.arguments.get("user_id") != user_id:
                    raise PolicyRefusal("help one user per conversation", "the address belongs to another customer")
                order_id = action.arguments.get("order_id")
                row = db.execute("SELECT data FROM orders WHERE order_id = ?", (order_id,)).fetchone()
                order = json.loads(row["data"]) if row else None
                apply(action, order, user, self.variant)
                if order is not None:
                    db.execute(
                        "UPDATE orders SET status = ?, data = ? WHERE order_id = ?",
                        (order["status"], json.dumps(order), order["order_id"]),
                    )
                self._put_customer(db, user)
                self._log(db, action, user_id, confirmed_by, "done", _summary(action))
            return ActionResult(action=action, done=True, detail=_summary(action), order=order)
        except PolicyRefusal as refusal:
            with self.transaction() as db:
                self._log(db, action, user_id, confirmed_by, "refused", str(refusal))
            return ActionResult(action=action, done=False, detail=refusal.detail, rule=refusal.rule)

    def _log(self, db: sqlite3.Connection, action: Action, user_id: str, by: str, outcome: str, detail: str) -> None:
        db.execute(
            "INSERT INTO action_log (at, user_id, action, arguments, confirmed_by, outcome, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (time.time(), user_id, action.name, json.dumps(action.arguments), by, outcome, detail),
        )


def _variant(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "item_id": row["item_id"],
        "product_id": row["product_id"],
        "options": json.loads(row["options"]),
        "available": bool(row["available"]),
        "price": row["price"],
    }


def _summary(action: Action) -> str:
    args = action.arguments
    target = args.get("order_id") or args.get("user_id")
    details = ", ".join(f"{k}={v}" for k, v in args.items() if k not in ("order_id", "user_id"))
    return f"{action.name} {target}" + (f" ({details})" if details else "")
