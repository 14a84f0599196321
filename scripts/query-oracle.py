"""Batch oracle for --query: jmespath.compile as the AWS CLI's --query does, then its formatter
(which applies the query to the operation's {} response), in one process.

Reads JSON lines {"expr": <the --query text>, "fmt": "json"|"text"|"table"|"yaml"|"yaml-stream",
"color": "off"|"on"} on stdin and writes one JSON line per input: {"out": <stdout's bytes as
latin-1>, "err": <"Bad value for --query ...: ..." for a compile error (stage "compile"),
"Type: message" for a runtime or formatter error, or null>}. stdout is utf-8 with
surrogateescape, as sys.stdout starts here. Run with PYTHONPATH=/work/shared/oracle/awscli-2.36.7
/usr/bin/python3 (see scripts/fuzz-query.mjs).
"""
import io
import json
import sys

sys.path.insert(0, '/work/shared/oracle')
import launcher  # noqa: E402,F401  (the placeholders the awscli import needs)
import jmespath  # noqa: E402
from awscli import formatter  # noqa: E402


class Args:
    def __init__(self, query, color):
        self.query = query
        self.color = color


FORMATTERS = {
    'json': formatter.JSONFormatter,
    'yaml': formatter.YAMLFormatter,
    'yaml-stream': formatter.StreamedYAMLFormatter,
    'text': formatter.TextFormatter,
}


def run(expr, fmt, color):
    try:
        q = jmespath.compile(expr)
    except Exception as e:
        return {'out': '', 'err': 'Bad value for --query %s: %s' % (expr, e), 'stage': 'compile'}
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding='utf-8', errors='surrogateescape', newline='\n')
    args = Args(q, color)
    err = None
    try:
        if fmt == 'table':
            f = formatter.TableFormatter(args)
            f.table._terminal_width = 80
        else:
            f = FORMATTERS[fmt](args)
        f('AdminUserGlobalSignOut', {}, stream)
    except Exception as e:  # noqa: BLE001 - the harness reports every failure
        err = '%s: %s' % (type(e).__name__, e)
    try:
        stream.flush()
    except Exception:  # noqa: BLE001 - pending pieces were encoded already
        pass
    return {'out': raw.getvalue().decode('latin-1'), 'err': err}


# colorama (--color on) wraps sys.stdout anew on every table: put the real one back each time.
REAL = sys.stdout
for line in sys.stdin:
    r = json.loads(line)
    res = run(r['expr'], r['fmt'], r.get('color', 'off'))
    sys.stdout = REAL
    sys.stderr = sys.__stderr__
    REAL.write(json.dumps(res) + '\n')
    REAL.flush()
