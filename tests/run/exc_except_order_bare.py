# exc: bare except catches everything including BaseException subclasses
import sys
for exc in [ValueError('v'), KeyboardInterrupt(), SystemExit(3), GeneratorExit()]:
    try:
        raise exc
    except Exception:
        print('Exception caught', type(exc).__name__)
    except:
        print('bare except caught', type(sys.exc_info()[1]).__name__)
try:
    raise SystemExit('not exiting')
except BaseException as e:
    print('BaseException', repr(e), e.code)
