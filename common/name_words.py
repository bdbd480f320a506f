"""What a word of a person's name is, for the name readers (`common.person_names` and the modules
beside it): the names lists of Faker's locales and person_names.yaml, wordfreq's frequencies
by script, the words no name holds, and whether some words make one person's full name.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

import regex
import yaml

from common.redact_words import word_list

NAME_TAG = "[NAME]"

DATA = Path(__file__).parent / "data" / "person_names.yaml"

# A name word: capitalised ("Kapoor", "O'Brien", "García-López") or an initial ("R.", "K").
_NAME_WORD = r"(?:[A-Z][a-zà-öø-ÿ]+(?:['’-][A-Za-zà-öø-ÿ]+)*|[A-Z]\.?)"


@cache
def _names_data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


# Words of any alphabet, with their combining marks (Devanagari's vowel signs are marks, not
# letters: "राहुल" is one word) and an inner apostrophe or hyphen ("O'Brien", "García-López"); an
# initial with its dot ("S."). The `regex` module knows Unicode's letter and mark classes.
_WORD = regex.compile(r"\p{L}\.(?!\w)|\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")

_CJK = re.compile(r"[\u3400-\u9fff]")

# What no name holds: a character that is no letter, mark, space, apostrophe, dot or hyphen, a
# digit, two spaces. Not `re`'s "\w", which leaves out Devanagari's vowel signs ("सुनीता").
_ODD_IN_NAME = regex.compile(r"[^\p{L}\p{M}\s'’.-]|\s{2,}")


def _lists_cache() -> Path:
    """Where the names lists are kept once read (the model cache folder), named by the Faker version and the data file's
    contents that they come from (a new version or an edit reads them afresh). Reading Faker's
    ninety-odd person providers costs about a second of every command's start-up; the lists
    as one JSON file load in a few hundredths."""
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha1(DATA.read_bytes()).hexdigest()[:12]
    # Beside the models (the project's cache, inside the clone by default), never in the home.
    root = Path(os.environ.get("SHOPASSIST_MODEL_CACHE_DIR") or ".shopassist/models") / "derived"
    return root / f"name-lists-{version('faker')}-{digest}.json"


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """`_read_name_lists`, from the cache file where an earlier process wrote it."""
    path = _lists_cache()
    try:
        given, family, cjk = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(given), frozenset(family), frozenset(cjk)
    except (OSError, ValueError):
        pass
    lists = _read_name_lists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps([sorted(x) for x in lists], ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)  # whole or not at all, for processes starting side by side
    except OSError:
        pass  # a read-only home: read the lists each time
    return lists


def _read_name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, family names, Chinese and Japanese family names), lower case, from every
    locale of Faker's person providers and the Indian names they lack (person_names.yaml). A name of several words ("de Vries", "van Dijk") gives
    each word but its particles. (The US Census Bureau's 88,799 surnames were tried: they add
    "Bath", "Boots", "Slim", "Brand" and change catalog text after weak cues, while the Indian
    surnames they add are uncommon words, name words already.)"""
    import importlib
    import pkgutil

    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    cjk: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attrs, into in (
            (("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"), given),
            (("last_names", "last_names_male", "last_names_female"), family),
        ):
            for attr in attrs:
                names = getattr(provider, attr, None)
                if isinstance(names, dict | list | tuple | set | frozenset):
                    for name in names:
                        if _CJK.search(name):
                            if into is family and module.name.startswith(("zh", "ja")):
                                cjk.add(name)
                            continue
                        # the capitalised words of a name of several: not "de", "und"
                        words = name.split()
                        for word in words:
                            if _WORD.fullmatch(word) and (len(words) == 1 or word[0].isupper()):
                                into.add(word.lower())
    given.update(_names_data()["extra_given_names"], _names_data()["extra_given_names_pinyin"])
    family.update(_names_data()["extra_family_names"])
    return frozenset(given), frozenset(family), frozenset(cjk)


def _script(word: str) -> str:
    """The script of the word's first letter, as Unicode names it ("LATIN", "DEVANAGARI")."""
    return unicodedata.name(word[0], "").split(" ", 1)[0]


