"""Shopping vocabulary that no catalog spells out: famous brands, words of the query grammar.

Product-type synonyms are data: `assistant/data/type_resolution.json` (`assistant.type_resolution`).

These are general retail knowledge, not tuned to one catalog: query understanding intersects
them with the vocabulary of whatever catalog is loaded.
"""

# Words too generic to be a product type on their own ("a set", "something nice").
GENERIC_TYPE_WORDS = frozenset(
    "set pack combo kit accessory accessorie product item thing gift present stuff something "
    "wear clothing other more type piece pair collection style fashion new best good nice home "
    "care general box".split()
)

# Well-known brands. A query naming one that the catalog lacks must say so rather than show
# another brand ("do you have rolex?" -> "no brand 'rolex' in this catalog").
KNOWN_BRANDS = frozenset(
    """
    adidas nike puma reebok asics skechers fila converse vans
    rolex omega casio titan fastrack fossil timex seiko citizen tissot swatch
    apple samsung sony lg oneplus xiaomi redmi realme oppo vivo nokia motorola huawei lenovo
    dell hp asus acer microsoft google bose jbl boat sennheiser philips panasonic
    levis zara gucci prada chanel dior versace armani
    lacoste wrangler diesel biba fabindia raymond woodland bata crocs
    ikea prestige pigeon tupperware milton borosil hawkins cello
    lakme maybelline loreal l'oreal revlon nivea dove lancome mac clinique
    lego mattel hasbro barbie
    """.split()
) | frozenset(
    {
        "new balance",
        "under armour",
        "tag heuer",
        "louis vuitton",
        "calvin klein",
        "tommy hilfiger",
        "ralph lauren",
        "allen solly",
        "van heusen",
        "peter england",
        "red tape",
        "hush puppies",
    }
)

# Words of the query grammar: never spell-corrected into catalog words.
QUERY_WORDS = frozenset(
    """
    under below less than cheaper cheap cheapest over above more expensive between and to from
    within upto up max maximum min minimum least most around about budget affordable inexpensive
    price priced rs inr usd dollars dollar rupees bucks star stars rating rated reviews or not no
    without except for with in the a an of my me i im show find want need looking something
    some any gift gifts ideas idea present dad mom mother father wife husband son daughter
    brother sister friend boyfriend girlfriend year years old age wear wearing wedding party
    office casual formal daily use good best nice new top quality buy get please can you do
    have has what which that this those these other another one two three first second third
    last compare vs versus instead also too same similar like than but only just very really
    stock available
    it its it's is are was were be been they them their it'd that's what's let's ok okay sure yes
    yeah yep nope nah hmm thanks thank actually meant mean means rather prefer maybe perhaps again
    start over forget never mind else scratch keep spend spending range colour color ones those
    how about why where when who whose would could should will shall may might must want wanted
    looking look see show showing got go going bought buying tell ask asked think thought anything
    everything nothing somebody someone everyone ones one's pls plz lol wow great cool fine
    hello hallo hey hiya hi howdy greetings morning afternoon evening bye goodbye cheers welcome
    dear sir madam there folks team hope doing
    """.split()
)

# Product lines that are not brands but pin a product down ("iphone 6s back cover" needs an
# iPhone cover, not any cover). A catalog without them cannot satisfy such a request.
PRODUCT_LINES = frozenset(
    """
    iphone ipad ipod macbook imac airpods airpod applewatch galaxy pixel kindle playstation ps4 ps5
    xbox nintendo gopro fitbit thinkpad chromebook alexa firestick
    """.split()
)

# Words that make the next word a must-have ("real diamond", "genuine leather", "pure silk").
REQUIRED_CUES = frozenset("real genuine pure original authentic solid certified".split())
