#!/usr/bin/env python3
"""Usage: ingest-cpu.py <dir> <h2|postgres> <seconds>, run in a directory holding <dir>/tagbase.jar and
<dir>/tagbase-bench-0.1.0-SNAPSHOT-all.jar (copies, so a rebuild cannot change a running server's jar).

Runs IngestBench for one variant and database and reports, besides its events/s, the CPU time the
server JVM and its PostgreSQL spent per 1,000 acknowledged events in the measured window: a figure
that other work on a shared machine disturbs far less than throughput."""
import os, re, subprocess, sys, time
variant, db, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
TICK = os.sysconf('SC_CLK_TCK')

def procs():
    out = {}
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            cmd = open(f'/proc/{p}/cmdline', 'rb').read().split(b'\0')
            st = open(f'/proc/{p}/stat').read()
        except OSError:
            continue
        fields = st[st.rindex(')') + 2:].split()
        out[int(p)] = ([c.decode(errors='replace') for c in cmd if c], int(fields[1]), int(fields[11]) + int(fields[12]))
    return out

def cpu(server_pid, port):
    ps = procs()
    server = ps.get(server_pid, ([], 0, 0))[2]
    master = [p for p, (cmd, _, _) in ps.items() if cmd and cmd[0].endswith('postgres') and '-p' in cmd and cmd[cmd.index('-p') + 1] == port]
    pg = {p: t for p, (_, ppid, t) in ps.items() if p in master or ppid in master}
    return server, pg

bench = subprocess.Popen(['java', '-cp', f'{variant}/tagbase-bench-0.1.0-SNAPSHOT-all.jar', 'io.tagbase.bench.IngestBench',
    '--server-jar', f'{variant}/tagbase.jar', '--seconds', str(seconds), '--clients', '4', '--batch', '500', '--db', db],
    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=os.getcwd())
start = end = None
for line in bench.stderr:
    if 'measuring' in line:
        server_pid = next(p for p, (cmd, _, _) in procs().items() if any(f'/{variant}/tagbase.jar' in c for c in cmd) and '-Xmx4g' in cmd)
        env = open(f'/proc/{server_pid}/environ', 'rb').read().decode(errors='replace')
        m = re.search(r'TAGBASE_DB_URL=jdbc:postgresql://[^:]+:(\d+)/', env)
        port = m.group(1) if m else ''
        start = cpu(server_pid, port)
        time.sleep(seconds)
        end = cpu(server_pid, port)
out = bench.stdout.read()
bench.wait()
row = next(l for l in out.splitlines() if 'Tagbase on' in l)
eps = float(row.split('|')[2].replace(',', ''))
events = eps * seconds
s = (end[0] - start[0]) / TICK * 1000 / (events / 1000)
# Database processes alive at both ends (transient autovacuum workers would make the sum jump).
p = sum(end[1][q] - start[1][q] for q in end[1] if q in start[1]) / TICK * 1000 / (events / 1000)
print(f'{variant} {db} {eps:,.0f} events/s; CPU per 1,000 events: server {s:.1f} ms, database {p:.1f} ms, both {s + p:.1f} ms; load {open("/proc/loadavg").read().split()[0]}', flush=True)
