# exc: caret markers for a failing call in the middle of a long expression
def helper(x):
    return x.missing_attribute
values = [1, 2, 3]
total = sum(values) + helper(values[0]) + len(values)
