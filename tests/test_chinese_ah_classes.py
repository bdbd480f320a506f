"""Chinese shoppers, classes read from held-out set AH's odd rows and the spent sets AC-AG
(session 19): a correction takes back a model said again as another's, a habit told of a person
names no product, 或者 joins kinds of its own clause, 相关 closes a postposition, a vehicle named
beside a car's accessory is that vehicle's, a dictionary phrase the shop writes without a word,
seats said as people sitting, a disliked attribute said first. The reader over a small fake shop."""

from __future__ import annotations

import pytest

from assistant.chinese import ChineseReader

CARRIED = {
    ("sun", "shade"),
    ("mug",),
    ("headphones",),
    ("car", "cover"),
    ("bike", "cover"),
    ("cover",),
    ("swiss", "knife"),
    ("knife",),
    ("table", "cover"),
    ("ring",),
    ("scarf",),
    ("shawl",),
}
KNOWN = CARRIED | {("army", "knife"), ("music",)}
WORDS = {"swift", "maruti", "800", "music", "seater", "electric", "gold", "white"}
USES = {("8", "seater"): 2, ("6", "seater"): 2, ("electric", "burner"): 2}


@pytest.fixture(scope="module")
def reader() -> ChineseReader:
    return ChineseReader(
        is_type=lambda words: tuple(words) in KNOWN,
        carried=lambda words: tuple(words) in CARRIED,
        knows=lambda word: word in WORDS or (word,) in KNOWN,
        uses=lambda words: USES.get(tuple(words), 0),
    )


@pytest.mark.parametrize(
    "message, expected",
    [
        # 相关 closes "related to music": music describes the mug, no "related", no "mug or music"
        ("送个杯子吧，上面有音乐相关图案或者字的", "music cup or mug"),
        # a vehicle named beside a car's accessory: the shop's bike cover (AH zq09, AG z24)
        ("我那台本田的摩托车天天停楼下落灰，想买个车罩，五百块以内", "bike cover under 500"),
        ("想买个车罩", "car cover"),
        # CEDICT's "Swiss Army knife": the shop's swiss knife, not the army knife it lacks (AG z16)
        ("出去露营想带把瑞士军刀，三百以内", "swiss knife under 300"),
        # seats said as how many sit at the table (AF z08, AG z22)
        ("家里是八个人坐的大餐桌，想买块桌布", "8 seater table cover"),
        # the attribute first, then who dislikes it (AD zd04 read silver as wanted)
        ("白金的她不喜欢，要黄金的", "gold not white gold"),
    ],
)
def test_reading_classes_of_set_ah(reader, message, expected):
    assert reader.read(message).text == expected


def test_a_habit_told_of_a_person_in_a_conversation_names_no_product(reader):
    # 他 … 天天: what he wears, not what is bought (AH zd05); alone, a message keeps its kind
    assert reader.read("他是个音乐迷，天天戴着耳机", ["同事下周过生日，想送个小礼物"]).text == ""
    # "wifi老是断" tells of no person: its kind is still the product where no other clause names one
    assert "headphones" in reader.read("耳机老是断，想买个新的", ["你好"]).text


def test_a_correction_takes_back_a_model_said_again_as_anothers(reader):
    earlier = ["帮我爸的车买个遮阳挡", "他开的是Swift"]
    reading = reader.read("哦不对不对，Swift是我哥的，我爸那台是老款的Maruti 800", earlier)
    assert reading.taken_back == ["swift"]
    assert "swift" not in reading.text and "maruti 800" in reading.text
    # said beside the new word, the old one is part of the new name
    assert reader.read("不对，是swift dzire", ["swift的遮阳挡"]).taken_back == []


def test_alternatives_join_kinds_of_one_clause(reader):
    assert reader.read("围巾或者披肩").text == "scarf or stole or shawl"
