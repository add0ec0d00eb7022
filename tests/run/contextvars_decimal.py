# Modules that need _contextvars: decimal (through _pydecimal), fractions.
import contextvars
import decimal
import fractions
from decimal import Decimal, getcontext, localcontext, setcontext, Context

print(Decimal('1.1') + Decimal('2.2'), Decimal(1) / Decimal(7))
getcontext().prec = 6
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(2).sqrt(), getcontext().prec)
print(Decimal(2).sqrt(), getcontext().prec)


def in_other_context():
    getcontext().prec = 2
    return Decimal(1) / Decimal(3)


print(contextvars.copy_context().run(in_other_context), Decimal(1) / Decimal(3))
setcontext(Context(prec=4, rounding=decimal.ROUND_DOWN))
print(Decimal(2) / Decimal(3))
try:
    getcontext().traps[decimal.DivisionByZero] = True
    Decimal(1) / 0
except decimal.DivisionByZero as e:
    print(type(e).__name__)

from fractions import Fraction
print(Fraction(3, 4) + Fraction(1, 6), Fraction('0.125'), Fraction(1.5).limit_denominator())
print(Fraction(Decimal('0.25')), Fraction(355, 113).limit_denominator(10))
