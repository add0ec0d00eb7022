def f(g):
    try:
        g()
    except* ValueError as e:
        print("v", e)
    except* (TypeError, KeyError):
        print("tk")
    else:
        print("else")
    try:
        g()
    except* OSError:
        pass
    finally:
        print("fin")
