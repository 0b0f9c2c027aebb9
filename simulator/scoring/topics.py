"""The vocabulary relevance is judged with: related words, the words every answer uses, and
the semantic fields of call-center interviews."""

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

# Topic words per common category label (free labels in banks; unknown labels use their own
# words). General vocabulary for each area, never words of one particular question.
CATEGORY_WORDS: dict[str, str] = {
    "motivation": "why want enjoy passion interest reason career opportunity motivate excite",
    "background": "experience previous background worked years education studied",
    "strengths": "strength strong skill good best quality",
    "weaknesses": "weakness improve working on struggle better learning",
    "conflict": "conflict disagree disagreement argument tension resolve compromise",
    "teamwork": "team colleague together collaborate share support coworker",
    "stress": "stress pressure calm busy overwhelmed cope manage break breathe",
    "customer-service": "customer service satisfaction experience help needs",
    "difficult-customers": "angry upset frustrated complaint calm listen apologize escalate",
    "complaints": "complaint upset unhappy resolve apologize fix",
    "sales": "sell sale upsell offer product target close benefit",
    "technical": "computer system software troubleshoot technical tools typing",
    "multitasking": "multitask system notes typing listening juggle several",
    "availability": "shift schedule weekend nights hours flexible available",
    "metrics": "handle time target quality score survey metric kpi average",
    "feedback": "feedback criticism coach improve listen change",
    "ethics": "honest policy rule right integrity privacy",
    "problem-solving": "problem solve solution figure root cause",
    "goals": "goal future plan years grow career",
    "call-handling": "call greeting verify account hold transfer close",
    "roleplay": "call account sorry help",
}

# --- relevance: what an answer is about ----------------------------------------------------

# Semantic fields of call-center interviews: the words an answer about each area uses, whether
# or not it repeats the question's own words. A question belongs to the fields of its category
# and of its own words; an answer is on topic when most of its field words fall in the
# question's fields ("a heating bill, a refund, a payment plan" is a customer story, so it
# answers "a time you went above and beyond for a customer"). Words may sit in several fields.
FIELDS: dict[str, str] = {
    "customers": """customer customers caller callers client clients guest guests patient patients
        shopper account accounts bill bills billing billed charge charged overcharged refund refunded
        credit credited order orders delivery delivered parcel package payment payments booking
        reservation subscription complaint complaints complained replacement replaced exchange
        discount apologized apologised apology sorry listened explained thanked grateful satisfied
        relieved upset angry frustrated worried furious shouting yelling product item meter
        statement invoice receipt purchase plan""",
    "teamwork": """coworker coworkers colleague colleagues teammate teammates team together disagree
        disagreement disagreed argument argued clash clashed conflict compromise agreed agreement
        rotation privately side covered cover support supported collaborate collaborated shared
        share tension relationship""",
    "stress": """stress stressed stressful pressure busy rush queue queues backlog volume overwhelmed
        overwhelming calm breath breathe break breaks reset prioritize prioritized priorities cope
        coping deadline hectic workload waiting personally switch""",
    "learning": """system systems software computer tool tools app application training trained train
        learn learned learning new quickly manual notes shortcut shortcuts practice practiced guide
        tutorial database process processes screen update""",
    "sales": """sell sold selling sale sales upsell upsold upgrade upgraded offer offered product
        products package commission bundle discount promotion benefit benefits recommend
        recommended bought buy purchase deal price pricing retention cancel cancellation plan""",
    "metrics": """target targets quota goal goals handle average score scores survey surveys quality
        numbers metric metrics kpi percent percentage rating ratings performance missed hit met
        exceeded dashboard resolution""",
    "feedback": """feedback criticism criticized coach coaching coached review reviewed improve
        improved improvement pointed suggestion suggestions advice recording recorded played
        evaluation appraisal""",
    "career": """future years career grow growth promotion promoted lead leader leadership course
        courses study studying degree ambition plan long senior trainer develop progress""",
    "motivation": """enjoy enjoyed love passion passionate reason reasons apply applied interested
        interest appeal appeals excite excited mission values culture fulfilling rewarding
        opportunity""",
    "background": """experience experienced background education studied school college graduated
        retail hospitality previously currently""",
    "strengths": """strength strengths strong skill skills patient patience organized reliable
        dependable communicator listener quality qualities""",
    "weaknesses": """weakness weaknesses improve improving struggle struggled perfectionist shy
        nervous overthink delegate""",
    "availability": """weekend weekends nights night evenings evening shifts shift schedule hours
        flexible available availability holidays overtime childcare commute weekdays mornings rota""",
    "ethics": """policy policies rule rules honest honesty privacy security verify verification
        permission data confidential integrity right report reported protect protected authorized
        fraud holder""",
    "mistakes": """mistake mistakes error errors wrong forgot owned fault accountable corrected
        correction learned""",
    "multitasking": """multitask multitasking typing type notes juggle juggling several screens screen
        while listening""",
    "tech": """internet router modem wifi connection restart reset password login app device laptop
        signal outage troubleshoot troubleshooting cable settings update""",
}

