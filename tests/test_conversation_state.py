"""Follow-ups read against the active request (`assistant.follow_up`, `assistant.dialogue`), on the
real Flipkart catalog (../shared/datasets; skipped when it is absent) indexed with the fake
embedder. Each class of follow-up is a table: a conversation and the STATE of the request after
its last turn (type, audience, colours, bounds, brands), never the wording of the reply.
"""

from __future__ import annotations

import pytest

from assistant import dialogue, follow_up, picking
from assistant.core import Assistant
from assistant.dialogue import Request
from assistant.dropped_slots import dont_care
from assistant.intent import pointed_positions
from assistant.interpret import without_accents
from assistant.session import Session
from assistant.take_back import taken_back_slots


@pytest.fixture
def assistant(flipkart_assistant) -> Assistant:
    return flipkart_assistant


def state(request: Request) -> dict:
    c = request.constraints
    out = {
        "type": request.product_type,
        "audience": c.audience,
        "colours": c.colours,
        "exclude_colours": c.exclude_colours,
        "brands": c.brands,
        "attributes": c.attributes,
        "price_min": c.price_min,
        "price_max": c.price_max,
        "price_near": c.price_near,
        "min_rating": c.min_rating,
    }
    return {k: v for k, v in out.items() if v not in (None, [])}


def final_state(assistant: Assistant, turns: list[str]) -> tuple[dict, Session]:
    session = Session()
    for turn in turns:
        assistant.reply(session, turn)
    return state(session.request), session


