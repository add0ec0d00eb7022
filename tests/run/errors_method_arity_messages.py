tests=[lambda: (1).__add__(), lambda: [].__len__(1), lambda: {}.__getitem__(), lambda: [].__contains__(), lambda: 'a'.__getitem__(), lambda: (1).__format__(), lambda: [].__reversed__(1), lambda: object().__sizeof__(1), lambda: [].__iadd__(),
 lambda: [].__getitem__(), lambda: {}.__contains__(), lambda: set().__contains__(), lambda: 'a'.upper(1), lambda: [].append(), lambda: (2).__pow__(), lambda: int.__add__(1)]
for t in tests:
    try: t()
    except TypeError as e: print(e)