# Which fields each common category label belongs to (unknown labels: only the question's words).
CATEGORY_FIELDS: dict[str, tuple[str, ...]] = {
    "motivation": ("motivation",), "background": ("background", "strengths"),
    "strengths": ("strengths",), "weaknesses": ("weaknesses",), "conflict": ("teamwork",),
    "teamwork": ("teamwork",), "stress": ("stress",), "customer-service": ("customers",),
    "difficult-customers": ("customers",), "complaints": ("customers",),
    "sales": ("sales", "customers"), "technical": ("learning", "tech"),
    "multitasking": ("multitasking", "learning"), "availability": ("availability",),
    "metrics": ("metrics",), "feedback": ("feedback",), "ethics": ("ethics",),
    "problem-solving": ("mistakes", "customers"), "goals": ("career",),
    "call-handling": ("customers",), "roleplay": ("customers",),
}

# Semantic neighbours of words a question is built on: an answer says them instead of the
# question's own word ("above and beyond" is told as "I called her back the next day").
# Comma-separated phrases; a phrase of several words counts when they are said close together.
_BEYOND = ("extra, effort, own time, stayed late, called back, call back, next day, followed up, "
           "personally, myself, my break, my lunch, drove, didn't have to, out of my way")
NEIGHBOURS: dict[str, str] = {
    "beyond": _BEYOND, "above": _BEYOND, "extra": _BEYOND, "exceed": _BEYOND,
    "angry": "shouting, yelling, furious, frustrated, annoyed, complained, vent, calm",
    "upset": "shouting, yelling, furious, frustrated, annoyed, complained, vent, calm, worried",
    "difficult": "shouting, yelling, rude, frustrated, complained, calm",
    "mistake": "wrong, error, forgot, mixed up, owned, my fault, corrected, apologized",
    "disagreement": "clashed, argued, disagreed, tension, compromise, agreed, her side, his side, privately",
    "conflict": "clashed, argued, disagreed, tension, compromise, agreed, her side, his side, privately",
    "stress": "busy, rush, queue, overwhelmed, calm, breathe, breath, break",
    "pressure": "busy, rush, queue, overwhelmed, calm, breathe, breath, deadline",
    "volume": "queue, waiting, backlog, rush, busy",
    "learn": "trained, training, practice, notes, manual, quickly, picked up",
    "target": "numbers, percent, score, met, hit, missed, average, quota",
    "goal": "numbers, percent, score, met, hit, missed, target",
    "feedback": "pointed out, coach, coaching, review, improve, suggestion, criticism",
    "criticism": "pointed out, coach, coaching, review, improve, suggestion, feedback",
    "sell": "offer, upgrade, bundle, recommend, bought",
    "upsell": "offer, upgrade, bundle, recommend, bought",
    "coworker": "colleague, together, covered, support, teammate",
    "weakness": "improve, working on, struggle, better at",
    "strength": "good at, skilled, patient, reliable",
    "cancel": "retention, discount, reason, keep, offer",
    "privacy": "verify, security, permission, account holder, authorized",
    "hold": "wait, waiting, minutes, delay, queue",
    "wait": "hold, minutes, delay, queue",
    "outage": "offline, manual, workaround, backup, paper",
    "down": "offline, manual, workaround, backup, paper, outage",
    "accent": "repeat, slowly, clarify, spell, confirm",
    "understand": "repeat, slowly, clarify, spell, confirm",
    "manager": "escalate, escalated, supervisor, team lead",
    "why": "reason, because, enjoy",
    "future": "grow, career, team lead, promotion",
    "weekend": "shifts, schedule, flexible, available, nights",
    "multitask": "typing, notes, screens, juggle, listening",
}
