// What jmespath.py (1.1.0, the AWS CLI pins <1.1.0; the error texts and semantics used here are
// the same) answers for these expressions on the AWS CLI's `{}` response, evaluated on
// CPython 3.13 (float sum() is the compensated one of 3.12+, as in the official AWS CLI build):
// the compile error text, the runtime error text, or json.dumps(result, indent=4,
// ensure_ascii=False) + newline ('' for {}). Memory addresses are whatever Python printed.

export interface OracleCase {
  readonly expr: string;
  readonly compileError?: string;
  readonly runtimeError?: string;
  readonly errorType?: string;
  readonly json?: string;
  readonly jsonError?: string;
}

export const JMESPATH_ORACLE: readonly OracleCase[] = [
  {
    "expr": "foo[",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"foo[\"\n     ^"
  },
  {
    "expr": "",
    "compileError": "Invalid JMESPath expression: cannot be empty."
  },
  {
    "expr": "foo.",
    "compileError": "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 4, token \"\" (EOF), for expression:\n\"foo.\"\n     ^"
  },
  {
    "expr": "a b",
    "compileError": "Unexpected token: b: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"a b\"\n   ^"
  },
  {
    "expr": "'unterminated",
    "compileError": "Bad jmespath expression: Unclosed ' delimiter:\n'unterminated\n^"
  },
  {
    "expr": "`{\"a\":1",
    "compileError": "Bad jmespath expression: Unclosed ` delimiter:\n`{\"a\":1\n^"
  },
  {
    "expr": "foo]",
    "compileError": "Unexpected token: ]: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"foo]\"\n    ^"
  },
  {
    "expr": "length(@",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"length(@\"\n         ^"
  },
  {
    "expr": "a ||",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"a ||\"\n     ^"
  },
  {
    "expr": "\"abc",
    "compileError": "Bad jmespath expression: Unclosed \" delimiter:\n\"abc\n^"
  },
  {
    "expr": "[?a==",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"[?a==\"\n      ^"
  },
  {
    "expr": "foo[1:2:3:4]",
    "compileError": "syntax error: Parse error at column 9, token \":\" (COLON), for expression:\n\"foo[1:2:3:4]\"\n          ^"
  },
  {
    "expr": "@@",
    "compileError": "Unexpected token: @: Parse error at column 1, token \"@\" (CURRENT), for expression:\n\"@@\"\n  ^"
  },
  {
    "expr": "foo.[",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"foo.[\"\n      ^"
  },
  {
    "expr": "!",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"!\"\n  ^"
  },
  {
    "expr": "a == ",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"a == \"\n      ^"
  },
  {
    "expr": "&",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"&\"\n  ^"
  },
  {
    "expr": "{a: b",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"{a: b\"\n      ^"
  },
  {
    "expr": "{a b}",
    "compileError": "Expecting: colon, got: unquoted_identifier: Parse error at column 3, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"{a b}\"\n    ^"
  },
  {
    "expr": "foo[?",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"foo[?\"\n      ^"
  },
  {
    "expr": "foo | ",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"foo | \"\n       ^"
  },
  {
    "expr": "`[1,2",
    "compileError": "Bad jmespath expression: Unclosed ` delimiter:\n`[1,2\n^"
  },
  {
    "expr": "a[-]",
    "compileError": "Bad jmespath expression: Unknown token '-':\na[-]\n  ^"
  },
  {
    "expr": "\u00e9",
    "compileError": "Bad jmespath expression: Unknown token \u00e9:\n\u00e9\n^"
  },
  {
    "expr": "~",
    "compileError": "Bad jmespath expression: Unknown token ~:\n~\n^"
  },
  {
    "expr": "foo[*",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"foo[*\"\n      ^"
  },
  {
    "expr": "abs(",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"abs(\"\n     ^"
  },
  {
    "expr": "a.1",
    "compileError": "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: number: Parse error at column 2, token \"1\" (NUMBER), for expression:\n\"a.1\"\n   ^"
  },
  {
    "expr": "\"\\u12\"",
    "compileError": "Bad jmespath expression: Invalid \\uXXXX escape:\n\"\\u12\"\n^"
  },
  {
    "expr": "\"\\x\"",
    "compileError": "Bad jmespath expression: Invalid \\escape:\n\"\\x\"\n^"
  },
  {
    "expr": "1",
    "compileError": "invalid token: Parse error at column 0, token \"1\" (NUMBER), for expression:\n\"1\"\n ^"
  },
  {
    "expr": "-1",
    "compileError": "invalid token: Parse error at column 0, token \"-1\" (NUMBER), for expression:\n\"-1\"\n ^"
  },
  {
    "expr": "a[0]]",
    "compileError": "Unexpected token: ]: Parse error at column 4, token \"]\" (RBRACKET), for expression:\n\"a[0]]\"\n     ^"
  },
  {
    "expr": "=",
    "compileError": "Bad jmespath expression: Unknown token '=':\n=\n^"
  },
  {
    "expr": "a = b",
    "compileError": "Bad jmespath expression: Unknown token '=':\na = b\n  ^"
  },
  {
    "expr": "a =",
    "compileError": "Bad jmespath expression: Unknown token '=':\na =\n  ^"
  },
  {
    "expr": "a[b]",
    "compileError": "Expecting: star, got: unquoted_identifier: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"a[b]\"\n   ^"
  },
  {
    "expr": "{a: b c}",
    "compileError": "Expecting: colon, got: rbrace: Parse error at column 7, token \"}\" (RBRACE), for expression:\n\"{a: b c}\"\n        ^"
  },
  {
    "expr": "[a,]",
    "compileError": "invalid token: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"[a,]\"\n    ^"
  },
  {
    "expr": "f(a b)",
    "runtimeError": "Unknown function: f()",
    "errorType": "UnknownFunctionError"
  },
  {
    "expr": "@(a)",
    "compileError": "Invalid function name '@': Parse error at column 0, token \"@\" (CURRENT), for expression:\n\"@(a)\"\n ^"
  },
  {
    "expr": "\"f\"(a)",
    "compileError": "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" (LPAREN), for expression:\n\"\"f\"(a)\"\n ^"
  },
  {
    "expr": "foo.*.[",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"foo.*.[\"\n        ^"
  },
  {
    "expr": "a.b.c.d.e.f.g[",
    "compileError": "Invalid jmespath expression: Incomplete expression:\n\"a.b.c.d.e.f.g[\"\n               ^"
  },
  {
    "expr": "[:::]",
    "compileError": "syntax error: Parse error at column 3, token \":\" (COLON), for expression:\n\"[:::]\"\n    ^"
  },
  {
    "expr": "[1:2:3:]",
    "compileError": "syntax error: Parse error at column 6, token \":\" (COLON), for expression:\n\"[1:2:3:]\"\n       ^"
  },
  {
    "expr": "`foo`",
    "json": "\"foo\"\n"
  },
  {
    "expr": "`\"a\"b`",
    "compileError": "Bad jmespath expression: Bad token \"a\"b:\n`\"a\"b`\n^"
  },
  {
    "expr": "`[1,]`",
    "json": "\"[1,]\"\n"
  },
  {
    "expr": "`  bar`",
    "json": "\"bar\"\n"
  },
  {
    "expr": "a\\",
    "compileError": "Bad jmespath expression: Unknown token \\:\na\\\n ^"
  },
  {
    "expr": "a $ b",
    "compileError": "Bad jmespath expression: Unknown token $:\na $ b\n  ^"
  },
  {
    "expr": "a.`1`",
    "compileError": "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: literal: Parse error at column 2, token \"1\" (LITERAL), for expression:\n\"a.`1`\"\n   ^"
  },
  {
    "expr": "`1`.a",
    "json": "null\n"
  },
  {
    "expr": "{\"a\": 1}",
    "compileError": "invalid token: Parse error at column 6, token \"1\" (NUMBER), for expression:\n\"{\"a\": 1}\"\n       ^"
  },
  {
    "expr": "'it\\'s'",
    "json": "\"it's\"\n"
  },
  {
    "expr": "'a\\\\b'",
    "json": "\"a\\\\\\\\b\"\n"
  },
  {
    "expr": "@",
    "json": ""
  },
  {
    "expr": "foo",
    "json": "null\n"
  },
  {
    "expr": "`[1,2]`",
    "json": "[\n    1,\n    2\n]\n"
  },
  {
    "expr": "`{\"a\":{\"b\":[1,2]}}`",
    "json": "{\n    \"a\": {\n        \"b\": [\n            1,\n            2\n        ]\n    }\n}\n"
  },
  {
    "expr": "keys(@)",
    "json": "[]\n"
  },
  {
    "expr": "`1.50`",
    "json": "1.5\n"
  },
  {
    "expr": "`{\"b\":1,\"2\":2,\"1\":3}`",
    "json": "{\n    \"b\": 1,\n    \"2\": 2,\n    \"1\": 3\n}\n"
  },
  {
    "expr": "`{\"a\":1.0,\"2\":1}`",
    "json": "{\n    \"a\": 1.0,\n    \"2\": 1\n}\n"
  },
  {
    "expr": "`{\"a\":1.0,\"2\":1}`.a",
    "json": "1.0\n"
  },
  {
    "expr": "`{\"a\":1.0,\"2\":1}`.\"2\"",
    "json": "1\n"
  },
  {
    "expr": "`[1e3, -0.0, 1e16, 1.5e-7, 0.0001, 123456789012345678901234567890]`",
    "json": "[\n    1000.0,\n    -0.0,\n    1e+16,\n    1.5e-07,\n    0.0001,\n    123456789012345678901234567890\n]\n"
  },
  {
    "expr": "`[1,2,3,4,5]`[1:3]",
    "json": "[\n    2,\n    3\n]\n"
  },
  {
    "expr": "`[1,2,3,4,5]`[::-1]",
    "json": "[\n    5,\n    4,\n    3,\n    2,\n    1\n]\n"
  },
  {
    "expr": "`[1,2,3,4,5]`[-2:]",
    "json": "[\n    4,\n    5\n]\n"
  },
  {
    "expr": "`[1,2,3,4,5]`[::0]",
    "runtimeError": "slice step cannot be zero",
    "errorType": "ValueError"
  },
  {
    "expr": "`[1,2,3,4,5]`[10]",
    "json": "null\n"
  },
  {
    "expr": "`[1,2,3,4,5]`[-1]",
    "json": "5\n"
  },
  {
    "expr": "`[[1,2],[3,[4,5]]]`[]",
    "json": "[\n    1,\n    2,\n    3,\n    [\n        4,\n        5\n    ]\n]\n"
  },
  {
    "expr": "`[[1,2],[3,[4,5]]]`[][]",
    "json": "[\n    1,\n    2,\n    3,\n    4,\n    5\n]\n"
  },
  {
    "expr": "`{\"a\":[{\"b\":1},{\"b\":2},{\"c\":3}]}`.a[*].b",
    "json": "[\n    1,\n    2\n]\n"
  },
  {
    "expr": "`{\"a\":{\"x\":1,\"y\":2}}`.a.*",
    "json": "[\n    1,\n    2\n]\n"
  },
  {
    "expr": "`[{\"a\":1},{\"a\":2},{\"a\":3}]`[?a > `1`].a",
    "json": "[\n    2,\n    3\n]\n"
  },
  {
    "expr": "`[{\"a\":1},{\"a\":\"x\"},{\"a\":3}]`[?a > `1`].a",
    "runtimeError": "'>' not supported between instances of 'str' and 'int'",
    "errorType": "TypeError"
  },
  {
    "expr": "`[1, \"a\"]`[?@ > `0`]",
    "runtimeError": "'>' not supported between instances of 'str' and 'int'",
    "errorType": "TypeError"
  },
  {
    "expr": "`\"a\"` < `1`",
    "runtimeError": "'<' not supported between instances of 'str' and 'int'",
    "errorType": "TypeError"
  },
  {
    "expr": "`\"a\"` < `\"b\"`",
    "json": "true\n"
  },
  {
    "expr": "`1` == `1.0`",
    "json": "true\n"
  },
  {
    "expr": "`true` == `1`",
    "json": "false\n"
  },
  {
    "expr": "`[true]` == `[1]`",
    "json": "true\n"
  },
  {
    "expr": "`0` == `false`",
    "json": "false\n"
  },
  {
    "expr": "`1.0` == `true`",
    "json": "false\n"
  },
  {
    "expr": "`{\"a\":1}` == `{\"a\":1.0}`",
    "json": "true\n"
  },
  {
    "expr": "!`0`",
    "json": "false\n"
  },
  {
    "expr": "!`0.0`",
    "json": "false\n"
  },
  {
    "expr": "!`\"\"`",
    "json": "true\n"
  },
  {
    "expr": "!`[]`",
    "json": "true\n"
  },
  {
    "expr": "!`\"a\"`",
    "json": "false\n"
  },
  {
    "expr": "`0` || `1`",
    "json": "0\n"
  },
  {
    "expr": "`\"\"` || `1`",
    "json": "1\n"
  },
  {
    "expr": "`[]` && `1`",
    "json": "[]\n"
  },
  {
    "expr": "`false` && `1`",
    "json": "false\n"
  },
  {
    "expr": "`null` || `false`",
    "json": "false\n"
  },
  {
    "expr": "length(`\"h\u00e9llo\ud83d\ude00\"`)",
    "json": "6\n"
  },
  {
    "expr": "length(@)",
    "json": "0\n"
  },
  {
    "expr": "length(`null`)",
    "runtimeError": "In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: \"null\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "length(`1`)",
    "runtimeError": "In function length(), invalid type for value: 1, expected one of: ['string', 'array', 'object'], received: \"number\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "length(`[1,2]`, `3`)",
    "runtimeError": "Expected 1 argument for function length(), received 2",
    "errorType": "ArityError"
  },
  {
    "expr": "abs(`-1`)",
    "json": "1\n"
  },
  {
    "expr": "abs(`-1.5`)",
    "json": "1.5\n"
  },
  {
    "expr": "abs(`\"a\"`)",
    "runtimeError": "In function abs(), invalid type for value: a, expected one of: ['number'], received: \"string\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "avg(`[1,2,3,4]`)",
    "json": "2.5\n"
  },
  {
    "expr": "avg(`[]`)",
    "json": "null\n"
  },
  {
    "expr": "avg(`[1, \"a\"]`)",
    "runtimeError": "In function avg(), invalid type for value: a, expected one of: ['array-number'], received: \"str\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "avg(`[\"a\"]`)",
    "runtimeError": "In function avg(), invalid type for value: a, expected one of: ['array-number'], received: \"str\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "ceil(`1.5`)",
    "json": "2\n"
  },
  {
    "expr": "ceil(`-1.5`)",
    "json": "-1\n"
  },
  {
    "expr": "ceil(`2`)",
    "json": "2\n"
  },
  {
    "expr": "ceil(`1e300`)",
    "json": "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160\n"
  },
  {
    "expr": "floor(`1.5`)",
    "json": "1\n"
  },
  {
    "expr": "floor(`-0.5`)",
    "json": "-1\n"
  },
  {
    "expr": "contains(`[1,2]`, `2`)",
    "json": "true\n"
  },
  {
    "expr": "contains(`[1,2]`, `2.0`)",
    "json": "true\n"
  },
  {
    "expr": "contains(`[1,2]`, `true`)",
    "json": "true\n"
  },
  {
    "expr": "contains(`\"abc\"`, `\"b\"`)",
    "json": "true\n"
  },
  {
    "expr": "contains(`\"abc\"`, `1`)",
    "runtimeError": "'in <string>' requires string as left operand, not int",
    "errorType": "TypeError"
  },
  {
    "expr": "contains(`{\"a\":1}`, `\"a\"`)",
    "runtimeError": "In function contains(), invalid type for value: {'a': 1}, expected one of: ['array', 'string'], received: \"object\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "ends_with(`\"abc\"`, `\"c\"`)",
    "json": "true\n"
  },
  {
    "expr": "starts_with(`\"abc\"`, `1`)",
    "runtimeError": "In function starts_with(), invalid type for value: 1, expected one of: ['string'], received: \"number\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "join(`\", \"`, `[\"a\",\"b\"]`)",
    "json": "\"a, b\"\n"
  },
  {
    "expr": "join(`\", \"`, `[\"a\",1]`)",
    "runtimeError": "In function join(), invalid type for value: 1, expected one of: ['array-string'], received: \"int\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "keys(`{\"b\":1,\"2\":2,\"a\":3}`)",
    "json": "[\n    \"b\",\n    \"2\",\n    \"a\"\n]\n"
  },
  {
    "expr": "values(`{\"b\":1,\"2\":2,\"a\":3}`)",
    "json": "[\n    1,\n    2,\n    3\n]\n"
  },
  {
    "expr": "map(&a, `[{\"a\":1},{\"b\":2}]`)",
    "json": "[\n    1,\n    null\n]\n"
  },
  {
    "expr": "map(&a, `1`)",
    "runtimeError": "In function map(), invalid type for value: 1, expected one of: ['array'], received: \"number\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "max(`[1,3,2]`)",
    "json": "3\n"
  },
  {
    "expr": "max(`[\"a\",\"c\",\"b\"]`)",
    "json": "\"c\"\n"
  },
  {
    "expr": "max(`[1,\"a\"]`)",
    "runtimeError": "In function max(), invalid type for value: a, expected one of: ['array-number', 'array-string'], received: \"str\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "max(`[]`)",
    "json": "null\n"
  },
  {
    "expr": "max(`[1, 2.5, 2]`)",
    "json": "2.5\n"
  },
  {
    "expr": "min(`[3, 1.0, 1]`)",
    "json": "1.0\n"
  },
  {
    "expr": "merge(`{\"a\":1,\"b\":2}`, `{\"b\":3,\"c\":4}`)",
    "json": "{\n    \"a\": 1,\n    \"b\": 3,\n    \"c\": 4\n}\n"
  },
  {
    "expr": "merge()",
    "runtimeError": "Expected at least 1 argument for function merge(), received 0",
    "errorType": "VariadictArityError"
  },
  {
    "expr": "merge(`{}`, `1`)",
    "runtimeError": "'int' object is not iterable",
    "errorType": "TypeError"
  },
  {
    "expr": "merge(`{}`, `[\"ab\"]`)",
    "json": "{\n    \"a\": \"b\"\n}\n"
  },
  {
    "expr": "merge(`{}`, `[[\"k\", \"v\"]]`)",
    "json": "{\n    \"k\": \"v\"\n}\n"
  },
  {
    "expr": "merge(`{}`, `[1]`)",
    "runtimeError": "cannot convert dictionary update sequence element #0 to a sequence",
    "errorType": "TypeError"
  },
  {
    "expr": "merge(`{}`, `[\"abc\"]`)",
    "runtimeError": "dictionary update sequence element #0 has length 3; 2 is required",
    "errorType": "ValueError"
  },
  {
    "expr": "merge(`1`)",
    "runtimeError": "In function merge(), invalid type for value: 1, expected one of: ['object'], received: \"number\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "not_null(`null`, `1`, `2`)",
    "json": "1\n"
  },
  {
    "expr": "not_null(`null`)",
    "json": "null\n"
  },
  {
    "expr": "not_null()",
    "runtimeError": "Expected at least 1 argument for function not_null(), received 0",
    "errorType": "VariadictArityError"
  },
  {
    "expr": "reverse(`\"abc\ud83d\ude00\"`)",
    "json": "\"\ud83d\ude00cba\"\n"
  },
  {
    "expr": "reverse(`[1,2,3]`)",
    "json": "[\n    3,\n    2,\n    1\n]\n"
  },
  {
    "expr": "reverse(`1`)",
    "runtimeError": "In function reverse(), invalid type for value: 1, expected one of: ['array', 'string'], received: \"number\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "sort(`[3,1,2]`)",
    "json": "[\n    1,\n    2,\n    3\n]\n"
  },
  {
    "expr": "sort(`[\"b\",\"a\",\"\u00e9\",\"Z\"]`)",
    "json": "[\n    \"Z\",\n    \"a\",\n    \"b\",\n    \"\u00e9\"\n]\n"
  },
  {
    "expr": "sort(`[1,\"a\"]`)",
    "runtimeError": "In function sort(), invalid type for value: a, expected one of: ['array-string', 'array-number'], received: \"str\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "sort(`[1, 2.5, 2, 0.5]`)",
    "json": "[\n    0.5,\n    1,\n    2,\n    2.5\n]\n"
  },
  {
    "expr": "sort_by(`[{\"a\":2},{\"a\":1},{\"a\":3}]`, &a)",
    "json": "[\n    {\n        \"a\": 1\n    },\n    {\n        \"a\": 2\n    },\n    {\n        \"a\": 3\n    }\n]\n"
  },
  {
    "expr": "sort_by(`[{\"a\":2},{\"a\":\"x\"}]`, &a)",
    "runtimeError": "In function sort_by(), invalid type for value: x, expected one of: ['number'], received: \"string\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "sort_by(`[{\"a\":[1]}]`, &a)",
    "runtimeError": "In function sort_by(), invalid type for value: {'a': [1]}, expected one of: ['string', 'number'], received: \"array\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "sort_by(`[]`, &a)",
    "json": "[]\n"
  },
  {
    "expr": "min_by(`[{\"a\":2},{\"a\":1}]`, &a)",
    "json": "{\n    \"a\": 1\n}\n"
  },
  {
    "expr": "max_by(`[{\"a\":2},{\"a\":1}]`, &a)",
    "json": "{\n    \"a\": 2\n}\n"
  },
  {
    "expr": "max_by(`[{\"a\":2},{\"a\":\"x\"}]`, &a)",
    "runtimeError": "'>' not supported between instances of 'str' and 'int'",
    "errorType": "TypeError"
  },
  {
    "expr": "max_by(`[{\"a\":\"x\"},{\"a\":2}]`, &a)",
    "runtimeError": "'>' not supported between instances of 'int' and 'str'",
    "errorType": "TypeError"
  },
  {
    "expr": "min_by(`[{\"a\":null}]`, &a)",
    "runtimeError": "In function min_by(), invalid type for value: None, expected one of: ['number', 'string'], received: \"null\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "sum(`[1,2,3]`)",
    "json": "6\n"
  },
  {
    "expr": "sum(`[0.1,0.2,0.3]`)",
    "json": "0.6\n"
  },
  {
    "expr": "sum(`[1, 0.5]`)",
    "json": "1.5\n"
  },
  {
    "expr": "sum(`[]`)",
    "json": "0\n"
  },
  {
    "expr": "sum(`[1e308, 1e308, -1e308]`)",
    "json": "Infinity\n"
  },
  {
    "expr": "sum(`[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]`)",
    "json": "5.5\n"
  },
  {
    "expr": "avg(`[0.1, 0.2, 0.3]`)",
    "json": "0.19999999999999998\n"
  },
  {
    "expr": "to_array(`1`)",
    "json": "[\n    1\n]\n"
  },
  {
    "expr": "to_array(`[1]`)",
    "json": "[\n    1\n]\n"
  },
  {
    "expr": "to_string(`{\"a\":[1,2.0,\"\u00e9\ud83d\ude00\"]}`)",
    "json": "\"{\\\"a\\\":[1,2.0,\\\"\\\\u00e9\\\\ud83d\\\\ude00\\\"]}\"\n"
  },
  {
    "expr": "to_string(`\"x\"`)",
    "json": "\"x\"\n"
  },
  {
    "expr": "to_string(`null`)",
    "json": "\"null\"\n"
  },
  {
    "expr": "to_number(`\"12\"`)",
    "json": "12\n"
  },
  {
    "expr": "to_number(`\"1.50\"`)",
    "json": "1.5\n"
  },
  {
    "expr": "to_number(`\"1e3\"`)",
    "json": "1000.0\n"
  },
  {
    "expr": "to_number(`\" 42 \"`)",
    "json": "42\n"
  },
  {
    "expr": "to_number(`\"1_000\"`)",
    "json": "1000\n"
  },
  {
    "expr": "to_number(`\"abc\"`)",
    "json": "null\n"
  },
  {
    "expr": "to_number(`\"inf\"`)",
    "json": "Infinity\n"
  },
  {
    "expr": "to_number(`\"nan\"`)",
    "json": "NaN\n"
  },
  {
    "expr": "to_number(`true`)",
    "json": "null\n"
  },
  {
    "expr": "to_number(`\"0x10\"`)",
    "json": "null\n"
  },
  {
    "expr": "to_number(`\"\u0661\u0662\"`)",
    "json": "12\n"
  },
  {
    "expr": "type(`1`)",
    "json": "\"number\"\n"
  },
  {
    "expr": "type(`1.5`)",
    "json": "\"number\"\n"
  },
  {
    "expr": "type(`\"a\"`)",
    "json": "\"string\"\n"
  },
  {
    "expr": "type(`true`)",
    "json": "\"boolean\"\n"
  },
  {
    "expr": "type(`null`)",
    "json": "\"null\"\n"
  },
  {
    "expr": "type(`[]`)",
    "json": "\"array\"\n"
  },
  {
    "expr": "type(`{}`)",
    "json": "\"object\"\n"
  },
  {
    "expr": "type(&a)",
    "json": "null\n"
  },
  {
    "expr": "unknown_fn(@)",
    "runtimeError": "Unknown function: unknown_fn()",
    "errorType": "UnknownFunctionError"
  },
  {
    "expr": "length(&a)",
    "runtimeError": "In function length(), invalid type for value: <jmespath.visitor._Expression object at 0x7fb9341d90f0>, expected one of: ['string', 'array', 'object'], received: \"expref\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "`[1,2]` | [@, @]",
    "json": "[\n    [\n        1,\n        2\n    ],\n    [\n        1,\n        2\n    ]\n]\n"
  },
  {
    "expr": "`{\"a\":[1]}` | [a, a, @]",
    "json": "[\n    [\n        1\n    ],\n    [\n        1\n    ],\n    {\n        \"a\": [\n            1\n        ]\n    }\n]\n"
  },
  {
    "expr": "{x: `1`, y: `2`}",
    "json": "{\n    \"x\": 1,\n    \"y\": 2\n}\n"
  },
  {
    "expr": "{x: `1`, x: `2`}",
    "json": "{\n    \"x\": 2\n}\n"
  },
  {
    "expr": "`{\"a\": 1}`.{b: a, c: a}",
    "json": "{\n    \"b\": 1,\n    \"c\": 1\n}\n"
  },
  {
    "expr": "`null`.{b: a}",
    "json": "null\n"
  },
  {
    "expr": "`null`.[a]",
    "json": "null\n"
  },
  {
    "expr": "`[1,[2,3],[4,[5]]]`[]",
    "json": "[\n    1,\n    2,\n    3,\n    4,\n    [\n        5\n    ]\n]\n"
  },
  {
    "expr": "`{\"a\": [1,2,3]}`.a[?@ > `1`]",
    "json": "[\n    2,\n    3\n]\n"
  },
  {
    "expr": "`{\"a\": [1,2,3]}`.a[?@ > `1`][]",
    "json": "[\n    2,\n    3\n]\n"
  },
  {
    "expr": "`[{\"a\":{\"b\":1}},{\"a\":{\"b\":2}}]`[].a.b",
    "json": "[\n    1,\n    2\n]\n"
  },
  {
    "expr": "`[{\"a\":[1,2]},{\"a\":[3]}]`[].a[]",
    "json": "[\n    1,\n    2,\n    3\n]\n"
  },
  {
    "expr": "*.foo",
    "json": "[]\n"
  },
  {
    "expr": "`{\"a\":{\"foo\":1},\"b\":{\"foo\":2}}`.*.foo",
    "json": "[\n    1,\n    2\n]\n"
  },
  {
    "expr": "`[1,2,3]`[?@ != `2`]",
    "json": "[\n    1,\n    3\n]\n"
  },
  {
    "expr": "`NaN`",
    "json": "NaN\n"
  },
  {
    "expr": "`[NaN, Infinity, -Infinity]`",
    "json": "[\n    NaN,\n    Infinity,\n    -Infinity\n]\n"
  },
  {
    "expr": "`Infinity` > `1`",
    "json": "true\n"
  },
  {
    "expr": "`1e400`",
    "json": "Infinity\n"
  },
  {
    "expr": "`-0`",
    "json": "0\n"
  },
  {
    "expr": "`1E2`",
    "json": "100.0\n"
  },
  {
    "expr": "`\"\\ud800\"`",
    "json": "\"\ud800\"\n"
  },
  {
    "expr": "`\"a\\u0000b\"`",
    "json": "\"a\\u0000b\"\n"
  },
  {
    "expr": "to_string(`\"a\"`)",
    "json": "\"a\"\n"
  },
  {
    "expr": "to_string(`[NaN]`)",
    "json": "\"[NaN]\"\n"
  },
  {
    "expr": "foo[?bar == `1`]|[0]",
    "json": "null\n"
  },
  {
    "expr": "`[0, 1, 2]`[?@]",
    "json": "[\n    0,\n    1,\n    2\n]\n"
  },
  {
    "expr": "`[0, false, null, \"\", [], {}]`[?@]",
    "json": "[\n    0\n]\n"
  },
  {
    "expr": "`{\"a\": 0}`.a || `5`",
    "json": "0\n"
  },
  {
    "expr": "length(`{\"a\":1}`) == `1`",
    "json": "true\n"
  },
  {
    "expr": "`1` < `2.5`",
    "json": "true\n"
  },
  {
    "expr": "`2` >= `2.0`",
    "json": "true\n"
  },
  {
    "expr": "`\"b\"` >= `\"a\"`",
    "json": "true\n"
  },
  {
    "expr": "`null` < `1`",
    "json": "null\n"
  },
  {
    "expr": "`[1]` < `[2]`",
    "json": "null\n"
  },
  {
    "expr": "ceil(`\"1\"`)",
    "runtimeError": "In function ceil(), invalid type for value: 1, expected one of: ['number'], received: \"string\"",
    "errorType": "JMESPathTypeError"
  },
  {
    "expr": "map(&[a, b], `[{\"a\":1,\"b\":2}]`)",
    "json": "[\n    [\n        1,\n        2\n    ]\n]\n"
  },
  {
    "expr": "`{\"a\":1}`.a.b",
    "json": "null\n"
  },
  {
    "expr": "`[{\"a\":1}]`[0].a",
    "json": "1\n"
  },
  {
    "expr": "\"quoted\"",
    "json": "null\n"
  },
  {
    "expr": "\"with\\\"escape\"",
    "json": "null\n"
  },
  {
    "expr": "\"a\" && \"b\"",
    "json": "null\n"
  },
  {
    "expr": "`{\"a\": \"b\"}`.a | length(@)",
    "json": "1\n"
  },
  {
    "expr": "&a",
    "jsonError": "Object of type _Expression is not JSON serializable"
  },
  {
    "expr": "[&a]",
    "jsonError": "Object of type _Expression is not JSON serializable"
  },
  {
    "expr": "to_string(&a)",
    "json": "\"\\\"<jmespath.visitor._Expression object at 0x7fb9343250d0>\\\"\"\n"
  },
  {
    "expr": "abs(`-0.0`)",
    "json": "0.0\n"
  },
  {
    "expr": "sum(`[-0.0]`)",
    "json": "0.0\n"
  },
  {
    "expr": "sum(`[1, -0.0]`)",
    "json": "1.0\n"
  },
  {
    "expr": "avg(`[123456789012345678901234567890, 3]`)",
    "json": "6.172839450617284e+28\n"
  }
];


