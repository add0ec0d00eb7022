# signal / _signal: constants, getsignal, argument errors and their messages.
import signal
import _signal


def attempt(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__, e)


print(sorted((n, getattr(_signal, n)) for n in dir(_signal) if n.startswith('SIG')))
print(_signal.NSIG, _signal.ITIMER_REAL, _signal.ITIMER_VIRTUAL, _signal.ITIMER_PROF)
print(list(signal.Signals)[:4], signal.Handlers.SIG_IGN, signal.SIGTERM, signal.Sigmasks.SIG_BLOCK)
print(signal.ItimerError.__mro__)
print(signal.default_int_handler, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGUSR1))
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGSEGV), signal.strsignal(34))
print(len(signal.valid_signals()), signal.SIGKILL in signal.valid_signals())
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.sigpending())
print(signal.getitimer(signal.ITIMER_REAL), signal.setitimer(signal.ITIMER_REAL, 0))
print(signal.alarm(0))

attempt(lambda: signal.getsignal(-2**40))
attempt(lambda: signal.getsignal(2**40))
attempt(lambda: signal.getsignal(1.0))
attempt(lambda: signal.getsignal('a'))
attempt(lambda: signal.getsignal(0))
attempt(lambda: signal.getsignal(65))
attempt(lambda: signal.signal(2, 5))
attempt(lambda: signal.signal(2, None))
attempt(lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN))
attempt(lambda: signal.signal(signal.SIGSTOP, print))
attempt(lambda: _signal.signal(1))
attempt(lambda: _signal.signal(1, 2, 3))
attempt(lambda: _signal.getsignal())
attempt(lambda: _signal.alarm())
attempt(lambda: _signal.alarm(1, 2))
attempt(lambda: _signal.pause(1))
attempt(lambda: signal.default_int_handler())
attempt(lambda: signal.default_int_handler(2, None))
attempt(lambda: signal.strsignal(0))
attempt(lambda: signal.set_wakeup_fd(0))
attempt(lambda: signal.set_wakeup_fd(999))
attempt(lambda: signal.set_wakeup_fd(-1, foo=1))
attempt(lambda: signal.set_wakeup_fd(-1))
attempt(lambda: signal.setitimer(99, 1))
attempt(lambda: signal.setitimer(0, 'a'))
attempt(lambda: signal.setitimer(0, float('nan')))
attempt(lambda: signal.getitimer(99))
attempt(lambda: signal.pthread_sigmask(5, []))
attempt(lambda: signal.pthread_sigmask(0, [0]))
attempt(lambda: signal.pthread_sigmask(0, [1, 99]))
attempt(lambda: signal.pthread_sigmask(0, 5))
attempt(lambda: signal.raise_signal(999))
attempt(lambda: signal.siginterrupt(0, 1))
attempt(lambda: signal.siginterrupt(signal.SIGUSR1, 1))
