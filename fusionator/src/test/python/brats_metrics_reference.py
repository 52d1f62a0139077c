"""Reference values for BratsEvaluatorRealDataTest, computed with numpy and scipy only.

Usage: python3 brats_metrics_reference.py TRUTH.nii.gz PREDICTION.nii.gz
Prints one line per region (WT, TC, ET, BraTS 2021 labels 1, 2, 4) with Dice, HD95, surface Dice at
1 mm, sensitivity, specificity, volumes in mL and the lesion-wise Dice and HD95 (BraTS-GLI
parameters, surface-voxel HD95).
"""
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

REGIONS = {"WT": (1, 2, 4), "TC": (1, 4), "ET": (4,)}
EMPTY_HD95 = 373.13
MISSED_HD95 = 374.0
FULL = np.ones((3, 3, 3), dtype=bool)
CROSS = ndimage.generate_binary_structure(3, 1)
EIGHTEEN = ndimage.generate_binary_structure(3, 2)


def surface(mask):
    return mask & ~ndimage.binary_erosion(mask, structure=CROSS, border_value=0)


def directed(a, b, spacing):
    distances = ndimage.distance_transform_edt(~surface(b), sampling=spacing)
    return distances[surface(a)]


def surface_metrics(truth, pred, spacing):
    t_to_p = directed(truth, pred, spacing)
    p_to_t = directed(pred, truth, spacing)
    pooled = np.hstack((t_to_p, p_to_t))
    hd95 = np.percentile(pooled, 95)
    nsd = (np.count_nonzero(t_to_p <= 1 + 1e-9) + np.count_nonzero(p_to_t <= 1 + 1e-9)) / pooled.size
    return hd95, nsd


def lesion_wise(truth, pred, spacing, iterations=3, threshold=50):
    voxel = float(np.prod(spacing))
    dilated = ndimage.binary_dilation(truth, structure=EIGHTEEN, iterations=iterations)
    lesions, count = ndimage.label(dilated, structure=FULL)
    components, _ = ndimage.label(pred, structure=FULL)
    matched_all = set()
    scores = []
    for lesion in range(1, count + 1):
        mask = truth & (lesions == lesion)
        reach = ndimage.binary_dilation(mask, structure=EIGHTEEN, iterations=iterations)
        matched = set(np.unique(components[reach])) - {0}
        matched_all |= matched
        volume = mask.sum() * voxel
        if not matched:
            scores.append((volume, 0.0, MISSED_HD95))
            continue
        union = np.isin(components, list(matched))
        dice = 2.0 * (mask & union).sum() / (mask.sum() + union.sum())
        hd95, _ = surface_metrics(mask, union, spacing)
        scores.append((volume, dice, hd95))
    fp = len(set(np.unique(components)) - {0} - matched_all)
    kept = [s for s in scores if s[0] > threshold]
    denominator = len(kept) + fp
    if denominator == 0:
        return 1.0, 0.0
    return (sum(s[1] for s in kept) / denominator,
            (sum(s[2] for s in kept) + fp * MISSED_HD95) / denominator)


def main(truth_path, pred_path):
    truth_image = nib.load(truth_path)
    truth_labels = np.rint(truth_image.get_fdata()).astype(int)
    pred_labels = np.rint(nib.load(pred_path).get_fdata()).astype(int)
    spacing = [float(s) for s in truth_image.header.get_zooms()[:3]]
    voxel_ml = float(np.prod(spacing)) / 1000
    for name, labels in REGIONS.items():
        t = np.isin(truth_labels, labels)
        p = np.isin(pred_labels, labels)
        nt, np_, overlap = t.sum(), p.sum(), (t & p).sum()
        if nt == 0 and np_ == 0:
            print(f"{name} both empty")
            continue
        dice = 2.0 * overlap / (nt + np_)
        if nt == 0 or np_ == 0:
            hd95, nsd = EMPTY_HD95, 0.0
        else:
            hd95, nsd = surface_metrics(t, p, spacing)
        sens = overlap / nt if nt else 0.0
        fp = np_ - overlap
        tn = t.size - nt - fp
        spec = tn / (tn + fp)
        lw_dice, lw_hd95 = lesion_wise(t, p, spacing)
        print(f"{name} dice={dice:.10f} hd95={hd95:.10f} nsd={nsd:.10f} sens={sens:.10f} spec={spec:.10f}"
              f" vt={nt * voxel_ml:.6f} vp={np_ * voxel_ml:.6f} lwdice={lw_dice:.10f} lwhd95={lw_hd95:.10f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
