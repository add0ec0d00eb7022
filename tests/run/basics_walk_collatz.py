# basics: integer loops - collatz lengths and primes sieve
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 30)])
best = max(range(1, 3000), key=collatz)
print(best, collatz(best))
N = 200
sieve = [True] * N
sieve[0] = sieve[1] = False
for i in range(2, N):
    if sieve[i]:
        for j in range(i * i, N, i):
            sieve[j] = False
print([i for i in range(N) if sieve[i]])
fib = [0, 1]
while len(fib) < 100:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[50] % 1000003)
