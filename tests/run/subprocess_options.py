# subprocess options through fork_exec: umask, start_new_session, preexec_fn (and its failure), process_group, a large communicate (poll loop with partial writes).
import subprocess, os
r = subprocess.run(["sh", "-c", "umask"], capture_output=True, text=True, umask=0o027)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo $PPID >/dev/null; ps -o sid= -p $$ | tr -d ' '"], capture_output=True, text=True, start_new_session=True)
print(r.returncode)
def pre():
    os.environ["PRE"] = "1"
r = subprocess.run(["sh", "-c", "echo pre=$PRE"], capture_output=True, text=True, preexec_fn=pre)
print(r.stdout.strip())
def bad():
    raise ValueError("x")
try:
    subprocess.run(["true"], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
print(subprocess.run(["sh", "-c", "exit 0"], process_group=0).returncode)
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
    out, err = p.communicate(b"x" * 200000, timeout=5)
    print(len(out), err)
