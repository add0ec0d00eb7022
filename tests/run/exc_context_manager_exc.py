# exc: exceptions in __enter__/__exit__ and exit receiving traceback info
class EnterFails:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('exit should not run')
try:
    with EnterFails():
        print('body should not run')
except RuntimeError as e:
    print('RuntimeError', e)
class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise KeyError('exit failed')
try:
    with ExitFails():
        raise ValueError('body failed')
except KeyError as e:
    print('KeyError', e, 'context:', repr(e.__context__))
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(et.__name__, ev, tb.tb_lineno > 0)
        return True
with Inspect():
    [][0]
print('continued')
