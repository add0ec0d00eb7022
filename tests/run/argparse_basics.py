# argparse (which pulls in gettext and locale): options, positionals, subcommands, help and
# usage errors.
import argparse
import gettext

print(gettext.gettext("hello"), gettext.ngettext("file", "files", 2))

p = argparse.ArgumentParser(prog="demo", description="A demo program.", epilog="The end.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("--name", default="x", metavar="NAME", help="a name (default: %(default)s)")
p.add_argument("--n", type=int, choices=[1, 2, 3])
p.add_argument("--flag", action="store_true")
p.add_argument("--no-color", dest="color", action="store_false")
p.add_argument("--item", action="append", default=[])
g = p.add_mutually_exclusive_group()
g.add_argument("--fast", action="store_true")
g.add_argument("--slow", action="store_true")
print(p.parse_args(["a", "b", "-vv", "--name", "y", "--n", "2", "--item", "1", "--item=2"]))
print(p.parse_args([]))
ns, rest = p.parse_known_args(["--flag", "--unknown", "z"])
print(ns.flag, rest)
p.print_usage()
p.print_help()

sub = argparse.ArgumentParser(prog="tool")
subs = sub.add_subparsers(dest="cmd", required=True)
add = subs.add_parser("add", help="add things")
add.add_argument("x", type=float)
add.add_argument("y", type=float)
rm = subs.add_parser("rm")
rm.add_argument("--force", "-f", action="store_true")
print(sub.parse_args(["add", "1.5", "2"]))
print(sub.parse_args(["rm", "-f"]))

for argv in (["--n", "5"], ["--n", "x"], ["--fast", "--slow"], ["--name"]):
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)
try:
    sub.parse_args([])
except SystemExit as e:
    print("exit", e.code)
try:
    sub.parse_args(["add", "1"])
except SystemExit as e:
    print("exit", e.code)
