"""The ASEM benchmark computed with pandas: read the CSV, min–max each indicator to 0–100 (reversed for
direction −1), weighted arithmetic means up the tree skipping missing values, write every aggregate as CSV.

usage: python3 pandas_asem.py IMETA.csv DATA.csv > scores.csv
"""
import sys

import pandas as pd

from asem_tree import read_tree

indicators, aggregates = read_tree(sys.argv[1])
data = pd.read_csv(sys.argv[2], index_col="unit")
scores = {}
for i in indicators:
    x = data[i["code"]]
    lo, hi = x.min(), x.max()
    s = (x - lo) / (hi - lo) * 100
    scores[i["code"]] = 100 - s if i["direction"] < 0 else s
nodes = {n["code"]: n for n in indicators + aggregates}
for level in sorted({a["level"] for a in aggregates}):
    for a in (a for a in aggregates if a["level"] == level):
        children = [n for n in nodes.values() if n["parent"] == a["code"]]
        values = pd.concat([scores[c["code"]] for c in children], axis=1)
        weights = pd.Series([c["weight"] for c in children], index=values.columns)
        present = values.notna()
        total = (values.fillna(0) * weights.values).sum(axis=1)
        weight = (present * weights.values).sum(axis=1)
        scores[a["code"]] = (total / weight).where(weight > 0)
out = pd.DataFrame({a["code"].lower(): scores[a["code"]] for a in aggregates})
out.index.name = "unit"
out.to_csv(sys.stdout, float_format="%.10f")
