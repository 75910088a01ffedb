"""The ASEM benchmark computed with polars, lazily: the same computation as pandas_asem.py.

usage: python3 polars_asem.py IMETA.csv DATA.csv > scores.csv
"""
import sys

import polars as pl

from asem_tree import read_tree

indicators, aggregates = read_tree(sys.argv[1])
frame = pl.scan_csv(sys.argv[2], infer_schema_length=0).with_columns(
    [pl.col(i["code"]).cast(pl.Float64) for i in indicators])
exprs = {}
for i in indicators:
    x = pl.col(i["code"])
    s = (x - x.min()) / (x.max() - x.min()) * 100
    exprs[i["code"]] = 100 - s if i["direction"] < 0 else s
nodes = indicators + aggregates
for level in sorted({a["level"] for a in aggregates}):
    for a in (a for a in aggregates if a["level"] == level):
        children = [n for n in nodes if n["parent"] == a["code"]]
        total = pl.sum_horizontal([exprs[c["code"]].fill_null(0) * c["weight"] for c in children])
        weight = pl.sum_horizontal([exprs[c["code"]].is_not_null().cast(pl.Float64) * c["weight"] for c in children])
        exprs[a["code"]] = pl.when(weight > 0).then(total / weight).otherwise(None)
result = frame.select([pl.col("unit")] + [exprs[a["code"]].alias(a["code"].lower()) for a in aggregates]).collect()
sys.stdout.write(result.write_csv(float_precision=10))
