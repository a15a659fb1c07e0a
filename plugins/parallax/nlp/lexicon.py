"""Every word list the analysis reads, in one place: speech verbs, titles, media and agency
names, months and weekdays, number words, negation words, page furniture. Modules build
their patterns from these; a list is named for the job it does, and two lists that look
alike but differ (the speech verbs that make a run of capitals a person, and those that
introduce a quotation) differ on purpose: each was tuned on its own task (see methods.md).
English only, like the rest of the analysis.

Not here: the stance model's cues (`analysis/claims/stance_model/cues.py`), patterns with their
inflections whose matches are the trained model's features, so they change only with its
weights; and one-word patterns written inside a single regular expression."""

from __future__ import annotations

# --------------------------------------------------------------------------------------- general

# Small English stop list: function words that carry no content for similarity. Kept short on
# purpose; negations ("not", "no") are deliberately absent because they matter for stance.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after before
    is are was were be been being has have had do does did this that these those it its it's
    their them they he she his her him we our us you your i me my which who whom whose what
    when where while than then there here also so such very just can could would should will
    may might must shall said says say told""".split()
)

# Determiners, which a fact's anchor words skip.
DETERMINERS = frozenset("a an the that this its his her their our your".split())

# Irregular verb forms and their lemma (as the stemmer cannot find it), for anchor words.
IRREGULAR_VERB_LEMMAS = {
    "met": "meet", "held": "hold", "told": "tell", "said": "say", "says": "say", "took":
    "take", "taken": "take", "made": "make", "gave": "give", "given": "give", "began": "begin",
    "begun": "begin", "won": "win", "lost": "lose", "left": "leave", "sent": "send", "spoke":
    "speak", "spoken": "speak", "wrote": "write", "written": "write", "ran": "run", "rose":
    "rise", "fell": "fall", "paid": "pay", "repaid": "repay", "brought": "bring", "found":
    "find", "thought": "think", "came": "come", "went": "go", "gone": "go", "became":
    "become", "saw": "see", "seen": "see", "got": "get", "led": "lead", "built": "build",
    "sought": "seek", "struck": "strike", "fought": "fight", "kept": "keep", "felt": "feel",
    "heard": "hear", "meant": "mean", "sold": "sell", "bought": "buy", "taught": "teach",
    "caught": "catch", "stood": "stand", "understood": "understand", "shot": "shoot", "hung":
    "hang", "fled": "flee", "chose": "choose", "chosen": "choose", "drew": "draw", "flew":
    "fly", "forgave": "forgive", "froze": "freeze", "grew": "grow", "knew": "know", "lay":
    "lie", "rode": "ride", "sang": "sing", "slew": "slay", "stole": "steal", "swore": "swear",
    "threw": "throw", "withdrew": "withdraw", "wore": "wear", "signing": "sign", "meeting":
    "meet", "hearing": "hear", "killing": "kill", "shooting": "shoot", "sentencing": "sentenc",
}

# Too common to say which event a date is for.
GENERIC_EVENT_WORDS = frozenset(
    """also earlier later first last new recent recently just still even only already again
    then now be been being is are was were am has have had having do does did done get gets
    got make makes made take takes took will would could should may might must can one two
    day days week weeks month months year years time times today yesterday tomorrow night
    morning afternoon evening weekend early late percent per cent dollars more less than
    about some other such""".split()
)

# ------------------------------------------------------------------------ speech and attribution

# Speech verbs as bases: the speaker finder makes every finite form and participle of each.
SPEECH_VERB_BASES = (
    "say tell add note state report post write claim ask explain insist declare announce "
    "remark tweet argue warn observe continue reply respond comment admit acknowledge "
    "emphasise emphasize stress quip recall underline maintain counter conclude echo suggest "
    "predict testify recount complain boast vow promise pledge urge caution concede contend "
    "assert allege charge exclaim joke confirm deny describe read scoff lament marvel answer "
    "call shout"
)

# Forms too often another part of speech: "state Senate President", "the 50 states".
NOT_SPEECH_CUES = frozenset(("state",))

SPEECH_VERB_IRREGULAR_FORMS = {"say": ("said",), "tell": ("told",), "write": ("wrote",),
                               "read": ("read",), "admit": ("admitted",), "quip": ("quipped",),
                               "marvel": ("marveled", "marvelled")}

# Words that end a speaker phrase that follows its verb: "said Kerry on Friday".
SPEAKER_PHRASE_ENDS = (r"on|in|at|when|during|after|before|while|who|to|from|that|as|about|of|"
                       r"with|via")

# Pronouns the passage resolves to its last named speaker ("it" is a document or a body more
# often than a person, so it is left unresolved).
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

# Speech verbs that introduce a quotation after a colon or dash ("He said: …").
QUOTE_INTRO_VERBS = (
    r"said|says|told|tells|added|adds|noted|notes|stated|states|reported|reports|posted|wrote|"
    r"writes|claimed|claims|asked|explained|insisted|declared|announced|remarked|tweeted|"
    r"argued|warned|observed|continued|replied|responded|commented|admitted|acknowledged|"
    r"emphasi[sz]ed|stressed|quipped|recalled|underlined|maintained|countered"
)

# Verbs of speech that make a first-and-last-name run a person: "Roman Babushkin said".
NAME_SPEECH_VERBS = frozenset(
    (
        "said", "says", "told", "tells", "stated", "added", "noted", "remarked", "asserted",
        "argued", "claimed", "explained", "wrote", "tweeted", "insisted", "warned", "announced",
        "confirmed", "denied", "urged", "stressed", "emphasised", "emphasized", "observed",
        "replied", "responded", "recalled", "admitted", "maintained"
    )
)

# Capitalised at the start of a sentence, never part of a speaker's name.
# Verbs too light to say what a claim is about ("take", "make"): the stance model's features
# weigh them less.
LIGHT_VERB_FORMS = frozenset("""take takes taking taken took make makes making made
    give gives giving given gave get gets getting got gotten go goes going went gone come comes
    coming came put puts putting set sets setting let lets keep keeps keeping kept""".split())

SPEAKER_CLAUSE_OPENERS = frozenset(
    """although though when while if as after before because since meanwhile however but and
    so then yet still also later earlier instead indeed""".split())

SPEAKER_DESCRIPTION_OPENERS = frozenset(
    "a an the his her their its one another he she they we i some".split())

SPEAKER_QUALIFIERS = frozenset(
    "a an the senior top high-ranking high ranking unnamed anonymous one another key".split())

# Reporting verbs: a date on one dates the telling, and bounds what was told.
REPORTING_STEMS = frozenset(
    "say tell announc report state write tweet post add note claim confirm testifi declar "
    "insist".split())

# ------------------------------------------------------------------------------ titles and names

# Titles and honorifics: part of how a speaker is written, never a speaker on their own.
SPEAKER_TITLES = frozenset(
    """mr mrs ms dr sen senator rep representative gov governor lt gen general col capt sgt
    prof rev sec secretary atty president vice prime minister ambassador chairman chairwoman
    mayor judge justice chief speaker leader congressman congresswoman former deputy
    assistant attorney commissioner director spokesman spokeswoman spokesperson""".split())

# A title before a name ("Gov. Mike Pence", "Attorney General Eric Holder") and the
# description that later stands for that person ("the governor", "the attorney general").
TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative",
                       "pres": "president", "gen": "general", "atty. gen": "attorney general"}

TITLES_BEFORE_NAMES = (
    r"Gov\.|Governor|Sen\.|Senator|Rep\.|Representative|President|Attorney General|"
    r"Secretary of State|Secretary|Speaker|Mayor|Judge|Chief Justice|Justice|Ambassador|"
    r"Prime Minister|Chancellor|Sheriff|Prosecutor|Director|Chairman|Chairwoman|"
    r"Commissioner|Congressman|Congresswoman|Captain|Capt\.")

# Words of a title before a name, lower case: a name after them is a person.
NAME_TITLE_WORDS = frozenset(
    (
        "president", "prime", "minister", "pm", "minister", "fm", "deputy", "ambassador",
        "assistant", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "general",
        "gen", "judge", "justice", "secretary", "chancellor", "king", "queen", "prince", "pope",
        "chairman", "chairwoman", "vice", "chief", "commander", "spokesperson", "spokesman",
        "spokeswoman", "attorney", "mayor", "foreign", "envoy", "representative", "official",
        "officials", "leader", "premier", "ambassadors", "director", "head", "adviser", "advisor",
        "senior", "top", "former"
    )
)

# Words that make a run of capitals an organisation ("Pakistan Steel Mills").
ORGANISATION_WORDS = frozenset(
    (
        "times", "tribune", "news", "post", "fund", "organisation", "organization", "ministry",
        "bank", "mills", "forces", "army", "navy", "agency", "council", "party", "union",
        "corporation", "company", "group", "institute", "university", "commission", "committee",
        "parliament", "senate", "embassy", "government", "media", "press", "express", "reuters",
        "associated", "federation", "alliance", "court", "department", "office", "board", "league",
        "association", "network", "channel", "pipeline", "project"
    )
)

# Words before a place name ("in Karachi", "visited Moscow").
PLACE_PREPOSITIONS = frozenset(
    (
        "in", "at", "from", "to", "near", "across", "inside", "into", "towards", "toward",
        "visited", "visiting", "visit", "via"
    )
)

# First words of place names ("New Delhi", "San Francisco").
PLACE_PREFIXES = frozenset(
    (
        "new", "north", "south", "east", "west", "san", "santa", "saint", "st", "port", "fort"
    )
)

# Abbreviated honorifics whose full stop does not end a sentence ("Mr. Khan").
HONORIFICS = frozenset("mr mrs ms dr sen rep gov gen lt col sgt st".split())

# Lower-case words that belong inside names: "Ursula von der Leyen", "Ana de la Cruz".
NAME_PARTICLES = frozenset(
    "de da di du del della der den van von la le el al bin ibn bint y e of and the & st".split())

# Gazetteer entries that are also everyday words or open a phrase ("Male", "The Valley").
GAZETTEER_SKIPPED = frozenset(("male", "victoria", "hamilton", "kingston", "georgetown"))

# Capitalised only because they open a sentence.
CAPITALISED_OPENERS = frozenset(
    (
        "both", "all", "each", "every", "some", "many", "most", "recently", "earlier", "later",
        "meanwhile", "although", "however", "once", "senior", "top", "former", "according",
        "following", "reminiscent", "like", "unlike"
    )
)

SPELLING_PARTICLES = frozenset(("al", "el", "the", "ibn", "bin"))

# ----------------------------------------------------------------------- news agencies and media

# Agencies: canonical name → the spellings that credit them (acronyms are case-sensitive).
AGENCIES: dict[str, str] = {
    "IANS": r"IANS|Indo-Asian News Service",
    "PTI": r"PTI|Press Trust of India",
    "ANI": r"ANI|Asian News International",
    "UNI": r"UNI|United News of India",
    "APP": r"APP|Associated Press of Pakistan",
    "AP": r"AP|(?:The )?Associated Press",
    "AFP": r"AFP|Agence France[- ]Presse",
    "Reuters": r"Reuters|REUTERS",
    "UPI": r"UPI|United Press International",
    "Xinhua": r"Xinhua",
    "TASS": r"TASS|Tass",
    "RIA Novosti": r"RIA Novosti|RIA",
    "dpa": r"dpa|DPA|Deutsche Presse-Agentur",
    "EFE": r"EFE",
    "Kyodo": r"Kyodo(?: News)?",
    "Yonhap": r"Yonhap",
    "Anadolu": r"Anadolu(?: Agency)?|AA",
    "Bernama": r"Bernama",
    "The Canadian Press": r"(?:The )?Canadian Press|CP",
    "PA Media": r"PA Media|(?:The )?Press Association",
    "Bloomberg": r"Bloomberg",
}

# Words that end an outlet's name ("The Express Tribune"), for credits that name an outlet.
MEDIA_NAME_WORDS = (
    r"Times|Tribune|Post|News|Herald|Express|Journal|Dawn|Telegraph|Guardian|Daily|"
    r"Media|Press|Agency|TV|Radio|Gazette|Observer|Chronicle|Star|Mail|Mirror|Wire|"
    r"Today|Standard|Hindu|Nation|Independent|Economist|Insider|Monitor")

# Words too small to give an abbreviation its initial ("Press Trust of India" → PTI).
INITIALISM_SKIPPED_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "&"})

# Agencies and picture libraries named in photo captions ("(AP Photo/Evan Vucci)").
PHOTO_AGENCIES = (r"(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Shutterstock|Alamy|PA|Xinhua|IANS|"
                  r"PTI|ANI)")

# Words that end a medium's name when it stands where a speaker would ("…, The Express
# Tribune reported").
MEDIUM_NAME_WORDS = (
    r"News|Times|Post|Tribune|Journal|Herald|Telegraph|Guardian|Gazette|Express|"
    r"Chronicle|Press|Network|Magazine|Radio|TV|Today|Star|Mail|Mirror|Wire|"
    r"Daily|Dawn|Hindu|Observer|Standard|Independent|Insider|Monitor")

# -------------------------------------------------------------------------------------- calendar

# Months and weekdays as a page's date line writes them, matched case-insensitively.
MONTH_NAMES_LOWER = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

WEEKDAY_NAMES_LOWER = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"

# Months as a dateline writes them ("WASHINGTON, Oct. 26 —").
MONTH_ABBREVIATIONS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"

# Month names and abbreviations as agencies' datelines write them ("Moscow, May 30 (IANS)").
MONTH_NAMES_CAPITALISED = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

# Words that open another clause, whose tense does not govern the date.
DATE_CLAUSE_WORDS = frozenset(
    "that saying which who whom whose when where after before because while although though if"
    .split())

# Words that make a sentence look ahead or back from its date (see the module docstring).
LOOKING_AHEAD = frozenset(
    """will wo shall 'll ’ll due scheduled slated expected expects expect planned planning
    upcoming coming next intends intend aims hopes hope would soon""".split()
)

# Before "to" or "for", these look ahead: "set to expire", "decided to admit", "planned for".
AHEAD_BEFORE_TO = frozenset(
    """set going is are was were plans plan decided decides agreed agrees ready wants wanted
    promised
    promises vowed vows threatened threatens likely about able supposed intended hoped
    aimed""".split()
)

AHEAD_NOUNS = frozenset("deadline vote election hearing trial meeting summit".split())

LOOKING_BACK = frozenset(
    """said was were had did has have been told met began held gave saw won lost left got sent
    spoke wrote ran rose fell paid brought found thought came went took made became ago last
    earlier previous previously since recently put cut hit quit shut""".split()
)

PRESENT_TENSE = frozenset("is are am says say tells".split())

PASSIVE_AUXILIARIES = frozenset("be been being is are was were get got gets".split())

# --------------------------------------------------------------------------------------- numbers

# Counts of days, weeks or months in words ("two weeks ago").
DATE_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                     "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                     "twelve": 12, "a couple of": 2}

# Scale words and their factor ("1.5 million").
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7,
          "lakh": 1e5, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "dozen": 12}

# …as a pattern (the one-letter "m" and "k" are matched apart, after digits only).
SCALE_WORDS = r"(?:thousand|million|billion|trillion|crore|lakh|bn|mn)"

# Currency signs and codes, and currency words, to ISO codes.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                    "£": "GBP", "gbp": "GBP", "₹": "INR", "rs": "INR", "rs.": "INR",
                    "inr": "INR", "pkr": "PKR", "rub": "RUB", "₽": "RUB"}

CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "rupee": "INR",
                  "rouble": "RUB", "ruble": "RUB", "yuan": "CNY"}

# Numbers in words, for counts ("twenty-six civilians").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

# Counts in words that name a range, not a figure: (low, high, value shown).
VAGUE_COUNTS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 999e6),
    "tens of millions": (2e7, 99e7), "hundreds of millions": (2e8, 999e8),
    "billions": (2e9, 999e9), "a handful": (2, 6), "a couple": (2, 2), "a few": (2, 4),
    "several dozen": (36, 99), "a dozen": (12, 12), "half a dozen": (6, 6),
    "a half-dozen": (6, 6), "a half dozen": (6, 6), "several hundred": (300, 999),
    "several thousand": (3_000, 9_999), "a hundred": (100, 100), "a thousand": (1_000, 1_000),
}

# Modifiers before a figure and what they make of it.
FIGURE_MODIFIERS = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "close to": "approx",
    "nearly": "almost", "almost": "almost", "just under": "almost",
    "more than": "floor", "over": "floor", "at least": "floor", "upwards of": "floor",
    "in excess of": "floor", "no fewer than": "floor", "no less than": "floor",
    "fewer than": "ceiling", "less than": "ceiling", "under": "ceiling", "at most": "ceiling",
    "no more than": "ceiling", "up to": "stated", "as many as": "stated", "as much as": "stated",
}

# Plurals that do not end in -s, so that "women seeking" counts women.
IRREGULAR_PLURALS = frozenset(
    "women men children people police personnel staff feet teeth mice geese cattle".split())

# Nouns that count the word before them: "civilian lives", "Afghan people".
COUNT_CLASSIFIERS = frozenset("lives people persons members individuals".split())

# Units in a compound figure ("a 48-page indictment", "a two-year investigation").
UNIT_WORDS = frozenset(
    "page year month week day hour minute mile kilometer foot inch meter acre term point"
    .split())

# Number words, which are a fact's value and never its anchor words.
ANCHOR_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundred "
    "hundreds thousand thousands million millions billion billions".split())

# -------------------------------------------------------------------------------------- negation

# Words a negation passes over to the word it negates: auxiliaries, articles, "to", and verbs
# that hand it on ("not expected to attend", "not going to sign", "refused to step down").
NEGATION_PASSES = frozenset("""a an the any to be been being have has had do does did yet ever
    even also always still expected likely going able set due planning plans planned scheduled
    supposed trying seeking intending about ready willing prepared""".split())

# A negation before these bounds a quantity, not the statement ("not everybody wakes up").
NEGATED_QUANTIFIERS = frozenset("""everybody everyone everything all every only just many much
    more most enough quite necessarily""".split())

# Words that open another clause: the negation stays in its own ("not known which species…").
NEGATION_CLAUSE_ENDS = frozenset("""that which who whom whose if whether when where why how because
    but and or while although though as than so""".split())

# Auxiliary verbs, which carry a negation ("could not", "did not").
AUXILIARIES = frozenset("""could would will shall should can may might must did does do is was
    are were has have had be been""".split())

# Verbs that negate what follows them ("refused to step down", "failed to disclose").
NEGATING_VERB_FORMS = frozenset(
    "refuse refused refuses refusing fail failed fails failing unable".split())

SAME_FACT_NEGATIONS = frozenset("not no never nor none nobody nothing neither without".split())

# -------------------------------------------------------------------- notices and page furniture

# Words of a photo credit in a caption ("Photo:", "(Picture by …)").
PHOTO_CREDIT_WORDS = r"(?:photo(?:graph)?s?|pictures?|images?|credits?|fotos?|illustration)"

# Names a content system puts in a page's <title>, never a headline.
CMS_TITLE_WORDS = frozenset(
    "escenic wordpress drupal joomla arc ghost typo3 sitecore brightspot contentful "
    "untitled document home index homepage article story news".split())

BYLINE_PLACEHOLDERS = frozenset(
    "no author|unknown|unknown author|author|authors|admin|administrator|anonymous|none|n/a|"
    "na|null|undefined|guest|user|webmaster|root|default|test|byline|by".split("|"))
