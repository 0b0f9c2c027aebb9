"""Is the answer in English? The coach only understands English, so an answer in another
language is told so and not scored as if it were English.

Judged by function words: every language spends about half its words on small words of its own
("the, and, is, I" / "der, und, ist, ich" / "el, y, es, que"), so the share of each language's
small words says which one is spoken, even in a short answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .lexicon import FILLER_SOUNDS

FUNCTION_WORDS: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "English": """the a an and or but is are was were be been i you he she it we they my your his her
        our their me him us them this that these those to of in on at for with from by as not no do
        does did have has had will would can could should what when where why how which who
        there here so if because just very also about up out all some any than then am""",
    "German": """der die das den dem des ein eine einen einem einer und oder aber ist sind war waren
        ich du er sie es wir ihr mein meine dein nicht kein keine zu von mit auf für bei aus nach
        im ins am zum zur auch noch sehr wenn weil dass habe hat hatte haben werden wird kann
        können mich mir dich dir sich uns euch wie was wo warum immer schon""",
    "Spanish": """el la los las un una unos unas y o pero es son era fue soy estoy está están yo tú
        él ella nosotros ellos mi mis tu su sus de del al en con por para que como cuando donde
        porque muy también no sí lo le les me te se nos más este esta estos pueda puedo tengo""",
    "Portuguese": """o a os as um uma uns umas e ou mas é são era foi sou estou está estão eu tu
        ele ela nós eles meu minha meus seu sua de do da dos das no na nos nas em com por para
        que como quando onde porque muito também não sim lhe me te se mais este esta isso você
        vocês ao aos pelo pela""",
    "French": """le la les un une des et ou mais est sont était suis je tu il elle nous vous ils
        elles mon ma mes ton ta son sa ses de du au aux en dans avec pour par que qui comme quand
        où parce très aussi ne pas oui ce cette ces me te se lui leur""",
    "Italian": """il lo la gli le un uno una e o ma è sono era ero io tu lui lei noi voi loro mio
        mia tuo tua suo sua di del della dei delle al alla in con per che come quando dove
        perché molto anche non sì mi ti si ci""",
    "Dutch": """de het een en of maar is zijn was waren ik jij je hij zij wij we jullie mijn
        jouw zijn haar ons onze van met op voor bij uit naar niet geen ook nog heel als omdat
        dat wat waar hoe kan kunnen heb heeft hebben""",
}.items()}
MIN_WORDS = 4  # fewer words say too little to tell the language
ENGLISH_SHARE_AT_LEAST = 0.12  # an English sentence spends far more of its words on these
LETTERS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?", re.UNICODE)
# An English contraction is two small words said as one ("I'm" is "I am", "don't" is "do not"):
# counted as one, "I'm pretty flexible really, whatever works." had too few small words for a
# sentence and was knocked out as key words without one. Other languages' apostrophes ("j'ai",
# "l'ho") are split as before.
CONTRACTED = re.compile(r"(\w+)['\u2019](m|re|s|ve|ll|d)$|(\w+)n['\u2019]t$")
CONTRACTIONS = {"m": "am", "re": "are", "s": "is", "ve": "have", "ll": "will", "d": "would"}


def _split(word: str) -> list[str]:
    m = CONTRACTED.match(word)
    if m is None:
        return re.split(r"['\u2019]", word)
    if m.group(3):  # "won't", "can't": "will not", "can not"
        return [{"wo": "will", "ca": "can", "sha": "shall"}.get(m.group(3), m.group(3)), "not"]
    return [m.group(1), CONTRACTIONS[m.group(2)]]


def _words(text: str) -> list[str]:
    """The answer's words without filler sounds: "um" is a Portuguese article, and a candidate
    who says "um" every other word is still speaking English."""
    return [w for raw in LETTERS.findall(text) for w in _split(raw.lower()) if w and w not in FILLER_SOUNDS]


@dataclass(frozen=True)
class LanguageGuess:
    english: bool
    language: str  # "English", or the language the answer seems to be in ("another language")


# Letters of another script say the language before any word does: Chinese and Japanese put no
# spaces between words, so a whole sentence is one "word" to the count above. The script of most
# of the letters names the language where one language writes it (Cyrillic does not: Russian,
# Ukrainian, Bulgarian...).
SCRIPTS = {"CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean",
           "ARABIC": "Arabic", "HEBREW": "Hebrew", "GREEK": "Greek", "DEVANAGARI": "Hindi", "THAI": "Thai"}
OTHER_SCRIPT_SHARE = 0.5  # of the letters; an English answer may name a person or a place in another


def _other_script(text: str) -> str | None:
    """The language of an answer written mostly in letters that are not Latin, else None."""
    letters = [c for c in text if c.isalpha()]
    names = (unicodedata.name(c, "") for c in letters if not c.isascii())
    other = [name.split(" ")[0] for name in names if not name.startswith("LATIN")]
    if len(letters) < MIN_WORDS or len(other) < OTHER_SCRIPT_SHARE * len(letters):
        return None
    scripts = {SCRIPTS.get(name, "another language") for name in other}
    if "Japanese" in scripts:  # Japanese writes Chinese characters too, beside its own kana
        return "Japanese"
    return max(scripts, key=lambda s: sum(SCRIPTS.get(n, "another language") == s for n in other))


def guess_language(text: str) -> LanguageGuess:
    script = _other_script(text)
    if script:
        return LanguageGuess(False, script)
    words = _words(text)
    if len(words) < MIN_WORDS:
        return LanguageGuess(True, "English")
    shares = {name: sum(w in vocab for w in words) / len(words) for name, vocab in FUNCTION_WORDS.items()}
    best = max(shares, key=shares.get)
    english = shares["English"]
    if best == "English" or english >= ENGLISH_SHARE_AT_LEAST and english >= 0.8 * shares[best]:
        return LanguageGuess(True, "English")
    return LanguageGuess(False, best if shares[best] >= ENGLISH_SHARE_AT_LEAST else "another language")


# Key words without sentences ("helping people, fast paced, good communicator"): a list earns
# nothing, however many key points it names. English sentences spend a third or more of their
# words on small words; a list of key words almost none.
WORD_LIST_MIN_WORDS = 6
WORD_LIST_SHARE_BELOW = 0.2
# ...but an answer said out loud is often elliptical: "Nights fine. Weekends, yes. Not Mondays,
# college." Each fragment names its subject and says something of it, with no "I am" or "they
# are", so it is as short of small words as a list; a list names labels and says nothing of any
# ("Evenings. Weekends. Bank holidays."). What a fragment says of its subject is a verdict (the
# closed class below: assent, a feeling about it, how often), a denial, a number or time, or the
# small words of a sentence. An answer of two or more fragments, at least half of which say
# something, is an answer, however few its small words. (A word list would be a last resort here:
# these are the few words English uses as a whole predicate, not the subjects they are said of.)
ASSENT = frozenset("yes yeah yep yup sure fine ok okay alright happy glad".split())
VERDICTS = ASSENT | frozenset("""love loved always usually often sometimes never nope nervous comfortable
    worries""".split())
DENIALS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor"})
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty
    half noon midnight""".split())
