# Dicts with str keys and str methods: word counts, lookups, joins, splits.

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()


def run(rounds):
    counts = {}
    index = {}
    checksum = 0
    for r in range(rounds):
        line = " ".join(WORDS[(r + i) % len(WORDS)] for i in range(8))
        for w in line.split():
            key = w.upper() if r % 3 == 0 else w
            counts[key] = counts.get(key, 0) + 1
        key = "k" + str(r % 500)
        if key in index:
            index[key] += len(line)
        else:
            index[key] = len(line)
        parts = line.replace("a", "A").strip().split(" ")
        checksum += len("-".join(parts)) + parts[0].startswith("A") + line.find("eta")
    keys = sorted(counts)
    summary = ",".join("%s=%d" % (k, counts[k]) for k in keys)
    return checksum, sum(index.values()), len(summary), summary[:40]


print(run(180000))
