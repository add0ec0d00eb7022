import time


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '=', repr(r))


# gmtime of fixed timestamps
for ts in [0, 1, -1, 86399, 86400, 951782400, 951868799, 1000000000, 1234567890, 2**31 - 1, 2**31,
           -2**31, 4102444800, 253402300799, -62135596800, 1.5, -1.5, 1e9 + 0.999, True]:
    g = time.gmtime(ts)
    print(ts, g, tuple(g), g.tm_zone, g.tm_gmtoff)

# struct_time behaves as a 9-tuple with named fields
g = time.gmtime(1234567890)
print(len(g), g[0], g[-1], g[2:5], g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
      g.tm_wday, g.tm_yday, g.tm_isdst)
print(g == (2009, 2, 13, 23, 31, 30, 4, 44, 0), hash(g) == hash(tuple(g)), list(g)[:3])
print(isinstance(g, tuple), type(g).__name__, type(g).__module__, time.struct_time.__name__)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields,
      time.struct_time.n_unnamed_fields, time.struct_time.__match_args__)
y, m, d, *rest = g
print(y, m, d, rest)
match g:
    case time.struct_time(tm_year=2009, tm_mon=mon):
        print('matched', mon)
s = time.struct_time((2020, 5, 17, 10, 20, 30, 6, 138, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 5, 17, 10, 20, 30, 6, 138, 0, 'ABC', 3600))
print(s, s.tm_zone, s.tm_gmtoff, len(s))
s = time.struct_time([2020, 5, 17, 10, 20, 30, 6, 138, 1], {'tm_zone': 'Q', 'tm_gmtoff': -60})
print(s.tm_isdst, s.tm_zone, s.tm_gmtoff)
print(s.__reduce__())
print(time.struct_time(range(10), {'tm_gmtoff': 5}).tm_gmtoff, time.struct_time(range(10)).tm_zone)
attempt('struct_time(1)', lambda: time.struct_time(1))
attempt('struct_time short', lambda: time.struct_time((1, 2, 3)))
attempt('struct_time long', lambda: time.struct_time(range(12)))
attempt('struct_time dict', lambda: time.struct_time(range(9), 3))

# strftime of fixed times
fmts = ['%Y-%m-%d %H:%M:%S', '%a %A %b %B', '%c', '%x %X', '%j %U %W %V %G %g', '%u %w %y %C',
        '%I %p %l %k %e', '%D %F %T %R %r', '%%|%n|%t|', '%h %P', '%Z %z', '%-d %_m %05Y %^a %#B',
        '%s', '', '%', '%Q', 'plain text', 'é%Y€']
for ts in [0, 951782400, 1234567890, 1700000000, -86400 * 365 * 100]:
    g = time.gmtime(ts)
    for f in fmts:
        print(repr(f), repr(time.strftime(f, g)))
