def f(a, b, c):
    x = "Use %s() or %s to exit" % (a, b)
    y = "%-5s|%3.2r|%a%%" % (a, b, c)
    z = "%d and %s" % (a, b)
    w = "%s %s" % (a,)
    v = "%s" % (a, b)
    u = "no units" % ()
    t = "%.s|%5.s|%123s" % (a, b, c)
    return x, y, z, w, v, u, t
