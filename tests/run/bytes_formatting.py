# bytes: %-formatting on bytes and bytearray
print(b'%s-%d-%x-%5.2f|%-4s|%c%c' % (b'ab', 42, 255, 3.14159, b'z', 65, b'B'))
print(b'%r %a' % ('é', 'é'), b'%b' % b'raw', b'%(k)s' % {b'k': b'val'}, b'%%' % ())
print(bytearray(b'%d') % 7, b'%o %X %e' % (8, 254, 1.5))
try:
    b'%s' % 'str'
except TypeError as e:
    print('TypeError', e)
try:
    b'%d' % b'x'
except TypeError as e:
    print('TypeError', e)
