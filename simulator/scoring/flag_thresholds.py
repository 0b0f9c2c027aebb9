"""Red flags by meaning: how near a clause must be to a red-flag exemplar, and how clear of every
professional sentence, to be one (`flag_meaning.py`); the attitude words' and the tone model's bars.
Cosine similarities of all-MiniLM-L6-v2 (int8) and tone-model log-odds, calibrated on the tune half
of the judgment set and the tune-side fresh files, never on the held-out half; read through
`thresholds` as `th.RED_FLAG_*`, `th.ATTITUDE_*`, `th.TONE_*`."""

# Red flags: the nearest exemplar (with the clause's stance) is a red flag, at least this near,
# and nearer than the nearest professional sentence by at least the margin.
RED_FLAG_MEANING = 0.58
RED_FLAG_MARGIN = 0.05
# ...or a little less near, but far clearer of every professional sentence, in a clause longer
# than RED_FLAG_SHORT_SENTENCE: the exemplar says the same thing in other words ("Put the headset
# on the desk and let them run out of steam"). Second pass (k-judgment2), on the tune half.
RED_FLAG_NEAR = 0.52
RED_FLAG_CLEAR_MARGIN = 0.15
RED_FLAG_SURE = 0.75  # a whole sentence this near a red flag is one, whichever of its phrases says it
RED_FLAG_SHORT_SENTENCE = 8  # ...and so is a sentence of this many words or fewer
# ...and so is a longer one whose main phrase holds this share of its words, the rest a tag: "Sitting
# on the phone for eight hours a day doesn't massively appeal, if I'm honest" (fifth pass, fresh5 tune).
RED_FLAG_MAIN_PHRASE = 0.75
STANCE_PENALTY = 0.3  # an exemplar said with the other stance counts this much less near
# A phrase of a sentence is a red flag only when its whole sentence is not nearer the
# professional sentences than the red flags by more than this (a phrase cut out of a
# professional sentence, "and follow the policy if it continues", can sound like anything).
# Second pass (k-judgment2): measured on the tune half and tests/judgment/fresh_cases.yaml.
RED_FLAG_PHRASE_SENTENCE = -0.03
# A near red flag is confirmed, without a word of its tone, when the mean of its this many
# nearest red-flag exemplars is nearer than every professional sentence by this margin: several
# ways of saying the same bad thing agree, not one exemplar that happens to share its subject.
# Whole sentences only (this and RED_FLAG_NEAR's route): phrases cut out of strong answers in
# tests/eval ("especially if you've already called about it") sat near a red flag this way; at
# a margin of 0 a strong answer there was knocked out, at 0.03 none.
RED_FLAG_CONSENSUS = 3
RED_FLAG_CONSENSUS_MARGIN = 0.03
# Consensus alone (no other confirmation) is the weakest reading: it also counts only when the
# answer as a whole does not lean professional to the tone model (log-odds at least this, `tone.py`,
# learned from sentences and answers written apart from the judgment set). Twenty-first pass
# (2026-12-04), from the routes of the tune fresh files (`benchmarks/flag_routes.py --rude`): of the
# answers consensus alone flagged, 7 of 11 professional ones lean professional as a whole, 4 of 23
# rude ones; 0 is the model's even point, not a tuned value.
RED_FLAG_CONSENSUS_ANSWER_TONE = 0.0
# A phrase of a sentence (RED_FLAG_PHRASE_WORDS words or more) this near a red flag, and nearer it
# than every professional sentence by RED_FLAG_PHRASE_MARGIN, is one without a word of its tone:
# "be my guest", "I've got all day". Third pass (2026-12-01), on the tune half and the fresh
# cases: +1 and +2 rude cases found, no professional twin, tests/eval answer or new probe flagged.
RED_FLAG_PHRASE_NEAR = 0.62
RED_FLAG_PHRASE_MARGIN = 0.2
RED_FLAG_PHRASE_WORDS = 3
# A clause with a word of the candidate's attitude to the caller (`attitude.ATTITUDE`: "not mine",
# "get rid of", "a pain", "they'll survive") is a red flag when its nearest exemplar is a red flag
# at least this near, and no professional sentence is nearer: casual rudeness in a situation no
# exemplar names. Eleventh pass (a2-casual, 2026-12-01), measured on every tune-side fresh file
# (fresh to fresh9: 175 rude, 242 professional answers): at 0.40 / 0, +10 rude found (7 of them
# fresh9's, whose writer chose the words) and none of the professional answers flagged (none of
# them says such a word in a clause 0.35 near a red flag); from a margin of 0.03 up, about 4 fewer
# found, none spared. On that set the words alone would do; kind sentences written to use them
# lead by -0.25 to -0.15, and the meaning is what keeps "Three times is a real pain, I'm so sorry"
# from being a red flag.
ATTITUDE_NEAR = 0.40
ATTITUDE_MARGIN = 0.0
# The tone model (`tone.py`, README "tone model"): an answer of TONE_WORDS words or more whose sentences, averaged,
# it reads at TONE_ANSWER log-odds of a red flag, quoted by a sentence TONE_NEAR near a red-flag exemplar. t6-answers:
# L2 0.3 and whole answers counted TONE_ANSWER_ROW times, 1.0, by 5-fold CV on tone_answers.yaml (AUC 0.876 vs 0.866);
# TONE_ANSWER where ~1% of its fine answers lie over (CV). TONE_WORDS: "Um, I guess... Like, I don't know." (11).
TONE_L2, TONE_ANSWER, TONE_NEAR, TONE_WORDS, TONE_ANSWER_ROW = 0.3, 2.2, 0.3, 15, 1.0
# ...and a reply to a caller of TONE_WORDS_CALL words or more (c7-contempt): sarcasm to a caller is short ("Two
# whole days off, poor you. Technicians are busy people, you know, it happens.", 14 words), and a short reply
# on a call is no hedged non-answer: no professional reply of the tune files' lies over TONE_ANSWER at 9 to 14
# words. Not interview answers: "Not sure. Maybe something in an office, I guess, we'll see." reads 2.24.
TONE_WORDS_CALL = 9
# ...and over TONE_ANSWER_CALL log-odds, just above the highest of the tune files' 156 professional call replies
# (1.81; c7-contempt): sarcasm and brush-offs to a caller read 1.5-2.2. At 1.5 precision4's unseen replies lost
# one ("...Then I'll pull up both payments and check them"); at 1.85, 2 fewer rude replies found of 110.
TONE_ANSWER_CALL = 1.85
# ...and a short interview answer of TONE_WORDS_SHORT to TONE_WORDS - 1 words over its own, stricter bar
# TONE_ANSWER_SHORT (r8-sarcasm): a brush-off is short ("Let them rant. They'll get over it, they always do.",
# 3.98; "Five years? Goodness, no. I'll give it till summer...", 2.91), but so are keyword lists and hedges,
# which the model reads higher than long answers: the highest of the tune files' 32 professional interview
# answers at 9-14 words reads 2.44 ("Inbound calls. Outbound calls. CRM. Tickets..."), then 2.24, 1.86.
# A short answer says too little for the model alone: its quote must also be TONE_NEAR_SHORT near a red-flag
# exemplar by itself (the brush-offs found: 0.51-0.60), not only TONE_NEAR: "Um, I guess, uh, maybe I'm kind of a
# perfectionist? Like, I don't know." reads 3.88 but is 0.37 from any; "Some people think callers are stupid.
# They're not, they just haven't had it explained properly." (its rebuttal read alone) 3.42, 0.45.
TONE_WORDS_SHORT, TONE_ANSWER_SHORT, TONE_NEAR_SHORT = 9, 2.6, 0.5
# ...and the quote the model leans to must not be plainly a professional sentence: nearer the nearest
# professional sentence than its red-flag exemplar by more than -TONE_LEAD_FLOOR. The demo's hedged weakness
# ("Um, I guess, uh, maybe I'm kind of a perfectionist. Like, I don't know... I think so, anyway.", 2.63
# log-odds) was knocked out as dishonesty by a quote 0.38 nearer a professional sentence. Coordinator,
# seventeenth pass, on the tune files (tune.yaml and every tune fresh file): the tone route's rude finds lie
# at -0.166 and up, two professional answers at -0.206 and -0.248; at -0.2 no rude answer is lost.
TONE_LEAD_FLOOR = -0.2

