# subprocess: run/check_output/check_call/getoutput through _posixsubprocess.fork_exec,
# pipes, stderr redirection, env, cwd, return codes, exec errors, timeouts.
import subprocess

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)
print(subprocess.check_output(["printf", "a\\nb"]))
print(subprocess.run(["sh", "-c", "exit 3"]).returncode)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 4"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output)
try:
    subprocess.run(["/nonexistent/x"])
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print(e)
try:
    subprocess.run(["true"], cwd="/nonexistent-dir")
except FileNotFoundError as e:
    print(e)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
print(repr(r.stdout))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True)
print(r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "echo out"], stdout=subprocess.DEVNULL)
print(r.stdout, r.returncode)
r = subprocess.run("echo $FOO", shell=True, env={"FOO": "bar"}, capture_output=True, text=True)
print(r.stdout)
print(subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
print(subprocess.run(["cat"], input=b"fed through stdin", capture_output=True).stdout)
print(subprocess.run(["tr", "a-z", "A-Z"], input="text mode", capture_output=True, text=True).stdout)
try:
    subprocess.run(["sleep", "5"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("timed out", e.cmd)
print(subprocess.getoutput("echo hello; exit 2"), subprocess.getstatusoutput("exit 2"))
print(subprocess.list2cmdline(["a b", "c"]))