@cache
def _uncommon(word: str) -> bool:
    """No language of the data uses the word often. Each language's frequencies load on first
    use (about a second each): a word English uses often is settled without the others."""
    from wordfreq import zipf_frequency

    limit = _names_data()["uncommon_zipf"]
    languages = _names_data()["frequency_languages"]
    return all(zipf_frequency(word, lang) < limit for lang in languages.get(_script(word), languages["LATIN"]))


@cache
def _frequent(word: str) -> bool:
    """A word its own language uses as often as the words a sentence is made of (`clause_name_zipf`
    or more in one of its script's languages): "है", "என்ன", "falsch"; not a name, however common
    the name ("கார்த்திக்" 4.7, "Krüger" 3.8)."""
    from wordfreq import zipf_frequency

    limit = _names_data()["clause_name_zipf"]
    languages = _names_data()["frequency_languages"]
    return any(zipf_frequency(word, lang) >= limit for lang in languages.get(_script(word), languages["LATIN"]))


@cache
def _everyday_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    # English colour and brand words ("Golden Brown"); a word of another script is none
    return _script(word) == "LATIN" and zipf_frequency(word, "en") >= _names_data()["everyday_zipf"]


@cache
def _not_name_words() -> frozenset[str]:
    # a contact word ends a name told before its number ("ผู้รับ สมศรี ใจดี โทร ...": "tel")
    words = [*_names_data()["not_name_words"], *_names_data()["name_particles"], *_names_data()["contact_words"]]
    for key in ("street_suffixes", "street_prefixes", "street_endings", "address_words", "unit_words", "floor_words"):
        words += word_list(key)
    return frozenset(w.lower().rstrip(".") for w in words)


@cache
def _colour_words() -> frozenset[str]:
    """The one-word colour names of the xkcd colour survey (949 names, as matplotlib ships them):
    the last word of "Olive Green", "Royal Blue", "Rose Gold"."""
    from matplotlib.colors import XKCD_COLORS

    return frozenset(name.removeprefix("xkcd:") for name in XKCD_COLORS if " " not in name)


def _kind(word: str) -> str:
    """ "initial", "listed" (a names list holds it), "uncommon" (no language uses it often) or
    "" (no name word)."""
    bare = word.rstrip(".").lower()
    if len(bare) == 1:
        return "initial" if bare.isalpha() and word[0].isupper() or word.endswith(".") else ""
    if bare in _not_name_words():
        return ""
    given, family, _ = _name_lists()
    if bare in given or bare in family or _listed_folded(bare):
        return "listed"
    parts = bare.split("-")
    if 2 <= len(parts) <= 3 and word[0].isupper() and all(p in _korean_syllables() for p in parts):
        return "listed"  # a romanised Korean given name, "Jun-ho", "Seo-yeon"
    if len(parts) > 1 and all(parts):
        # a double-barrelled name ("Evans-Hughes", "Dubois-Martin"): each part a name word
        kinds = [_kind(p) for p in parts]
        return "" if "" in kinds or "initial" in kinds else "listed" if "listed" in kinds else "uncommon"
    return "uncommon" if _uncommon(bare) else ""


@cache
def _korean_syllables() -> frozenset[str]:
    return frozenset(_names_data()["korean_given_syllables"])


# Letters that NFKD does not split into a base letter and a mark.
# Vietnamese's own vowels: with their tone marks folded, its words meet other languages' names.
VIETNAMESE_LETTERS = re.compile(r"[ăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
UNSPLIT_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


@cache
def _listed_folded(bare: str) -> bool:
    """A name with its diacritics the lists hold without them ("ayşe" as "ayse", "thaís" as
    "thais"): a locale's list writes many names in ASCII only. Latin letters only: in Cyrillic or
    Vietnamese the marks tell words apart."""
    if bare.isascii() or _script(bare) != "LATIN" or VIETNAMESE_LETTERS.search(bare):
        return False
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", bare.translate(UNSPLIT_LETTERS)) if not unicodedata.combining(ch)
    )
    if folded == bare or folded in _not_name_words():
        return False
    given, family, _ = _name_lists()
    return folded in given or folded in family


def names_someone(word: str) -> bool:
    """A word a names list holds that is no everyday English word ("sharma", "kumar"; not
    "green", "park"): in a firm's domain ("accounts@sharma-traders.co.in") it names its owner."""
    return _kind(word) == "listed" and not _everyday_english(word.lower())


