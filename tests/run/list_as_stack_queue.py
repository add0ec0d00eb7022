# list: using lists as stacks and queues
stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
queue = list('abcde')
out = []
while queue:
    out.append(queue.pop(0))
    if len(out) == 2:
        queue.append('z')
print(out)
def balanced(s):
    pairs = {')': '(', ']': '[', '}': '{'}
    st = []
    for ch in s:
        if ch in '([{':
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
for s in ['()', '([]{})', '(]', '((', '{[()()]}', '']:
    print(repr(s), balanced(s))
