# exc: caret position markers for a failing binary operation inside an expression
def compute(a, b, c):
    return a * 2 + b / c - 1
result = compute(1, 2, 0)
