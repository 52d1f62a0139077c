"""Independent numpy reference values for the fusionator tests on the six real BraTS outputs.

Run with Debian's python3-nibabel and python3-numpy:
    /usr/bin/python3 fusionator/src/test/python/reference_values.py DATA/segmentations
It prints the numbers that RealDataFusionTest asserts. The BraTS Toolkit methods are written from
their specification (labels, thresholds, weights, stop rule), not from BraTS Toolkit's code.
"""
import sys
from pathlib import Path

import nibabel as nib
import numpy as np

NAMES = ["lfb_rwth", "mic-dkfz", "scan", "scan_2019", "xfeng", "zyx_2019"]  # sorted file-name order


def load(folder):
    return [np.asarray(nib.load(str(Path(folder) / (n + ".nii.gz"))).dataobj).astype(np.int64) for n in NAMES]


def counts(volume, labels=(1, 2, 3, 4)):
    return {l: int((volume == l).sum()) for l in labels}


def majority(inputs, classes=(0, 1, 2, 4), undecided=0):
    votes = np.stack([sum((x == c).astype(np.int64) for x in inputs) for c in classes])
    best = votes.max(axis=0)
    winners = (votes == best).sum(axis=0)
    out = np.asarray(classes)[votes.argmax(axis=0)]
    out[winners > 1] = undecided
    return out


def highest_priority(inputs, classes=(0, 1, 2, 4), rank=(0, 2, 1, 3)):
    votes = np.stack([sum((x == c).astype(np.int64) for x in inputs) for c in classes])
    best = votes.max(axis=0)
    out = np.zeros(inputs[0].shape, dtype=np.int64)
    out_rank = np.full(inputs[0].shape, -1)
    for c, r in zip(classes, rank):
        take = (votes[classes.index(c)] == best) & (r > out_rank)
        out[take] = c
        out_rank[take] = r
    return out


def dice(a, b, both_empty):
    s = a.sum() + b.sum()
    return both_empty if s == 0 else 2.0 * np.logical_and(a, b).sum() / s


def btk_mav(inputs, weights):
    labels = sorted(set(np.unique(np.concatenate([np.unique(x) for x in inputs]))) - {0}, reverse=True)
    out = np.zeros(inputs[0].shape, dtype=np.int64)
    for l in labels:
        votes = np.zeros(inputs[0].shape)
        for x, w in zip(inputs, weights):
            votes[x == l] += w
        out[votes >= sum(weights) / 2.0] = l
    return out


def btk_loop(masks, weights):
    def vote(ms, ws):
        v = np.zeros(ms[0].shape)
        for m, w in zip(ms, ws):
            v[m] += w
        return v >= sum(ws) / 2.0

    estimate = vote(masks, weights)
    previous = int(estimate.sum())
    rounds = 0
    for _ in range(25):
        rounds += 1
        ws = [(dice(m, estimate, 0.0) + 1.0) ** 2 for m in masks]
        keep = [w > 0.05 * max(ws) for w in ws]
        masks = [m for m, k in zip(masks, keep) if k]
        ws = [w for w, k in zip(ws, keep) if k]
        estimate = vote(masks, ws)
        if abs(previous - int(estimate.sum())) < 25:
            break
        previous = int(estimate.sum())
    return estimate, rounds


def btk_simple(inputs):
    labels = sorted(set(np.unique(np.concatenate([np.unique(x) for x in inputs]))) - {0})
    out = np.zeros(inputs[0].shape, dtype=np.int64)
    for l in labels:
        est, rounds = btk_loop([x == l for x in inputs], [1.0] * len(inputs))
        out[est] = l
        print("  btk-simple label", l, "rounds", rounds)
    return out


def btk_brats_simple(inputs):
    out = np.zeros(inputs[0].shape, dtype=np.int64)
    for name, label, masks in [("WT", 2, [x > 0 for x in inputs]),
                               ("TC", 1, [(x == 1) | (x == 4) for x in inputs]),
                               ("ET", 4, [x == 4 for x in inputs])]:
        est, rounds = btk_loop(masks, [1.0] * len(inputs))
        out[est] = label
        print("  btk-brats-simple", name, "rounds", rounds)
    return out


def regions(inputs):
    n = len(inputs)
    wt = sum((x > 0).astype(int) for x in inputs) * 2 > n
    tc = sum(((x == 1) | (x == 4)).astype(int) for x in inputs) * 2 > n
    et = sum((x == 4).astype(int) for x in inputs) * 2 > n
    out = np.zeros(inputs[0].shape, dtype=np.int64)
    out[wt] = 2
    out[wt & tc] = 1
    out[wt & tc & et] = 4
    return out