# The red-flag model (`flag_model.py`, README "The red-flag model"): when no rule finds a red flag, an answer of
# FLAG_MODEL_WORDS words of its own or more that the fine-tuned model reads at FLAG_MODEL_BAR log-odds or more
# (FLAG_MODEL_BAR_CALL in a reply to a caller) is one. Chosen on the tune cases' out-of-fold log-odds (3-fold
# cross-validation grouped by file, `scripts/fit_flag_model.py --cv`), never on a held-out case: the lowest bar (in
# steps of 0.05) with at most 1% of the professional answers no rule flags over it, on each of two draws of the
# folds (`--cv FILE --seed 0` and `--seed 1`): one draw alone moves the bar by a whole log-odd. Twenty-eighth pass,
# refitted with fresh14 and the head's learning rate raised (1995 tune cases, out-of-fold AUC 0.951 / 0.959):
# seed 0 alone gives 3.65 for interview answers (9 of 1098 professional answers the rules do not flag over it, 18
# of the 148 rude ones they miss), seed 1 alone 2.55 (10 and 47; at 3.65, 0 and 11); replies to a caller 1.6
# (1 of 228 and 37 of 50) and 1.05 (2 and 35; at 1.6, 1 and 32). The higher of each pair is kept. (Before: 2.9
# and 2.65 on one draw, when the log-odds ended near 3.1; they now end near 4.2.) A third draw (`--seed 2`,
# twenty-ninth pass, AUC 0.953) gives 2.85 (10 and 56; at 3.65, 0 and 16) and 1.3 (2 and 37; at 1.6, 1 and 34):
# the bars hold on every draw so far, and seed 0 is the one that sets them.
FLAG_MODEL_WORDS, FLAG_MODEL_BAR, FLAG_MODEL_BAR_CALL = 3, 3.65, 1.6