# (class, turns, the state the request must end in)
CASES = [
    # a colour the person likes, said before the kind or with it, narrows the kind asked next
    ("liked colour carries", ["my daughter is 24 and crazy about red", "she needs boots"], None),
    ("liked colour carries", ["planning a gift for my mom, she adores green", "a stone necklace maybe"], None),
    # a switch word starts a request for the kind named in its own clause, not in an aside
    ("switch word in another clause", ["cushion covers in red", "actually grey, matches the sofa better"], None),
    # a question about the products on screen changes nothing in the request
    ("question in between", ["car cover", "what fabric do these use normally?"], {"type": "car cover"}),
    (
        "question in between",
        ["shirt for men", "which of these would suit a tall guy?", "under 900"],
        {"type": "shirt", "audience": "men", "price_max": 900},
    ),
    # a pronoun keeps who it is for; it only says the gender
    (
        "pronoun keeps the age group",
        ["sports shoes for my son, he turned 8", "let's look at a watch for him instead"],
        {"type": "watch", "audience": "boys"},
    ),
    ("pronoun keeps the age group", ["school bag for my 4 year old", "she's petite, a small one"], None),
    # a relation that is not who it is for is a mention
    (
        "relation as a mention",
        ["school shoes for my 6 year old boy", "my husband thinks 600 is plenty, so under 600"],
        {"type": "school shoes", "audience": "boys", "price_max": 600},
    ),
    (
        "relation as a mention",
        ["car mats", "my father sold the old car, this is for the new one"],
        {"type": "car mats"},
    ),
    (
        "possessive is no recipient",
        ["helmet", "saw a matte one on his bike at the gym, looks good"],
        {"type": "helmet"},
    ),
    # a relation in a recipient's place changes who it is for; "hers first" points at nothing
    (
        "recipient later",
        ["track pants", "for me, I'm a guy", "hold on, my sister needs a pair too, let's do hers first"],
        {"type": "track pants", "audience": "women"},
    ),
    ("recipient later", ["leggings", "for my teenage daughter"], {"type": "leggings", "audience": "girls"}),
    # a noun that describes the kind asked for refines it; a kind inside it narrows it; a place
    # some of the kind's titles hold ("... eyelet window curtain") names the sub-kind sold (place_fit)
    (
        "describing noun",
        ["curtains", "for the bedroom window, eyelet style"],
        {"type": "curtains", "attributes": ["window"]},
    ),
    # (hoodies, now read as the family's kind whatever their plural, record their sleeve: it is read as one)
    (
        "describing noun",
        ["sweatshirt for men", "full sleeve ones please"],
        {"type": "sweatshirt", "audience": "men", "attributes": ["full sleeve"]},
    ),
    ("describing noun", ["chappals for papa", "to wear around the house"], {"type": "chappals", "audience": "men"}),
    ("narrowing kind", ["baby girl clothes", "a top and pyjama set"], {"type": "pyjama set", "audience": "girls"}),
    # a verb before an object pronoun names no kind (set H: "red suits me" searched for suits)
    ("verb, not a kind", ["a long maxi dress for myself", "oh and red suits me, show me everything"], None),
    (
        "widening kind",
        ["hoodie for my boyfriend", "a sweatshirt is fine too"],
        {"type": "sweatshirt", "audience": "men"},
    ),
    ("another kind", ["kurta", "dupatta"], {"type": "dupatta"}),
    # colours: a new one beside the one the request has replaces it; a closing colour is one
    ("colour replaced", ["leggings", "black ones", "she owns black already, so white"], None),
    ("colour replaced", ["boots", "black", "get rid of the black, she wants brown"], None),
    # a material allowed or owned by someone else is no filter
    (
        "material in passing",
        ["car seat cover", "my brother-in-law bought leather ones last year"],
        {"type": "car seat cover"},
    ),
    ("material allowed", ["yoga mat", "rubber is fine too"], {"type": "yoga mat"}),
    (
        "material required",
        ["wallet for men", "leather only"],
        {"type": "wallet", "audience": "men", "attributes": ["leather"]},
    ),
    # a colour not wanted is no filter: it leaves the request and is refused
    (
        "colour not wanted",
        ["sneakers", "black ones", "hmm, anything but black actually"],
        {"type": "sneakers", "exclude_colours": ["black"]},
    ),
    (
        "colour not wanted",
        ["kurta for women", "no pink please"],
        {"type": "kurta", "audience": "women", "exclude_colours": ["pink"]},
    ),
    (
        "colour not wanted",
        ["backpack", "show me the ones that aren't black"],
        {"type": "backpack", "exclude_colours": ["black"]},
    ),
    (
        "colour not wanted",
        ["saree for my mother", "nothing too bright, so no red or orange"],
        {"type": "saree", "audience": "women", "exclude_colours": ["orange", "red"]},
    ),
    ("colour not wanted", ["backpack", "nothing but black"], {"type": "backpack", "colours": ["black"]}),
    # a refusing verb in any form, and refusals said as a phrase
    (
        "colour not wanted",
        ["backpack", "she hates anything white tbh"],
        {"type": "backpack", "audience": "women", "exclude_colours": ["white"]},
    ),
    (
        "colour not wanted",
        ["backpack", "he's not a fan of grey"],
        {"type": "backpack", "audience": "men", "exclude_colours": ["grey"]},
    ),
    ("colour not wanted", ["backpack", "we'd rather avoiding red"], {"type": "backpack", "exclude_colours": ["red"]}),
    # a kind refused is no kind asked for: the request keeps its kind
    ("kind not wanted", ["kurta for women", "she hates sarees"], {"type": "kurta", "audience": "women"}),
    # a kind the shop sells mostly outside the one asked, opening its clause, is asked for though
    # an asked product mentions it (set W: the story's one "swimming" product says swimsuit)
    ("kind asked", ["finally signed up for swimming classes", "a swimsuit please"], {"type": "swimsuit"}),
    # a pronoun pointing back to the speaker's animal or thing, said in an earlier turn, is no
    # one's audience (pet shop: a greyhound's "she" added "for women" and lost every card)
    (
        "animal antecedent",
        ["my old whippet gets cold at night, a blanket please", "she is quite big"],
        {"type": "blanket"},
    ),
    # a kind is refused by every cue a colour is (`assistant.refusal`: "sick of", "other than")
    (
        "kind not wanted",
        ["cargo pants for my son", "something other than jeans though, he's sick of jeans"],
        {"type": "cargo", "audience": "boys or men"},
    ),
    # a colour judged too much of something is refused: "too" and its adjective after a copula
    (
        "colour judged",
        ["backpack", "grey or red", "grey then, red looks way too flashy"],
        {"type": "backpack", "colours": ["grey"], "exclude_colours": ["red"]},
    ),
    ("colour judged", ["wallet", "white gets too dirty with cash"], {"type": "wallet", "exclude_colours": ["white"]}),
    ("refusal lifted", ["wallet", "not brown", "ok brown is fine too"], {"type": "wallet"}),
    ("colour not wanted", ["backpack in red", "doesn't have to be red"], {"type": "backpack"}),
    # what a message takes back or says does not matter is not said again
    (
        "taken back",
        ["wrangler jeans for men", "forget wrangler, any brand works but under 2000"],
        {"type": "jeans", "audience": "men", "price_max": 2000},
    ),
    (
        "does not matter",
        ["dress for my niece", "someone said red but she likes every colour, so don't worry about that"],
        {"type": "dress", "audience": "girls"},
    ),
    # the shopper corrects themself: what stands after the correction counts
    (
        "self-correction",
        ["backpack", "a blue one... hmm wait, a green one"],
        {"type": "backpack", "colours": ["green"]},
    ),
    (
        "bound corrected",
        ["track pants for men under 500", "sorry, I meant 800 not 500"],
        {"type": "track pants", "audience": "men", "price_max": 800},
    ),
    # a rating said apart from the word that makes it one
    (
        "rating later",
        ["watch for my daughter", "just the ones with good reviews, say 4 or more"],
        {"type": "watch", "audience": "girls or women", "min_rating": 4},
    ),
    # amounts in words, Hinglish, and soft amounts that are no bound
    # who passes a wish on is not who it is for; what they pass on still counts (set G)
    (
        "reporter is no recipient",
        ["sports shoes for my nephew", "he turned 9, my brother said nothing above 500"],
        {"type": "sports shoes", "audience": "boys", "price_max": 500},
    ),
    (
        "reporter is no recipient",
        ["kurta for my wife", "my sister says she only wears printed ones, so printed"],
        {"type": "kurta", "audience": "women", "attributes": ["printed"]},
    ),
    # a taste said in answer to what is shown narrows to it where the request's products have it
    (
        "taste narrows",
        ["shirt for my brother", "he likes checkered stuff"],
        {"type": "shirt", "audience": "men", "attributes": ["checkered"]},
    ),
    (
        "taste narrows",
        ["boots for my girlfriend", "she's into brown, earthy tones"],
        {"type": "boots", "audience": "women", "colours": ["brown"]},
    ),
    # one amount with no cue revises the one bound the request has; a count does not
    (
        "bound revised",
        ["jeans for men", "nothing above 800", "ok stretch it, 1100 works"],
        {"type": "jeans", "audience": "men", "price_max": 1100},
    ),
    (
        "bound revised",
        ["cushion covers", "under 400", "a set of 5 is enough"],
        {"type": "cushion covers", "price_max": 400},
    ),
    # a kind the shop does not carry, said in passing, does not hide what the shop records
    (
        "kind in passing",
        ["air freshener for the living room", "lemongrass only, my husband cant stand floral smells"],
        {"type": "air freshener", "attributes": ["lemongrass"]},
    ),
    # a brand after "for" that makes none of the kind is the device it fits
    ("device it fits", ["mobile pouch", "for micromax canvas"], {"type": "mobile pouch"}),
    ("device it fits", ["jeans for men", "for wrangler"], {"type": "jeans", "audience": "men", "brands": ["wrangler"]}),
    # "which ..." chooses among what is shown; a request after a question is what the message does
    (
        "which question",
        ["sweater for women", "which one is warmer, the wool or the cotton one?"],
        {"type": "sweater", "audience": "women"},
    ),
    (
        "request after a question",
        ["running shoes for men", "which is comfier, bostan or n five? anyway show me under 800"],
        {"type": "running shoes", "audience": "men", "price_max": 800},
    ),
    ("amount in words", ["boots", "don't go beyond eighteen hundred"], {"type": "boots", "price_max": 1800}),
    ("amount in words", ["belt", "700 se kam"], {"type": "belt", "price_max": 700}),
    (
        "soft amount",
        ["dress for my niece", "roughly five-six hundred, no hard limit"],
        {"type": "dress", "audience": "girls", "price_near": 550},
    ),
    # a pronoun is the person an earlier message told about, with their age (there in an aside)
    ("person said before", ["my little brother is 9 and obsessed with cars", "a watch for him"], None),
    ("person said before", ["we got a kitten last week", "a watch for her"], None),
    # an age said apart from the relation, the apostrophe left out
    ("age said apart", ["watch for my nephew", "digital, hes 7"], None),
    ("school year", ["running shoes for my son", "he's in class 3"], None),
    ("school year", ["sports shoes for my daughter", "she's in 11th grade"], None),
    # "the cheaper the better" is a preference, not a pointer at the cheaper card
    (
        "comparative preference",
        ["diary", "the cheaper the better, nothing over 120"],
        {"type": "diary", "price_max": 120},
    ),
    (
        "comparative preference",
        ["diary under 200", "the cheaper the better honestly"],
        {"type": "diary", "price_max": 200},
    ),
    # a brand said of someone else's purchase is theirs, not a filter
    (
        "someone else's item",
        ["jeans for men", "my friend got wrangler ones but they were too pricey, under 900"],
        {"type": "jeans", "audience": "men", "price_max": 900},
    ),
    # a kind named for what it holds is the shop's compound, another kind than the one held (set I)
    (
        "kind for what it holds",
        ["tired of carrying the mat in my hands", "a bag for the yoga mat, jute is nice"],
        {"type": "yoga mat bag"},
    ),
    # a kind that opens a clause is asked for, whatever else the message says
    (
        "kind opens the clause",
        ["switching our bedding for winter", "a duvet cover, grey or something neutral"],
        {"type": "duvet cover", "colours": ["grey"]},
    ),
    # a start-over cue said midway takes back the words before it in that message, not the request
    (
        "correction midway",
        [
            "duvet cover",
            "grey please",
            "for the king bed... hmm scratch that, the guest one is queen, that's what i mean",
        ],
        {"type": "duvet cover", "colours": ["grey"]},
    ),
    (
        "correction midway",
        ["jeans for men", "blue ones... actually scratch that, black"],
        {"type": "jeans", "audience": "men", "colours": ["black"]},
    ),
    ("start over", ["wallet for my dad", "scratch that, show me belts"], {"type": "belts"}),
    # a request said as a question asks for what it names, whatever follows it
    ("request as a question", ["jeans for men", "anything under 800? these cost too much"], None),
    # a grown-up's audience stays on a new kind the catalog has only for others: the reply says
    # none is for him, never shows him women's clogs; a baby's may go (a cot's net is for kids)
    (
        "new kind keeps a grown-up",
        ["shoes for my dad", "how about sandals instead"],
        {"type": "sandals", "audience": "men"},
    ),
    (
        "new kind keeps a grown-up",
        ["we're expecting our first baby", "need a mosquito net for the cot"],
        {"type": "mosquito net"},
    ),
    # a doubled no takes back what the message said before it; a Hinglish "ke neeche" is a ceiling
    (
        "take back",
        ["tops for women", "maybe full sleeve for office... no no sleeveless only"],
        {"type": "tops", "audience": "women", "attributes": ["sleeveless"]},
    ),
    ("take back", ["a kurti", "the blue one... nahi nahi, green"], {"type": "kurti", "colours": ["green"]}),
    ("hinglish bound", ["kurti for office", "keep it 600 ke neeche"], {"type": "kurti", "price_max": 600}),
    # a pronoun's contraction is the pronoun, never the word its letters spell without the
    # apostrophe ("she'd" is no shed, "we'll" no well, "he'll" no hell)
    (
        "contraction",
        ["a watch for my wife", "actually she'd prefer it in pink"],
        {"type": "watch", "audience": "women", "colours": ["pink"]},
    ),
    (
        "contraction",
        ["a watch for my wife", "actually she’ll want a pink one"],
        {"type": "watch", "audience": "women", "colours": ["pink"]},
    ),
    (
        "contraction",
        ["bedsheet for the guest room", "we'll need it under 1000"],
        {"type": "bedsheet", "price_max": 1000},
    ),
    # a bound cue closing its clause after a comma bounds the amount before it; "cap it at" is a ceiling
    ("closing bound", ["umbrella", "around 1500, not more"], {"type": "umbrella", "price_max": 1500}),
    ("closing bound", ["pillow", "ok cap it at 3k"], {"type": "pillow", "price_max": 3000}),
    # kin words say who it is for (set H "for my bua", set I "for my jiju")
    ("kin word", ["kurta for my jiju"], None),
    ("kin word", ["need a kurti for my mami"], None),
    # a kind the shop files under the one asked for narrows it, said with a colour before it
    ("narrower kind", ["i need a bag", "a black handbag for office"], None),
    # a kind said with "a"/"an" asks for it, even where a product's name matches the words
    ("indefinite kind", ["something for my husband's beard", "an aloe vera beard wash perhaps?"], None),
    # someone else's one: its brand ranks and its colour is theirs
    ("their one", ["casserole", "my sister has a milton one, its fine"], None),
    # a brand the shopper says in a clause of their own as well as of someone's liking is asked for
    ("brand said as their own too", ["jeans for men", "no wait, wrangler, my brother swears by wrangler"], None),
    # a brand said twice is one brand
    ("brand said as their own too", ["casserole", "get me milton then, my sister loves milton"], None),
    ("their one", ["watch for my son", "his friend has a black one, he wants a blue one"], None),
    # a brand said as one that no list knows is a brand the shop lacks (the reply says so)
    ("unknown brand", ["need a shower head", "zorbix brand, thats what the electrician said"], None),
    # a child implied by the story keeps a child's audience where the shop makes the kind for one
    # gender's grown-ups (women's kurtas): the reply says none is for her, shows no women's kurta
    ("implied child, grown-ups' kind", ["kurta for my niece", "she's 7"], {"type": "kurta", "audience": "girls"}),
    ("implied child, grown-ups' kind", ["kurta for my niece, she's 7"], {"type": "kurta", "audience": "girls"}),
    # a kind named in a later turn's story about someone is theirs: it is not the kind asked for
    (
        "kind in a story",
        ["i want a gift for my brother", "he spends all day playing cricket with his bat"],
        {"audience": "men"},
    ),
    (
        "kind in a story",
        ["a gift for my sister", "she carries her laptop and a water bottle everywhere"],
        {"audience": "women"},
    ),
    # a modifier said before the kind's noun or a pro-form for it names a sub-kind, and filters
    # where some of the kind's products hold it; a number glued to its unit in the records' form
    (
        "sub-kind modifier",
        ["sunglasses", "aviator sunglasses actually"],
        {"type": "sunglasses", "attributes": ["aviator"]},
    ),
    ("sub-kind modifier", ["led bulb", "the 9W kind please"], {"type": "led bulb", "attributes": ["9 w"]}),
    # "style" and "design" stand for the kind too, and Hindi's "wala"/"wali" ("the one of")
    ("sub-kind modifier", ["sunglasses", "wayfarer style"], {"type": "sunglasses", "attributes": ["wayfarer"]}),
    ("sub-kind modifier", ["led bulb", "6w wala dikhao"], {"type": "led bulb", "attributes": ["6 w"]}),
    (
        "sub-kind modifier",
        ["sunglasses", "something in the aviator design"],
        {"type": "sunglasses", "attributes": ["aviator"]},
    ),
    # what the shopper's own thing is ("it's single phase") is what the kind must fit (set M d30)
    (
        "stated of it",
        ["pump controller", "it's single phase, for the borewell"],
        {"type": "pump controller", "attributes": ["single"]},
    ),
    ("stated of it", ["sunglasses", "mine is aviator, lost it"], {"type": "sunglasses", "attributes": ["aviator"]}),
    # a number before a word the kind's records count by ("4/6/8 seater") is a value it must have,
    # said in a story or not; a later one of the same unit replaces it
    (
        "counted value",
        ["table cover", "ours is a 12 seater in teak"],
        {"type": "table cover", "attributes": ["12 seater"]},
    ),
    (
        "counted value",
        ["table cover", "for our 8 seater", "sorry, my mom's table is the one, a 4 seater"],
        {"type": "table cover", "attributes": ["4 seater"]},
    ),
    # a modifier inside a must-have the message says is not said again beside it
    ("counted value", ["table cover", "it's a 6 seater now"], {"type": "table cover", "attributes": ["6 seater"]}),
    (
        "modifier inside a must-have",
        ["jewellery box for my mom", "a wooden kind maybe"],
        {"type": "jewellery box", "audience": "women", "attributes": ["wooden or wood"]},
    ),
    # what the product should only look like ranks; it is no must-have
    ("resemblance", ["wallet for men", "a faux leather one"], {"type": "wallet", "audience": "men"}),
    ("resemblance", ["photo frame", "leather effect, nothing fancy"], {"type": "photo frame"}),
    # an amount said to be acceptable is a ceiling, not a price to be near
    ("amount acceptable", ["backpack", "1.2k would do"], {"type": "backpack", "price_max": 1200}),
    ("amount acceptable", ["backpack", "ok two thousand is fine"], {"type": "backpack", "price_max": 2000}),
    # a polite "would like" / "i'd love" asks for the kind; it is no question about the cards
    ("polite request", ["my nephew turned one last week", "would like to send a little cap"], None),
    # a focus adverb restricts to the word beside it: nothing else will do (set L d20)
    ("restricted", ["air freshener", "thanks! gel only please"], {"type": "air freshener", "attributes": ["gel"]}),
    ("restricted", ["sunglasses", "only aviator"], {"type": "sunglasses", "attributes": ["aviator"]}),
    # a material refused in the follow-up is no must-have beside the one asked for
    ("refused material", ["casserole set", "steel, not plastic"], {"type": "casserole set", "attributes": ["steel"]}),
    # a take-back read by its position and object, whatever its verb
    (
        "take back by its object",
        ["boots for women", "black ones under 2000", "scrap the colour thing"],
        {"type": "boots", "audience": "women", "price_max": 2000},
    ),
    (
        "take back by its object",
        ["boots for women", "black ones under 2000", "take off the price cap"],
        {"type": "boots", "audience": "women", "colours": ["black"]},
    ),
    (
        "take back by its object",
        ["boots for women", "black ones under 2000", "the colour thing, drop it"],
        {"type": "boots", "audience": "women", "price_max": 2000},
    ),
    (
        "take back by its object",
        ["boots for women", "black ones under 2000", "leave out the colour please"],
        {"type": "boots", "audience": "women", "price_max": 2000},
    ),
    # a later value of the slot an earlier one fills replaces it where no product of the kind
    # holds both: an amount of the same measure, a value of the same recorded key, or two words
    # no key tells apart that each hold alone (`assistant.replaced_values`)
    (
        "later value replaces",
        ["steel water bottle for gym", "750 ml should do", "actually no make it a litre"],
        {"type": "water bottle", "attributes": ["steel", "1000 ml"]},
    ),
    (
        "later value replaces",
        ["diamond ring for my wife", "hmm she would prefer a zircon stone"],
        {"type": "ring", "audience": "women", "attributes": ["zircon"]},
    ),
    ("later value replaces", ["straight kurta", "make it anarkali"], {"type": "kurta", "attributes": ["anarkali"]}),
    ("later value replaces", ["plastic water bottle", "steel would be better"], None),
    # a value or kind named as the problem, or a sub-kind refused, is no must-have (`problem_values`)
    ("named as the problem", ["headset for office calls", "bluetooth only, cables drive me crazy"], None),
    (
        "named as the problem",
        ["anarkali kurta", "anarkali looks way too heavy for daily wear"],
        {"type": "kurta"},
    ),
    ("refused sub-kind", ["gloves for men", "not cricket ones"], {"type": "gloves", "audience": "men"}),
    ("named as the problem", ["kurta for women", "green one", "no sorry, blue. she has too much green already"], None),
]
# Where the whole state depends on the catalog's records, the slots that matter.
PARTS = {
    "verb, not a kind: oh and red suits me, show me everything": {"type": "dress"},
    "pronoun keeps the age group: she's petite, a small one": {"audience": "girls"},
    "colour replaced: she owns black already, so white": {"colours": ["white"]},
    "colour replaced: get rid of the black, she wants brown": {"colours": ["brown"]},
    "person said before: a watch for him": {"type": "watch", "audience": "boys"},
    "person said before: a watch for her": {"type": "watch", "audience": None},
    "age said apart: digital, hes 7": {"audience": "boys"},
    "school year: he's in class 3": {"audience": "boys"},
    "school year: she's in 11th grade": {"audience": "girls"},
    "request as a question: anything under 800? these cost too much": {"type": "jeans", "price_max": 800},
    "kin word: kurta for my jiju": {"type": "kurta", "audience": "men"},
    "kin word: need a kurti for my mami": {"type": "kurti", "audience": "women"},
    "narrower kind: a black handbag for office": {"type": "handbag", "colours": ["black"]},
    "indefinite kind: an aloe vera beard wash perhaps?": {"type": "wash", "audience": "men"},
    "their one: my sister has a milton one, its fine": {"brands": None},
    "brand said as their own too: no wait, wrangler, my brother swears by wrangler": {"brands": ["wrangler"]},
    "brand said as their own too: get me milton then, my sister loves milton": {"brands": ["milton"]},
    "their one: his friend has a black one, he wants a blue one": {"type": "watch", "colours": ["blue"]},
    "unknown brand: zorbix brand, thats what the electrician said": {"type": "shower head", "brands": ["zorbix"]},
    "polite request: would like to send a little cap": {"type": "cap"},
    "liked colour carries: she needs boots": {"type": "boots", "colours": ["red"]},
    "liked colour carries: a stone necklace maybe": {"type": "stone necklace", "colours": ["green"]},
    "later value replaces: steel would be better": {"type": "water bottle", "attributes": ["steel"]},
    "named as the problem: bluetooth only, cables drive me crazy": {"type": "headset"},
    "named as the problem: no sorry, blue. she has too much green already": {"colours": ["blue"]},
    "switch word in another clause: actually grey, matches the sofa better": {
        "type": "cushion covers",
        "colours": ["grey"],
    },
}


