#!/usr/bin/env python3
"""Lists the mutants a Stryker run left alive (Survived, NoCoverage, Timeout excluded: a timeout counts as detected).

Usage: mutation/survivors.py StrykerOutput/theory/reports/mutation-report.json [...]
Prints the score per report (Stryker's: detected / (detected + undetected), compile errors and ignored mutants left out)
and one Markdown row per undetected mutant: file, line, mutator, the original code and its replacement, so that
MUTATION.md can give each a reason.
"""
import json
import sys


def rows(report):
    for path, f in sorted(report["files"].items()):
        lines = f["source"].splitlines()
        for m in f["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                start, end = m["location"]["start"], m["location"]["end"]
                line = start["line"]
                if start["line"] == end["line"]:
                    original = lines[line - 1][start["column"] - 1:end["column"] - 1]
                else:
                    original = lines[line - 1][start["column"] - 1:] + " ..."
                yield path, line, m["status"], m["mutatorName"], original.strip(), m.get("replacement", "").strip()


def short(text, n=70):
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= n else text[: n - 3] + "..."


for name in sys.argv[1:]:
    report = json.load(open(name, encoding="utf-8"))
    counts = {}
    for f in report["files"].values():
        for m in f["mutants"]:
            counts[m["status"]] = counts.get(m["status"], 0) + 1
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    score = 100.0 * detected / max(1, detected + undetected)
    print(f"## {name}: mutation score {score:.1f}% ({detected} detected, {undetected} undetected; {counts})\n")
    print("| File | Line | Status | Mutator | Original | Mutant |")
    print("|---|---|---|---|---|---|")
    root = "/src/"
    for path, line, status, mutator, original, replacement in rows(report):
        p = path[path.find(root) + 1:] if root in path else path
        print(f"| {p} | {line} | {status} | {mutator} | `{short(original)}` | `{short(replacement)}` |")
    print()
