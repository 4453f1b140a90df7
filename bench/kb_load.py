#!/usr/bin/env python3
"""Knowledge-base load time and memory: a cold build (no cache) and a warm load (cache), each in
a fresh process, as `parley` itself starts. Target: warm load < 1 s and < 300 MB RSS.

usage: python bench/kb_load.py
"""
import json
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import json, resource, time, sys
t = time.perf_counter()
from parley.kb import load
kb = load()
from parley.mentions import matcher_for
for lang in ("zh", "vi", "en"):
    matcher_for(kb, lang)
secs = time.perf_counter() - t
print(json.dumps({"seconds": round(secs, 3), "rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "persons": len(kb.persons)}))
"""


def run(env):
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PARLEY_CACHE=cache)
        cold = run(env)
        warm = run(env)
    print(f"cold build (no cache): {cold['seconds']:.2f} s, peak RSS {cold['rss_mib']} MiB")
    print(f"warm load (cached):    {warm['seconds']:.2f} s, peak RSS {warm['rss_mib']} MiB  "
          f"({warm['persons']} persons, 3 language matchers)")


if __name__ == "__main__":
    main()