# Money as the only reason is a red flag only where the motive is asked (`flag_readings.asks_motive`):
# every "motivation" question, and any other whose profile is this near a motive said plainly:
# "Tell me about yourself" 0.54 (a point is why this job) and "Why should we hire you?" 0.46 ask it,
# "What is your greatest strength?" 0.38 and the weakness, stress and call questions (0.37 and below)
# do not. "I just need the money at the moment" to the weakness question is a non-answer, not a
# knock-out about motive (motive_cases.yaml, eighteenth pass, 2026-12-03).
MOTIVE_CATEGORIES = frozenset({"motivation"})
MOTIVE_NEAR = 0.42
# ...and a question of those categories only if its profile comes this near a motive: why a call
# center 0.51, why us 0.52, why leave 0.62, what you look for 0.58, five years 0.41 ask it; "In your
# own words, what does a representative do all day?" (0.28) sits in the category but asks what the
# job is, so "Answering phones? I don't know, I just need a job." to it is a non-answer, not a
# money-only knock-out (m9-motive pass, 2026-12-03, motive_cases.yaml; bank-wide the next question
# of the category down is 0.41 and the first of another the knock-out should not reach is 0.28).
MOTIVE_NEAR_IN_CATEGORY = 0.35
# Callers judged as a group (`scorn.py`): what is said of them, read as "that they <predicate>", is
# scorn when at least SCORN_NEAR from a scornful exemplar and SCORN_MARGIN nearer it than any
# understanding one. Twentieth pass (2026-12-03), on every clause of the tune half and the tune
# fresh files that opens with callers as a group (72: 29 from rude answers, 43 from others): 7 rude
# ones reach +0.10 to +0.42 ("are the bottom of the barrel" 0.42, +0.11), no other above +0.06
# ("...and that people are coached from them"); the rude ones below are read by the other routes or
# not at all ("Callers are a chore" +0.03).
SCORN_NEAR = 0.40
SCORN_MARGIN = 0.1
