# The dis module on rpy's code objects, as the seed documents use it: dis.dis of a function
# and of a module, code_info, show_code, get_instructions, Bytecode, findlinestarts, opname,
# opmap, stack_effect, and the TypeError for module objects.
import dis
import io
import types


def show(x):
    """dis.dis(x), with code object addresses (which differ between runs) masked."""
    buf = io.StringIO()
    dis.dis(x, file=buf)
    for line in buf.getvalue().splitlines():
        while " at 0x" in line:
            head, _, rest = line.partition(" at 0x")
            line = head + " at ADDR" + rest[rest.index(","):]
        print(line)


def greet(name):
    """
    Функция приветствия.
    """
    return f"Привет, {name}!"


dis.dis(greet)
print(dis.code_info(greet))
dis.show_code(greet)
for ins in dis.get_instructions(greet):
    print(ins.opname, ins.arg, ins.argval, ins.offset, ins.starts_line, ins.is_jump_target)
print(dis.Bytecode(greet).dis())
print(list(dis.findlinestarts(greet.__code__)))
print(dis.opname[100], dis.opmap["LOAD_CONST"], dis.stack_effect(dis.opmap["LOAD_CONST"], 0))
print(dis.stack_effect(dis.opmap["BINARY_OP"], 0), dis.stack_effect(dis.opmap["CALL"], 2))


def loop(xs):
    total = 0
    for x in xs:
        try:
            total += x
        except TypeError:
            continue
        finally:
            total *= 1
    return total


dis.dis(loop)

source = '''
print("Importing module module.py")

def foo():
    print("In function foo")

class Bar:
    def method(self, x):
        return [i * x for i in range(3)]

foo()
'''
module = types.ModuleType("module")
exec(compile(source, "module.py", "exec"), module.__dict__)
show(module)
try:
    dis.code_info(module)
except TypeError as e:
    print("TypeError:", e)
show("x = [a ** 2 for a in range(10) if a % 2]")
print(dis.Bytecode(loop).info())

# disassemble() with a current instruction, and distb() of a traceback through a call.
import sys


def divide(a, b=2):
    return a / b


dis.disassemble(divide.__code__, lasti=4)
try:
    divide(1, 0)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    print(tb.tb_lasti > 0, tb.tb_next.tb_lasti)
    buf = io.StringIO()
    dis.distb(tb, file=buf)
    print(buf.getvalue().count("-->"))