@pytest.mark.parametrize(("kind", "turns", "want"), CASES, ids=[f"{c[0]}: {c[1][-1]}" for c in CASES])
def test_the_request_after_the_last_turn(assistant, kind, turns, want):
    got, _ = final_state(assistant, turns)
    if want is None:
        want = PARTS[f"{kind}: {turns[-1]}"]
        got = {k: got.get(k) for k in want}
    assert got == want


def test_a_question_in_between_keeps_the_ranking_text(assistant):
    _, before = final_state(assistant, ["car cover"])
    _, after = final_state(assistant, ["car cover", "which of these are waterproof?"])
    assert after.request.text == before.request.text


@pytest.mark.parametrize(
    ("said", "added"),
    [
        ("he can't read the digital ones", ""),  # what is negated never ranks
        ("she's obsessed with music, plays guitar all day lol", ""),  # an aside
        ("under a thousand", ""),  # amount words are the bound, not ranking words
        ("with a white dial", "dial"),
        ("leather strap, not metal", "leather strap"),
        ("a formal look", "formal"),  # a style ranks, as in a first message
        ("rose gold, make it", "rose gold"),  # a metal is a material, not a colour filter
    ],
)
def test_a_follow_up_adds_only_asked_content_words_to_the_ranking_text(said, added):
    assert dialogue._merged_text("analog watch", said) == f"analog watch {added}".strip()