def simple_langerak(masks, alpha=1.0, max_rounds=25):
    """SIMPLE as documented for method simple: Dice (1 when both empty), discard below mean - alpha*std."""
    n = len(masks)
    retained = [True] * n
    votes = sum(m.astype(float) for m in masks)
    estimate = 2 * votes > n
    scores = [0.0] * n
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        for i in range(n):
            if retained[i]:
                scores[i] = dice(masks[i], estimate, 1.0)
        kept = [scores[i] for i in range(n) if retained[i]]
        threshold = np.mean(kept) - alpha * np.std(kept) - 1e-12
        next_retained = [retained[i] and scores[i] >= threshold for i in range(n)]
        total = sum(scores[i] for i in range(n) if next_retained[i])
        support = sum(scores[i] * masks[i] for i in range(n) if next_retained[i])
        next_estimate = 2 * support > total
        unchanged = next_retained == retained and np.array_equal(next_estimate, estimate)
        retained, estimate = next_retained, next_estimate
        if unchanged:
            break
    return estimate


def staple_binary(masks, inactive, max_iterations=100, tolerance=1e-9):
    """Binary STAPLE per voxel on the active voxels plus one row standing for the inactive voxels."""
    d = np.stack([np.append(m, False) for m in masks]).astype(float)  # inputs x (active + 1)
    count = np.ones(d.shape[1])
    count[-1] = inactive
    f = (d * count).sum() / (len(masks) * count.sum())
    p = np.full(len(masks), 0.99)
    q = np.full(len(masks), 0.99)

    def posterior():
        a = f * np.prod(np.where(d > 0, p[:, None], 1 - p[:, None]), axis=0)
        b = (1 - f) * np.prod(np.where(d > 0, 1 - q[:, None], q[:, None]), axis=0)
        return a / (a + b)

    for _ in range(max_iterations):
        w = posterior()
        next_p = (w * count * d).sum(axis=1) / (w * count).sum()
        next_q = ((1 - w) * count * (1 - d)).sum(axis=1) / ((1 - w) * count).sum()
        change = max(np.abs(next_p - p).max(), np.abs(next_q - q).max())
        p, q = next_p, next_q
        if change <= tolerance:
            break
    w = posterior()
    return w[:-1] > 0.5, p, q


def nested(wt, tc, et):
    out = np.zeros(wt.shape, dtype=np.int64)
    out[wt] = 2
    out[wt & tc] = 1
    out[wt & tc & et] = 4
    return out


def region_masks(inputs):
    return {"WT": [x > 0 for x in inputs], "TC": [(x == 1) | (x == 4) for x in inputs], "ET": [x == 4 for x in inputs]}


def fleiss(inputs, classes=(0, 1, 2, 4)):
    any_fg = np.any([x != 0 for x in inputs], axis=0)
    n = len(inputs)
    table = np.stack([sum((x[any_fg] == c).astype(np.int64) for x in inputs) for c in classes], axis=1)
    p_bar = ((table ** 2).sum(axis=1) - n) / (n * (n - 1))
    p_j = table.sum(axis=0) / (table.shape[0] * n)
    pe = (p_j ** 2).sum()
    return int(any_fg.sum()), (p_bar.mean() - pe) / (1 - pe)


def main(folder):
    inputs = load(folder)
    maj = majority(inputs)
    print("majority counts", counts(maj))
    print("highest-priority counts", counts(highest_priority(inputs)))
    print("undecided=255 count", int((majority(inputs, undecided=255) == 255).sum()))
    wt_cons = maj > 0
    for n, x in zip(NAMES, inputs):
        print("dice WT vs majority", n, repr(dice(x > 0, wt_cons, 1.0)),
              "label2", repr(dice(x == 2, maj == 2, 1.0)))
    print("regions counts", counts(regions(inputs)))
    print("btk-mav counts", counts(btk_mav(inputs, [1.0] * 6)))
    print("btk-mav weights 3,1,1,1,1,1 counts", counts(btk_mav(inputs, [3.0, 1, 1, 1, 1, 1])))
    print("btk-simple counts", counts(btk_simple(inputs)))
    print("btk-brats-simple counts", counts(btk_brats_simple(inputs)))
    print("fleiss voxels, kappa", fleiss(inputs))
    regions_of = region_masks(inputs)
    fused = {r: simple_langerak(m) for r, m in regions_of.items()}
    print("simple counts", counts(nested(fused["WT"], fused["TC"], fused["ET"])))
    active = np.any([x != 0 for x in inputs], axis=0)
    inactive = int(active.size - active.sum())
    staple = {}
    for r, m in regions_of.items():
        estimate, p, q = staple_binary([x[active] for x in m], inactive)
        full = np.zeros(active.shape, dtype=bool)
        full[active] = estimate
        staple[r] = full
        print("  staple", r, "p", [round(v, 6) for v in p], "q", [round(v, 9) for v in q])
    print("staple counts", counts(nested(staple["WT"], staple["TC"], staple["ET"])))
    print("pairwise WT dice lfb_rwth/mic-dkfz", repr(dice(inputs[0] > 0, inputs[1] > 0, 1.0)))


if __name__ == "__main__":
    main(sys.argv[1])
