"""The benchmark networks, written once so that every side reads identical numbers.

A network is its widths d_0, ..., d_L and a seed: layer W_i (d_i x d_(i-1)) has standard Gaussian entries from
numpy's PCG64 generator seeded with the seed, drawn W_1 first, and the target is their product M = W_L ... W_1, so
the point is a minimizer (EXACT eq. 19). `write` stores it as

  NAME.json   {"layers": [W_1, ..., W_L]} (lists of rows; no target, so Sharpness takes M = the product), every
              double printed by repr (shortest round-trip), so the C# reader gets the same bits;
  NAME/W1.npy ... NAME/WL.npy   the layers as little-endian float64 in C order, for the peers and the benchmark tool.
"""

import json
import os

import numpy as np


def layers(widths, seed):
    """The Gaussian layers W_1, ..., W_L of the network (widths d_0, ..., d_L, seed)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    return [rng.standard_normal((widths[i + 1], widths[i])) for i in range(len(widths) - 1)]


def write(directory, name, widths, seed, json_too=True):
    """Writes NAME/W*.npy (and NAME.json unless json_too is False); returns the NAME/ folder."""
    ws = layers(widths, seed)
    folder = os.path.join(directory, name)
    os.makedirs(folder, exist_ok=True)
    for i, w in enumerate(ws, start=1):
        np.save(os.path.join(folder, f"W{i}.npy"), np.ascontiguousarray(w, dtype="<f8"))
    if json_too:
        with open(os.path.join(directory, name + ".json"), "w", encoding="ascii") as f:
            f.write('{"layers": [')
            for i, w in enumerate(ws):
                if i:
                    f.write(", ")
                f.write("[" + ", ".join("[" + ", ".join(repr(float(x)) for x in row) + "]" for row in w) + "]")
            f.write("]}\n")
    return folder


def read(folder):
    """The layers W_1, ..., W_L stored in FOLDER/W*.npy."""
    count = len([f for f in os.listdir(folder) if f.startswith("W") and f.endswith(".npy")])
    return [np.load(os.path.join(folder, f"W{i}.npy")) for i in range(1, count + 1)]


def widths_for(n):
    """Three square layers (widths d, d, d, d) with N = 3 d^2 closest to n: the oracle sizes 1e4 .. 1e7."""
    d = int(round((n / 3) ** 0.5))
    return [d, d, d, d]


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("directory")
    p.add_argument("name")
    p.add_argument("widths", help="comma-separated d_0,...,d_L")
    p.add_argument("--seed", type=int, default=20261202)
    p.add_argument("--no-json", action="store_true")
    a = p.parse_args()
    print(write(a.directory, a.name, [int(x) for x in a.widths.split(",")], a.seed, not a.no_json))
