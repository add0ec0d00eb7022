# list: matrix operations with nested lists
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
def matmul(X, Y):
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*Y)] for row in X]
print(matmul(A, B))
print([list(r) for r in zip(*A)])
I = [[int(i == j) for j in range(3)] for i in range(3)]
print(matmul(B, [[1, 0], [0, 1]]) == B, I)
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** c * m[0][c] * det([r[:c] + r[c + 1:] for r in m[1:]]) for c in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [3, 4]]))
flat = [x for row in A for x in row]
print(flat, [flat[i:i + 2] for i in range(0, len(flat), 2)])
