# exc: builtin exception hierarchy relationships
pairs = [(KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
         (FileNotFoundError, OSError), (PermissionError, OSError), (UnicodeDecodeError, ValueError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
         (KeyboardInterrupt, BaseException), (SystemExit, Exception), (GeneratorExit, Exception), (UnboundLocalError, NameError),
         (TabError, IndentationError), (IndentationError, SyntaxError), (BrokenPipeError, ConnectionError), (TimeoutError, OSError),
         (EnvironmentError, OSError), (IOError, OSError), (BaseExceptionGroup, BaseException), (ExceptionGroup, Exception), (Warning, Exception),
         (DeprecationWarning, Warning), (BlockingIOError, OSError), (StopAsyncIteration, Exception), (AssertionError, Exception)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print(EnvironmentError is OSError, IOError is OSError, [c.__name__ for c in KeyError.__mro__])
