# misc: small interpreter-style program mixing features - tokenizer and RPN evaluator
def tokenize(s):
    tokens, num = [], ''
    for ch in s:
        if ch.isdigit() or ch == '.':
            num += ch
            continue
        if num:
            tokens.append(float(num) if '.' in num else int(num))
            num = ''
        if ch in '+-*/()':
            tokens.append(ch)
    if num:
        tokens.append(float(num) if '.' in num else int(num))
    return tokens
def to_rpn(tokens):
    prec = {'+': 1, '-': 1, '*': 2, '/': 2}
    out, ops = [], []
    for t in tokens:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == '(':
            ops.append(t)
        elif t == ')':
            while ops[-1] != '(':
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != '(' and prec[ops[-1]] >= prec[t]:
                out.append(ops.pop())
            ops.append(t)
    return out + ops[::-1]
def run(rpn):
    st = []
    for t in rpn:
        if isinstance(t, str):
            b, a = st.pop(), st.pop()
            st.append({'+': a + b, '-': a - b, '*': a * b, '/': a / b}[t])
        else:
            st.append(t)
    return st[0]
for e in ['1 + 2 * 3', '(1 + 2) * 3', '10 / 4 - 1', '2 * (3 + 4) * 5', '1.5 * 4', '7 - 2 - 1']:
    r = to_rpn(tokenize(e))
    print(e, '=>', r, '=>', run(r))
