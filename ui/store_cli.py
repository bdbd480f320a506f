"""`shopassist store import | customer | order | log`: the shop's orders, customers and actions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from common.errors import ShopAssistError
from common.settings import load_settings

store_app = typer.Typer(no_args_is_help=True, help="The shop's orders and customers (SQLite under the data dir).")

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Where the store lives [env: SHOPASSIST_DATA_DIR]", show_default=False),
]
Config = Annotated[Path | None, typer.Option("--config", help="YAML settings file")]


def _open(data_dir: Path | None, config: Path | None):
    from assistant.store import Store

    return Store.open(load_settings(config, data_dir=data_dir).data_dir)


@store_app.command("import")
def import_(
    folder: Annotated[Path, typer.Argument(help="Folder with users.json, orders.json, products.json (+ policy.md)")],
    data_dir: DataDir = None,
    config: Config = None,
) -> None:
    """Replace the store with a shop's export (tau-bench retail's files, or the format in README 'Store')."""
    from assistant.store.importer import import_store

    settings = load_settings(config, data_dir=data_dir)
    counts = import_store(folder, settings.data_dir, progress=sys.stderr.isatty())
    typer.echo(", ".join(f"{n} {what}" for what, n in counts.items()) + f" -> {settings.data_dir / 'store.sqlite'}")


@store_app.command()
def customer(
    email: Annotated[str | None, typer.Option(help="The customer's e-mail")] = None,
    name: Annotated[str | None, typer.Option(help="First and last name (with --zip)")] = None,
    zip_code: Annotated[str | None, typer.Option("--zip", help="The customer's zip code (with --name)")] = None,
    data_dir: DataDir = None,
    config: Config = None,
) -> None:
    """Find a customer by e-mail, or by name + zip, and print their profile and orders."""
    store = _open(data_dir, config)
    if email:
        user_id = store.find_by_email(email)
    elif name and zip_code and len(name.split()) >= 2:
        first, last = name.split()[0], name.split()[-1]
        user_id = store.find_by_name_zip(first, last, zip_code)
    else:
        raise ShopAssistError("give --email, or --name 'First Last' with --zip")
    if user_id is None:
        raise ShopAssistError("no customer matches; check the spelling")
    profile = store.customer(user_id)
    orders = {o["order_id"]: o["status"] for o in store.orders_of(user_id)}
    typer.echo(json.dumps({"customer": profile, "orders": orders}, indent=2))


@store_app.command()
def order(order_id: Annotated[str, typer.Argument()], data_dir: DataDir = None, config: Config = None) -> None:
    """Print one order: items, status, payments, fulfilments."""
    found = _open(data_dir, config).order(order_id if order_id.startswith("#") else f"#{order_id}")
    if found is None:
        raise ShopAssistError(f"no order {order_id}")
    typer.echo(json.dumps(found, indent=2))


@store_app.command()
def log(
    limit: Annotated[int, typer.Option(help="How many entries")] = 20, data_dir: DataDir = None, config: Config = None
) -> None:
    """The latest actions run or refused, with who confirmed them."""
    for entry in _open(data_dir, config).log(limit):
        typer.echo(json.dumps(entry))
