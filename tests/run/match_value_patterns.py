# match: value patterns using dotted names (constants from classes/modules)
class Color:
    RED = 'red'
    GREEN = 'green'
    BLUE = 'blue'
class Codes:
    OK = 200
    NOT_FOUND = 404
import sys
def m(v):
    match v:
        case Color.RED:
            return 'is red'
        case Color.GREEN | Color.BLUE:
            return 'green or blue'
        case Codes.OK:
            return 'ok code'
        case sys.maxsize:
            return 'maxsize'
        case _:
            return 'unknown'
for v in ['red', 'blue', 200, 404, sys.maxsize, 'RED']:
    print(v if v != sys.maxsize else 'maxsize', m(v))
