"""The device a part or accessory is for, where the shopper names it and the shop's titles do too.

Parts and accessories are sold by what they fit, and their titles name it in the maker's words:
"casedeal microsoft nokia lumia x2 back panel", "d'clair micromax bolt a075 battery charger",
"furst usb adapter with cable for lnvo vibe p1m". A shopper names the device the same way, with
or without "for": "nokia lumia x2 back panel", "charger for micromax bolt". Two readings lose it:

- the device's maker read as the product's brand (set N: "nokia" filtered to products Nokia
  makes, so the shop "did not carry nokia" while its Casedeal panel for the Lumia X2 waited);
- the device only ranking, so chargers for other phones filled four of five cards (set O).

A brand no product of the kind asked for is made by, said where titles of the kind name it,
is the device: it and the model words after it that those titles hold are a must-have, not a
brand. `named_device` reads the run of words a title of the kind holds, so a title that spells
the maker otherwise ("lnvo") still holds the model ("vibe p1m").
"""

from __future__ import annotations

import numpy as np

from assistant.audience import audience_terms
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints, alternatives, phrase_in
from assistant.spelling import ordinary_words
from common.text import STOPWORDS, terms, tokenize

MAX_DEVICE_WORDS = 4  # "royal enfield classic 350", "nokia lumia x2"
TITLES_READ = 2000  # titles of the kind read for the devices they name


def kind_titles(catalog: CatalogIndex, categories: list[str]) -> tuple[np.ndarray, list[list[str]]]:
    """The rows of the kind asked for and the terms of their titles."""
    rows = np.flatnonzero(catalog.mask(Constraints(categories=categories)))[:TITLES_READ]
    return rows, [terms(catalog.products[int(r)].title) for r in rows]


def named_device(words: list[str], titles: list[list[str]]) -> str | None:
    """The longest run of `words` (the device as said) that some title holds and not every title
    does, earliest first: the device the part fits. Function words alone name no device."""
    for n in range(min(len(words), MAX_DEVICE_WORDS), 0, -1):
        for start in range(0, len(words) - n + 1):
            run = words[start : start + n]
            said = terms(" ".join(run))
            if set(run) <= STOPWORDS or not said:
                continue
            holding = sum(phrase_in(said, t) for t in titles)
            if 0 < holding < len(titles):
                return " ".join(run)
    return None


def device_brands(catalog: CatalogIndex, text: str, c: Constraints) -> tuple[list[str], list[str]]:
    """The brands of `c` that are the device the kind is for, not its maker: no product of the
    kind is by the brand, and titles of the kind name it. Returns the brands kept and, for each
    one that is a device, the device as said ("nokia lumia x2"), a must-have."""
    if not c.categories or not c.brands:
        return c.brands, []
    rows, titles = kind_titles(catalog, c.categories)
    if not len(rows):
        return c.brands, []
    words = tokenize(text)
    kind_words = {w for phrase in c.categories for w in terms(phrase)}
    kept: list[str] = []
    devices: list[str] = []
    for brand in c.brands:
        said = tokenize(brand)
        made = catalog.mask(Constraints(categories=c.categories, brands=[brand]))
        at = next((i for i in range(len(words)) if words[i : i + len(said)] == said), None)
        if made.any() or at is None:
            kept.append(brand)
            continue
        device = _longest_start(_device_run(catalog, words, at + len(said), said, kind_words), titles)
        if device:
            devices.append(device)
        else:
            kept.append(brand)
    return kept, devices


def _device_run(
    catalog: CatalogIndex, words: list[str], start: int, brand: list[str], kind_words: set[str]
) -> list[str]:
    """The brand and the model words after it, up to the kind's own words; the word right before
    the kind that makes a kind of the shop's with it belongs to the kind ("back" of "nokia lumia
    x2 back panel", where the shop reads the kind as "panel")."""
    run = brand[:]
    for i in range(start, min(start + MAX_DEVICE_WORDS, len(words))):
        if terms(words[i])[0] in kind_words or words[i] in STOPWORDS:
            if len(run) > len(brand) and catalog.has_phrase(terms(f"{run[-1]} {words[i]}")):
                run = run[:-1]
            break
        run.append(words[i])
    return run


