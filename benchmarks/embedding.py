"""Which runtime runs the sentence model: agreement with the original weights, speed, memory, start-up.

Candidates, each measured in its own child process on the same sentences:
  ct2-int8     the product's choice: simulator.meaning.Embedder (CTranslate2, int8 weights, our
               torch-free conversion, which must equal ctranslate2's own converter byte for byte)
  ct2-int16    CTranslate2, the float32 conversion loaded as int16
  ct2-float32  CTranslate2, float32
  ort-float32  onnxruntime on an ONNX export of the same BERT   (needs torch, transformers, onnx)
  ort-int8     onnxruntime, dynamic int8 quantization per channel (needs the same, plus onnx)
  static       a model2vec-style static table: every vocabulary token embedded alone through the
               model; a sentence is the mean of its tokens' rows (no word order, no context)

The reference is the original float32 weights run through a plain BERT forward pass in float64
numpy, written here (and compared with sentence-transformers when that is installed).
Accuracy: cosine of each sentence's embedding with the reference's; on realistic question /
answer pairs (every question and key point of the bundled banks against answer sentences of
the evaluation sets), the error in cosine similarity, and how often two answer sentences keep
the reference's order of similarity to a question (pairs whose reference similarities differ
by at least 0.02 / 0.05), and the same top-1 sentence.
Speed on 2 threads: a batch of 20 answer sentences and a single sentence (median ms, no cache);
every candidate runs --repeat times, in turn, and each figure is the median of its runs.
Memory: resident size added by loading the model (+RSS) and the peak over the timed work (a
batch of 20, single sentences), over a process that already imported ctranslate2, onnxruntime
and tokenizers (the speech engine loads them anyway). Start-up: loading an already converted
model to its first vector; ct2-int8 also reports the one-time conversion on first use.

    python -m benchmarks.embedding [--candidates ct2-int8,static] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

# The float64 reference does many small matrix products; on a busy 2-core machine a BLAS thread
# pool spins against itself and runs them ~10x slower than one thread does.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WORK = ROOT / ".bench" / "embedding"
CANDIDATES = ("ct2-int8", "ct2-int16", "ct2-float32", "ort-float32", "ort-int8", "static")
THREADS = 2

# --- the reference forward pass --------------------------------------------------------------


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.2e-7 (Numerical Recipes' erfc Chebyshev fit); numpy has none."""
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = (-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277)))))))))
    return np.sign(x) * (1.0 - t * np.exp(poly))


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


class Reference:
    """all-MiniLM-L6-v2's original weights in float64: BERT, mean pooling, unit length."""

    def __init__(self):
        from tokenizers import Tokenizer

        from simulator.meaning.convert import (extract_checked, packaged_zip,
                                               read_safetensors_header, read_tensor)

        zip_path = packaged_zip()
        with zipfile.ZipFile(zip_path) as archive, tempfile.TemporaryFile() as f:
            extract_checked(archive, zip_path, "model.safetensors", f)
            self.w = {n: read_tensor(f, t).astype(np.float64)
                      for n, t in read_safetensors_header(f).items() if n != "embeddings.position_ids"}
            self.config = json.loads(archive.read("config.json"))
            self.tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(256)

    def embed(self, sentences: list[str]) -> np.ndarray:
        return np.stack([self._one(e.ids) for e in self.tokenizer.encode_batch(sentences)]).astype(np.float32)

    def _one(self, ids: list[int]) -> np.ndarray:
        w, c = self.w, self.config
        eps, heads = c["layer_norm_eps"], c["num_attention_heads"]
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        d = x.shape[1] // heads
        for i in range(c["num_hidden_layers"]):
            p = f"encoder.layer.{i}."

            def lin(name, h):
                return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (lin(f"attention.self.{s}", x).reshape(n, heads, d).transpose(1, 0, 2)
                       for s in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            context = (scores / scores.sum(-1, keepdims=True)) @ v
            attended = lin("attention.output.dense", context.transpose(1, 0, 2).reshape(n, -1))
            x = _layer_norm(x + attended, w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], eps)
            h = lin("intermediate.dense", x)
            h = 0.5 * h * (1.0 + _erf(h / math.sqrt(2.0)))
            x = _layer_norm(x + lin("output.dense", h), w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], eps)
        pooled = x.mean(0)
        return pooled / np.linalg.norm(pooled)


# --- the sentences ---------------------------------------------------------------------------


