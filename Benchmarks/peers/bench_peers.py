"""End to end, side by side: `ictindex score … --format csv` against a pandas and a polars script computing the
same thing on the ASEM-shaped set (10,000 units × 49 indicators, see generate_asem.py).

1. Writes the set into DIR when missing; installs pandas and polars (pip) when missing.
2. Checks that the three agree to 1e-9 on every aggregate of every unit (and on which are missing).
3. Times each as a whole process, interleaved (ictindex, pandas, polars, ictindex, …): one warm-up round, then
   RUNS rounds; prints each one's median wall time and peak memory (/usr/bin/time), and the ratios.

usage: python3 bench_peers.py ICTINDEX IMETA.csv DIR [RUNS]
"""
import csv
import io
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_packages():
    try:
        import pandas  # noqa: F401
        import polars  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "pandas", "polars"])


def output(command):
    """The standard output of a command that must succeed."""
    process = subprocess.run(command, capture_output=True)
    if process.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), process.stderr.decode()))
    return process.stdout.decode()


def table(text, key="unit"):
    rows = list(csv.DictReader(io.StringIO(text)))
    return {row[key]: row for row in rows}


def main():
    ictindex, imeta, folder = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    yaml, data = os.path.join(folder, "asem.yaml"), os.path.join(folder, "asem.csv")
    if not (os.path.exists(yaml) and os.path.exists(data)):
        subprocess.check_call([sys.executable, os.path.join(HERE, "generate_asem.py"), imeta, folder])
    ensure_packages()
    sys.path.insert(0, HERE)
    from asem_tree import read_tree
    _, aggregates = read_tree(imeta)
    commands = {
        "ictindex": [ictindex, "score", yaml, "--data", data, "--format", "csv"],
        "pandas": [sys.executable, os.path.join(HERE, "pandas_asem.py"), imeta, data],
        "polars": [sys.executable, os.path.join(HERE, "polars_asem.py"), imeta, data],
    }
    outputs = {name: table(output(command)) for name, command in commands.items()}
    compared = 0
    worst = 0.0
    for name in ("pandas", "polars"):
        for unit, mine in outputs["ictindex"].items():
            theirs = outputs[name][unit]
            for a in aggregates:
                code = a["code"].lower()
                x = mine["score" if a["parent"] is None else code]
                y = theirs[code]
                if (x == "") != (y == ""):
                    sys.exit("disagree: %s, unit %s, %s: ictindex %r, %s %r" % (name, unit, code, x, name, y))
                if x != "":
                    difference = abs(float(x) - float(y))
                    worst = max(worst, difference)
                    if difference > 1e-9:
                        sys.exit("disagree: %s, unit %s, %s: ictindex %s, %s %s" % (name, unit, code, x, name, y))
                compared += 1
    print("agree: %d aggregate values compared, largest difference %.3g" % (compared, worst))
    del outputs
    times = {name: [] for name in commands}
    memory = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            # /usr/bin/time reports the peak memory of its own child; wait4 here would report this Python's,
            # which a forked child keeps across exec.
            start = time.perf_counter()
            process = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            if process.returncode != 0:
                sys.exit("failed: %s" % " ".join(command))
            if round_ > 0:
                times[name].append(wall)
                memory[name].append(int(process.stderr.decode().split()[-1]) / 1024)
    load = os.getloadavg()
    print("%d runs each after a warm-up, interleaved; load average %.2f %.2f %.2f" % ((runs,) + load))
    base = statistics.median(times["ictindex"])
    for name in commands:
        median = statistics.median(times[name])
        print("%-9s median %.3f s (min %.3f, max %.3f), peak %.0f MB, %.2f× ictindex's time" % (
            name, median, min(times[name]), max(times[name]), max(memory[name]), median / base))


if __name__ == "__main__":
    main()
