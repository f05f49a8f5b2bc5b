# The live oracle: reads JSON requests, one per line, and answers each on one line.
# Request: {"id": n, "module": "name in py/", "fn": "function", "args": [...encoded]}
# Answer:  {"id": n, "outcome": {"ok": value}} or {"id": n, "outcome": {"$error": [class, message]}}
# Runs under Python 2.7 and 3.x.
import importlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_json  # noqa: E402

modules = {}


def handle(request):
    name = request["module"]
    module = modules.get(name)
    if module is None:
        module = modules[name] = importlib.import_module(name)
    fn = getattr(module, request["fn"])
    return oracle_json.outcome(fn, *oracle_json.decode(request["args"]))


def main():
    stdin = sys.stdin
    stdout = sys.stdout
    while True:
        line = stdin.readline()
        if not line:
            break
        request = json.loads(line)
        try:
            answer = {"outcome": handle(request)}
        except Exception as exc:  # a broken request must not kill the server
            answer = {"internal": "%s: %s" % (type(exc).__name__, exc)}
        answer["id"] = request["id"]
        stdout.write(json.dumps(answer, allow_nan=False) + "\n")
        stdout.flush()


if __name__ == "__main__":
    main()
