# socket: socketpair round trip, recv_into, timeouts and non-blocking mode, a TCP echo on 127.0.0.1 (makefile, shutdown), UDP, dup.
import socket, threading, time, os
a, b = socket.socketpair()
print(a, b.family, b.type, a.gettimeout())
a.sendall(b"hello")
print(b.recv(10))
b.send(b"world")
buf = bytearray(10)
n = a.recv_into(buf)
print(n, buf)
a.settimeout(0.05)
try:
    a.recv(1)
except socket.timeout as e:
    print("timeout", e, type(e))
a.setblocking(False)
try:
    a.recv(1)
except BlockingIOError as e:
    print("blocking", e.errno)
print(a.getblocking(), a.gettimeout())
a.close(); b.close()
print(a)
# TCP echo with a forked child as client
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, type(port))
c = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == c.getsockname(), c.getpeername() == (host, port))
c.sendall(b"ping" * 1000)
got = b""
while len(got) < 4000:
    got += conn.recv(65536)
conn.sendall(got[:8])
print(len(got), c.recv(100))
f = c.makefile("rwb")
f.write(b"line1\nline2\n"); f.flush()
r = conn.makefile("rb")
print(r.readline(), r.readline())
r.close(); f.close()
c.shutdown(socket.SHUT_WR)
print(conn.recv(10))
conn.close(); c.close(); srv.close()
# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"dgram", u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm == u2.getsockname())
u1.close(); u2.close()
# with statement, dup, fromfd
with socket.socket() as s1:
    s2 = s1.dup()
    print(s2.family, s2.type, s2.fileno() != s1.fileno())
    s2.close()
print(s1._closed)
print(socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM)[0])
print(socket.gethostbyname("127.0.0.1"))
