# subprocess.Popen: pipes and communicate, poll/wait, kill/terminate (negative return codes),
# a child interpreter's SIGINT handling (SIG_DFL, SIG_IGN, KeyboardInterrupt), pass_fds.
import os
import signal
import subprocess
import sys

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"hello cat")
print(out, err, p.returncode)

p = subprocess.Popen(["sh", "-c", "read x; echo got $x; exit 7"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True)
p.stdin.write("line\n")
p.stdin.flush()
print(p.stdout.readline().strip(), p.wait(), p.poll())
p.stdout.close()
p.stdin.close()

with subprocess.Popen(["sleep", "5"]) as p:
    print(p.poll())
    p.kill()
    print(p.wait())
p = subprocess.Popen(["sleep", "5"])
p.terminate()
print(p.wait())
p = subprocess.Popen(["sleep", "5"])
p.send_signal(signal.SIGUSR1)
print(p.wait())

# A child interpreter (this one): SIGINT with the default action kills it; ignored, it
# goes on; with default_int_handler, KeyboardInterrupt ends it by SIGINT too.
code = "import os, signal; signal.signal(signal.SIGINT, signal.%s); os.kill(os.getpid(), signal.SIGINT); print('alive')"
for h in ["SIG_DFL", "SIG_IGN"]:
    r = subprocess.run([sys.executable, "-c", code % h], capture_output=True, text=True)
    print(h, r.returncode, r.stdout.strip())
r = subprocess.run([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGINT)"],
                   capture_output=True, text=True)
print(r.returncode, r.stderr.splitlines()[-1])

# pass_fds: a pipe's write end reaches the child.
rfd, wfd = os.pipe()
p = subprocess.Popen(["sh", "-c", "echo via-fd >&%d" % wfd], pass_fds=[wfd])
p.wait()
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)
# close_fds: other descriptors are not inherited.
rfd, wfd = os.pipe()
os.set_inheritable(wfd, True)
r = subprocess.run(["sh", "-c", "echo x >&%d" % wfd], capture_output=True, text=True)
print(r.returncode != 0, "Bad file descriptor" in r.stderr or "bad file" in r.stderr.lower())
os.close(rfd)
os.close(wfd)