def _full_name(words: list[str], explicit: bool) -> bool:
    """Whether these words are one person's full name: two or more name words (particles
    aside), one initial at most and not first unless a listed name follows it. After a cue that
    is not explicit, a names list's word among them, and one that is no everyday English word
    ("it's Golden Brown" is a colour)."""
    data = _names_data()
    core = [w for w in words if w.lower() not in data["name_particles"]]
    if len(core) < data["min_name_words"] or words[0].lower() in data["name_particles"]:
        return False
    if core[-1].lower() in _colour_words():
        return False  # "Olive Green", "Rose Gold": a colour, whatever names lists hold its words
    kinds = [_kind(w) for w in core]
    if not explicit and len(core) == 2 and all(w[:1].isupper() for w in core):
        # capitalised, a given name that is also a word ("Will", "May") before a family name no
        # sentence is made of is a name after any cue: "Deliver to Will Carter, …" (set AD)
        if not kinds[0] and core[0].lower() in _name_lists()[0] and kinds[1] == "listed":
            kinds[0] = "listed" if not _everyday_english(core[1].lower()) else ""
    if explicit and len(core) == 2:
        # two words only: a third such word is as often the sentence going on ("اسمي سعيد الغامدي
        # وأريد ...", "and I want")
        kinds = [k or _cued_name_word(w) for w, k in zip(core, kinds, strict=True)]
        # a given name that is also a word a name never holds elsewhere ("will", "may"), before a
        # family name no sentence is made of: "the booking is under will dsouza" (set AF)
        if not kinds[0] and core[0].lower() in _name_lists()[0] and kinds[1] in ("listed", "uncommon"):
            kinds[0] = "listed" if not _everyday_english(core[1].lower()) else ""
    if "" in kinds or kinds.count("initial") > 1 or "listed" not in kinds and not explicit:
        return False
    if kinds[0] == "initial" and len(core) < 3 and kinds[1] != "listed":
        return False
    if explicit:
        return True
    return any(
        k != "initial" and not _everyday_english(w.rstrip(".").lower()) for w, k in zip(core, kinds, strict=True)
    )


def _cued_name_word(word: str) -> str:
    """After an explicit cue ("my name is", "recipient"), a word of a script without capitals
    that its languages use less often than the words a sentence is made of: "uncommon". A common
    name is a frequent word of its own language ("خالد" 5.2, "כהן" 5.3, "صدیقی" 4.9) and no names
    list holds them all; the cue says a person is meant, and only the words that carry a sentence
    (`clause_name_zipf`) are ruled out. In Cyrillic or Greek the word must be capitalised
    ("отримувач Богдана Кравчук"); a Latin word that common is read by the names lists alone."""
    bare = word.lower()
    if len(bare) < 2 or bare in _not_name_words() or _frequent(bare):
        return ""
    glued = _names_data()["glued_conjunctions"]
    if len(bare) > 3 and bare[0] in glued and _frequent(bare[1:]):
        return ""  # "وتاريخ": "and" glued to a sentence's word
    if _cased(word) and (not word[0].isupper() or _script(word) == "LATIN" or _everyday_english(bare)):
        return ""
    return "uncommon" if _script(word) in _names_data()["frequency_languages"] else ""


def holder_full_name(words: list[str], beside_detail: bool = False) -> bool:
    """A full name where its place says a person is meant outright (right before the person's
    phone, e-mail or id; opening the message before a comma): a names list's given name, then one
    or two words that are family names by being no word a sentence is made of. A common family
    name is a frequent word of its language ("Krüger" 3.8, "Шевчук" 4.0, "Γεωργίου" 4.6,
    "العتيبي" 3.8; `uncommon_zipf` 3.5) yet under `clause_name_zipf`, where the words that carry a
    sentence stand; nor a word no name holds, nor an everyday English word ("Rose Gold")."""
    if _full_name(words, False):
        return True
    if not 2 <= len(words) <= 3 or _cased_lower(words):
        return False
    # right beside the detail it holds, a name's form alone will do (not opening a message,
    # where a brand and its model stand as often: "Xiaomi Redmi, what is the price?")
    if beside_detail and _rare_capitalised(words):
        return True
    given = _name_lists()[0]
    # the given name first, or last where the family name is written first ("Ковальчук Андрій"),
    # as forms and registers write it; not in Latin letters, where a firm or a place before a
    # town that is also a given name reads so ("(Commerzbank Berlin)")
    if words[0].lower() in given:
        others = words[1:]
    elif len(words) == 2 and words[-1].lower() in given and _script(words[0]) != "LATIN":
        others = words[:1]
    else:
        return False
    return all(
        len(w) > 1
        and w.lower() not in _not_name_words()
        and w.lower() not in _colour_words()
        and not _frequent(w.lower())
        and not _everyday_english(w.lower())
        for w in others
    )


