#!/usr/bin/env python3
"""Page times of `trappa serve` under load: 20 concurrent sessions browse while a plan runs.

    python3 benches/serve_load.py [--trappa target/debug/trappa] [--clients 20] [--rounds 25]

Starts the server on a free port with a temporary --data, creates a finished round from the
shipped template (planned, so its plan page, report and person search exist), then uploads a
generated round of 300 participants with courses and starts planning it (time limit 60 s).
While that plan runs, each client (its own session) requests the pages in turn, a bounded
number of rounds; the script prints the median and 95th percentile per page and overall, the
number of errors, and whether the plan was still running at the end.
"""
import argparse
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session(follow=True):
    jar = http.cookiejar.CookieJar()
    handlers = [urllib.request.HTTPCookieProcessor(jar)]
    if not follow:
        handlers.append(NoRedirect())
    return urllib.request.build_opener(*handlers)


def get(opener, url):
    try:
        with opener.open(url, timeout=60) as r:
            return r.status, r.read(), r.headers.get("Location")
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Location")


def csrf(opener, base):
    _, body, _ = get(opener, base + "/")
    return re.search(rb'name="csrf" value="([0-9a-f]+)"', body).group(1).decode()


def post(opener, url, body, content_type):
    req = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    return get(opener, req)


def multipart(fields, files):
    boundary = "----serve-load-boundary"
    out = b""
    for k, v in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    for k, (name, data) in files.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n\r\n'.encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def upload(opener, base, book, rules):
    token = csrf(opener, base)
    body, ct = multipart({"csrf": token}, {"workbook": ("omgång.xlsx", book), "rules": ("regler.json", rules)})
    status, _, location = post(opener, base + "/rounds", body, ct)
    assert status == 303, status
    return location.rsplit("/", 1)[1]


def start_plan(opener, base, version, limit):
    token = csrf(opener, base)
    data = urllib.parse.urlencode({"csrf": token, "time_limit": limit}).encode()
    status, _, _ = post(opener, f"{base}/versions/{version}/plan", data, "application/x-www-form-urlencoded")
    assert status == 303, status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trappa", default=os.path.join(ROOT, "target/debug/trappa"))
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=25)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="serve-load-")
    inst = os.path.join(tmp, "stor.json")
    subprocess.run([args.trappa, "generate", "--participants", "300", "--courses", "--term", "--out", inst], check=True)
    subprocess.run([args.trappa, "export", "roster", inst, "--out", os.path.join(tmp, "stor.xlsx")], check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([args.trappa, "serve", "--addr", "127.0.0.1:0", "--data", os.path.join(tmp, "data")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        base = server.stdout.readline().decode().strip().rstrip("/")
        admin = session(follow=False)
        mall = open(os.path.join(ROOT, "instances/mall/mall.xlsx"), "rb").read()
        mall_rules = open(os.path.join(ROOT, "instances/mall/regler.json"), "rb").read()
        v1 = upload(admin, base, mall, mall_rules)
        start_plan(admin, base, v1, "3")
        while b"id=\"summary\"" not in get(admin, f"{base}/versions/{v1}")[1]:
            time.sleep(0.2)
        big = open(os.path.join(tmp, "stor.xlsx"), "rb").read()
        big_rules = open(os.path.join(tmp, "regler.json"), "rb").read()
        v2 = upload(admin, base, big, big_rules)
        start_plan(admin, base, v2, "60")
        pages = ["/", "/rounds/1", f"/versions/{v1}", f"/versions/{v1}/person?q=a", f"/versions/{v1}/report", f"/versions/{v2}"]
        times = {p: [] for p in pages}
        errors = []
        lock = threading.Lock()

        def client():
            s = session()
            for i in range(args.rounds):
                for p in pages:
                    t0 = time.perf_counter()
                    status, _, _ = get(s, base + p)
                    dt = time.perf_counter() - t0
                    with lock:
                        times[p].append(dt)
                        if status != 200:
                            errors.append((p, status))

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        still = b"planeras" in get(admin, f"{base}/versions/{v2}")[1]
        every = [x for v in times.values() for x in v]
        print(f"{args.clients} clients x {args.rounds} rounds x {len(pages)} pages = {len(every)} requests in {wall:.1f} s; "
              f"errors: {len(errors)}; the plan was {'still running' if still else 'finished'} at the end")
        print(f"{'page':32} {'median ms':>10} {'p95 ms':>8}")
        for p, v in times.items():
            v.sort()
            print(f"{p:32} {statistics.median(v) * 1000:10.1f} {v[int(len(v) * 0.95)] * 1000:8.1f}")
        every.sort()
        print(f"{'all':32} {statistics.median(every) * 1000:10.1f} {every[int(len(every) * 0.95)] * 1000:8.1f}")
        return 1 if errors else 0
    finally:
        server.kill()
        server.wait()
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    sys.exit(main())
