#!/usr/bin/env python3
"""Measures p50/p95/p99 of the officers' lists, a case page, the dashboard and the Elsa instance list against a
running Host (see scale-benchmark.sh). Signs in as a demo officer for the officers' views; uses the development API
key for the Elsa API. Prints one Markdown table row per endpoint."""
import http.client
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request

base, label, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
host = urllib.parse.urlparse(base)


def sign_in(user):
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    page = opener.open(base + "/account/login").read().decode()
    token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"userName": user, "password": "Demo@2026!", "__RequestVerificationToken": token}).encode()
    request = urllib.request.Request(base + "/account/login", data=form, headers={"Origin": base})
    try:
        opener.open(request)
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def measure(connection, method, path, headers, body=None):
    """Warm-up calls, then `repeats` timed calls on one keep-alive connection; returns sorted ms and the last size."""
    times, size = [], 0
    for i in range(5 + repeats):
        start = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
        if i >= 5:
            times.append(elapsed)
        size = len(data)
    return sorted(times), size


def percentile(sorted_ms, p):
    return sorted_ms[min(len(sorted_ms) - 1, int(round(p / 100 * (len(sorted_ms) - 1))))]


officer = {"Cookie": sign_in("bureau.shihe")}
street = {"Cookie": sign_in("street.minquan")}
api = {"Authorization": "ApiKey dev-api-key", "Content-Type": "application/json"}
connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)

# Ids for the single-case and search rows, from the lists themselves.
connection.request("GET", "/api/cases?status=Open&pageSize=1", headers=officer)
open_case = json.loads(connection.getresponse().read())["items"][0]
name_prefix = urllib.parse.quote(open_case["compoundName"][:2])

rows = [
    ("inbox mine (bureau)", "GET", "/api/tasks?scope=mine", officer, None),
    ("inbox unit (bureau)", "GET", "/api/tasks?scope=unit", officer, None),
    ("inbox done (bureau)", "GET", "/api/tasks?scope=done", officer, None),
    ("inbox below (bureau)", "GET", "/api/tasks?scope=below", officer, None),
    ("inbox done (street)", "GET", "/api/tasks?scope=done", street, None),
    ("inbox page /tasks?tab=below", "GET", "/tasks?tab=below", officer, None),
    ("case list API, page 1", "GET", "/api/cases", officer, None),
    ("case list API, page 100", "GET", "/api/cases?page=100", officer, None),
    ("case list API, open complaints", "GET", "/api/cases?status=Open&procedure=complaint-escalation", officer, None),
    ("case search by compound name", "GET", f"/api/cases?q={name_prefix}", officer, None),
    ("case search by case number", "GET", f"/api/cases?q={open_case['caseId']}", officer, None),
    ("case list page /cases", "GET", "/cases", officer, None),
    ("case API /api/cases/{id}", "GET", f"/api/cases/{open_case['caseId']}", officer, None),
    ("case page /cases/{id}", "GET", f"/cases/{open_case['caseId']}", officer, None),
    ("dashboard API", "GET", "/api/dashboard", officer, None),
    ("dashboard page", "GET", "/dashboard", officer, None),
    ("Elsa instances, page 1", "POST", "/elsa/api/workflow-instances", api, json.dumps({"page": 0, "pageSize": 20})),
    ("Elsa instances, definition + status", "POST", "/elsa/api/workflow-instances", api,
     json.dumps({"page": 0, "pageSize": 20, "definitionIds": ["complaint-escalation"], "statuses": ["Running"]})),
    ("Elsa instances, search name", "POST", "/elsa/api/workflow-instances", api,
     json.dumps({"page": 0, "pageSize": 20, "searchTerm": "矛盾"})),
    ("Elsa instances, search correlation id", "POST", "/elsa/api/workflow-instances", api,
     json.dumps({"page": 0, "pageSize": 20, "searchTerm": open_case["caseId"]})),
]
for name, method, path, headers, body in rows:
    ms, size = measure(connection, method, path, headers, body.encode() if body else None)
    print(f"| {label} | {name} | {percentile(ms, 50):.1f} | {percentile(ms, 95):.1f} | {percentile(ms, 99):.1f} | {size / 1024:.1f} |", flush=True)
