"""A compound named by its modifier alone: "cargo pants" are the shop's "cargos".

English names some kinds by the word that tells them from their head: cargo pants are
"cargos", chino trousers "chinos". Said in full to a shop that titles them by the modifier,
the compound is no kind the shop has, its head ("pants") records no "cargo", and the request was
turned down (pool L:ul-q18, T-d-17: "we don't carry cargo pants"). The modifier names the kind
asked for where the shop files its products in the same department as the head's, below the
catalog's top level (cargos and track pants under "mens clothing"): a modifier filed elsewhere
says what the head goes with ("shoe rack": shoes are footwear, racks home storage; "laptop bag").
"""

from __future__ import annotations

from assistant.catalog import CatalogIndex
from common.text import terms

ROWS_READ = 2000  # products read for a kind's departments (a large catalog repeats them)


def departments(catalog: CatalogIndex, kind: list[str]) -> set[str]:
    """The category nodes above the node that names this kind, less the top level (a shop's
    "clothing" holds socks and coats alike)."""
    out: set[str] = set()
    for row in catalog.phrase_rows(kind)[:ROWS_READ]:
        path = catalog.products[int(row)].category
        naming = next((i for i in range(1, len(path)) if terms(path[i])[-len(kind) :] == kind), 0)
        out |= set(path[1:naming])
    return out


def kin(catalog: CatalogIndex, modifier: list[str], head: list[str]) -> bool:
    """The modifier's kind is filed in a department of the head's kind."""
    return bool(departments(catalog, modifier) & departments(catalog, head))
