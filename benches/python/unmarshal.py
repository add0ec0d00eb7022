"""Time marshal.loads over the bodies of the pycs listed in argv[1]; print the median seconds."""

import marshal
import sys
import time

bodies = []
with open(sys.argv[1]) as f:
    for line in f:
        with open(line.strip(), "rb") as fh:
            bodies.append(fh.read()[16:])
runs = int(sys.argv[2])
times = []
for _ in range(runs):
    t = time.perf_counter()
    for b in bodies:
        marshal.loads(b)
    times.append(time.perf_counter() - t)
times.sort()
print(times[len(times) // 2])
