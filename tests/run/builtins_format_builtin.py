# builtins: format() with many spec strings
print(format(42), format(42, 'd'), format(42, '5'), format(42, '<5') + '|', format(42, 'x'), format(42, '#o'), format(42, '+'))
print(format(3.14159, '.2f'), format(3.14159, '10.3'), format(0.5, '%'), format(1e6, ',.0f'), format(1e-3, 'e'))
print(format('text', '>8'), format('text', '^8'), format('text', '*<8'), format('text', '.2'))
print(format(True), format(None), format([1, 2]), format(1 + 1j, '.1f'))
