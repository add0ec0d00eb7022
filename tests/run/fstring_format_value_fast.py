x = 3.14159; i = 42; s = 'hi'
print(f"{i}|{i:>6}|{i:x}|{x:.3f}|{x}|{s:^7}|{s}|{s!r:>8}|{True}|{True:d}|{-0.0}|{1e300*10}|{i:,}|{x:e}")
for bad in ["{i:z}", "{x:d}", "{s:d}"]:
    try: print(eval('f"' + bad + '"'))
    except ValueError as e: print(e)
class F(float):
    def __format__(self, spec): return 'F!'
print(f"{F(1.5):.2f}", format(2**70, 'x'), f"{2**70}")
