"""Time compile() over the sources listed in argv[1] (held in memory); print seconds and lines."""

import sys
import time

sources = []
with open(sys.argv[1]) as f:
    for line in f:
        path = line.strip()
        with open(path, encoding="utf-8") as fh:
            sources.append((path, fh.read()))
lines = sum(s.count("\n") for _, s in sources)
t = time.perf_counter()
for path, src in sources:
    compile(src, path, "exec", dont_inherit=True)
print(time.perf_counter() - t, lines)