print(time.strftime('%Y|%Z|%z', (2000, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime('%Y %m %d %j', (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime('%Y', (5, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%Y', (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -9, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 367, 0), (2000, 1, 1, 0, 0), [2000, 1, 1, 0, 0, 0, 0, 1, 0], 5,
            ('x', 1, 1, 0, 0, 0, 0, 1, 0), (1.5, 1, 1, 0, 0, 0, 0, 1, 0), (2**40, 1, 1, 0, 0, 0, 0, 1, 0),
            (-2**31 + 1899, 1, 1, 0, 0, 0, 0, 1, 0)]:
    attempt('strftime %r' % (bad,), lambda: time.strftime('%Y', bad))
attempt('strftime nul', lambda: time.strftime('%Y\0', (2000, 1, 1, 0, 0, 0, 0, 1, 0)))
attempt('strftime int', lambda: time.strftime(1))
attempt('strftime none', lambda: time.strftime())
attempt('strftime kw', lambda: time.strftime(format='%Y'))

# asctime / ctime
print(time.asctime(time.gmtime(0)), time.asctime((2000, 1, 5, 3, 4, 5, 2, 5, 0)))
print(time.asctime((12345, 12, 25, 23, 59, 59, 0, 359, 0)))
attempt('asctime bad', lambda: time.asctime((2000, 13, 1, 0, 0, 0, 0, 1, 0)))
attempt('asctime int', lambda: time.asctime(1))
attempt('asctime none', lambda: time.asctime(None))

# conversions that hold in any time zone
for ts in [0, 1234567890, 1700000000]:
    lt = time.localtime(ts)
    print(time.mktime(lt) == ts, time.ctime(ts) == time.asctime(lt), lt.tm_gmtoff % 60 == 0)
print(type(time.mktime(time.localtime(0))).__name__)
print(time.mktime((2000, 14, 35, 25, 61, 61, 0, 1, -1)) - time.mktime((2001, 3, 8, 2, 2, 1, 0, 1, -1)))
attempt('mktime short', lambda: time.mktime((1, 2)))
attempt('mktime int', lambda: time.mktime(1))
attempt('mktime year', lambda: time.mktime((-2**31, 1, 1, 0, 0, 0, 0, 1, 0)))
attempt('mktime big', lambda: time.mktime((2**31, 1, 1, 0, 0, 0, 0, 1, 0)))
print(isinstance(time.timezone, int), isinstance(time.altzone, int), time.daylight in (0, 1),
      len(time.tzname), time.localtime().tm_zone in time.tzname)

# timestamp argument errors
for bad in ['x', float('nan'), 1e20, 2**63, None.__class__]:
    attempt('gmtime %r' % (bad,), lambda: time.gmtime(bad))
attempt('gmtime 10**17', lambda: time.gmtime(10**17))
attempt('gmtime 2 args', lambda: time.gmtime(1, 2))
attempt('gmtime kw', lambda: time.gmtime(secs=1))
attempt('localtime 2 args', lambda: time.localtime(1, 2))
attempt('ctime 2 args', lambda: time.ctime(1, 2))

# clocks
a = time.monotonic()
b = time.monotonic()
print(b >= a, type(a).__name__)
a = time.monotonic_ns()
b = time.monotonic_ns()
print(b >= a, type(a).__name__)
a = time.perf_counter()
time.sleep(0.002)
b = time.perf_counter()
print(b - a >= 0.002, b - a < 1)
print(time.perf_counter_ns() > 0, time.process_time() >= 0, time.process_time_ns() >= 0,
      time.thread_time() >= 0, time.thread_time_ns() >= 0)
t1, t2 = time.time(), time.time_ns()
print(abs(t1 - t2 / 1e9) < 5, t1 > 1.6e9, type(t1).__name__, type(t2).__name__)
print(time.gmtime().tm_year >= 2024, len(time.asctime()), len(time.ctime()), len(time.strftime('%Y')))
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 5,
      time.clock_gettime_ns(time.CLOCK_MONOTONIC) > 0, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
attempt('clock info', lambda: time.get_clock_info('nope'))
attempt('clock info int', lambda: time.get_clock_info(1))
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID,
      time.CLOCK_THREAD_CPUTIME_ID, time._STRUCT_TM_ITEMS)
attempt('clock_gettime bad', lambda: time.clock_gettime(99))
attempt('clock_gettime str', lambda: time.clock_gettime('x'))

# sleep
print(time.sleep(0), time.sleep(0.0001), time.sleep(False))
attempt('sleep -1', lambda: time.sleep(-1))
attempt('sleep str', lambda: time.sleep('x'))
attempt('sleep nan', lambda: time.sleep(float('nan')))
attempt('sleep huge', lambda: time.sleep(2**100))
attempt('sleep none', lambda: time.sleep())
attempt('time arg', lambda: time.time(1))
attempt('tzset arg', lambda: time.tzset(1))

# struct_time attributes are read-only
g = time.gmtime(0)
for n in ['tm_year', 'tm_zone', 'foo']:
    attempt('set ' + n, lambda: setattr(g, n, 1))
    attempt('del ' + n, lambda: delattr(g, n))
print(g.tm_year, g[0])
