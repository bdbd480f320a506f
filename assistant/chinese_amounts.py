"""Chinese shoppers: the amounts of a request (budgets as said, measures with their units), read
from the data file's words."""

from __future__ import annotations

import re

from assistant.chinese_lexicon import APPROXIMATE, NUMBER, _dictionary, to_number


class AmountReading:
    """The part of `ChineseReader` (assistant.chinese) that reads a request's budget and measures;
    it uses the reader's data file (`words`)."""

    def _price(self, text: str) -> tuple[str, list[str]]:
        rest, said, _ = self._price_bounds(text)
        return rest, said

    def _price_bounds(self, text: str) -> tuple[str, list[str], bool]:
        """(the rest of the text, the budget in the interpreter's words, whether the ceiling
        leaves its number out). A floor and a ceiling said apart ("一千以上，两千以下") are one
        range; "三四百块" (three or four hundred) is the range 300 to 400."""
        p = self.words["price"]
        unit = "(?:" + "|".join(map(re.escape, sorted(p["units"], key=len, reverse=True))) + ")?"

        def words(key: str) -> str:
            return "(?:" + "|".join(map(re.escape, sorted(p[key], key=len, reverse=True))) + ")"

        around = re.compile(rf"\s*{unit}\s*{words('around_after')}")

        def approximate(m: re.Match) -> str:
            lo, hi = to_number(m[1] + m[3]) or 0, to_number(m[2] + m[3]) or 0
            # "七八百左右" is about 750, a soft target as "左右" always is; "三四百块" is 300 to 400
            return f"{(lo + hi) / 2:g}" if around.match(text, m.end()) else f"{lo:g}到{hi:g}"

        text = self._loose_amounts(APPROXIMATE.sub(approximate, text))
        joiner = words("range_joiners")
        rules = [
            (rf"({NUMBER})\s*{unit}\s*{joiner}\s*({NUMBER})\s*{unit}\s*{words('range_after')}?", "between"),
            (rf"{words('max_before')}\s*{words('cue_adverbs')}?\s*({NUMBER})\s*{unit}", "under"),
            (rf"({NUMBER})\s*{unit}\s*{words('max_after')}", "under"),
            (rf"{words('min_before')}\s*({NUMBER})\s*{unit}", "over"),
            (rf"({NUMBER})\s*{unit}\s*{words('min_after')}", "over"),
            (rf"{words('around_before')}?\s*({NUMBER})\s*{unit}\s*{words('around_after')}", "around"),
            (rf"({NUMBER})\s*(?:{'|'.join(map(re.escape, p['units']))})", "around"),
        ]
        bounds: dict[str, float] = {}
        strict = False
        for pattern, kind in rules:
            if kind in bounds:
                continue
            if kind == "around" and bounds:  # "两百左右，别超过两百": the bound says it; the rest is read
                for said in [m.group() for m in re.finditer(pattern, text, re.I) if self._amount(text, m)]:
                    text = text.replace(said, " ", 1)
                continue
            m = next((m for m in re.finditer(pattern, text, re.I) if self._amount(text, m)), None)
            if not m:
                continue
            values = [to_number(g) for g in m.groups() if g]
            if not values or None in values:
                continue
            text = text.replace(m.group(), " ", 1)
            if kind == "between" and len(values) == 2:
                lo, hi = sorted(values)
                return text, [f"between {lo:g} and {hi:g}"], False
            bounds[kind] = values[0]
            if kind == "under":
                strict = any(word in m.group() for word in p["strict"])
            if kind == "around":
                break
        if "under" in bounds and "over" in bounds and bounds["over"] < bounds["under"]:
            return text, [f"between {bounds['over']:g} and {bounds['under']:g}"], False
        said = [f"{kind} {value:g}" for kind, value in bounds.items()][:1]
        return text, said, strict and "under" in bounds and "over" not in bounds

    def _loose_amounts(self, text: str) -> str:
        """Amounts said loosely, rewritten as the range or band they mean (`loose_amounts` in the
        data file), so the bound rules read them as any other: "一千出头" -> "1000到1300", "三百多块"
        -> "300到400块", "一百来块" / "百把块" -> "100块左右"."""
        p = self.words["price"]
        said = {key: "|".join(map(re.escape, words)) for key, words in p["loose_amounts"].items()}
        units = "|".join(map(re.escape, sorted(p["units"], key=len, reverse=True)))
        closers = "|".join(map(re.escape, sorted(p["loose_amount_closers"], key=len, reverse=True)))

        def value(numeral: str) -> float | None:
            # a magnitude said alone ("千把块") is one of it
            return to_number("一" + numeral if numeral[0] in "百千万" else numeral)

        def over(m: re.Match) -> str:
            n = value(m[1])
            return f"{n:g}到{n * (1 + p['a_bit_over_band']):g}{m[2] or ''}" if n else m.group()

        def and_some(m: re.Match) -> str:
            n = value(m[1])
            return f"{n:g}到{n + _last_place(n):g}" if n else m.group()

        def about(m: re.Match) -> str:
            n = value(m[1])
            return f"{n:g}{m[2]}左右" if n else m.group()

        end = rf"(?=\s*(?:{units}|{closers})|[\s，,。！!？?；;]|$)"
        text = re.sub(rf"({NUMBER})\s*({units})?\s*(?:{said['a_bit_over']})", over, text)
        text = re.sub(rf"({NUMBER})(?:{said['and_some']}){end}", and_some, text)
        return re.sub(rf"({NUMBER})(?:{said['about']})\s*({units})", about, text)

    def _measures(self, text: str) -> tuple[str, list[str]]:
        """ "9瓦" -> "9 w", "42码" -> "size 42": a number with a unit of measure is a spec, never
        a budget ("500毫升以内" is a size)."""
        units = self.words["units"]
        pattern = r"(\d+(?:\.\d+)?)\s*(" + "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + ")"
        found = []
        before = "|".join(map(re.escape, sorted(self.words["size_before"], key=len, reverse=True)))
        for m in list(re.finditer(rf"(?:{before})\s*(\d+(?:\.\d+)?)", text)):  # 腰围32: size 32
            found.append(f"size {m.group(1)}")
            text = text.replace(m.group(), " ", 1)
        for m in list(re.finditer(pattern, text)):
            unit = units[m.group(2)]
            found.append(f"size {m.group(1)}" if unit == "size" else f"{m.group(1)} {unit}")
            text = text.replace(m.group(), " ", 1)
        # A measure said with a Chinese numeral ("两格的饭盒", "一升"); not a size ("大一码" is a
        # size larger, not size 1).
        counted = "|".join(map(re.escape, sorted((u for u in units if units[u] != "size"), key=len, reverse=True)))
        for m in list(re.finditer(rf"([一二两三四五六七八九十]+)\s*({counted})", text)):
            count = to_number(m.group(1))
            if count:
                found.append(f"{count:g} {units[m.group(2)]}")
                text = text.replace(m.group(), " ", 1)
        return text, found

    def _amount(self, text: str, m: re.Match) -> bool:
        """Whether a bound's match says an amount: no measure word counting things, and no numeral
        that is a character of a word ("连头盔一起的套装": 一起 "together" with 起 is no floor of 1;
        set AD zq18 and AF z12, z14 read "between 1 and 1500")."""
        return not self._counts_things(text, m) and not any(
            _in_word(text, *m.span(g)) for g in range(1, (m.lastindex or 0) + 1) if m.group(g)
        )

    def _counts_things(self, text: str, m: re.Match) -> bool:
        """ "一块手表": 块 after a lone 一/两/几 with no 钱 is the measure word, not rupees."""
        said = m.group().strip()
        numerals = self.words["price"]["measure_numerals"]
        lone = len(said) == 2 and said[0] in numerals and said[1] == "块"
        return lone and text[m.end() : m.end() + 1] != "钱"


