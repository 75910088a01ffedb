"""Writes the ASEM-shaped benchmark set: DIR/asem.yaml (criteria) and DIR/asem.csv (10,000 units × 49 indicators).

Deterministic (a 64-bit LCG with a fixed seed). Each indicator's values are spread around its COINr target,
written as R and Python write them: up to 15 significant digits, small values in exponent form (2e-06);
about 1 % of cells are empty. The criteria: min–max to 0–100 over all units (reversed for direction −1),
weighted arithmetic means up the tree, missing values skipped (their siblings' weights rescaled, as COINr's
a_amean), 10 decimals.

usage: python3 generate_asem.py IMETA.csv DIR [UNITS]
"""
import os
import sys

from asem_tree import read_tree


def main():
    imeta, out = sys.argv[1], sys.argv[2]
    units = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    indicators, aggregates = read_tree(imeta)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "asem.yaml"), "w", encoding="utf-8") as f:
        f.write(criteria(indicators, aggregates))
    state = 20251204
    def uniform():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (state >> 11) / float(1 << 53)
    with open(os.path.join(out, "asem.csv"), "w", encoding="utf-8") as f:
        f.write("unit," + ",".join(i["code"] for i in indicators) + "\n")
        for u in range(1, units + 1):
            cells = []
            for k, _ in enumerate(indicators):
                r = uniform()
                if r < 0.01:
                    cells.append("")
                    continue
                # Magnitudes from 1e-6 to 1e5 across indicators, as in the ASEM data (Elec 2e-06 … Research 91528).
                scale = 10.0 ** ((k * 7) % 12 - 6)
                cells.append(repr(float("%.12g" % (uniform() * 100 * scale))))
            f.write("U%05d," % u + ",".join(cells) + "\n")


def criteria(indicators, aggregates):
    lines = [
        "schema: ictindex/v1",
        "id: asem-benchmark",
        "name: ASEM-shaped benchmark (COINr's tree, 10,000 units × 49 indicators)",
        "scale: 100",
        "decimals: 10",
        "defaults:",
        "  missing: skip",
        "  score: {rule: minmax, over: all}",
        "variables:",
    ]
    for i in indicators:
        lines.append("  - {id: %s, name: \"%s\", type: number}" % (i["code"].lower(), i["name"]))
    children = {}
    for node in indicators + aggregates:
        children.setdefault(node["parent"], []).append(node)
    root = [a for a in aggregates if a["parent"] is None][0]

    def emit(node, indent):
        pad = " " * indent
        out = ["%s- id: %s" % (pad, node["code"].lower()), "%s  name: \"%s\"" % (pad, node["name"]),
               "%s  weight: %g" % (pad, node["weight"])]
        if node["level"] == 1:
            out.append("%s  value: %s" % (pad, node["code"].lower()))
            if node["direction"] < 0:
                out.append("%s  direction: lower" % pad)
        else:
            out += ["%s  aggregate: mean" % pad, "%s  children:" % pad]
            for child in children[node["code"]]:
                out += emit(child, indent + 4)
        return out

    lines += ["index:", "  id: %s" % root["code"].lower(), "  name: \"%s\"" % root["name"],
              "  aggregate: mean", "  children:"]
    for child in children[root["code"]]:
        lines += emit(child, 4)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
