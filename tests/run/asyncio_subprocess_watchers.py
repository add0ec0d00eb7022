# asyncio subprocesses under the child watchers that need no thread (pidfd, SIGCHLD-based),
# and os.pidfd_open itself.
import asyncio
import os
import sys

for args in [(999999,), ('x',), (os.getpid(), -1), ()]:
    try:
        os.pidfd_open(*args)
    except Exception as e:
        print(type(e).__name__, e)
fd = os.pidfd_open(os.getpid(), flags=0)
print(type(fd).__name__, fd > 2)
os.close(fd)


async def main():
    p = await asyncio.create_subprocess_exec(
        'sh', '-c', 'read x; echo "got $x"; echo err >&2; exit 4',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await p.communicate(b'line\n')
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_shell('echo shell; exit 3',
                                              stdout=asyncio.subprocess.PIPE)
    print(await p.stdout.read(), await p.wait())
    procs = [await asyncio.create_subprocess_exec('sh', '-c', f'exit {i}') for i in range(3)]
    print(await asyncio.gather(*(q.wait() for q in procs)))


for watcher in [asyncio.PidfdChildWatcher, asyncio.SafeChildWatcher,
                asyncio.FastChildWatcher]:
    w = watcher()
    asyncio.set_child_watcher(w)
    print(watcher.__name__)
    asyncio.run(main())
    w.close()
