def f(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        print("zero", e)
        return None
    except (TypeError, ValueError):
        raise
    except:
        pass
    else:
        y += 1
    finally:
        print("done")
    with open(x) as fh, open(x) as g:
        data = fh.read()
    for i in range(3):
        try:
            continue
        finally:
            print(i)
    with x:
        return y
