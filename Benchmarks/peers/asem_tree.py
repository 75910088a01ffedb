"""The ASEM tree of COINr's example (asem_imeta.csv): indicators with direction and weight, aggregates with parent.

Shared by the generator and the two peer scripts, so all three compute over the same tree.
"""
import csv


def read_tree(imeta_path):
    """Returns (indicators, aggregates): lists of dicts with code, name, direction, weight, parent, level."""
    indicators, aggregates = [], []
    with open(imeta_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Type"] == "Indicator":
                indicators.append(dict(code=row["iCode"], name=row["iName"], direction=int(row["Direction"]),
                                       weight=float(row["Weight"]), parent=row["Parent"], level=1))
            elif row["Type"] == "Aggregate":
                aggregates.append(dict(code=row["iCode"], name=row["iName"], weight=float(row["Weight"]),
                                       parent=None if row["Parent"] == "NA" else row["Parent"],
                                       level=int(row["Level"])))
    return indicators, aggregates