@pytest.mark.parametrize(
    ("message", "after"),
    [
        ("the red one... no wait, the maroon one", "the maroon one"),
        ("make it leather, on second thought canvas is fine", "canvas is fine"),
        ("oh wait, for my wife", "for my wife"),  # an opening cue takes nothing back and is no request word
        ("hold on, wrong colour, black is what I want", "wrong colour, black is what I want"),
        ("under 500, i mean 600", "under 500, i mean 600"),  # nothing worded after it
        ("the king one, scratch that, the queen one is what i mean", "the queen one is what i mean"),
        ("the 2 litre one... no, make it 3 litre", "3 litre"),  # a cue's words split by a comma
        ("a blue kurta, wait no, i meant a green one", "a green one"),
        ("was thinking red. no make it maroon", "maroon"),
    ],
)
def test_a_self_correction_keeps_what_stands_after_it(message, after):
    assert follow_up.last_word(message) == after


@pytest.mark.parametrize(
    ("message", "slots"),
    [
        ("colour is not important", ["colour"]),
        ("she likes every colour, so don't worry about that", ["colour"]),
        ("any brand works but under 2000", ["brand"]),
        ("for every day use", []),  # no slot named, nothing pointed back at
    ],
)
def test_what_does_not_matter(message, slots):
    assert dont_care(message) == slots