FRAGMENT_END = re.compile(r"[.!?;]+")
FRAGMENTS_SAYING_AT_LEAST = 0.5


def _saying(word: str) -> bool:
    return word in VERDICTS or word in DENIALS or word in NUMBER_WORDS or word in FUNCTION_WORDS["English"]


def _says_something(fragment: str) -> bool:
    """A fragment that says something of its subject: "Weekends fine", "Mondays I have college till
    two", "Not Wednesday mornings, college"; not a label ("Bank holidays", "Handle time")."""
    return bool(re.search(r"\d", fragment)) or any(map(_saying, _words(fragment)))


def is_elliptical(text: str) -> bool:
    """Two or more fragments, at least half of which say something of their subject; or, when a
    speech recogniser put no full stops in ("nights fine weekends fine holidays fine"), as many
    words that say something as a sentence spends on its small words."""
    fragments = [f for f in FRAGMENT_END.split(text) if _words(f)]
    if len(fragments) >= 2:
        return sum(map(_says_something, fragments)) >= FRAGMENTS_SAYING_AT_LEAST * len(fragments)
    words = _words(text)
    return bool(words) and sum(map(_saying, words)) / len(words) >= WORD_LIST_SHARE_BELOW


def is_word_list(text: str) -> bool:
    """Key words strung together, with (almost) none of the small words sentences are made of, and
    not an answer said in elliptical fragments."""
    words = _words(text)
    if len(words) < WORD_LIST_MIN_WORDS:
        return False
    if sum(w in FUNCTION_WORDS["English"] for w in words) / len(words) >= WORD_LIST_SHARE_BELOW:
        return False
    return not is_elliptical(text)
