"""Related words for matching key points by spelling ("enjoy" finds "like", "irate" finds
"angry"), and the words every call-center answer uses. Relevance itself is judged by meaning
(`relevance.py`)."""

from __future__ import annotations

# --- relevance: related words, so "enjoy" finds "like" and "irate" finds "angry" -----------

SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "like enjoy love",
    "kind nice friendly polite courteous respectful",
    "help assist support serve aid",
    "customer caller client consumer guest",
    "upset angry frustrated irate annoyed furious mad unhappy",
    "problem issue trouble",
    "fix resolve solve sort",
    "manager supervisor lead boss",
    "colleague coworker teammate",
    "calm patient composed",
    "listen hear",
    "sorry apologize apology apologise",
    "quick fast",
    "mistake error",
    "explain clarify",
    "job role position",
    "company employer organization business",
    "goal target quota",
    "feedback criticism",
    "learn improve grow develop",
    "stress pressure",
    "busy hectic",
    "shift schedule hours",
    "sale sell upsell",
    "team group",
    "refund reimburse",
    "bill charge invoice",
    "cancel terminate",
    "priority prioritize",
    "organize organise",
    "computer system software",
    "empathy understanding",
    "honest transparent",
    "rude abusive",
))

# Words almost every call-center answer uses: they count little toward relevance.
GENERIC_WORDS = frozenset("""
customer customers caller callers client call calls calling help helping helped work working
worked job time person people thing things service make sure good great really always need
want know think way also every day lot able would could should get give take feel tell told
said say going try tried well keep kept best first make made question answer role company
manager supervisor boss phone problem issue team example
""".split())
