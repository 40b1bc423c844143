"""Draws the benchmark's plot: wall time against file size, one series per method, log-log.

Usage: python3 plot_times.py TIMES.csv OUT.png TITLE
The CSV has the columns method,file,size,seconds,estimated (written by io.astrocloud.bench.TimePlot).
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    src, out, title = sys.argv[1], sys.argv[2], sys.argv[3]
    series = {}
    with open(src) as f:
        for row in csv.DictReader(f):
            series.setdefault(row["method"], []).append(
                (int(row["size"]), float(row["seconds"]), row["estimated"] == "true"))
    fig, ax = plt.subplots(figsize=(10, 6.5), dpi=110)
    markers = "os^vD<>xP*h"
    for i, (method, points) in enumerate(series.items()):
        points.sort()
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        # Points, not lines: time follows the layout (HDUs, header sizes) more than the size.
        line, = ax.plot(xs, ys, marker=markers[i % len(markers)], linestyle="none", markersize=6, label=method)
        est = [p for p in points if p[2]]
        if est:
            ax.scatter([p[0] for p in est], [p[1] for p in est], s=90, facecolors="none",
                       edgecolors=line.get_color(), linewidths=1.5)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("file size (bytes)")
    ax.set_ylabel("wall time to read every header (s, median)")
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    fig.text(0.99, 0.01, "open circles: computed, not downloaded", ha="right", fontsize=7)
    fig.tight_layout()
    fig.savefig(out)


if __name__ == "__main__":
    main()
