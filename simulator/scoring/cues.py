"""The second reader of a clause near a red-flag exemplar: a word of a red flag's tone (`lexicon.TONE`)
confirms it only when that word is the candidate's own tone, not a word the sentence uses for something
else (p7-precision, 2026-12-02).

`flag_meaning.red_flags` takes a clause whose nearest exemplar is a red flag and, when it is not
unmistakably near, asks for a word of the flag's tone in its sentence. That list is mostly bare words
("not", "no", "nobody", "rather", "fault", "shout"), and a professional answer says them too, for other
things than a tone: "Evenings, no worries", "nobody likes being kept waiting, so...", "I'd rather do the
extra hours than leave my team short", "it turned out it was our fault", "I'd let them shout for a bit".
Before the tone words are looked for, the sentence loses the words that are someone else's act or a
kind convention, each read from its grammar, not from the subject of the answer:

- kind idioms whose negative is part of a set phrase ("no worries", "not a problem", "never easy");
- "nobody likes / wants / deserves ...": a feeling everyone shares, said to side with the caller;
- "rather X than Y": a preference for X over the bad act Y (not "I'd rather not");
- the caller's shouting, yelling or screaming named as the situation (the candidate's own
  "I'd yell back", "I'll shout louder" stay);
- fault or a mistake owned ("my fault", "our mistake"): blame points away from the candidate.
- the denials inside "the last thing I want is ..." (a caller left "without" an answer): that is the
  harm the candidate does not want, not a refusal's tone (twenty-third pass).

What stays is the same list of words, read where the candidate says them as their own stance.
"""

from __future__ import annotations

import re

# "no worries", "not a problem", "no problem at all", "never easy", "no hard feelings": a negative
# fixed in a kind phrase says nothing negative ("it's no trouble" is a yes).
KIND_IDIOM = re.compile(
    r"\b(?:no|not an?y?)\s+(?:worries|worry|problem|problems|bother|trouble|rush|hard feelings|harm done|offen[cs]e taken)\b"
    r"|\bnot (?:a|any) (?:problem|bother|trouble)\b|\bnot at all\b|\bno (?:doubt|question)\b"
    r"|\b(?:it's|its|it is|that's|thats|that is)\s+never\s+(?:easy|nice|fun|pleasant)\b"
    r"|\bnever\s+(?:easy|nice|fun|pleasant)\b",
    re.IGNORECASE)

# "Nobody likes being kept waiting", "nobody wants a delivered message for nothing", "no one should have
# to put up with that": what everyone feels, said to side with the caller; not "nobody checks" (what
# nobody does is what the candidate counts on), nor "nobody's paying me to..." (what they won't do).
EVERYONE_FEELS = re.compile(
    r"\b(?:nobody|no one|no-one|noone)(?:'s)?\s+(?:really\s+|ever\s+)?"
    r"(?:likes?|wants?|enjoys?|loves?|deserves?|needs?|should (?:have to|be)|expects?|wishes?|chooses?)\b",
    re.IGNORECASE)

# "I'd rather do the extra hours than leave my team short": a preference for the first act over the
# second; "rather" is a refusal's word only when what is preferred is not doing it ("I'd rather not").
RATHER_THAN = re.compile(r"\brather\b(?!\s+(?:not|n't|never|just|be|have|sit|stay)\b)(?=[^.;:!?]*\bthan\b)", re.IGNORECASE)

# "I grew up around a lot of shouting", "I'd let them shout for a bit", "if they start screaming": the
# caller's shouting is what the candidate answers to, not their tone; the candidate's own ("I'd yell
# back", "I shout louder") is kept by the subject or by "back" / "louder" after it.
OWN_SUBJECT = r"(?:\bI|\bwe)(?:'d|'ll|’d|’ll| would| will| just| then| probably| might)*\s+(?:just\s+|probably\s+|then\s+)?"
# "it turned out it was our fault", "my mistake, I'd put the wrong date": fault owned is the opposite of
# blame, whatever the exemplar nearest it.
OWNED_FAULT = re.compile(r"(?<!\bnot )(?<!n't )(?<!never )(?<!\bno )(?<!n’t )"
                         r"\b(?:(?:partly|partially|all|entirely|totally|probably|really)\s+)?(?:my|our|my own|our own)\s+"
                         r"(?:fault|mistake|error|bad)\b|\bI\s+blame\s+myself\b", re.IGNORECASE)


def owns_fault(text: str) -> bool:
    """"it turned out it was our fault", "it was partly my fault": the candidate's own fault, not
    denied ("it's not my fault" puts it elsewhere), is no blame of anyone."""
    return OWNED_FAULT.search(text) is not None


# "swearing doesn't rattle me", "it never bothers me": calm, the negative taken back by the candidate's
# own "not", about what a hard call does to them.
UNRATTLED = re.compile(r"\b(?:doesn't|does not|don't|do not|won't|will not|wouldn't|didn't|never)\s+(?:really\s+|usually\s+)?"
                       r"(?:rattle|bother|faze|phase|upset|throw|get to|wind up|annoy)\s+me\b", re.IGNORECASE)

# "...so the next person doesn't make the caller repeat it all", "so it won't happen again": the harm a
# candidate's act prevents, in a purpose clause; its "not" is the harm stopped, not a refusal.
PREVENTED = re.compile(r"(\bso(?:\s+that)?\s+(?:[\w']+\s+){1,4}?)(?:doesn't|does not|don't|do not|won't|will not|isn't|is not|"
                       r"aren't|are not|wasn't|weren't|not|never|can't|cannot|didn't|wouldn't)\b",
                       re.IGNORECASE)

# "The last thing I want is a caller left without an answer", "the last thing an upset customer needs
# is to be passed around": the harm the candidate does not want, up to where the sentence goes on
# ("so...", "because..."); its "without" or "not" is that harm's, not a refusal's tone.
LAST_WANTED = re.compile(r"\bthe last (?:thing|things)\s+(?:[\w']+\s+){1,4}?(?:wants?|needs?|expects?|deserves?)\s+"
                         r"(?:is|are)\b[^.;:!?]*?(?=,?\s+(?:so|because|which|and)\b|[.;:!?]|$)", re.IGNORECASE)
NEGATIVE_WORD = re.compile(r"\b(?:not|never|no|without|nobody|nothing|none)\b", re.IGNORECASE)


def own_stance(text: str) -> str:
    """`text` without the words of a red flag's tone that are a kind idiom, a shared feeling, a preference
    for the good act, the caller's shouting or fault owned (see the module's docstring)."""
    text = KIND_IDIOM.sub(" ", text)
    text = EVERYONE_FEELS.sub(" ", text)
    text = RATHER_THAN.sub(" ", text)
    text = OWNED_FAULT.sub(" ", text)
    text = UNRATTLED.sub(" ", text)
    text = PREVENTED.sub(r"\1 ", text)
    text = LAST_WANTED.sub(lambda m: NEGATIVE_WORD.sub(" ", m.group(0)), text)
    return _drop_shouting(text)


def _drop_shouting(text: str) -> str:
    out, at = [], 0
    for m in re.finditer(r"\b(?:shout|yell|scream)\w*\b", text, re.IGNORECASE):
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 14]
        mine = re.search(rf"{OWN_SUBJECT}$", before) is not None or re.match(r"\s+(?:back|louder|right back)\b", after, re.IGNORECASE)
        if not mine:
            out.append(text[at:m.start()] + " ")
            at = m.end()
    out.append(text[at:])
    return "".join(out)
