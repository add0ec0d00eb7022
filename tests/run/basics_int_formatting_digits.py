# basics: int str/format conversion and digit sums
n = 2 ** 100
print(sum(int(c) for c in str(n)), str(n)[::-1][:10])
print(format(n, ','), format(n, '_x'), format(-n, '40,'), format(n, 'e'))
print(f"{12345678:_}", f"{12345678:,d}", f"{-42:+06d}", f"{42:^9}|")
print(int(str(n)) == n, int(str(-n)) == -n)
