# signal.signal: Python handlers run between bytecodes (after os.kill / raise_signal), with
# the signal number and the frame; SIG_IGN and SIG_DFL; exceptions raised by handlers;
# timers interrupting sleep and pause.
import os
import signal
import time

got = []


def handler(sig, frame):
    got.append((signal.Signals(sig).name, frame.f_code.co_name, frame.f_lineno))


print(signal.signal(signal.SIGUSR1, handler))
os.kill(os.getpid(), signal.SIGUSR1)
print('after kill', got)
signal.raise_signal(signal.SIGUSR1)
print('after raise', got[-1])
print(signal.getsignal(signal.SIGUSR1) is handler, signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)
print(signal.getsignal(signal.SIGUSR1))

signal.signal(signal.SIGUSR2, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR2)
print('ignored', signal.getsignal(signal.SIGUSR2))


class Boom(Exception):
    pass


def boom(sig, frame):
    raise Boom('signal %d' % sig)


signal.signal(signal.SIGUSR1, boom)


def f():
    signal.raise_signal(signal.SIGUSR1)
    print('not reached')


try:
    f()
except Boom as e:
    print('caught', e)

# SIGINT: default_int_handler raises KeyboardInterrupt; another handler replaces it.
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
old = signal.signal(signal.SIGINT, handler)
print(old is signal.default_int_handler)
signal.raise_signal(signal.SIGINT)
print(got[-1])
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
print('SIGINT ignored')
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    for i in range(10):
        if i == 3:
            os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt:
    print('interrupted at', i)

# A timer interrupts a sleep: the handler's exception ends it.
signal.signal(signal.SIGALRM, boom)
t0 = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(5)
except Boom as e:
    print('sleep ended by', e, time.monotonic() - t0 < 2)
# A handler that returns lets the sleep go on.
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
t0 = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.02)
time.sleep(0.1)
print(ticks, time.monotonic() - t0 >= 0.1)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
signal.pause()
signal.pause()
print(signal.setitimer(signal.ITIMER_REAL, 0)[1], len(ticks) >= 3)
signal.alarm(0)
