#!/usr/bin/env python3
"""Summarises `perf script` output of a .NET process (bench/load/perf.sh, perf-cold.sh): the functions by their self
and inclusive share of the samples, JIT tier marks removed so one method's tiers count as one.

    perf-summary.py PERF.TXT SELF_LINES INCLUSIVE_LINES
"""
import collections, re, sys
own, incl, total, stack = collections.Counter(), collections.Counter(), 0, []
def flush():
    global total
    if stack:
        total += 1; own[stack[0]] += 1
        for f in set(stack): incl[f] += 1
for line in open(sys.argv[1], errors="replace"):
    if not line.strip(): flush(); stack = []; continue
    if line[0] not in " \t": continue
    name = line.strip().split(" ", 1)[-1]
    name = re.sub(r"\s*\(.*?\)\s*$", "", name)
    stack.append(re.sub(r"\[(Optimized|Tier)[^\]]*\]|\[PreJIT\]|\[OSR\]", "", name).strip()[:200])
flush()
print(f"{total} samples")
print("== self"); [print(f"{c * 100 / total:5.1f} {f}") for f, c in own.most_common(int(sys.argv[2]))]
print("== inclusive"); [print(f"{c * 100 / total:5.1f} {f}") for f, c in incl.most_common(int(sys.argv[3]))]
