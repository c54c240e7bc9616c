"""The attribution cues of PolNeAR gold, by lemma, with the share the library finds.

    python benchmarks/polnear_cues.py                       # cue lemmas of polnear-train gold
    python benchmarks/polnear_cues.py --pred OUT.jsonl      # and the share matched by OUT's claims
    python benchmarks/polnear_cues.py --pred OUT.jsonl --classes   # missed attributions by shape
    python benchmarks/polnear_cues.py --pred OUT.jsonl --disagreements   # cue and source errors by class

``OUT.jsonl`` is ``conflict-events extract`` over (a slice of) the set's ``docs.jsonl``; only
the gold documents present in it are counted. Matching is the scorer's
(``../shared/dev/attribution/score.py``: content overlap of at least half the shorter span).
Prints lemma lists and counts only, never the set's text, so its output may be quoted in the docs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "dev" / "attribution"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("polnear_score", SHARED / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cue_key(text: str, stem: Any) -> str:
    """A cue's lemma key: its words, lower-cased and crudely stemmed ("said" -> "say")."""
    ws = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    return " ".join(stem(w) for w in ws) if ws else "<" + text.strip()[:3] + ">"


def matched_ids(sc: ModuleType, gold: dict[str, Any], result: dict[str, Any]) -> set[int]:
    """Indices of the gold attributions matched one-to-one by the result's claims (the scorer's way)."""
    return set(matching(sc, gold, result))


def matching(sc: ModuleType, gold: dict[str, Any], result: dict[str, Any]) -> dict[int, int]:
    """Gold attribution index -> index of the claim matched to it, one-to-one (the scorer's way)."""
    pairs = []
    atts = gold["attributions"]
    for i, c in enumerate(result.get("claims") or []):
        t = c.get("text") or {}
        if t.get("start") is None or t.get("end") is None or t["end"] <= t["start"]:
            continue
        ps = (t["start"], t["end"])
        for j, a in enumerate(atts):
            fr = a["content"]["fragments"]
            glen = sum(e - s for s, e in fr)
            o = sc.ov_frags(ps, fr)
            if o and o >= 0.5 * min(glen, ps[1] - ps[0]):
                pairs.append((o / max(glen, ps[1] - ps[0]), o, -i, -j, i, j))
    pairs.sort(reverse=True)
    out: dict[int, int] = {}
    used_c: set[int] = set()
    for *_, i, j in pairs:
        if i not in used_c and j not in out:
            used_c.add(i)
            out[j] = i
    return out


def _cue_at(claim: dict[str, Any]) -> tuple[int, int] | None:
    span = claim.get("cue_span") or {}
    return (span["start"], span["end"]) if span.get("start") is not None else None


def cue_class(
    sc: ModuleType,
    att: dict[str, Any],
    claim: dict[str, Any],
    gold: dict[str, Any],
    result: dict[str, Any],
    hit: dict[int, int],
) -> str:
    """Why a matched claim's cue disagrees with the gold one: the nesting of the two, whether the gold has an
    attribution with the claim's cue, and whether a claim of ours has the gold cue (matched or not)."""
    at = _cue_at(claim)
    if at is None:
        return "no cue span"
    if sc.ov_frags(at, att["content"]["fragments"]):
        where = "our cue inside the gold content (outer gold cue)"
    elif claim["text"]["start"] <= att["cue"]["start"] < claim["text"]["end"]:
        where = "the gold cue inside our content (inner gold)"
    else:
        where = "other"
    ours = [k for k, b in enumerate(gold["attributions"]) if sc.ov_frags(at, b["cue"]["fragments"])]
    claims = result.get("claims") or []
    theirs = [k for k, c in enumerate(claims) if (a := _cue_at(c)) and sc.ov_frags(a, att["cue"]["fragments"])]
    used = set(hit.values())
    gold_side = (
        ("gold has our cue, " + ("matched elsewhere" if ours[0] in hit else "unmatched"))
        if ours
        else "gold lacks our cue"
    )
    our_side = (
        ("we have the gold cue, " + ("matched elsewhere" if theirs[0] in used else "unmatched"))
        if theirs
        else "we lack the gold cue"
    )
    return f"{where} | {gold_side} | {our_side}"


