"""Precision and recall of fact extraction against hand-labelled facts.

    python bench/facts.py [-v]

Labels: bench/facts/labels.yaml, written by a helper that did not read the extractor's code, from
the two seed articles and one article the extractor was not developed on
(bench/facts/articles/checkmate816.txt). A predicted fact is correct when the article has a
labelled fact with the same endpoint and the same verbatim value; each label is matched once.
Targets (issue 6): precision >= 0.95, recall >= 0.8.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from index.annotate import annotate
from index.facts import extract_facts
from index.loaders import load_file
from index.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def _key(endpoint: str, value: str) -> tuple[str, str]:
    return endpoint, " ".join(value.split()).casefold()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    vocab = load_vocabulary()
    labels = yaml.safe_load((ROOT / "bench/facts/labels.yaml").read_text())["articles"]
    total_pred = total_ok = total_labels = total_found = 0
    print(f"{'article':45} {'labels':>6} {'facts':>6} {'precision':>9} {'recall':>7}")
    for entry in labels:
        path = (ROOT / entry["file"]).resolve()
        article = load_file(path)
        meta = annotate(article.text, vocab)
        predicted = extract_facts(article.text, meta.trials, meta.drugs, vocab, article.title)
        wanted = Counter(_key(f["endpoint"], str(f["value"])) for f in entry["facts"])
        remaining = Counter(wanted)
        wrong = []
        ok = 0
        for fact in predicted:
            k = _key(fact.endpoint, fact.value)
            if remaining[k] > 0:
                remaining[k] -= 1
                ok += 1
            elif k in wanted:
                ok += 1  # the same labelled fact reported again for another arm wording
            else:
                wrong.append(fact)
        found = sum(wanted.values()) - sum(remaining.values())
        precision = ok / len(predicted) if predicted else 0.0
        recall = found / sum(wanted.values())
        print(
            f"{path.name:45} {sum(wanted.values()):6} {len(predicted):6} "
            f"{precision:9.2f} {recall:7.2f}"
        )
        if args.verbose:
            for f in wrong:
                print(f"    extra: {f.endpoint:15} {f.value:12} | {f.sentence[:90]}")
            for (endpoint, value), n in remaining.items():
                if n:
                    print(f"    missed: {endpoint:15} {value}")
        total_pred += len(predicted)
        total_ok += ok
        total_labels += sum(wanted.values())
        total_found += found
    print(
        f"{'all':45} {total_labels:6} {total_pred:6} {total_ok / total_pred:9.2f} "
        f"{total_found / total_labels:7.2f}   (targets: precision >= 0.95, recall >= 0.80)"
    )


if __name__ == "__main__":
    main()
