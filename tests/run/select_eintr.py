# Blocking waits interrupted by a signal (PEP 475): the handler runs; its exception ends the
# wait, or the wait goes on for the time left: select, poll, epoll, socket recv/accept.
import os
import select
import signal
import socket
import time


class Boom(Exception):
    pass


def boom(sig, frame):
    raise Boom(signal.Signals(sig).name)


ticks = []


def tick(sig, frame):
    ticks.append(sig)


r, w = os.pipe()
ep = select.epoll()
ep.register(r, select.EPOLLIN)
p = select.poll()
p.register(r, select.POLLIN)
a, b = socket.socketpair()
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
waits = [
    ('select', lambda t: select.select([r], [], [], t)),
    ('poll', lambda t: p.poll(t * 1000)),
    ('epoll', lambda t: ep.poll(t)),
]
for name, wait in waits:
    signal.signal(signal.SIGALRM, boom)
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    try:
        wait(5)
    except Boom as e:
        print(name, 'interrupted by', e)
    signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, 0.005)
    t0 = time.monotonic()
    res = wait(0.1)
    print(name, 'went on:', res, time.monotonic() - t0 >= 0.1, len(ticks))
    ticks.clear()

signal.signal(signal.SIGALRM, boom)
for name, call in [('recv', lambda: a.recv(10)), ('accept', srv.accept)]:
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    try:
        call()
    except Boom as e:
        print(name, 'interrupted by', e)
a.settimeout(0.1)
signal.signal(signal.SIGALRM, tick)
signal.setitimer(signal.ITIMER_REAL, 0.005)
try:
    a.recv(10)
except TimeoutError as e:
    print('recv with timeout:', e, len(ticks))
signal.setitimer(signal.ITIMER_REAL, 0)
for f in (a, b, srv, ep):
    f.close()
os.close(r)
os.close(w)