def source_class(sc: ModuleType, att: dict[str, Any], claim: dict[str, Any], cue_ok: bool) -> str:
    """Why a matched claim's claimant disagrees with the gold source."""
    if not cue_ok:
        return "after a cue disagreement"
    if not claim.get("claimant"):
        return "no claimant"
    if att["source"]["text"].strip().lower() in sc.PRONOUNS:
        return "pronoun judged against its CoreNLP antecedent"
    return "wrong named or described speaker"


def disagreements(
    sc: ModuleType, golds: list[dict[str, Any]], preds: dict[str, Any]
) -> tuple[Counter[str], Counter[str]]:
    """Cue and source disagreements among the scorer's matches, by class (counts only)."""
    cues: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for g in golds:
        result = preds.get(g["id"])
        if result is None:
            continue
        hit = matching(sc, g, result)
        claims = result.get("claims") or []
        for j, i in hit.items():
            att, claim = g["attributions"][j], claims[i]
            ok = bool(sc.cue_ok(claim, att["cue"]))
            if not ok:
                cues[cue_class(sc, att, claim, g, result, hit)] += 1
            src = att["source"]
            judged = src and not (src["text"].strip().lower() in sc.PRONOUNS and not att.get("source_resolved"))
            if judged and not sc.source_ok(result, claim, att):
                sources[source_class(sc, att, claim, ok)] += 1
    return cues, sources


def shape(att: dict[str, Any], text: str) -> str:
    """A coarse class of a gold attribution, from the positions of its roles (no parse)."""
    cue, content, src = att["cue"], att["content"], att["source"]
    if not re.search(r"[A-Za-z]", cue["text"]):
        return "punctuation cue"
    if src is None:
        return "no source"
    between = text[content["end"] : cue["start"]] if content["end"] <= cue["start"] else ""
    if len(content["fragments"]) > 1:
        return "content in pieces"
    if content["end"] <= cue["start"] and len(between) < 4:
        return "content before cue"
    if re.match(r"\s*to\b", text[cue["end"] : content["start"] + 3]) or content["text"].lower().startswith("to "):
        return "infinitive content"
    if content["text"][:1] in '"“':
        return "quotation"
    return "clause or object after cue"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="polnear-train")
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--top", type=int, default=150)
    ap.add_argument("--classes", action="store_true", help="missed attributions by coarse shape")
    ap.add_argument("--disagreements", action="store_true", help="cue and source disagreements by class")
    a = ap.parse_args(argv)
    sc = _scorer()
    gold = _load(SHARED / a.set / "gold.jsonl")
    texts = {d["id"]: d["text"] for d in _load(SHARED / a.set / "docs.jsonl")}
    preds = {r["document"]["id"]: r for r in _load(a.pred)} if a.pred else None
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    missed_shapes: Counter[str] = Counter()
    for g in gold:
        if preds is not None and g["id"] not in preds:
            continue
        hit = matched_ids(sc, g, preds[g["id"]]) if preds is not None else set()
        for j, att in enumerate(g["attributions"]):
            key = cue_key(att["cue"]["text"], sc.stem)
            total[key] += 1
            s = shape(att, texts[g["id"]])
            shapes[s] += 1
            if j in hit:
                found[key] += 1
            else:
                missed_shapes[s] += 1
    n = sum(total.values())
    print(f"{n} gold attributions, {len(total)} cue keys" + (f", {sum(found.values())} matched" if preds else ""))
    cum = 0
    for key, k in total.most_common(a.top):
        cum += k
        share = f"  found {found[key] / k:5.2f}" if preds is not None else ""
        print(f"{k:6d} {cum / n:6.3f}  {key:30s}{share}")
    if a.disagreements and preds is not None:
        cues, sources = disagreements(sc, gold, preds)
        for title, counts in (("cue disagreements", cues), ("source disagreements", sources)):
            print(f"\n{title}: {sum(counts.values())}")
            for k, v in counts.most_common():
                print(f"{v:6d}  {k}")
    if a.classes:
        print("\nshape: gold, missed")
        for s, k in shapes.most_common():
            print(f"{k:6d} {missed_shapes[s]:6d}  {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
