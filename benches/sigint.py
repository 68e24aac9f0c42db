"""Ctrl-C timing: start `trappa solve INSTANCE --out OUT --time-limit 600 --quiet`, send SIGINT
after AT seconds, and print the time from the signal to the exit and the process's CPU time
(user + system) after the signal, with the load average at the signal.

    python3 benches/sigint.py BINARY INSTANCE OUT AT_SECONDS

The CPU after the signal does not depend on the machine's load; the wall time does.
"""
import os
import signal
import subprocess
import sys
import time

binary, inst, out, at = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
ticks = os.sysconf("SC_CLK_TCK")
p = subprocess.Popen([binary, "solve", inst, "--out", out, "--time-limit", "600", "--quiet"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(at)
fields = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
cpu_before = (int(fields[11]) + int(fields[12])) / ticks
load = open("/proc/loadavg").read().split()[0]
t = time.time()
p.send_signal(signal.SIGINT)
_, status, usage = os.wait4(p.pid, 0)
wall = time.time() - t
cpu_after = usage.ru_utime + usage.ru_stime - cpu_before
print(f"{os.path.basename(binary)}: SIGINT at {at:.0f} s -> exit {wall:.2f} s, "
      f"CPU after the signal {cpu_after:.2f} s, exit code {os.waitstatus_to_exitcode(status)}, load {load}")