def _rare_capitalised(words: list[str]) -> bool:
    """Words of a cased script, each written with a capital and then in lower case, that no
    language uses often and that no names list need hold: in a holder's place the name's form is
    the evidence ("Kasia Zielińska, mail [EMAIL]", "Kagiso Molefe, [PHONE]"); the lists miss most
    of the world's names and their derived forms. Not a word no name holds, a colour, an everyday
    English word or an initial."""
    return all(
        _cased(w)
        and len(w) > 2
        and w[0].isupper()
        and w[1:].islower()
        and _kind(w) in ("listed", "uncommon")
        and w.lower() not in _colour_words()
        and not _everyday_english(w.lower())
        for w in words
    )


def _cased_lower(words: list[str]) -> bool:
    """A word of a cased script written in lower case: no name's."""
    return any(_cased(w) and w[0].islower() for w in words)


def _cased(word: str) -> bool:
    return word[0].lower() != word[0].upper()


def _given_name(word: str) -> bool:
    """A capitalised word that may be a given name: one a names list holds, or no language uses often."""
    return _kind(word) in ("listed", "uncommon")


def _cue_pattern(key: str) -> str:
    return "|".join(re.escape(c) for c in sorted(_names_data()[key], key=len, reverse=True))


def _cue_words_any_script(key: str) -> str:
    """The words of `key` as a pattern whose edges hold in any script: no letter or combining
    mark beside them (Tamil's "கைபேசி" ends in a vowel sign, no "\\w")."""
    words = "|".join(re.escape(w) for w in sorted(_names_data()[key], key=len, reverse=True))
    return rf"(?<![^\W_])(?<![\u0300-\u036f\u0900-\u0dff])(?:{words})(?![^\W_])(?![\u0900-\u0dff])"


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) spans joined, in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@cache
def _person_named_brand() -> re.Pattern[str]:
    brands = "|".join(re.escape(b) for b in sorted(_names_data()["person_named_brands"], key=len, reverse=True))
    return re.compile(rf"(?:{brands})", re.I)


def nominatives(word: str, strong_only: bool) -> list[str]:
    """The nominative forms a declined name word may have, lower case, by its script's case
    endings (person_names.yaml: `case_endings`): "анны" gives "анна", "agnieszki" "agnieszka".
    Only the strong endings where the word stands alone."""
    endings = _names_data()["case_endings"].get(_script(word))
    if not endings:
        return []
    bare = word.lower()
    pairs = endings["strong"] + ([] if strong_only else endings["weak"])
    return [bare[: -len(old)] + new for old, new in pairs if bare.endswith(old) and len(bare) > len(old) + 2]


def declined_name(word: str, strong_only: bool) -> str:
    """ "given" or "family" where the word is not itself a names list's but a declined form of one
    ("Михаилу", "Zielińskiego" no, "Novákové"), else ""."""
    given, family, _ = _name_lists()
    bare = word.lower()
    if bare in given or bare in family:
        return ""
    for base in nominatives(word, strong_only):
        if base in given:
            return "given"
        if base in family or _patronymic(base):
            return "family"
    return ""


def _patronymic(word: str) -> bool:
    """A father's given name and a patronymic suffix ("петрович", "сергеевна")."""
    given = _name_lists()[0]
    for suffix in _names_data()["patronymic_suffixes"]:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and {stem, stem + "й", stem + "а", stem + "ь"} & given:
            return True
    return False


def has_strong_ending(word: str) -> bool:
    """The word ends in one of its script's strong case endings (`case_endings`)."""
    endings = _names_data()["case_endings"].get(_script(word))
    bare = word.lower()
    return bool(endings) and any(bare.endswith(old) and len(bare) > len(old) + 2 for old, _ in endings["strong"])