@pytest.mark.parametrize(
    ("message", "slots"),
    [
        ("scrap the colour thing", ["colour"]),
        ("ignore the budget", ["price"]),
        ("the budget, forget it", ["price"]),
        ("can you remove the brand filter", ["brand"]),
        ("take off the price cap", ["price"]),
        ("no budget really", ["price"]),
        ("no need for the colour", ["colour"]),
        # a describing word, a subject, a verb that keeps or asks, a question: nothing taken back
        ("tight budget", []),
        ("budget is 1500", []),
        ("keep the colour but show cheaper", []),
        ("raise the budget a bit", []),
        ("which brand is best", []),
        ("the colour of the strap should be brown", []),
    ],
)
def test_a_take_back_is_read_by_its_position_and_object(message, slots):
    assert taken_back_slots(message) == slots


@pytest.mark.parametrize(
    ("message", "positions"),
    [
        ("let's do hers first", []),
        ("do that first", []),
        ("the first one", [1]),
        ("compare first and second", [1, 2]),
        # an ordinal before an article or "of all" says in which order, not which card
        ("first the thigh pad. hes 12", []),
        ("first of all, a helmet", []),
        ("second, a bag for him", []),
        ("first one is nice", [1]),
        ("tell me about the second", [2]),
    ],
)
def test_a_bare_ordinal_after_a_pronoun_points_at_nothing(message, positions):
    assert pointed_positions(message, 5) == positions


