#!/usr/bin/python3
"""Prints the score (ops/s) of one benchmark from a JMH JSON result file.

   jmh-result.py RESULT.json BENCHMARK_METHOD_SUFFIX [PARAM=VALUE]"""
import json
import sys

results = json.load(open(sys.argv[1]))
want = sys.argv[3].split("=", 1) if len(sys.argv) > 3 else None
for r in results:
    if not r["benchmark"].endswith(sys.argv[2]):
        continue
    if want and r.get("params", {}).get(want[0]) != want[1]:
        continue
    print("%.2f" % r["primaryMetric"]["score"])
    sys.exit(0)
sys.exit("no result for %s %s" % (sys.argv[2], want or ""))
