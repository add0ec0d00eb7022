# misc: sys.exit(None) and sys.exit() exit with status 0
import sys
print('exiting cleanly')
sys.exit(None)
