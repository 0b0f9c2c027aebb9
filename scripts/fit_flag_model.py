"""Fine-tune all-MiniLM-L6-v2 as the red-flag model (simulator/meaning/flag_encoder.py) and write its weights
to simulator/meaning/flag_model.npz. Needs torch (`make install` puts the CPU build in .venv); the product
never imports it: the weights are converted to CTranslate2 int8 on first use, like the sentence model.

What it learns from (`training_rows`): every sentence the tone model learns from (exemplars.yaml's red flags
and fine sentences, tone_corpus.yaml), tone_answers.yaml's whole answers, and the tune half's fresh judgment
cases that say whether a red flag must be found (tests/judgment, FRESH_FILES, `flag: true|false`): each answer
as the model reads it when it is scored, the candidate's own sentences joined (`flag_model.answer_text`).
Never a held-out case: those are its measurement (README "The red-flag model").

Recipe: the word-embedding matrix frozen (so the package's stays the model's), every other weight trained;
AdamW, learning rate 5e-5 (the head's 4e-3: at the encoder's rate the head's log-odds stayed within +-0.94; at 1e-3,
until the twenty-eighth pass, within +-3.1, so the rude answers crowded at the top and a bar there moved with the
folds; at 4e-3 they spread to +-4.3, out-of-fold AUC 0.951 against 0.949 on the same folds),
weight decay 0.01, batches of 16 in a seeded order, texts cut at 128 tokens, mean pooling, a linear head,
binary cross-entropy, EPOCHS epochs (2: in 3-fold cross-validation on the tune cases, grouped by file, the
out-of-fold AUC was 0.955 / 0.958 / 0.955-0.965 after 1 / 2 / 3 epochs). Re-run it whenever one of those
files changes; tests/test_flag_model.py says when the stored weights no longer match. `--cv FILE` writes the
tune cases' out-of-fold log-odds instead (3 folds grouped by file, the same recipe): the bars in
`flag_thresholds.py` were chosen on them. Beside FILE, `*.sentences.json` holds each case's own sentences'
out-of-fold log-odds read one by one (a per-sentence bar was measured on them and not taken: README).

    .venv/bin/python scripts/fit_flag_model.py [--cv oof.json [--seed N]]
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

from simulator.scoring import flag_model  # noqa: E402
from simulator.meaning import flag_encoder  # noqa: E402
from simulator.meaning.convert import (SOURCE_SHA256, packaged_zip, quantize_rows, read_safetensors_header,  # noqa: E402
                                       read_tensor)

EPOCHS, LEARNING_RATE, HEAD_LEARNING_RATE, WEIGHT_DECAY, BATCH, MAX_TOKENS, SEED = 2, 5e-5, 4e-3, 0.01, 16, 128, 0
FOLDS = 3
# besides four training rows, texts the converted model must read as the fitted one did (tests/test_flag_model.py)
CHECKS = ["I told him crying down the phone wasn't going to make his internet any faster and muted him till he "
          "ran out of puff.", "I said sorry, checked the line and booked an engineer for the next morning.",
          "I only really put the effort in for reasonable people.", "Every caller gets the same effort from me."]


def training_rows(ids: list[str] | None = None,
                  sentences: dict[str, list[str]] | None = None) -> tuple[list[str], list[float], str]:
    """The texts, their labels (1.0: a red flag) and a fingerprint of both, the recipe and the base model;
    `ids` gets each row's judgment case id ("" for the sentence and answer rows), `sentences` each case's
    own sentences as the model reads them one by one."""
    import judgment_set as js

    from simulator.scoring import tone
    from simulator.scoring.inputs import Inputs
    from simulator.scoring.semantic import said_in_words
    from simulator.types import Transcript

    _, labels, said = tone.sentence_rows()
    texts = [said_in_words(t) for _, t in said]
    ys = [float(y) for y in labels]
    for a in tone.answers():
        texts.append(flag_model.answer_text(tone.answer_sentences(a.text)) or said_in_words(a.text))
        ys.append(1.0 if a.red else 0.0)
    for f in js.load_fresh():
        if f.flag is None or f.case.id.split("/")[0] in js.NOT_TRAINED:
            continue
        x = Inputs(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn)
        own = tone.tone_rows(x.clauses, x.doc.others_words)
        if own:
            texts.append(flag_model.answer_text([x.clauses[i].text for i in own]))
            ys.append(1.0 if f.flag else 0.0)
            if sentences is not None:
                sentences[f.case.id] = [flag_model.answer_text([x.clauses[i].text]) for i in own]
            if ids is not None:
                ids += [""] * (len(texts) - 1 - len(ids)) + [f.case.id]
    if ids is not None:
        ids += [""] * (len(texts) - len(ids))
    recipe = [EPOCHS, LEARNING_RATE, HEAD_LEARNING_RATE, WEIGHT_DECAY, BATCH, MAX_TOKENS, SEED,
              SOURCE_SHA256["model.safetensors"]]
    fingerprint = hashlib.sha256(json.dumps([texts, ys, recipe]).encode("utf-8")).hexdigest()
    return texts, ys, fingerprint


def base_weights() -> dict[str, np.ndarray]:
    """The package's float32 tensors by BERT name (position ids and other integer tensors left out),
    read as the converter reads them."""
    f = io.BytesIO(zipfile.ZipFile(packaged_zip()).read("model.safetensors"))
    return {name.removeprefix("bert."): read_tensor(f, t) for name, t in read_safetensors_header(f).items()
            if t.dtype == np.dtype("<f4")}


def bert(torch, weights: dict[str, np.ndarray]):
    """all-MiniLM-L6-v2 (BERT, 6 layers, 12 heads, GELU, post-norm) in torch, with a linear head."""
    nn = torch.nn
    P = {name: nn.Parameter(torch.tensor(w)) for name, w in weights.items() if not name.startswith("pooler")}
    P["word_embeddings"] = P.pop("embeddings.word_embeddings.weight")
    P["word_embeddings"].requires_grad = False

    class Bert(nn.Module):
        def __init__(self):
            super().__init__()
            self.p = nn.ParameterDict({k.replace(".", "__"): v for k, v in P.items()})
            self.head = nn.Linear(384, 1)

        def w(self, name):
            return self.p[name.replace(".", "__")]

        def norm(self, h, name):
            return nn.functional.layer_norm(h, (384,), self.w(f"{name}.weight"), self.w(f"{name}.bias"), 1e-12)

        def linear(self, h, name):
            return h @ self.w(f"{name}.weight").T + self.w(f"{name}.bias")

        def pooled(self, ids, mask):
            n, length = ids.shape
            h = self.w("word_embeddings")[ids] + self.w("embeddings.position_embeddings.weight")[:length][None] \
                + self.w("embeddings.token_type_embeddings.weight")[0][None, None]
            h = self.norm(h, "embeddings.LayerNorm")
            for i in range(6):
                at = f"encoder.layer.{i}.attention"
                heads = [self.linear(h, f"{at}.self.{p}").view(n, length, 12, 32).transpose(1, 2)
                         for p in ("query", "key", "value")]
                scores = heads[0] @ heads[1].transpose(-1, -2) / 32 ** 0.5 + (1 - mask[:, None, None, :]) * -1e4
                context = (scores.softmax(-1) @ heads[2]).transpose(1, 2).reshape(n, length, 384)
                h = self.norm(h + self.linear(context, f"{at}.output.dense"), f"{at}.output.LayerNorm")
                ffn = self.linear(nn.functional.gelu(self.linear(h, f"encoder.layer.{i}.intermediate.dense")),
                                  f"encoder.layer.{i}.output.dense")
                h = self.norm(h + ffn, f"encoder.layer.{i}.output.LayerNorm")
            pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            return pooled / pooled.norm(dim=1, keepdim=True)

        def forward(self, ids, mask):
            return self.head(self.pooled(ids, mask))[:, 0]

    return Bert()


class Fitting:
    """The recipe, run on some rows."""

    def __init__(self, seed: int = SEED):
        import torch
        from tokenizers import Tokenizer

        self.torch, self.seed = torch, seed
        torch.set_num_threads(2)
        self.base = base_weights()
        self.tokenizer = Tokenizer.from_str(zipfile.ZipFile(packaged_zip()).read("tokenizer.json").decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def batch(self, chunk: list[str]):
        torch = self.torch
        encodings = self.tokenizer.encode_batch(chunk)
        ids = torch.zeros(len(chunk), max(len(e.ids) for e in encodings), dtype=torch.long)
        mask = torch.zeros(ids.shape)
        for i, e in enumerate(encodings):
            ids[i, :len(e.ids)], mask[i, :len(e.ids)] = torch.tensor(e.ids), 1
        return ids, mask

    def fit(self, texts: list[str], ys: list[float], label: str = ""):
        torch = self.torch
        torch.manual_seed(self.seed)
        net = bert(torch, self.base)
        encoder = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("head")]
        opt = torch.optim.AdamW([{"params": encoder}, {"params": net.head.parameters(), "lr": HEAD_LEARNING_RATE}],
                                lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
        labels, order_of = torch.tensor(ys), np.random.default_rng(self.seed)
        started = time.monotonic()
        for epoch in range(EPOCHS):
            net.train()
            order = order_of.permutation(len(texts))
            for start in range(0, len(order), BATCH):
                rows = order[start:start + BATCH]
                opt.zero_grad()
                logits = net(*self.batch([texts[i] for i in rows]))
                torch.nn.functional.binary_cross_entropy_with_logits(logits, labels[rows]).backward()
                opt.step()
            print(f"{label}epoch {epoch + 1} of {EPOCHS} ({time.monotonic() - started:.0f} s)", flush=True)
        net.eval()
        return net

    def logits(self, net, texts: list[str]) -> np.ndarray:
        with self.torch.no_grad():
            return np.concatenate([net(*self.batch(texts[i:i + 64])).numpy() for i in range(0, len(texts), 64)])


def cross_validate(out: Path, seed: int = SEED) -> int:
    """The tune cases' out-of-fold log-odds, FOLDS folds grouped by file, written to `out` as {case id: log-odds},
    and those of each of their own sentences read alone beside it ({case id: [log-odds]}, `*.sentences.json`).
    `seed` draws the folds and the training order: runs with several seeds can be averaged, since one draw of
    folds moves the out-of-fold log-odds near the bar (README "The red-flag model")."""
    ids: list[str] = []
    own: dict[str, list[str]] = {}
    texts, ys, _ = training_rows(ids, own)
    files = sorted({i.split("/")[0] for i in ids if i})
    fold_of = dict(zip(files, np.random.default_rng(seed).permutation(len(files)) % FOLDS))
    fitting, oof, each = Fitting(seed), {}, {}
    for k in range(FOLDS):
        train = [j for j, i in enumerate(ids) if not i or fold_of[i.split("/")[0]] != k]
        test = [j for j, i in enumerate(ids) if i and fold_of[i.split("/")[0]] == k]
        net = fitting.fit([texts[j] for j in train], [ys[j] for j in train], f"fold {k + 1} of {FOLDS}: ")
        oof.update(zip([ids[j] for j in test], fitting.logits(net, [texts[j] for j in test]).tolist()))
        said = [(ids[j], s) for j in test for s in own[ids[j]]]
        read = fitting.logits(net, [s for _, s in said]).tolist()
        for (i, _), logit in zip(said, read):
            each.setdefault(i, []).append(logit)
    out.write_text(json.dumps(oof) + "\n", encoding="utf-8")
    out.with_suffix(".sentences.json").write_text(json.dumps(each) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(oof)} out-of-fold log-odds)")
    return 0


def main() -> int:
    if len(sys.argv) in (3, 5) and sys.argv[1] == "--cv":
        seed = int(sys.argv[4]) if len(sys.argv) == 5 and sys.argv[3] == "--seed" else SEED
        return cross_validate(Path(sys.argv[2]), seed)
    texts, ys, fingerprint = training_rows()
    fitting = Fitting()
    net = fitting.fit(texts, ys)
    checks = [texts[i] for i in (0, 1, len(texts) - 2, len(texts) - 1)] + CHECKS
    check_logits = fitting.logits(net, checks).astype(np.float32)
    stored: dict[str, np.ndarray] = {}
    for key, p in net.p.items():
        name = key.replace("__", ".")
        if name == "word_embeddings":
            continue  # the package's, unchanged
        value = p.detach().numpy().astype(np.float32)
        if name.startswith("encoder.") and value.ndim == 2:  # stored as CTranslate2 will run it: int8 rows
            stored[name], stored[f"{name}{flag_encoder.SCALE}"] = quantize_rows(value)
        else:
            stored[name] = value
    stored[flag_encoder.HEAD_WEIGHT] = net.head.weight.detach().numpy()[0].astype(np.float32)
    stored[flag_encoder.HEAD_BIAS] = net.head.bias.detach().numpy().astype(np.float32)
    stored[flag_encoder.FINGERPRINT] = np.frombuffer(fingerprint.encode("ascii"), np.uint8)
    stored[flag_encoder.CHECK_TEXTS] = np.frombuffer(json.dumps(checks).encode("utf-8"), np.uint8)
    stored[flag_encoder.CHECK_LOGITS] = check_logits
    np.savez_compressed(flag_encoder.WEIGHTS, **stored)
    print(f"wrote {flag_encoder.WEIGHTS} ({flag_encoder.WEIGHTS.stat().st_size / 1e6:.1f} MB, {len(texts)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
