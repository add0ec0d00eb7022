# exc: uncaught ValueError at module level prints a traceback and exits 1
print('before')
raise ValueError('something went wrong')