def test_accents_are_folded_for_the_word_tables():
    assert without_accents("ring for my fiancée, café") == "ring for my fiancee, cafe"
    assert without_accents("我想买连衣裙") == "我想买连衣裙"


def test_a_refused_colour_hides_the_products_in_it(assistant):
    _, session = final_state(assistant, ["backpack", "show me the ones that aren't black"])
    shown = assistant.shown_products(session)
    assert shown and not any("black" in p.colours for p in shown)
    _, before = final_state(assistant, ["backpack"])
    assert any("black" in p.colours for p in assistant.shown_products(before))


def test_the_cheaper_the_better_ranks_the_cheap_end_and_keeps_the_bound(assistant):
    _, bounded = final_state(assistant, ["diary under 200", "the cheaper the better"])
    _, unbounded = final_state(assistant, ["diary", "the cheaper the better"])
    assert (bounded.request.constraints.price_max, bounded.request.constraints.cheap) == (200, True)
    assert (unbounded.request.constraints.price_max, unbounded.request.constraints.cheap) == (None, True)


@pytest.mark.parametrize(
    ("asked", "intent"),
    [
        ("and the cheaper one overall?", "detail"),  # only says which: shown, not searched for "overall"
        ("is the cheaper one waterproof?", "product_question"),  # asks about it
    ],
)
def test_a_question_that_only_points_shows_the_item(assistant, asked, intent):
    session = Session()
    shown = assistant.reply(session, "analog watch for men under 1000").products
    reply = assistant.reply(session, asked)
    assert reply.intent == intent
    assert reply.products[0].id == min(shown, key=lambda p: p.price).id
    # shown with its details, not searched in its listing for "cheaper overall"
    assert intent != "detail" or "doesn't say" not in reply.text


