"""Drives a program through a pseudo-terminal, for the REPL tests (run by python3.11).

Usage: python3.11 pty_session.py SPEC.json
SPEC: {"argv": [...], "env": {...}, "keys": ["text", ...], "settle": seconds}
Each key string is written to the terminal after the output has been quiet for a moment;
"\\x03" is Ctrl-C and "\\x04" Ctrl-D. Prints the session's output (terminal escape sequences
and carriage returns removed), then a last line "STATUS <exit code>" (negative: the signal
that ended the program).
"""

import json
import os
import pty
import re
import select
import sys
import time


def main():
    spec = json.load(open(sys.argv[1]))
    settle = spec.get("settle", 0.3)
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(spec["argv"][0], spec["argv"], env)
    out = bytearray()

    def read_until_quiet(limit=10.0):
        end = time.time() + limit
        quiet_since = time.time()
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                out.extend(chunk)
                quiet_since = time.time()
            elif time.time() - quiet_since > settle:
                return True
        return True

    alive = read_until_quiet()
    for key in spec["keys"]:
        if not alive:
            break
        os.write(fd, key.encode())
        alive = read_until_quiet()
    read_until_quiet(2.0)
    _, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r", "")
    sys.stdout.write(text)
    sys.stdout.write("\nSTATUS %d\n" % os.waitstatus_to_exitcode(status))


main()
