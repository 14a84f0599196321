"""Batch oracle for the output formatters: the AWS CLI's own formatter code, one process.

Reads JSON lines {"fmt": "json"|"yaml"|"yaml-stream"|"text"|"table", "doc": "<JSON text>",
"enc": <stdout encoding; "default" is sys.stdout as Python starts here, utf-8 with surrogateescape>} on stdin and writes one JSON line per input: {"out": <the
bytes that reached stdout, decoded as latin-1>, "err": <"Type: message" or null>}. Output goes
through a TextIOWrapper like sys.stdout (strict errors), so a failure keeps what came before. Documents are parsed with json.loads as jmespath parses a --query literal. Run with
PYTHONPATH=/work/shared/oracle/awscli-2.36.7 /usr/bin/python3 (see scripts/fuzz-formatters.mjs).
"""
import io
import json
import sys
from collections import OrderedDict  # noqa: F401

sys.path.insert(0, '/work/shared/oracle')
import launcher  # noqa: E402,F401  (the placeholders the awscli import needs)
from awscli import formatter  # noqa: E402


class Query:
    """Stands in for --query: the document reaches the formatter as a query result does."""

    def __init__(self, value):
        self.value = value

    def search(self, _response):
        return self.value


class Args:
    color = 'off'

    def __init__(self, value):
        self.query = Query(value)


def run(fmt, value, enc):
    raw = io.BytesIO()
    if enc == 'default':
        stream = io.TextIOWrapper(raw, encoding='utf-8', errors='surrogateescape', newline='\n')
    else:
        stream = io.TextIOWrapper(raw, encoding=enc, errors='strict', newline='\n')
    args = Args(value)
    try:
        if fmt == 'json':
            formatter.JSONFormatter(args)('Op', {}, stream)
        elif fmt == 'yaml':
            formatter.YAMLFormatter(args)('Op', {}, stream)
        elif fmt == 'yaml-stream':
            formatter.StreamedYAMLFormatter(args)('Op', {}, stream)
        elif fmt == 'text':
            formatter.TextFormatter(args)('Op', {}, stream)
        elif fmt == 'table':
            f = formatter.TableFormatter(args)
            f.table._terminal_width = 80
            f('Op', {}, stream)
        else:
            raise ValueError(fmt)
        err = None
    except Exception as e:  # noqa: BLE001 - the harness reports every failure
        err = '%s: %s' % (type(e).__name__, e)
    try:
        stream.flush()
    except Exception:  # noqa: BLE001 - pending pieces were encoded already
        pass
    return {'out': raw.getvalue().decode('latin-1'), 'err': err}


for line in sys.stdin:
    req = json.loads(line)
    value = json.loads(req['doc'])
    sys.stdout.write(json.dumps(run(req['fmt'], value, req.get('enc', 'default'))) + '\n')
    sys.stdout.flush()
