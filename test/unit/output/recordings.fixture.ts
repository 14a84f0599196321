// Copied from /work/shared/conformance (cases.json and recordings/2.36.7): what AWS CLI 2.36.7
// printed for the cases that exercise output formatting, --query and --cli-error-format.
// `aws` in these strings is the AWS CLI's program name.

export interface RecordedCase {
  readonly id: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | null>>;
  readonly files: Readonly<Record<string, string>>;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const RECORDED: readonly RecordedCase[] = [
  {
    "id": "ok-global-before-op",
    "args": [
      "--output",
      "text",
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`[1,2]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "1\t2\n",
    "stderr": ""
  },
  {
    "id": "q-json-at",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "json",
      "--query",
      "@"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "",
    "stderr": ""
  },
  {
    "id": "q-json-foo",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "json",
      "--query",
      "foo"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "null\n",
    "stderr": ""
  },
  {
    "id": "q-json-list",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "json",
      "--query",
      "`[1,2]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "[\n    1,\n    2\n]\n",
    "stderr": ""
  },
  {
    "id": "q-json-obj",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "json",
      "--query",
      "`{\"a\":{\"b\":[1,2]}}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "{\n    \"a\": {\n        \"b\": [\n            1,\n            2\n        ]\n    }\n}\n",
    "stderr": ""
  },
  {
    "id": "q-text-foo",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "text",
      "--query",
      "foo"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "None\n",
    "stderr": ""
  },
  {
    "id": "q-text-lit",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "text",
      "--query",
      "`\"lit\"`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "lit\n",
    "stderr": ""
  },
  {
    "id": "q-text-obj",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "text",
      "--query",
      "`{\"a\":{\"b\":[1,2]}}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "B\t1\nB\t2\n",
    "stderr": ""
  },
  {
    "id": "q-table-at",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "table",
      "--query",
      "@"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "",
    "stderr": ""
  },
  {
    "id": "q-table-lit",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "table",
      "--query",
      "`\"lit\"`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "------------------------\n|AdminUserGlobalSignOut|\n+----------------------+\n",
    "stderr": ""
  },
  {
    "id": "q-table-list",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "table",
      "--query",
      "`[1,2]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "------------------------\n|AdminUserGlobalSignOut|\n+----------------------+\n|  1                   |\n|  2                   |\n+----------------------+\n",
    "stderr": ""
  },
  {
    "id": "q-yaml-at",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml",
      "--query",
      "@"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "",
    "stderr": ""
  },
  {
    "id": "q-yaml-foo",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml",
      "--query",
      "foo"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "null\n",
    "stderr": ""
  },
  {
    "id": "q-yaml-list",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml",
      "--query",
      "`[1,2]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "- 1\n- 2\n",
    "stderr": ""
  },
  {
    "id": "q-yaml-obj",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml",
      "--query",
      "`{\"a\":{\"b\":[1,2]}}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "a:\n  b:\n  - 1\n  - 2\n",
    "stderr": ""
  },
  {
    "id": "q-yaml-stream-foo",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml-stream",
      "--query",
      "foo"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "- null\n",
    "stderr": ""
  },
  {
    "id": "q-yaml-stream-lit",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml-stream",
      "--query",
      "`\"lit\"`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "- lit\n",
    "stderr": ""
  },
  {
    "id": "q-yaml-stream-obj",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "yaml-stream",
      "--query",
      "`{\"a\":{\"b\":[1,2]}}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "- a:\n    b:\n    - 1\n    - 2\n",
    "stderr": ""
  },
  {
    "id": "q-off-lit",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "off",
      "--query",
      "`\"lit\"`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "",
    "stderr": ""
  },
  {
    "id": "q-text-null",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "text",
      "--query",
      "`null`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "None\n",
    "stderr": ""
  },
  {
    "id": "q-table-true",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "table",
      "--query",
      "`true`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "------------------------\n|AdminUserGlobalSignOut|\n+----------------------+\n",
    "stderr": ""
  },
  {
    "id": "q-json-keys",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "json",
      "--query",
      "keys(@)"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "[]\n",
    "stderr": ""
  },
  {
    "id": "q-json-invalid",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "foo["
    ],
    "env": {},
    "files": {},
    "exitCode": 252,
    "stdout": "",
    "stderr": "\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n\"foo[\"\n     ^\n"
  },
  {
    "id": "q-text-nested-list",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "text",
      "--query",
      "`[[1,2],[3,[4,5]]]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "1\t2\n3\n4\t5\n",
    "stderr": ""
  },
  {
    "id": "q-table-list-of-objects",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "table",
      "--query",
      "`[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"c\":null}]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "------------------------\n|AdminUserGlobalSignOut|\n+----+------+----------+\n|  a |  b   |    c     |\n+----+------+----------+\n|  1 |  x   |          |\n|  2 |      |  None    |\n+----+------+----------+\n",
    "stderr": ""
  },
  {
    "id": "q-json-unicode",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`\"ünïcødé ✓\"`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "\"ünïcødé ✓\"\n",
    "stderr": ""
  },
  {
    "id": "q-json-float",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`1.50`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "1.5\n",
    "stderr": ""
  },
  {
    "id": "q-json-empty-containers",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`{\"l\":[],\"o\":{}}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "{\n    \"l\": [],\n    \"o\": {}\n}\n",
    "stderr": ""
  },
  {
    "id": "q-text-empty-list",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "text",
      "--query",
      "`[]`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "",
    "stderr": ""
  },
  {
    "id": "color-on-table",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--color",
      "on",
      "--output",
      "table",
      "--query",
      "`{\"a\":\"x\",\"b\":[1,2]}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "------------------------\n\u001b[0m\u001b[0m|AdminUserGlobalSignOut|\u001b[0m\u001b[0m\n\u001b[0m\u001b[0m+----------+-----------+\u001b[0m\u001b[0m\n\u001b[0m\u001b[0m|  \u001b[1m\u001b[34ma\u001b[0m       |  \u001b[1m\u001b[34mx\u001b[0m        |\u001b[0m\u001b[0m\n\u001b[0m\u001b[0m+----------+-----------+\u001b[0m\u001b[0m\n\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m|          b         |\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m\n\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m+--------------------+\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m\n\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m|  \u001b[1m\u001b[34m1\u001b[0m                 |\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m\n\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m|  \u001b[1m\u001b[34m2\u001b[0m                 |\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m\n\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m+--------------------+\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\u001b[0m\n\u001b[0m",
    "stderr": ""
  },
  {
    "id": "color-off-table",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--color",
      "off",
      "--output",
      "table",
      "--query",
      "`{\"a\":\"x\",\"b\":[1,2]}`"
    ],
    "env": {},
    "files": {},
    "exitCode": 0,
    "stdout": "------------------------\n|AdminUserGlobalSignOut|\n+----------+-----------+\n|  a       |  x        |\n+----------+-----------+\n||          b         ||\n|+--------------------+|\n||  1                 ||\n||  2                 ||\n|+--------------------+|\n",
    "stderr": ""
  },
  {
    "id": "color-on-error",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user",
      "--color",
      "on"
    ],
    "env": {},
    "files": {},
    "exitCode": 254,
    "stdout": "",
    "stderr": "\naws: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n"
  },
  {
    "id": "default-output-env",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`[1,2]`"
    ],
    "env": {
      "AWS_DEFAULT_OUTPUT": "text"
    },
    "files": {},
    "exitCode": 0,
    "stdout": "1\t2\n",
    "stderr": ""
  },
  {
    "id": "default-output-env-invalid",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`[1,2]`"
    ],
    "env": {
      "AWS_DEFAULT_OUTPUT": "xml"
    },
    "files": {},
    "exitCode": 255,
    "stdout": "",
    "stderr": "\naws: [ERROR]: Unknown output type: xml\n"
  },
  {
    "id": "default-output-env-invalid-no-output",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice"
    ],
    "env": {
      "AWS_DEFAULT_OUTPUT": "xml"
    },
    "files": {},
    "exitCode": 255,
    "stdout": "",
    "stderr": "\naws: [ERROR]: Unknown output type: xml\n"
  },
  {
    "id": "output-flag-beats-env",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--output",
      "json",
      "--query",
      "`[1,2]`"
    ],
    "env": {
      "AWS_DEFAULT_OUTPUT": "text"
    },
    "files": {},
    "exitCode": 0,
    "stdout": "[\n    1,\n    2\n]\n",
    "stderr": ""
  },
  {
    "id": "output-from-config",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--query",
      "`{\"a\":[1,2]}`"
    ],
    "env": {},
    "files": {
      ".aws/config": "[default]\noutput = yaml\n"
    },
    "exitCode": 0,
    "stdout": "a:\n- 1\n- 2\n",
    "stderr": ""
  },
  {
    "id": "errfmt-legacy",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user",
      "--cli-error-format",
      "legacy"
    ],
    "env": {},
    "files": {},
    "exitCode": 254,
    "stdout": "",
    "stderr": "\naws: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n"
  },
  {
    "id": "errfmt-json",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user",
      "--cli-error-format",
      "json"
    ],
    "env": {},
    "files": {},
    "exitCode": 254,
    "stdout": "",
    "stderr": "{\n    \"Message\": \"User does not exist.\",\n    \"Code\": \"UserNotFoundException\",\n    \"message\": \"User does not exist.\"\n}\n"
  },
  {
    "id": "errfmt-text",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user",
      "--cli-error-format",
      "text"
    ],
    "env": {},
    "files": {},
    "exitCode": 254,
    "stdout": "",
    "stderr": "UserNotFoundException\tUser does not exist.\tUser does not exist.\n"
  },
  {
    "id": "errfmt-table",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user",
      "--cli-error-format",
      "table"
    ],
    "env": {},
    "files": {},
    "exitCode": 254,
    "stdout": "",
    "stderr": "---------------------------------------------------------------------------\n|                                  error                                  |\n+-----------------------+------------------------+------------------------+\n|         Code          |        Message         |        message         |\n+-----------------------+------------------------+------------------------+\n|  UserNotFoundException|  User does not exist.  |  User does not exist.  |\n+-----------------------+------------------------+------------------------+\n"
  },
  {
    "id": "errfmt-invalid",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user",
      "--cli-error-format",
      "xml"
    ],
    "env": {},
    "files": {},
    "exitCode": 252,
    "stdout": "",
    "stderr": "\naws: [ERROR]: An error occurred (ParamValidation): argument --cli-error-format: Found invalid choice 'xml'\n\n\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n"
  },
  {
    "id": "errfmt-env-json",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "no-such-user"
    ],
    "env": {
      "AWS_CLI_ERROR_FORMAT": "json"
    },
    "files": {},
    "exitCode": 254,
    "stdout": "",
    "stderr": "{\n    \"Message\": \"User does not exist.\",\n    \"Code\": \"UserNotFoundException\",\n    \"message\": \"User does not exist.\"\n}\n"
  },
  {
    "id": "errfmt-json-usage-error",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--cli-error-format",
      "json"
    ],
    "env": {},
    "files": {},
    "exitCode": 252,
    "stdout": "",
    "stderr": "{\n    \"Code\": \"ParamValidation\",\n    \"Message\": \"the following arguments are required: --username\\n\\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\\nTo see help text, you can run:\\n\\n  aws help\\n  aws <command> help\\n  aws <command> <subcommand> help\\n\"\n}\n"
  },
  {
    "id": "errfmt-json-validation-error",
    "args": [
      "admin-user-global-sign-out",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "",
      "--cli-error-format",
      "json"
    ],
    "env": {},
    "files": {},
    "exitCode": 252,
    "stdout": "",
    "stderr": "{\n    \"Code\": \"ParamValidation\",\n    \"Message\": \"Parameter validation failed:\\nInvalid length for parameter Username, value: 0, valid min length: 1\"\n}\n"
  },
  {
    "id": "errfmt-json-connection-refused",
    "args": [
      "admin-user-global-sign-out",
      "--endpoint-url",
      "http://127.0.0.1:{{CLOSED_PORT}}",
      "--user-pool-id",
      "us-east-1_Example",
      "--username",
      "alice",
      "--cli-error-format",
      "json"
    ],
    "env": {
      "AWS_MAX_ATTEMPTS": "1"
    },
    "files": {},
    "exitCode": 255,
    "stdout": "",
    "stderr": "\naws: [ERROR]: Could not connect to the endpoint URL: \"http://127.0.0.1:<CLOSED_PORT>/\"\n"
  }
];