def answer_sentences(limit: int = 320) -> list[str]:
    """Sentences of the evaluation sets' answers (every kind, strong to rude), then the demo's."""
    import yaml

    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "eval").glob("*.yaml")):
        for q in yaml.safe_load(path.read_text())["questions"]:
            texts += list(q["answers"].values())
    # The judgment set's tune half only: its held-out half is for measuring rules, not for reading.
    tune = ROOT / "tests" / "judgment" / "tune.yaml"
    if tune.is_file():
        for q in yaml.safe_load(tune.read_text())["questions"]:
            texts += [a["text"] for a in q["answers"]]
    out = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) >= 3]
    out = list(dict.fromkeys(out))
    return out[::max(1, len(out) // limit)][:limit]


def questions_and_points() -> list[str]:
    import yaml

    out: list[str] = []
    for path in sorted((ROOT / "question_banks").glob("*.yaml")):
        for q in yaml.safe_load(path.read_text())["questions"]:
            out.append(q["text"])
            for kp in q.get("key_points") or []:
                out.append(kp[0] if isinstance(kp, list) else kp)
    return list(dict.fromkeys(out))


def timing_batch() -> list[str]:
    """About 20 sentences: what a 60 s answer and its neighbours are made of."""
    import yaml

    q = yaml.safe_load((ROOT / "tests" / "eval" / "general.yaml").read_text())["questions"]
    text = " ".join(x["answers"]["strong"] for x in q[:4])
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s][:20]


# --- candidates ------------------------------------------------------------------------------


def _tokenizer(folder: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(256)
    return tok


def _pooled(hidden: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    mask = (np.arange(hidden.shape[1])[None, :] < lengths[:, None]).astype(np.float32)
    v = (hidden * mask[:, :, None]).sum(1) / lengths[:, None]
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _sorted_batches(tok, sentences: list[str], run, size: int = 32) -> np.ndarray:
    """The Embedder's batching (by length, 32 at a time) for every candidate, so all pad alike."""
    enc = tok.encode_batch(sentences)
    order = sorted(range(len(enc)), key=lambda i: len(enc[i].ids))
    out = np.empty((len(enc), 384), np.float32)
    for s in range(0, len(order), size):
        rows = order[s:s + size]
        ids = [enc[i].ids for i in rows]
        out[rows] = run(ids)
    return out


def prepare(name: str) -> None:
    """Build what a candidate loads, into .bench/embedding/ (once)."""
    from simulator.meaning.convert import convert, packaged_zip

    WORK.mkdir(parents=True, exist_ok=True)
    f32 = WORK / "ct2-float32"
    if name in ("ct2-int16", "ct2-float32", "static") and not (f32 / "model.bin").is_file():
        f32.mkdir(exist_ok=True)
        convert(packaged_zip(), f32, quantize=False)
    if name == "static" and not (WORK / "static.npy").is_file():
        import ctranslate2

        enc = ctranslate2.Encoder(str(f32), intra_threads=THREADS)
        vocab = len(json.loads((f32 / "vocabulary.json").read_text()))
        table = np.empty((vocab, 384), np.float32)
        for s in range(0, vocab, 1024):
            ids = [[101, t, 102] for t in range(s, min(vocab, s + 1024))]
            table[s:s + len(ids)] = np.asarray(enc.forward_batch(ids).last_hidden_state).mean(1)
        np.save(WORK / "static.npy", table)
    if name.startswith("ort") and not (WORK / f"{name}.onnx").is_file():
        _export_onnx()


def _export_onnx() -> None:
    import onnx  # noqa: F401  (torch's exporter and the quantizer need it; fail early if absent)
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import BertModel

    from simulator.meaning.convert import packaged_zip

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(packaged_zip()) as z:
            z.extractall(tmp, [m for m in z.namelist() if m in ("config.json", "model.safetensors")])
        model = BertModel.from_pretrained(tmp, add_pooling_layer=False).eval()

    class Hidden(torch.nn.Module):
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, ids, mask):
            return self.bert(input_ids=ids, attention_mask=mask).last_hidden_state

    ids = torch.tensor([[101, 2023, 2003, 102], [101, 2023, 102, 0]])
    axes = {k: {0: "batch", 1: "tokens"} for k in ("input_ids", "attention_mask", "hidden")}
    torch.onnx.export(Hidden(model), (ids, (ids > 0).long()), str(WORK / "ort-float32.onnx"),
                      input_names=["input_ids", "attention_mask"], output_names=["hidden"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize_dynamic(str(WORK / "ort-float32.onnx"), str(WORK / "ort-int8.onnx"),
                     weight_type=QuantType.QInt8, per_channel=True)


def load(name: str, home: Path):
    """The candidate as `embed(sentences) -> (n, 384)`, loaded (and warmed up once)."""
    if name == "ct2-int8":
        from simulator.meaning import Embedder

        e = Embedder(home, threads=THREADS, cache_size=0)
        e.load()
        return e.embed
    tok = _tokenizer(WORK / "ct2-float32")
    if name.startswith("ct2"):
        import ctranslate2

        enc = ctranslate2.Encoder(str(WORK / "ct2-float32"), compute_type=name[4:],
                                  intra_threads=THREADS)
        return lambda s: _sorted_batches(tok, s, lambda ids: _pooled(
            np.asarray(enc.forward_batch(ids).last_hidden_state), np.array([len(i) for i in ids])))
    if name.startswith("ort"):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads, opts.inter_op_num_threads = THREADS, 1
        session = ort.InferenceSession(str(WORK / f"{name}.onnx"), opts,
                                       providers=["CPUExecutionProvider"])

        def run(ids):
            lengths = np.array([len(i) for i in ids])
            padded = np.zeros((len(ids), lengths.max()), np.int64)
            for r, i in enumerate(ids):
                padded[r, :len(i)] = i
            mask = (padded > 0).astype(np.int64)
            return _pooled(session.run(None, {"input_ids": padded, "attention_mask": mask})[0], lengths)

        return lambda s: _sorted_batches(tok, s, run)
    if name == "static":
        table = np.load(WORK / "static.npy")

        def static(sentences):
            rows = [table[e.ids[1:-1] or [100]].mean(0) for e in tok.encode_batch(sentences)]
            v = np.stack(rows)
            return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

        return static
    raise SystemExit(f"unknown candidate {name}")


def _status(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _median_ms(fn, reps: int) -> tuple[float, float]:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))]


def measure(name: str) -> dict:
    """In a child process: load one candidate, time it, embed the sentence sets, save them."""
    import ctranslate2  # noqa: F401  (the libraries the product has loaded before this model)
    import onnxruntime  # noqa: F401
    import tokenizers  # noqa: F401

    base = _status("VmRSS")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        figures: dict = {"candidate": name}
        if name == "ct2-int8":  # the conversion a first use pays, separately from start-up
            from simulator.meaning.convert import ensure_model

            t = time.perf_counter()
            ensure_model(home, progress=False)
            figures["conversion_s"] = round(time.perf_counter() - t, 2)
            base = _status("VmRSS")
        t = time.perf_counter()
        embed = load(name, home)
        embed(["Warm up."])
        figures["startup_s"] = round(time.perf_counter() - t, 3)
        figures["rss_added_mb"] = round(_status("VmRSS") - base, 1)
        batch, single = timing_batch(), ["I stayed calm, apologized and refunded the charge."]
        embed(batch)
        figures["batch20_ms"], figures["batch20_p90_ms"] = _median_ms(lambda: embed(batch), 15)
        figures["single_ms"], figures["single_p90_ms"] = _median_ms(lambda: embed(single), 60)
        figures["peak_rss_added_mb"] = round(_status("VmHWM") - base, 1)  # answer-sized work
        vectors = {"answers": embed(answer_sentences()), "queries": embed(questions_and_points())}
    np.savez(WORK / f"vectors-{name}.npz", **vectors)
    return figures


def accuracy(vectors: dict, ref: dict) -> dict:
    """Agreement with the reference: cosine per sentence, and the similarity rankings."""
    cos = np.concatenate([(vectors[k] * ref[k]).sum(1) for k in ("answers", "queries")])
    sim, rsim = vectors["queries"] @ vectors["answers"].T, ref["queries"] @ ref["answers"].T
    err = np.abs(sim - rsim)
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, rsim.shape[1], (2, rsim.shape[0], 300))
    rows = np.arange(rsim.shape[0])[:, None]
    gap = rsim[rows, i] - rsim[rows, j]
    same = np.sign(sim[rows, i] - sim[rows, j]) == np.sign(gap)
    out = {"cos_mean": float(cos.mean()), "cos_min": float(cos.min()),
           "sim_err_mean": float(err.mean()), "sim_err_p99": float(np.quantile(err, 0.99)),
           "top1_same": float(np.mean(sim.argmax(1) == rsim.argmax(1)))}
    for g in (0.02, 0.05):
        out[f"order_kept_gap{g}"] = float(same[np.abs(gap) >= g].mean())
    return {k: round(v, 4) for k, v in out.items()}


def reference_vectors() -> dict:
    """The reference's vectors for the sentence sets, cached in .bench/ by the sentences' hash."""
    import hashlib

    answers, queries = answer_sentences(), questions_and_points()
    digest = hashlib.sha256("\n".join(answers + ["--"] + queries).encode()).hexdigest()[:16]
    path = WORK / f"vectors-reference-{digest}.npz"
    if path.is_file():
        saved = np.load(path, allow_pickle=False)
        return {"answers": saved["answers"], "queries": saved["queries"]}
    print("computing the float64 reference...", file=sys.stderr, flush=True)
    ref = Reference()
    vectors = {"answers": ref.embed(answers), "queries": ref.embed(queries)}
    WORK.mkdir(parents=True, exist_ok=True)
    np.savez(path, **vectors)
    return vectors


def cross_checks(ref: dict) -> dict:
    """The reference against sentence-transformers, our conversion against ctranslate2's
    converter: each only where the other tool is installed."""
    out: dict = {}
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        out["reference_vs_sentence_transformers"] = "sentence-transformers not installed"
    else:
        with tempfile.TemporaryDirectory() as tmp:
            from simulator.meaning.convert import packaged_zip

            zipfile.ZipFile(packaged_zip()).extractall(tmp)
            st = SentenceTransformer(tmp, device="cpu")
            got = st.encode(answer_sentences()[:60], normalize_embeddings=True)
        out["reference_vs_sentence_transformers_cos_min"] = round(
            float((got * ref["answers"][:60]).sum(1).min()), 6)
    try:
        from ctranslate2.converters import TransformersConverter
        import transformers  # noqa: F401
    except ImportError:
        out["conversion_vs_ctranslate2_converter"] = "transformers not installed"
    else:
        from simulator.meaning.convert import ensure_model, packaged_zip

        with tempfile.TemporaryDirectory() as tmp:
            zipfile.ZipFile(packaged_zip()).extractall(Path(tmp) / "src")
            TransformersConverter(str(Path(tmp) / "src")).convert(str(Path(tmp) / "ct2"),
                                                                  quantization="int8")
            ours = ensure_model(Path(tmp) / "home", progress=False)
            same = (ours / "model.bin").read_bytes() == (Path(tmp) / "ct2" / "model.bin").read_bytes()
        out["conversion_vs_ctranslate2_converter"] = "identical" if same else "DIFFERENT"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", default=",".join(CANDIDATES))
    parser.add_argument("--repeat", type=int, default=3,
                        help="child runs per candidate, taken in turn; timings are their medians")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    ref = reference_vectors()
    names, skipped = [], {}
    for name in args.candidates.split(","):
        try:
            prepare(name)
            names.append(name)
        except ImportError as exc:
            skipped[name] = f"not measured: {exc.name or exc} is not installed"
    runs: dict[str, list[dict]] = {name: [] for name in names}
    for _ in range(args.repeat):  # in turn, so a burst of load elsewhere hits every candidate
        for name in names:
            out = subprocess.run([sys.executable, "-m", "benchmarks.embedding", "--child", name],
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                     [str(ROOT), os.environ.get("PYTHONPATH", "")])})
            if out.returncode == 0:
                runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
            else:
                skipped[name] = f"failed (exit {out.returncode})"
    rows = []
    for name in names:
        if not runs[name]:
            continue
        figures = {k: (statistics.median(r[k] for r in runs[name]) if isinstance(v, (int, float)) else v)
                   for k, v in runs[name][0].items()}
        figures["runs"] = len(runs[name])
        saved = np.load(WORK / f"vectors-{name}.npz")
        figures.update(accuracy({k: saved[k] for k in ("answers", "queries")}, ref))
        rows.append(figures)
    print(f"{len(answer_sentences())} answer sentences x {len(questions_and_points())} questions "
          f"and key points; {THREADS} threads; reference: float64 numpy forward pass\n")
    head = (f"{'runtime':<12}{'cos mean/min':>15}{'sim err p99':>12}{'order kept':>12}{'top-1':>7}"
            f"{'batch 20':>10}{'single':>9}{'+RSS':>8}{'peak':>8}{'start':>8}")
    print(head)
    for r in rows:
        print(f"{r['candidate']:<12}{r['cos_mean']:>8.4f}/{r['cos_min']:<6.3f}{r['sim_err_p99']:>12.4f}"
              f"{r['order_kept_gap0.02']:>11.1%} {r['top1_same']:>6.0%}{r['batch20_ms']:>8.0f}ms"
              f"{r['single_ms']:>7.1f}ms{r['rss_added_mb']:>6.0f}MB{r['peak_rss_added_mb']:>6.0f}MB"
              f"{r['startup_s']:>7.2f}s")
    for name, why in skipped.items():
        print(f"{name:<12}{why}")
    checks = cross_checks(ref)
    for k, v in checks.items():
        print(f"{k}: {v}")
    print(json.dumps({"rows": rows, "skipped": skipped, "checks": checks}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