def _last_place(amount: float) -> float:
    """The place of an amount's last digit other than zero: 300 -> 100, 1000 -> 1000, 1500 -> 100
    ("三百多" is 300 to 400, "一千多" 1000 to 2000, "一千五多" 1500 to 1600)."""
    place = 1.0
    while amount >= place * 10 and amount % (place * 10) == 0:
        place *= 10
    return place


def _in_word(text: str, start: int, end: int) -> bool:
    """A single Chinese numeral that is a character of a dictionary word beside it whose senses
    say no number (一起 "together", 一样 "same", 万一 "in case"): a word, not an amount. A numeral
    of two or more characters (一千五) is always a number."""
    if end - start != 1 or text[start] not in NUMERALS:
        return False
    around = [text[start : end + n] for n in (1, 2)] + [text[max(start - n, 0) : end] for n in (1, 2)]
    for word in (w for w in around if len(w) > 1):
        senses = " ".join(_dictionary().get(word, []))
        if senses and not re.search(rf"\d|\b(?:{'|'.join(NUMBER_WORDS)})\b", senses, re.I):
            return True
    return False


NUMERALS = "零一二两三四五六七八九十百千万"
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "hundred",
    "thousand",
    "first",
    "second",
    "single",
    "double",
    "pair",
    "both",
    "half",
]
