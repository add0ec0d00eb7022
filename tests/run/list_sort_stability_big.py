# list: sort stability across many equal keys and key called once per item
data = [(i % 7, i) for i in range(200)]
calls = 0
def key(t):
    global calls
    calls += 1
    return t[0]
out = sorted(data, key=key)
print(calls, out[:8], out[-3:])
ok = all(out[i][1] < out[i + 1][1] for i in range(len(out) - 1) if out[i][0] == out[i + 1][0])
print(ok)
rev = sorted(data, key=key, reverse=True)
print(rev[:4], all(rev[i][1] < rev[i + 1][1] for i in range(len(rev) - 1) if rev[i][0] == rev[i + 1][0]))
