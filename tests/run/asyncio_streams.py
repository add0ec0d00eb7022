# asyncio over sockets: start_server/open_connection echo on 127.0.0.1, a signal handler
# added to the loop (set_wakeup_fd), sock_* loop methods on a socketpair.
import asyncio
import os
import signal
import socket


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    for msg in [b'hello\n', b'world\n']:
        w.write(msg)
        await w.drain()
        print(await r.readline())
    w.close()
    await w.wait_closed()
    server.close()
    await server.wait_closed()

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, fut.set_result, 'got SIGUSR1')
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await fut)
    loop.remove_signal_handler(signal.SIGUSR1)

    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'over the pair')
    print(await loop.sock_recv(b, 100))
    a.close()
    b.close()


asyncio.run(main())