def test_an_ordinal_that_says_the_order_does_not_rank(assistant):
    _, session = final_state(assistant, ["my son needs cricket gear", "first the thigh pad, he is 12"])
    _, refined = final_state(assistant, ["thigh pad", "second of all, for a boy"])
    assert "first" not in session.request.text.split() and session.request.product_type == "thigh pad"
    assert "second" not in refined.request.text.split()


@pytest.mark.parametrize("asked", ["kya ye washable hai?", "iska fabric kya hai?", "is it washable?"])
def test_a_question_about_what_is_shown_in_hinglish_changes_nothing(assistant, asked):
    # "kya ye washable hai?" was searched as a new request for women's wear (a session-9 chat)
    session = Session()
    first = assistant.reply(session, "bath towel")
    reply = assistant.reply(session, asked)
    assert reply.intent == "product_question" and reply.request == first.request


@pytest.mark.parametrize(
    ("turns", "brand", "product_type"),
    [
        # a brand pointed at after a question about its products asks for more of it (set L d14, d15)
        (
            ["are the Bike World tail light bulbs decent?", "does that company make one for a Pulsar?"],
            "bike world",
            None,
        ),
        (
            ["are the Bike World tail light bulbs decent?", "from the same brand, the one for a Hero CD"],
            "bike world",
            None,
        ),
        # small talk between changes nothing it points at (a session-10 chat: "ok thanks a lot")
        (
            [
                "are the Bike World tail light bulbs decent?",
                "ok thanks a lot",
                "does that company make one for a Pulsar?",
            ],
            "bike world",
            None,
        ),
        # "is there any X" asks for X, not about the card on screen (set M d22)
        (["my bike is dirty all the time", "is there some cover to protect it"], None, "cover"),
        (["my desk is a mess, papers everywhere", "are there any folders to sort them"], None, "folders"),
    ],
)
def test_a_question_that_asks_for_products_is_a_request(assistant, turns, brand, product_type):
    session = Session()
    replies = [assistant.reply(session, t) for t in turns]
    assert replies[-1].intent in ("search", "refine") and replies[-1].products
    assert session.request.constraints.brands == ([brand] if brand else [])
    assert product_type is None or session.request.product_type == product_type


def test_words_said_before_the_kind_still_rank_once_it_is_named(assistant):
    # "the one for a Honda CBR" said with a brand and no kind, then "a bulb": the kind starts the
    # request anew, and the words that tell its products apart still rank (set L d14)
    turns = [
        "is the Bike World tail light bulb bright?",
        "from that brand, the one for a Honda CBR",
        "one bulb is enough",
    ]
    _, session = final_state(assistant, turns)
    assert {"honda", "cbr"} <= set(session.request.text.split()) and session.request.product_type == "bulb"


@pytest.mark.parametrize(
    ("message", "clause"),
    [
        ("out of those, which is lighter? i'll take the lighter one", "i'll take the lighter one"),
        ("does it come in a box? ok then that one", "ok then that one"),
        ("ill go with the blue one", "ill go with the blue one"),
        ("is that one waterproof?", None),  # a question about it picks nothing
        ("not that one, something cheaper", None),  # a refusal
        ("show me more like that one", None),  # asks for others
        ("yes that one. under 500?", None),  # the last clause asks
    ],
)
def test_the_last_clause_that_chooses_a_card_picks_it(message, clause):
    assert picking.picking_clause(message) == clause


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("oh and it has to be bluetooth, cables annoy me", {"cables"}),
        ("the straps hurt my shoulders", {"straps"}),
        ("plastic gives my water a smell", {"plastic"}),
        ("the heavy ones are way too bulky", {"heavy", "ones"}),
        ("shoes like my brother's", set()),  # a preposition, no verb
        ("kurta for my wife", set()),
        ("she is too tall for these", set()),  # a person, no value
        ("gold is what i want", set()),  # no "too": a wish
        ("no sorry, blue. she has too much green already", {"green"}),
        ("white ones if you have", set()),  # "if" is no verb
    ],
)
def test_a_value_named_as_the_problem(message, words):
    from assistant.problem_values import problem_words

    assert problem_words(message) == words


