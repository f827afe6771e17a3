"""Turns bench/run's results.jsonl into the ratio table of bench/README.md (between its table markers).

  python3 table.py RESULTS.jsonl                 print the table
  python3 table.py RESULTS.jsonl --readme FILE   replace the table between <!-- table --> and <!-- /table --> in FILE
"""

import json
import sys

TARGETS = {
    "oracle": "<= 0.5x numpy and <= 0.5x torch",
    "closed300": "<= 1.5 s",
    "lambda-max-N1e6": "<= 2 s",
    "lambda-max-N1e7": "<= 30 s, <= 2 GB",
    "lambda-max-wide": "< 1 s",
    "lambda-max-single": "< 1 s",
    "gemm1000": ">= 35 GFLOP/s",
}


def load(path):
    rows = {}
    for line in open(path):
        r = json.loads(line)
        rows.setdefault(r["figure"], {})[r["side"]] = r["result"]
    return rows


def secs(r):
    if r is None:
        return "-"
    if r.get("failed"):
        return "failed / timed out"
    return f"{r['seconds']:.3g} s"


def ratio(ours, peer):
    if not ours or not peer or ours.get("failed") or peer.get("failed"):
        return "-"
    return f"{ours['seconds'] / peer['seconds']:.2f}x"


def table(rows):
    out = []
    machine = rows.get("machine", {})
    before, after = machine.get("before", {}), machine.get("after", {})
    out.append(f"Measured {before.get('date', '?')} at commit {before.get('commit', '?')} on {before.get('cores', '?')} cores, "
               f"load average {before.get('load', '?')} before and {after.get('load', '?')} after (1, 5, 15 min).")
    if "cpu" in before or "openblasCore" in before:
        out.append("")
        out.append(f"Processor: {before.get('cpu', '?')}; OpenBLAS kernel of the peers: {before.get('openblasCore', '?')}.")
    out.append("")
    out.append("| figure | numpy + OpenBLAS | PyTorch autograd | Sharpness | Sharpness / numpy | Sharpness / torch | target |")
    out.append("|---|---|---|---|---|---|---|")
    g = rows.get("gemm1000", {})
    if g:
        def gf(r):
            return "-" if not r or r.get("failed") else f"{r['gflops']:.1f} GFLOP/s"
        ours, peer = g.get("sharpness"), g.get("numpy")
        rel = "-" if gf(ours) == "-" or gf(peer) == "-" else f"{ours['gflops'] / peer['gflops']:.2f}x (speed)"
        out.append(f"| matrix product, n = 1000 | {gf(peer)} | - | {gf(ours)} | {rel} | - | {TARGETS['gemm1000']} |")
    for figure in sorted((f for f in rows if f.startswith("oracle-")), key=lambda f: float(f.split("N")[1])):
        r = rows[figure]
        n = figure.split("N")[1]
        label = f"oracle lambda_max, N = {n}"
        out.append(f"| {label} | {secs(r.get('numpy'))} | {secs(r.get('torch'))} | {secs(r.get('sharpness'))} | "
                   f"{ratio(r.get('sharpness'), r.get('numpy'))} | {ratio(r.get('sharpness'), r.get('torch'))} | {TARGETS['oracle']} |")
    for figure, label, target in (("closed300", "closed form, widths 300,300,300,300", TARGETS["closed300"]),
                                  ("closed-wide", "closed form, widths 20000,4,1", "-")):
        r = rows.get(figure)
        if r:
            out.append(f"| {label} | {secs(r.get('numpy'))} | - | {secs(r.get('sharpness'))} | "
                       f"{ratio(r.get('sharpness'), r.get('numpy'))} | - | {target} |")
    for figure, label in (("lambda-max-N1e6", "whole `lambda-max`, N = 1e6"), ("lambda-max-N1e7", "whole `lambda-max`, N = 1e7"),
                          ("lambda-max-wide", "whole `lambda-max`, widths 20000,4,1"),
                          ("lambda-max-single", "whole `lambda-max`, one layer 1 x 20000")):
        r = rows.get(figure, {}).get("lambda-max")
        if r:
            cell = secs(r) if r.get("failed") else f"{r['seconds']:.3g} s, {r['rssBytes'] / 2**20:.0f} MiB"
            out.append(f"| {label} | - | - | {cell} | - | - | {TARGETS[figure]} |")
    agree = []
    for figure, r in sorted(rows.items()):
        values = {side: x.get("lambdaMax") for side, x in r.items() if isinstance(x, dict) and x.get("lambdaMax") is not None}
        if len(values) > 1:
            lo, hi = min(values.values()), max(values.values())
            agree.append(f"{figure} {(hi - lo) / max(abs(hi), 1e-300):.1e}")
    out.append("")
    out.append("lambda_max agreement between the sides (largest relative spread): " + ", ".join(agree) + ".")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) not in (2, 4):
        sys.exit(__doc__)
    text = table(load(sys.argv[1]))
    if len(sys.argv) == 2:
        print(text, end="")
    else:
        path = sys.argv[3]
        readme = open(path).read()
        start, end = readme.index("<!-- table -->") + len("<!-- table -->"), readme.index("<!-- /table -->")
        open(path, "w").write(readme[:start] + "\n" + text + readme[end:])