def _longest_start(run: list[str], titles: list[list[str]]) -> str | None:
    """The longest start of the run that some title holds ("nokia lumia x2" of "nokia lumia x2")."""
    for n in range(len(run), 0, -1):
        said = terms(" ".join(run[:n]))
        if any(phrase_in(said, t) for t in titles):
            return " ".join(run[:n])
    return None


FITS_READ = 200  # titles holding the phrase read for one that says it after "for"


def fitted_somewhere(catalog: CatalogIndex, phrase: str) -> bool:
    """Some product of any kind is made to fit the thing named: a title says "for <phrase>"
    ("speedwav sun shade for honda city"). Said of the shopper's own car or phone ("honda city"
    after car mats), it is a model the shop knows things are made for, not a word records leave
    unsaid: where no product of the kind asked names it, the shop has none that fits (held-out set
    AD d27: car mats for other cars were shown for a honda city), or a model of a maker some title
    says it for ("hyundai verna" beside "for hyundai creta": AD q29). Audience words ("for men") are
    never a thing fitted, nor is one ordinary word ("for travel", "for gym": a use, not a model)."""
    said = terms(phrase)
    if not said or set(said) & audience_terms() or not _model_like(said):
        return False
    if _says_for(catalog, said):
        return True
    # "hyundai verna": a model of a maker things are made for ("... for hyundai creta")
    return len(said) > 1 and _model_like(said[-1:]) and _says_for(catalog, said[:1])


def _says_for(catalog: CatalogIndex, said: list[str]) -> bool:
    rows = catalog.attribute_rows(said)[:FITS_READ]
    return any(phrase_in(["for", *said], terms(catalog.products[int(r)].title)) for r in rows)


def _model_like(said: list[str]) -> bool:
    """A model's name: two words or more ("honda city"), or a word no dictionary holds or with a
    digit ("activa", "i20")."""
    return len(said) > 1 or any(model_word(w) for w in said)


def model_word(word: str) -> bool:
    """A word no dictionary holds or with a digit: a model's name ("verna", "i20", "xing")."""
    return word not in ordinary_words() or any(ch.isdigit() for ch in word)


SOLD_BY_FIT_SHARE = 0.5  # of the kind's titles saying "for <model>": the kind is sold by what it fits


def sold_by_fit(catalog: CatalogIndex, rows: np.ndarray, phrase: str) -> bool:
    """The model named ("royal enfield classic 350") is a must-have the records do check where the
    products fitting the rest of the request are themselves sold by the model they fit: most of
    their titles say "for <something>" and what they say differs from title to title ("leebo led
    headlight for honda cb", "... for suzuki sling"; not "for men", not one use said by all). Then
    no title naming it means none fits, not a record silent on it (held-out set AF q23: the
    headlights for three other bikes were shown as "may or may not be")."""
    said = [terms(alt) for alt in alternatives(phrase)]
    if not said or not all(w and _model_like(w) and not set(w) & audience_terms() for w in said) or not len(rows):
        return False
    read = rows[:TITLES_READ]
    fitted: list[tuple[str, ...]] = []
    for row in read:
        words = terms(catalog.products[int(row)].title)
        at = next((i for i, w in enumerate(words) if w == "for"), None)
        after = tuple(w for w in words[at + 1 : at + 3] if w not in STOPWORDS) if at is not None else ()
        if after and not set(after) & audience_terms():
            fitted.append(after)
    return len(fitted) >= SOLD_BY_FIT_SHARE * len(read) and len(set(fitted)) >= max(2, len(fitted) / 2)