def test_the_reply_says_which_value_replaced_which(assistant):
    session = Session()
    for turn in ["steel water bottle for gym", "750 ml should do"]:
        assistant.reply(session, turn)
    reply = assistant.reply(session, "actually no make it a litre")
    assert reply.changes == ["replaced: 1000 ml (was 750 ml)"]


@pytest.mark.parametrize(
    "turns",
    [
        # "what would ... ?" pointing at no card asks what would serve a need: a request, not a
        # question about the cards (a camping catalog: answered "the listing doesn't say" of all)
        ["sports shoes for my son, he's 12", "what would keep his feet dry? it rains a lot there"],
        ["a watch for my daughter", "what should i get her for her birthday then?"],
    ],
)
def test_a_question_for_what_would_serve_a_need_is_a_request(assistant, turns):
    session = Session()
    replies = [assistant.reply(session, t) for t in turns]
    assert replies[-1].intent in ("search", "refine") and replies[-1].products


@pytest.mark.parametrize(
    ("message", "wants"),
    [
        ("what would keep her warm at night? it gets down to 3 degrees", True),  # weather's "it"
        ("what do you recommend for rain", True),
        ("what would it cost to ship?", False),  # "it" points at a card
        ("which of these would fit a 15 inch laptop?", False),
        ("what would the second one weigh?", False),
        ("what material are these?", False),  # no modal: asks of the cards
    ],
)
def test_what_would_serve_a_need_points_at_no_card(message, wants):
    from assistant.follow_up import wants_something

    assert wants_something(message) is wants


@pytest.mark.parametrize(
    ("turns", "audience"),
    [
        # the shopper's own thing carries no audience read from someone else (a camping catalog:
        # "and a headlamp for me" after a daughter's sleeping bag showed the kids' headlamp)
        (["a watch for my daughter, she's 9", "and a backpack for me"], None),
        (["a watch for my daughter, she's 9", "and a backpack for myself, something decent"], None),
        # naming someone else beside the shopper carries it
        (["a watch for my daughter, she's 9", "and a backpack for me and my daughter"], "girls"),
    ],
)
def test_a_new_kind_for_the_shopper_carries_no_one_elses_audience(assistant, turns, audience):
    got, _ = final_state(assistant, turns)
    assert got.get("audience") == audience


@pytest.mark.parametrize(
    ("turns", "price_max"),
    [
        # an age told of a person is no budget revised (demo catalog: "he's 70" after "under 40
        # bucks" became "replaced under $70")
        (["coffee mug for my sister", "something under 50", "oh wait, it's for my dad, he's 70"], 50.0),
        (["coffee mug for my sister", "something under 50", "my dad is 70 btw"], 50.0),
        # a bare amount near the budget still revises it
        (["coffee mug for my sister", "something under 50", "ok 70 is fine"], 70.0),
    ],
)
def test_an_age_told_of_a_person_is_no_budget(assistant, turns, price_max):
    got, _ = final_state(assistant, turns)
    assert got.get("price_max") == price_max


@pytest.mark.parametrize(
    ("message", "earlier", "new"),
    [
        # a gift or a placeholder thing for someone no earlier message named: a new request (the
        # demo catalog kept a sister's coffee set under her $40 for "a gift for my dad")
        ("and what about a gift for my dad, he's 70", ("my sister's coffee always goes cold",), True),
        ("something for my mom too", ("a watch for my sister",), True),
        # the same person, no thing named, or the first person named: the request goes on
        ("something for my sister under 20", ("my sister's coffee always goes cold",), False),
        ("actually it's for my son", ("a bag for my daughter",), False),
        ("as a housewarming present for my colleague", ("photo frame",), False),  # pool K:k-und-d24
        ("as a present for my dad", ("a watch for my sister",), False),  # what the watch is
        # the new person named as the story's subject and pointed at by "for her" (web app: the
        # mum's yoga gift stayed "for men" after the brother's)
        ("my mum took up yoga, something for her under 40", ("a present for my brother",), True),
        ("she likes aviators, something for her", ("sunglasses for my wife",), False),  # the same one
    ],
)
def test_a_gift_for_someone_new(message, earlier, new):
    from assistant.new_recipient import for_someone_new

    assert for_someone_new(message, earlier) is new


def test_a_gift_for_someone_new_starts_a_new_request(assistant):
    got, _ = final_state(assistant, ["a watch for my sister", "under 2000", "and what about a gift for my dad"])
    assert got.get("type") is None and got.get("price_max") is None and got.get("audience") == "men"


def test_a_bound_on_a_measure_in_a_follow_up_is_no_exact_size(assistant):
    # held-out set Y: "not the tiny ones. more than 15 litres" required school bags of exactly
    # 15 litres and showed none; a bound ranks, only an amount said as the size filters
    got, _ = final_state(assistant, ["school bag for my daughter", "not the tiny ones. more than 15 litres"])
    assert not [a for a in got.get("attributes", []) if "15" in a]
