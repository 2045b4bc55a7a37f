#!/usr/bin/python3
"""Draws docs/performance.png from the output of the comparison benchmarks.

    go test ./cmd/prfaq-lsp -run '^$' -bench 'CompareKeystroke' -benchtime 300x > lsp.txt
    go test ./cmd/prfaq -run '^$' -bench 'CompareVale' -benchtime 5x > check.txt
    /usr/bin/python3 editors/bench/plot.py lsp.txt check.txt docs/performance.png

Left: keystroke to diagnostics (p50 and p99) against document size, for
prfaq-lsp (push and pull) and VS Code's Markdown server. Right: the whole
`prfaq check` process against Vale's, per document. Needs matplotlib
(Debian: python3-matplotlib).
"""
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LINE = re.compile(r"^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$")


def read(path):
    """Yields (name, {unit: value}) for each benchmark line of path."""
    with open(path) as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
                continue
            fields = m.group(2).split()
            metrics = {fields[i + 1]: float(fields[i]) for i in range(0, len(fields) - 1, 2)}
            yield m.group(1), metrics


def main(lsp_path, check_path, out):
    latency = {}  # server -> [(words, p50, p99)]
    for name, m in read(lsp_path):
        s = re.search(r"CompareKeystroke/server=(.+)/words=(\d+)", name)
        if s and "diagnostics-p50-ms" in m:
            latency.setdefault(s.group(1), []).append(
                (int(s.group(2)), m["diagnostics-p50-ms"], m["diagnostics-p99-ms"]))
    check = []  # (document, {tool: ms})
    for name, m in read(check_path):
        s = re.search(r"CompareVale/(\S+)", name)
        if s:
            check.append((s.group(1), {k[:-3]: v for k, v in m.items() if k.endswith("-ms") and "cpu" not in k}))

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    for server, rows in sorted(latency.items()):
        rows.sort()
        words = [r[0] for r in rows]
        line, = left.plot(words, [r[1] for r in rows], marker="o", label=server + " p50")
        left.plot(words, [r[2] for r in rows], marker="^", linestyle="--", color=line.get_color(), label=server + " p99")
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("document size (words)")
    left.set_ylabel("keystroke to diagnostics (ms)")
    left.set_title("Editor: keystroke to diagnostics")
    left.grid(True, which="both", alpha=0.3)
    left.legend(fontsize=8)

    names = [c[0].replace("words=", "").replace("questions=400000", "400k questions") for c in check]
    tools = sorted({t for _, ms in check for t in ms})
    width = 0.8 / max(1, len(tools))
    for i, tool in enumerate(tools):
        xs = [j + i * width for j in range(len(check))]
        right.bar(xs, [ms.get(tool, 0) for _, ms in check], width, label=tool)
    right.set_xticks([j + width * (len(tools) - 1) / 2 for j in range(len(check))])
    right.set_xticklabels([n if not n.isdigit() else f"{int(n):,} words" for n in names], rotation=15, fontsize=8)
    right.set_yscale("log")
    right.set_ylabel("whole process, wall time (ms, median)")
    right.set_title("Command line: prfaq check --format json vs Vale")
    right.grid(True, axis="y", which="both", alpha=0.3)
    right.legend()

    fig.tight_layout()
    fig.savefig(out, dpi=100)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