/** Random short expressions (seeded fuzz) and jmespath.py's compile result: its error text, or null. */
export const JMESPATH_SYNTAX_FUZZ: ReadonlyArray<{ readonly expr: string; readonly error: string | null }> = [
  {
    "expr": "`1`[>",
    "error": "Expecting: star, got: gt: Parse error at column 4, token \">\" (GT), for expression:\n\"`1`[>\"\n     ^"
  },
  {
    "expr": "[] ",
    "error": null
  },
  {
    "expr": " 0!{[]b03",
    "error": "invalid token: Parse error at column 1, token \"0\" (NUMBER), for expression:\n\" 0!{[]b03\"\n  ^"
  },
  {
    "expr": "\\",
    "error": "Bad jmespath expression: Unknown token \\:\n\\\n^"
  },
  {
    "expr": ",='x'{\"bbb",
    "error": "Bad jmespath expression: Unknown token '=':\n,='x'{\"bbb\n ^"
  },
  {
    "expr": "0",
    "error": "invalid token: Parse error at column 0, token \"0\" (NUMBER), for expression:\n\"0\"\n ^"
  },
  {
    "expr": "3b&&=",
    "error": "Bad jmespath expression: Unknown token '=':\n3b&&=\n    ^"
  },
  {
    "expr": "[]!==?=`[1,`=foo",
    "error": "Bad jmespath expression: Unknown token '=':\n[]!==?=`[1,`=foo\n    ^"
  },
  {
    "expr": "b2!= {",
    "error": "Invalid jmespath expression: Incomplete expression:\n\"b2!= {\"\n       ^"
  },
  {
    "expr": "sort_by(:}",
    "error": "invalid token: Parse error at column 8, token \":\" (COLON), for expression:\n\"sort_by(:}\"\n         ^"
  },
  {
    "expr": "\u00e9||3||`{\"a\":1}`&",
    "error": "Bad jmespath expression: Unknown token \u00e9:\n\u00e9||3||`{\"a\":1}`&\n^"
  },
  {
    "expr": ":'x'[]||1",
    "error": "invalid token: Parse error at column 0, token \":\" (COLON), for expression:\n\":'x'[]||1\"\n ^"
  },
  {
    "expr": "[?",
    "error": "Invalid jmespath expression: Incomplete expression:\n\"[?\"\n   ^"
  },
  {
    "expr": "12`{\"a\":1}`|",
    "error": "invalid token: Parse error at column 0, token \"12\" (NUMBER), for expression:\n\"12`{\"a\":1}`|\"\n ^"
  },
  {
    "expr": "!=\\`[1,`-] ",
    "error": "Bad jmespath expression: Unknown token \\:\n!=\\`[1,`-] \n  ^"
  },
  {
    "expr": "@&&",
    "error": "Invalid jmespath expression: Incomplete expression:\n\"@&&\"\n    ^"
  },
  {
    "expr": "-[]b[?.'\u00e9",
    "error": "Bad jmespath expression: Unknown token '-':\n-[]b[?.'\u00e9\n^"
  },
  {
    "expr": " @@||=a&",
    "error": "Bad jmespath expression: Unknown token '=':\n @@||=a&\n     ^"
  },
  {
    "expr": "1||?`1`",
    "error": "Bad jmespath expression: Unknown token ?:\n1||?`1`\n   ^"
  },
  {
    "expr": "foo,`{\"a\":1}`!=\"q\"a",
    "error": "Unexpected token: ,: Parse error at column 3, token \",\" (COMMA), for expression:\n\"foo,`{\"a\":1}`!=\"q\"a\"\n    ^"
  },
  {
    "expr": "||(&&!=!3*",
    "error": "invalid token: Parse error at column 0, token \"||\" (OR), for expression:\n\"||(&&!=!3*\"\n ^"
  },
  {
    "expr": "-`1`!=&||2[]?",
    "error": "Bad jmespath expression: Unknown token '-':\n-`1`!=&||2[]?\n^"
  },
  {
    "expr": "?a====length(length(`",
    "error": "Bad jmespath expression: Unknown token ?:\n?a====length(length(`\n^"
  },
  {
    "expr": "\"q\"b=sort_by(|!='x'|",
    "error": "Bad jmespath expression: Unknown token '=':\n\"q\"b=sort_by(|!='x'|\n    ^"
  },
  {
    "expr": "!=>",
    "error": "invalid token: Parse error at column 0, token \"!=\" (NE), for expression:\n\"!=>\"\n ^"
  },
  {
    "expr": "`[1,`",
    "error": null
  },
  {
    "expr": "]b",
    "error": "invalid token: Parse error at column 0, token \"]\" (RBRACKET), for expression:\n\"]b\"\n ^"
  },
  {
    "expr": "a,<,}length(|?",
    "error": "Bad jmespath expression: Unknown token ?:\na,<,}length(|?\n             ^"
  },
  {
    "expr": "[@@>&&",
    "error": "Expecting: comma, got: current: Parse error at column 2, token \"@\" (CURRENT), for expression:\n\"[@@>&&\"\n   ^"
  },
  {
    "expr": "`{\"a\":1}`, ",
    "error": "Unexpected token: ,: Parse error at column 9, token \",\" (COMMA), for expression:\n\"`{\"a\":1}`, \"\n          ^"
  },
  {
    "expr": "foo\\\"[][?",
    "error": "Bad jmespath expression: Unknown token \\:\nfoo\\\"[][?\n   ^"
  },
  {
    "expr": "b'",
    "error": "Bad jmespath expression: Unclosed ' delimiter:\nb'\n ^"
  },
  {
    "expr": "`2&>{>||",
    "error": "Bad jmespath expression: Unclosed ` delimiter:\n`2&>{>||\n^"
  },
  {
    "expr": "\"q\"3b=",
    "error": "Bad jmespath expression: Unknown token '=':\n\"q\"3b=\n     ^"
  },
  {
    "expr": "1",
    "error": "invalid token: Parse error at column 0, token \"1\" (NUMBER), for expression:\n\"1\"\n ^"
  },
  {
    "expr": ".@ ",
    "error": "invalid token: Parse error at column 0, token \".\" (DOT), for expression:\n\".@ \"\n ^"
  },
  {
    "expr": "===sort_by(\\&& =",
    "error": "Bad jmespath expression: Unknown token '=':\n===sort_by(\\&& =\n  ^"
  },
  {
    "expr": "`{\"a\":1}`sort_by(3*'(",
    "error": "Bad jmespath expression: Unclosed ' delimiter:\n`{\"a\":1}`sort_by(3*'(\n                   ^"
  },
  {
    "expr": "*'[[",
    "error": "Bad jmespath expression: Unclosed ' delimiter:\n*'[[\n ^"
  },
  {
    "expr": "'@2`1`>",
    "error": "Bad jmespath expression: Unclosed ' delimiter:\n'@2`1`>\n^"
  },
  {
    "expr": "a!=.",
    "error": "invalid token: Parse error at column 3, token \".\" (DOT), for expression:\n\"a!=.\"\n    ^"
  },
  {
    "expr": "'x'&[]{`{\"a\":1}`0:",
    "error": "Unexpected token: &: Parse error at column 3, token \"&\" (EXPREF), for expression:\n\"'x'&[]{`{\"a\":1}`0:\"\n    ^"
  },
  {
    "expr": "b\"length(1:b@&",
    "error": "Bad jmespath expression: Unclosed \" delimiter:\nb\"length(1:b@&\n ^"
  },
  {
    "expr": "`[1,`==[]==<[",
    "error": "invalid token: Parse error at column 11, token \"<\" (LT), for expression:\n\"`[1,`==[]==<[\"\n            ^"
  },
  {
    "expr": "@@==",
    "error": "Unexpected token: @: Parse error at column 1, token \"@\" (CURRENT), for expression:\n\"@@==\"\n  ^"
  },
  {
    "expr": "}.&<'x'2@",
    "error": "invalid token: Parse error at column 0, token \"}\" (RBRACE), for expression:\n\"}.&<'x'2@\"\n ^"
  },
  {
    "expr": "@{30",
    "error": "invalid token: Parse error at column 1, token \"{\" (LBRACE), for expression:\n\"@{30\"\n  ^"
  },
  {
    "expr": ">!",
    "error": "invalid token: Parse error at column 0, token \">\" (GT), for expression:\n\">!\"\n ^"
  },
  {
    "expr": "<=",
    "error": "invalid token: Parse error at column 0, token \"<=\" (LTE), for expression:\n\"<=\"\n ^"
  },
  {
    "expr": "[,!=[[bsort_by(",
    "error": "invalid token: Parse error at column 1, token \",\" (COMMA), for expression:\n\"[,!=[[bsort_by(\"\n  ^"
  },
  {
    "expr": "|))",
    "error": "invalid token: Parse error at column 0, token \"|\" (PIPE), for expression:\n\"|))\"\n ^"
  },
  {
    "expr": "!)==",
    "error": "invalid token: Parse error at column 1, token \")\" (RPAREN), for expression:\n\"!)==\"\n  ^"
  },
  {
    "expr": "'x'('x'((>",
    "error": "Invalid function name 'x': Parse error at column 0, token \"x\" (LITERAL), for expression:\n\"'x'('x'((>\"\n ^"
  },
  {
    "expr": "\"q\"]}\"q\"||`1`0|",
    "error": "Unexpected token: ]: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"\"q\"]}\"q\"||`1`0|\"\n    ^"
  },
  {
    "expr": "&&",
    "error": "invalid token: Parse error at column 0, token \"&&\" (AND), for expression:\n\"&&\"\n ^"
  },
  {
    "expr": "==&,",
    "error": "invalid token: Parse error at column 0, token \"==\" (EQ), for expression:\n\"==&,\"\n ^"
  },
  {
    "expr": "[]2}!`1`0",
    "error": "Unexpected token: 2: Parse error at column 2, token \"2\" (NUMBER), for expression:\n\"[]2}!`1`0\"\n   ^"
  },
  {
    "expr": "`[1,` ([||",
    "error": "Invalid function name '[1,': Parse error at column 0, token \"[1,\" (LITERAL), for expression:\n\"`[1,` ([||\"\n ^"
  },
  {
    "expr": "foo\"q\"&&2",
    "error": "Unexpected token: q: Parse error at column 3, token \"q\" (QUOTED_IDENTIFIER), for expression:\n\"foo\"q\"&&2\"\n    ^"
  },
  {
    "expr": "[`{\"a\":1}` b@||",
    "error": "Expecting: comma, got: unquoted_identifier: Parse error at column 11, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"[`{\"a\":1}` b@||\"\n            ^"
  },
  {
    "expr": "'x' 'x'",
    "error": "Unexpected token: x: Parse error at column 4, token \"x\" (LITERAL), for expression:\n\"'x' 'x'\"\n     ^"
  },
  {
    "expr": "{|.*\"q\"b!`[1,`",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: pipe: Parse error at column 1, token \"|\" (PIPE), for expression:\n\"{|.*\"q\"b!`[1,`\"\n  ^"
  },
  {
    "expr": "*!3",
    "error": "syntax error: Parse error at column 1, token \"!\" (NOT), for expression:\n\"*!3\"\n  ^"
  },
  {
    "expr": "{3<||!=",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: number: Parse error at column 1, token \"3\" (NUMBER), for expression:\n\"{3<||!=\"\n  ^"
  },
  {
    "expr": "b)>",
    "error": "Unexpected token: ): Parse error at column 1, token \")\" (RPAREN), for expression:\n\"b)>\"\n  ^"
  },
  {
    "expr": "`1`(}|",
    "error": "Invalid function name '1': Parse error at column 0, token \"1\" (LITERAL), for expression:\n\"`1`(}|\"\n ^"
  },
  {
    "expr": "[1length(||'x''x'3.",
    "error": "Expecting: rbracket, got: unquoted_identifier: Parse error at column 2, token \"length\" (UNQUOTED_IDENTIFIER), for expression:\n\"[1length(||'x''x'3.\"\n   ^"
  },
  {
    "expr": "2>||:2",
    "error": "invalid token: Parse error at column 0, token \"2\" (NUMBER), for expression:\n\"2>||:2\"\n ^"
  },
  {
    "expr": "`{\"a\":1}`}>`[1,`,|[?",
    "error": "Unexpected token: }: Parse error at column 9, token \"}\" (RBRACE), for expression:\n\"`{\"a\":1}`}>`[1,`,|[?\"\n          ^"
  },
  {
    "expr": "[]sort_by(==!length(",
    "error": "Unexpected token: sort_by: Parse error at column 2, token \"sort_by\" (UNQUOTED_IDENTIFIER), for expression:\n\"[]sort_by(==!length(\"\n   ^"
  },
  {
    "expr": "3,==b",
    "error": "invalid token: Parse error at column 0, token \"3\" (NUMBER), for expression:\n\"3,==b\"\n ^"
  },
  {
    "expr": "`[1,`![?",
    "error": "invalid token: Parse error at column 5, token \"!\" (NOT), for expression:\n\"`[1,`![?\"\n      ^"
  },
  {
    "expr": "\"q\"foo*{[?. ",
    "error": "Unexpected token: foo: Parse error at column 3, token \"foo\" (UNQUOTED_IDENTIFIER), for expression:\n\"\"q\"foo*{[?. \"\n    ^"
  },
  {
    "expr": "`{\"a\":1}``{\"a\":1}`!=",
    "error": "Unexpected token: {'a': 1}: Parse error at column 9, token \"{'a': 1}\" (LITERAL), for expression:\n\"`{\"a\":1}``{\"a\":1}`!=\"\n          ^"
  },
  {
    "expr": "[\"q\"-21",
    "error": "Expecting: comma, got: number: Parse error at column 4, token \"-21\" (NUMBER), for expression:\n\"[\"q\"-21\"\n     ^"
  },
  {
    "expr": "&`[1,`length(",
    "error": "Unexpected token: length: Parse error at column 6, token \"length\" (UNQUOTED_IDENTIFIER), for expression:\n\"&`[1,`length(\"\n       ^"
  },
  {
    "expr": "\"q\"`[1,``1` \"q\"[?@,",
    "error": "Unexpected token: [1,: Parse error at column 3, token \"[1,\" (LITERAL), for expression:\n\"\"q\"`[1,``1` \"q\"[?@,\"\n    ^"
  },
  {
    "expr": "`1`1\"q\"==>",
    "error": "Unexpected token: 1: Parse error at column 3, token \"1\" (NUMBER), for expression:\n\"`1`1\"q\"==>\"\n    ^"
  },
  {
    "expr": "[3,==",
    "error": "Expecting: rbracket, got: comma: Parse error at column 2, token \",\" (COMMA), for expression:\n\"[3,==\"\n   ^"
  },
  {
    "expr": "(@]",
    "error": "Expecting: rparen, got: rbracket: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"(@]\"\n   ^"
  },
  {
    "expr": "33",
    "error": "invalid token: Parse error at column 0, token \"33\" (NUMBER), for expression:\n\"33\"\n ^"
  },
  {
    "expr": "30",
    "error": "invalid token: Parse error at column 0, token \"30\" (NUMBER), for expression:\n\"30\"\n ^"
  },
  {
    "expr": "sort_by(b[?['x'3][?",
    "error": "Expecting: comma, got: number: Parse error at column 15, token \"3\" (NUMBER), for expression:\n\"sort_by(b[?['x'3][?\"\n                ^"
  },
  {
    "expr": "foo. ",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 5, token \"\" (EOF), for expression:\n\"foo. \"\n      ^"
  },
  {
    "expr": "@*length(}",
    "error": "invalid token: Parse error at column 1, token \"*\" (STAR), for expression:\n\"@*length(}\"\n  ^"
  },
  {
    "expr": "*b3length(:",
    "error": "Unexpected token: b3length: Parse error at column 1, token \"b3length\" (UNQUOTED_IDENTIFIER), for expression:\n\"*b3length(:\"\n  ^"
  },
  {
    "expr": "[] {:",
    "error": "syntax error: Parse error at column 3, token \"{\" (LBRACE), for expression:\n\"[] {:\"\n    ^"
  },
  {
    "expr": "*:0",
    "error": "Unexpected token: :: Parse error at column 1, token \":\" (COLON), for expression:\n\"*:0\"\n  ^"
  },
  {
    "expr": "sort_by({&\"q\",[?\"q\"",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: expref: Parse error at column 9, token \"&\" (EXPREF), for expression:\n\"sort_by({&\"q\",[?\"q\"\"\n          ^"
  },
  {
    "expr": "{:(]2",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: colon: Parse error at column 1, token \":\" (COLON), for expression:\n\"{:(]2\"\n  ^"
  },
  {
    "expr": "[b2'x'[]*",
    "error": "Expecting: comma, got: literal: Parse error at column 3, token \"x\" (LITERAL), for expression:\n\"[b2'x'[]*\"\n    ^"
  },
  {
    "expr": "foo-1",
    "error": "Unexpected token: -1: Parse error at column 3, token \"-1\" (NUMBER), for expression:\n\"foo-1\"\n    ^"
  },
  {
    "expr": "`[1,`[?`{\"a\":1}``{\"a\":1}`{`1`[]`1`",
    "error": "Expecting: rbracket, got: literal: Parse error at column 16, token \"{'a': 1}\" (LITERAL), for expression:\n\"`[1,`[?`{\"a\":1}``{\"a\":1}`{`1`[]`1`\"\n                 ^"
  },
  {
    "expr": "[]b@[?}",
    "error": "Unexpected token: b: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for expression:\n\"[]b@[?}\"\n   ^"
  },
  {
    "expr": " 13",
    "error": "invalid token: Parse error at column 1, token \"13\" (NUMBER), for expression:\n\" 13\"\n  ^"
  },
  {
    "expr": " @`1`[?:'x'\"q\"",
    "error": "Unexpected token: 1: Parse error at column 2, token \"1\" (LITERAL), for expression:\n\" @`1`[?:'x'\"q\"\"\n   ^"
  },
  {
    "expr": "{ ]a`{\"a\":1}`",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: rbracket: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"{ ]a`{\"a\":1}`\"\n   ^"
  },
  {
    "expr": " `{\"a\":1}`(||||",
    "error": "Invalid function name '{'a': 1}': Parse error at column 1, token \"{'a': 1}\" (LITERAL), for expression:\n\" `{\"a\":1}`(||||\"\n  ^"
  },
  {
    "expr": "[?`{\"a\":1}`1[]",
    "error": "Expecting: rbracket, got: number: Parse error at column 11, token \"1\" (NUMBER), for expression:\n\"[?`{\"a\":1}`1[]\"\n            ^"
  },
  {
    "expr": "{@&&",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: current: Parse error at column 1, token \"@\" (CURRENT), for expression:\n\"{@&&\"\n  ^"
  },
  {
    "expr": "`)\"q\"sort_by([`{\"a\":1}`length(1",
    "error": "Bad jmespath expression: Bad token )\"q\"sort_by([:\n`)\"q\"sort_by([`{\"a\":1}`length(1\n^"
  },
  {
    "expr": "||b\"\\length(:`{\"a\":1}`'",
    "error": "Bad jmespath expression: Invalid \\escape:\n||b\"\\length(:`{\"a\":1}`'\n   ^"
  },
  {
    "expr": "sort_by({b1[? a",
    "error": "Expecting: colon, got: filter: Parse error at column 11, token \"[?\" (FILTER), for expression:\n\"sort_by({b1[? a\"\n            ^"
  },
  {
    "expr": "22`1`",
    "error": "invalid token: Parse error at column 0, token \"22\" (NUMBER), for expression:\n\"22`1`\"\n ^"
  },
  {
    "expr": "\"q\"(]><",
    "error": "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" (LPAREN), for expression:\n\"\"q\"(]><\"\n ^"
  },
  {
    "expr": " -2`[1,`|| []",
    "error": "invalid token: Parse error at column 1, token \"-2\" (NUMBER), for expression:\n\" -2`[1,`|| []\"\n  ^"
  },
  {
    "expr": "`{\"a\":1}`0!=[\"q\" ",
    "error": "Unexpected token: 0: Parse error at column 9, token \"0\" (NUMBER), for expression:\n\"`{\"a\":1}`0!=[\"q\" \"\n          ^"
  },
  {
    "expr": "'x'asort_by(",
    "error": "Unexpected token: asort_by: Parse error at column 3, token \"asort_by\" (UNQUOTED_IDENTIFIER), for expression:\n\"'x'asort_by(\"\n    ^"
  },
  {
    "expr": "{*:)",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: star: Parse error at column 1, token \"*\" (STAR), for expression:\n\"{*:)\"\n  ^"
  },
  {
    "expr": "-3&@a3.",
    "error": "invalid token: Parse error at column 0, token \"-3\" (NUMBER), for expression:\n\"-3&@a3.\"\n ^"
  },
  {
    "expr": "[?`{\"a\":1}`  @1.>",
    "error": "Expecting: rbracket, got: current: Parse error at column 13, token \"@\" (CURRENT), for expression:\n\"[?`{\"a\":1}`  @1.>\"\n              ^"
  },
  {
    "expr": "@'. ''x':.",
    "error": "Unexpected token: . : Parse error at column 1, token \". \" (LITERAL), for expression:\n\"@'. ''x':.\"\n  ^"
  },
  {
    "expr": "'x'<{==.",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: eq: Parse error at column 5, token \"==\" (EQ), for expression:\n\"'x'<{==.\"\n      ^"
  },
  {
    "expr": "a[`{\"a\":1}``{\"a\":1}`0",
    "error": "Expecting: star, got: literal: Parse error at column 2, token \"{'a': 1}\" (LITERAL), for expression:\n\"a[`{\"a\":1}``{\"a\":1}`0\"\n   ^"
  },
  {
    "expr": "(`{\"a\":1}``1``{\"a\":1}`",
    "error": "Expecting: rparen, got: literal: Parse error at column 10, token \"1\" (LITERAL), for expression:\n\"(`{\"a\":1}``1``{\"a\":1}`\"\n           ^"
  },
  {
    "expr": "20[?@",
    "error": "invalid token: Parse error at column 0, token \"20\" (NUMBER), for expression:\n\"20[?@\"\n ^"
  },
  {
    "expr": "[0`1`\"q\"!`[1,`",
    "error": "Expecting: rbracket, got: literal: Parse error at column 2, token \"1\" (LITERAL), for expression:\n\"[0`1`\"q\"!`[1,`\"\n   ^"
  },
  {
    "expr": "*'{'",
    "error": "Unexpected token: {: Parse error at column 1, token \"{\" (LITERAL), for expression:\n\"*'{'\"\n  ^"
  },
  {
    "expr": "[](",
    "error": "syntax error: Parse error at column 2, token \"(\" (LPAREN), for expression:\n\"[](\"\n   ^"
  },
  {
    "expr": "`1`\"@`[1,`\"",
    "error": "Unexpected token: @`[1,`: Parse error at column 3, token \"@`[1,`\" (QUOTED_IDENTIFIER), for expression:\n\"`1`\"@`[1,`\"\"\n    ^"
  },
  {
    "expr": "{,",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: comma: Parse error at column 1, token \",\" (COMMA), for expression:\n\"{,\"\n  ^"
  },
  {
    "expr": "&`[1,`3",
    "error": "Unexpected token: 3: Parse error at column 6, token \"3\" (NUMBER), for expression:\n\"&`[1,`3\"\n       ^"
  },
  {
    "expr": "11sort_by(",
    "error": "invalid token: Parse error at column 0, token \"11\" (NUMBER), for expression:\n\"11sort_by(\"\n ^"
  },
  {
    "expr": "'x'a&&",
    "error": "Unexpected token: a: Parse error at column 3, token \"a\" (UNQUOTED_IDENTIFIER), for expression:\n\"'x'a&&\"\n    ^"
  },
  {
    "expr": "{(\"q\",",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: lparen: Parse error at column 1, token \"(\" (LPAREN), for expression:\n\"{(\"q\",\"\n  ^"
  },
  {
    "expr": "{!`[1,`3-3 ",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: not: Parse error at column 1, token \"!\" (NOT), for expression:\n\"{!`[1,`3-3 \"\n  ^"
  },
  {
    "expr": "{b0)0]\"q\"(",
    "error": "Expecting: colon, got: rparen: Parse error at column 3, token \")\" (RPAREN), for expression:\n\"{b0)0]\"q\"(\"\n    ^"
  },
  {
    "expr": "length(b0[==3:",
    "error": "Expecting: star, got: eq: Parse error at column 10, token \"==\" (EQ), for expression:\n\"length(b0[==3:\"\n           ^"
  },
  {
    "expr": "{a'x'&&==",
    "error": "Expecting: colon, got: literal: Parse error at column 2, token \"x\" (LITERAL), for expression:\n\"{a'x'&&==\"\n   ^"
  },
  {
    "expr": "{`[1,`",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: literal: Parse error at column 1, token \"[1,\" (LITERAL), for expression:\n\"{`[1,`\"\n  ^"
  },
  {
    "expr": "sort_by([[>=",
    "error": "invalid token: Parse error at column 10, token \">=\" (GTE), for expression:\n\"sort_by([[>=\"\n           ^"
  },
  {
    "expr": "a[?*3*",
    "error": "Expecting: rbracket, got: number: Parse error at column 4, token \"3\" (NUMBER), for expression:\n\"a[?*3*\"\n     ^"
  },
  {
    "expr": "{.",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: dot: Parse error at column 1, token \".\" (DOT), for expression:\n\"{.\"\n  ^"
  },
  {
    "expr": "212!length(@[]",
    "error": "invalid token: Parse error at column 0, token \"212\" (NUMBER), for expression:\n\"212!length(@[]\"\n ^"
  },
  {
    "expr": "[]\"\"]",
    "error": "Unexpected token: : Parse error at column 2, token \"\" (QUOTED_IDENTIFIER), for expression:\n\"[]\"\"]\"\n   ^"
  },
  {
    "expr": "`[1,`10==&<33",
    "error": "Unexpected token: 10: Parse error at column 5, token \"10\" (NUMBER), for expression:\n\"`[1,`10==&<33\"\n      ^"
  },
  {
    "expr": "[a3)",
    "error": "Expecting: comma, got: rparen: Parse error at column 3, token \")\" (RPAREN), for expression:\n\"[a3)\"\n    ^"
  },
  {
    "expr": "{!=sort_by(",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: ne: Parse error at column 1, token \"!=\" (NE), for expression:\n\"{!=sort_by(\"\n  ^"
  },
  {
    "expr": "(`1`&",
    "error": "Expecting: rparen, got: expref: Parse error at column 4, token \"&\" (EXPREF), for expression:\n\"(`1`&\"\n     ^"
  },
  {
    "expr": "{afoo}",
    "error": "Expecting: colon, got: rbrace: Parse error at column 5, token \"}\" (RBRACE), for expression:\n\"{afoo}\"\n      ^"
  },
  {
    "expr": "`1`230|==length(",
    "error": "Unexpected token: 230: Parse error at column 3, token \"230\" (NUMBER), for expression:\n\"`1`230|==length(\"\n    ^"
  },
  {
    "expr": " `{\"a\":1}`a1)3&&",
    "error": "Unexpected token: a1: Parse error at column 10, token \"a1\" (UNQUOTED_IDENTIFIER), for expression:\n\" `{\"a\":1}`a1)3&&\"\n           ^"
  },
  {
    "expr": "`1`blength(||==",
    "error": "Unexpected token: blength: Parse error at column 3, token \"blength\" (UNQUOTED_IDENTIFIER), for expression:\n\"`1`blength(||==\"\n    ^"
  },
  {
    "expr": "(`[1,`a",
    "error": "Expecting: rparen, got: unquoted_identifier: Parse error at column 6, token \"a\" (UNQUOTED_IDENTIFIER), for expression:\n\"(`[1,`a\"\n       ^"
  },
  {
    "expr": "foo[`[1,`\"q\"",
    "error": "Expecting: star, got: literal: Parse error at column 4, token \"[1,\" (LITERAL), for expression:\n\"foo[`[1,`\"q\"\"\n     ^"
  },
  {
    "expr": "[?!32:22",
    "error": "invalid token: Parse error at column 3, token \"32\" (NUMBER), for expression:\n\"[?!32:22\"\n    ^"
  },
  {
    "expr": "`==a\"`[1,`2]\u00e9",
    "error": "Bad jmespath expression: Bad token ==a\":\n`==a\"`[1,`2]\u00e9\n^"
  },
  {
    "expr": "10!",
    "error": "invalid token: Parse error at column 0, token \"10\" (NUMBER), for expression:\n\"10!\"\n ^"
  },
  {
    "expr": "b[?@&`{\"a\":1}``{\"a\":1}`",
    "error": "Expecting: rbracket, got: expref: Parse error at column 4, token \"&\" (EXPREF), for expression:\n\"b[?@&`{\"a\":1}``{\"a\":1}`\"\n     ^"
  },
  {
    "expr": "`{\"a\":1}`b0b",
    "error": "Unexpected token: b0b: Parse error at column 9, token \"b0b\" (UNQUOTED_IDENTIFIER), for expression:\n\"`{\"a\":1}`b0b\"\n          ^"
  },
  {
    "expr": "`[1,`b1]",
    "error": "Unexpected token: b1: Parse error at column 5, token \"b1\" (UNQUOTED_IDENTIFIER), for expression:\n\"`[1,`b1]\"\n      ^"
  },
  {
    "expr": "-32:1",
    "error": "invalid token: Parse error at column 0, token \"-32\" (NUMBER), for expression:\n\"-32:1\"\n ^"
  },
  {
    "expr": "`1`\"[]\"*)foo",
    "error": "Unexpected token: []: Parse error at column 3, token \"[]\" (QUOTED_IDENTIFIER), for expression:\n\"`1`\"[]\"*)foo\"\n    ^"
  },
  {
    "expr": "\"\"q\"<0\"||",
    "error": "Unexpected token: q: Parse error at column 2, token \"q\" (UNQUOTED_IDENTIFIER), for expression:\n\"\"\"q\"<0\"||\"\n   ^"
  },
  {
    "expr": "{asort_by(",
    "error": "Expecting: colon, got: lparen: Parse error at column 9, token \"(\" (LPAREN), for expression:\n\"{asort_by(\"\n          ^"
  },
  {
    "expr": "{||||!=",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: or: Parse error at column 1, token \"||\" (OR), for expression:\n\"{||||!=\"\n  ^"
  },
  {
    "expr": "[2:",
    "error": "syntax error: Parse error at column 3, token \"\" (EOF), for expression:\n\"[2:\"\n    ^"
  },
  {
    "expr": "{)@",
    "error": "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: rparen: Parse error at column 1, token \")\" (RPAREN), for expression:\n\"{)@\"\n  ^"
  },
  {
    "expr": "[2![",
    "error": "Expecting: rbracket, got: not: Parse error at column 2, token \"!\" (NOT), for expression:\n\"[2![\"\n   ^"
  },
  {
    "expr": "\"q\"\"[\"",
    "error": "Unexpected token: [: Parse error at column 3, token \"[\" (QUOTED_IDENTIFIER), for expression:\n\"\"q\"\"[\"\"\n    ^"
  }
];
