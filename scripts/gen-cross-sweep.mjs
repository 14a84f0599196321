#!/usr/bin/env node
// A seeded generator of cross-family conformance cases (test/fixtures/cross-sweep-recordings.json):
// each case combines --min to --max ingredients drawn from the public cases' families (parameter
// spellings and positions, --output x --query x the stub's answers, --cli-input-json/yaml,
// skeletons, validation failures, profiles, credentials and config files, region, endpoint,
// retries, pager, CA bundle, timeouts, encodings, --color, --cli-error-format from the flag, the
// environment and the profile, the session flags, --version and help in odd places), for
// record.mjs and compare.mjs of the conformance suite:
//   node scripts/gen-cross-sweep.mjs --seed 1 --count 150 --prefix xa [--min 2 --max 5] [--with encoding] > cases.json
//   node ../shared/conformance/record.mjs --aws ../shared/oracle/aws --cases cases.json --out /tmp/rec
//   node ../shared/conformance/compare.mjs --clone "node bin/cogsignout.js" --cases cases.json --recordings /tmp/rec/2.36.7
// Mark the cases whose recording is a version line or a help page `exit-code-only` before comparing.
// Left out: what depends on timing (slow users, read timeouts), --debug, -h/--help and a prompt
// without a terminal (deliberate differences, README).
import { parseArgs } from 'node:util';
import { seededRandom } from './fuzz-random.mjs';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '100' }, prefix: { type: 'string', default: 'xs' }, min: { type: 'string', default: '2' }, max: { type: 'string', default: '5' }, with: { type: 'string' } } });

// Seeded (the fuzzers' mulberry32), so that a seed gives the same cases on every machine.
const { rnd, pick } = seededRandom(Number(values.seed));
const chance = (p) => rnd() < p;

const POOL = 'us-east-1_Example';
const USERS = ['alice', 'no-such-user', 'not-authorized', 'no-such-pool', 'throttled', 'bad-param', 'internal-error', 'not-enabled',
  'prefixed-type', 'no-message', 'capital-message', 'flaky-500', 'html-502', 'extra-output', 'empty-200', 'anonymous-ok'];
const OUTPUTS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off', 'xml', 'JSON', ''];
const QUERIES = ['@', 'foo', '`[1,2]`', '`{"a":{"b":[1,2]}}`', '`"lit"`', '`null`', 'keys(@)', 'foo[', 'length(@)', '`[]`', '`true`', 'abs(@)', '`"ünï"`'];
const ERRFMTS = ['legacy', 'json', 'text', 'table', 'yaml', 'enhanced', 'bogus', 'JSON', ''];
const COLORS = ['on', 'off', 'auto', 'bogus'];

/** A fresh case state: the parameters, option groups placed before, among or after them, env and files. */
function fresh() {
  return {
    user: 'alice', pool: POOL, userSet: false,
    params: null, // null: made from pool/user by the param form
    form: 'plain',
    pre: [], mid: [], post: [],
    env: {}, cfg: {}, cfgProfiles: {}, creds: {}, files: {},
    endpoint: true, compare: 'exact', network: undefined, tags: [], op: 'admin-user-global-sign-out',
  };
}
const place = (s, tokens) => { const where = pick(['pre', 'mid', 'post', 'post']); s[where].push(tokens); };
const flag = (name, value) => (value === undefined ? [name] : chance(0.25) ? [`${name}=${value}`] : [name, value]);

const INGREDIENTS = {
  user(s) { s.user = pick(USERS); s.userSet = true; s.tags.push(`u:${s.user}`); },
  form(s) {
    s.form = pick(['eq', 'abbr', 'repeat', 'reorder', 'dd-end', 'dd-mid', 'eq-empty', 'abbr-ambiguous']);
    s.tags.push(`f:${s.form}`);
  },
  validation(s) {
    const v = pick(['missing-user', 'missing-pool', 'missing-both', 'empty-user', 'empty-pool', 'pattern-pool', 'long-pool', 'long-user', 'unicode-user', 'unicode-pool', 'space-user']);
    s.tags.push(`v:${v}`);
    if (v === 'missing-user') s.user = null;
    if (v === 'missing-pool') s.pool = null;
    if (v === 'missing-both') { s.user = null; s.pool = null; }
    if (v === 'empty-user') s.user = '';
    if (v === 'empty-pool') s.pool = '';
    if (v === 'pattern-pool') s.pool = 'bad pool!';
    if (v === 'long-pool') s.pool = `us-east-1_${'A'.repeat(46)}`;
    if (v === 'long-user') s.user = 'u'.repeat(129);
    if (v === 'unicode-user') s.user = pick(['ünïcødé-用户', 'Ω', '🙂user', 'e\u0301']);
    if (v === 'unicode-pool') s.pool = 'us-east-1_Ünï';
    if (v === 'space-user') s.user = ' a b\t';
    s.userSet = true;
  },
  output(s) {
    const o = pick(OUTPUTS);
    const src = pick(['flag', 'flag', 'abbr', 'env', 'config', 'flag+env']);
    s.tags.push(`o:${src}:${o}`);
    if (src === 'flag') place(s, flag('--output', o));
    if (src === 'abbr') place(s, flag(pick(['--out', '--outp', '--o']), o));
    if (src === 'env') s.env.AWS_DEFAULT_OUTPUT = o;
    if (src === 'config') s.cfg.output = o;
    if (src === 'flag+env') { place(s, flag('--output', o)); s.env.AWS_DEFAULT_OUTPUT = pick(OUTPUTS); }
  },
  query(s) { const q = pick(QUERIES); s.tags.push(`q:${q}`); place(s, flag('--query', q)); },
  input(s) {
    const kind = pick(['json', 'yaml']);
    const how = pick(['inline', 'file', 'inline']);
    const shape = pick(['full', 'partial-user', 'partial-pool', 'override', 'wrong-type', 'null', 'unknown-key', 'invalid', 'empty', 'list', 'scalar', 'both-inputs']);
    s.tags.push(`i:${kind}:${how}:${shape}`);
    const u = s.userSet ? s.user : 'alice';
    let doc;
    if (shape === 'full' || shape === 'override') doc = { UserPoolId: POOL, Username: u };
    if (shape === 'partial-user') doc = { Username: u };
    if (shape === 'partial-pool') doc = { UserPoolId: POOL };
    if (shape === 'wrong-type') doc = { UserPoolId: POOL, Username: pick([123, true, ['a'], { a: 1 }]) };
    if (shape === 'null') doc = { UserPoolId: POOL, Username: null };
    if (shape === 'unknown-key') doc = { UserPoolId: POOL, Username: u, Bogus: 1 };
    if (shape === 'list') doc = [1, 2];
    if (shape === 'scalar') doc = 'hello';
    if (shape === 'both-inputs') doc = { UserPoolId: POOL, Username: u };
    const text = shape === 'invalid' ? (kind === 'json' ? '{not json' : 'UserPoolId: [unclosed\n')
      : shape === 'empty' ? '' : kind === 'json' ? JSON.stringify(doc) : yamlOf(doc);
    const opt = kind === 'json' ? '--cli-input-json' : '--cli-input-yaml';
    let value = text;
    if (how === 'file') { const name = kind === 'json' ? 'in.json' : 'in.yaml'; s.files[name] = text; value = `file://{{HOME}}/${name}`; }
    s.params = [];
    if (shape === 'partial-user') s.params.push(...flag('--user-pool-id', s.pool ?? POOL));
    if (shape === 'partial-pool') s.params.push(...flag('--username', u ?? 'alice'));
    if (shape === 'override') s.params.push(...flag('--username', pick(['bob', 'no-such-user', ''])));
    place(s, flag(opt, value));
    if (shape === 'both-inputs') place(s, flag(kind === 'json' ? '--cli-input-yaml' : '--cli-input-json', kind === 'json' ? yamlOf(doc) : JSON.stringify(doc)));
  },
  skeleton(s) {
    const v = pick([undefined, 'input', 'output', 'yaml-input', 'bogus', 'INPUT']);
    s.tags.push(`sk:${v ?? '-'}`);
    if (chance(0.3)) s.params = [];
    s.post.push(v === undefined ? ['--generate-cli-skeleton'] : flag('--generate-cli-skeleton', v));
  },
  profile(s) {
    const v = pick(['flag-dev', 'env-dev', 'flag-nope', 'env-nope', 'flag-beats-env', 'config-keys', 'no-creds', 'partial-creds', 'session-token', 'dev-region', 'dev-output', 'dev-errfmt']);
    s.tags.push(`p:${v}`);
    const devCreds = () => { s.creds.dev = { aws_access_key_id: 'AKIDDEV', aws_secret_access_key: 's1' }; };
    if (v === 'flag-dev') { devCreds(); place(s, flag('--profile', 'dev')); }
    if (v === 'env-dev') { devCreds(); s.env.AWS_PROFILE = 'dev'; s.env.AWS_ACCESS_KEY_ID = null; s.env.AWS_SECRET_ACCESS_KEY = null; }
    if (v === 'flag-nope') place(s, flag('--profile', 'nope'));
    if (v === 'env-nope') s.env.AWS_PROFILE = 'nope';
    if (v === 'flag-beats-env') { devCreds(); s.creds.other = { aws_access_key_id: 'AKIDOTHER', aws_secret_access_key: 's2' }; s.env.AWS_PROFILE = 'other'; place(s, flag('--profile', 'dev')); }
    if (v === 'config-keys') { s.cfgProfiles.dev = { aws_access_key_id: 'AKIDDEV', aws_secret_access_key: 's1', region: 'eu-west-1' }; s.env.AWS_ACCESS_KEY_ID = null; s.env.AWS_SECRET_ACCESS_KEY = null; s.env.AWS_REGION = null; place(s, flag('--profile', 'dev')); }
    if (v === 'no-creds') { s.env.AWS_ACCESS_KEY_ID = null; s.env.AWS_SECRET_ACCESS_KEY = null; }
    if (v === 'partial-creds') s.env.AWS_SECRET_ACCESS_KEY = null;
    if (v === 'session-token') s.env.AWS_SESSION_TOKEN = 'test-session-token';
    if (v === 'dev-region') { devCreds(); s.cfgProfiles.dev = { region: pick(['eu-west-1', '', 'not a region']) }; place(s, flag('--profile', 'dev')); s.env.AWS_REGION = null; }
    if (v === 'dev-output') { devCreds(); s.cfgProfiles.dev = { output: pick(OUTPUTS) }; place(s, flag('--profile', 'dev')); }
    if (v === 'dev-errfmt') { devCreds(); s.cfgProfiles.dev = { cli_error_format: pick(ERRFMTS) }; s.env.AWS_PROFILE = 'dev'; }
  },
  region(s) {
    const v = pick(['flag', 'env-default', 'config', 'missing', 'flag-empty', 'flag-odd', 'env-empty']);
    s.tags.push(`r:${v}`);
    if (v === 'flag') place(s, flag('--region', pick(['eu-west-1', 'us-west-2'])));
    if (v === 'env-default') { s.env.AWS_REGION = null; s.env.AWS_DEFAULT_REGION = 'ap-southeast-2'; }
    if (v === 'config') { s.env.AWS_REGION = null; s.cfg.region = 'eu-central-1'; }
    if (v === 'missing') s.env.AWS_REGION = null;
    if (v === 'flag-empty') place(s, ['--region', '']);
    if (v === 'flag-odd') place(s, flag('--region', pick(['EU-WEST-1', 'bad region', 'us-east-1 '])));
    if (v === 'env-empty') s.env.AWS_REGION = '';
  },
  color(s) { const c = pick(COLORS); s.tags.push(`c:${c}`); place(s, flag('--color', c)); },
  errfmt(s) {
    const v = pick(ERRFMTS);
    const src = pick(['flag', 'flag', 'env', 'config', 'flag+env']);
    s.tags.push(`e:${src}:${v}`);
    if (src === 'flag') place(s, flag('--cli-error-format', v));
    if (src === 'env') s.env.AWS_CLI_ERROR_FORMAT = v;
    if (src === 'config') s.cfg.cli_error_format = v;
    if (src === 'flag+env') { place(s, flag('--cli-error-format', v)); s.env.AWS_CLI_ERROR_FORMAT = pick(ERRFMTS); }
  },
  endpoint(s) {
    const v = pick(['env-global', 'env-service', 'config', 'flag-bad', 'flag-path', 'closed', 'closed-1', 'ignore']);
    s.tags.push(`ep:${v}`);
    if (v === 'env-global') { s.endpoint = false; s.network = 'isolated-only'; s.env.AWS_ENDPOINT_URL = '{{ENDPOINT}}'; }
    if (v === 'env-service') { s.endpoint = false; s.network = 'isolated-only'; s.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = '{{ENDPOINT}}'; }
    if (v === 'config') { s.endpoint = false; s.network = 'isolated-only'; s.cfg.endpoint_url = '{{ENDPOINT}}'; }
    if (v === 'flag-bad') { s.endpoint = false; place(s, flag('--endpoint-url', pick(['not-a-url', 'ftp://127.0.0.1:{{PORT}}', '']))); s.network = 'isolated-only'; }
    if (v === 'flag-path') { s.endpoint = false; place(s, flag('--endpoint-url', '{{ENDPOINT}}/prefix/')); }
    if (v === 'closed' || v === 'closed-1') { s.endpoint = false; place(s, flag('--endpoint-url', 'http://127.0.0.1:{{CLOSED_PORT}}')); s.env.AWS_MAX_ATTEMPTS = '1'; }
    if (v === 'ignore') { s.endpoint = false; s.network = 'isolated-only'; s.env.AWS_ENDPOINT_URL = '{{ENDPOINT}}'; s.cfg.ignore_configured_endpoint_urls = 'true'; s.env.AWS_REGION = 'us-east-1'; }
  },
  retry(s) {
    const v = pick(['max1', 'max2', 'legacy', 'adaptive', 'cfg-max1', 'bad-max', 'bad-mode', 'max0']);
    s.tags.push(`rt:${v}`);
    if (v === 'max1') s.env.AWS_MAX_ATTEMPTS = '1';
    if (v === 'max2') s.env.AWS_MAX_ATTEMPTS = '2';
    if (v === 'legacy') s.env.AWS_RETRY_MODE = 'legacy';
    if (v === 'adaptive') s.env.AWS_RETRY_MODE = 'adaptive';
    if (v === 'cfg-max1') s.cfg.max_attempts = '1';
    if (v === 'bad-max') s.env.AWS_MAX_ATTEMPTS = pick(['abc', '-1']);
    if (v === 'bad-mode') s.env.AWS_RETRY_MODE = 'bogus';
    if (v === 'max0') s.env.AWS_MAX_ATTEMPTS = '0';
  },
  misc(s) {
    const v = pick(['no-sign', 'no-paginate', 'binfmt', 'binfmt-bad', 'no-auto-prompt', 'no-verify', 'unknown-opt', 'extra-pos', 'ca-missing', 'no-sign-twice']);
    s.tags.push(`m:${v}`);
    if (v === 'no-sign') place(s, ['--no-sign-request']);
    if (v === 'no-sign-twice') { place(s, ['--no-sign-request']); place(s, ['--no-sign-request']); }
    if (v === 'no-paginate') place(s, ['--no-paginate']);
    if (v === 'binfmt') place(s, flag('--cli-binary-format', pick(['base64', 'raw-in-base64-out'])));
    if (v === 'binfmt-bad') place(s, flag('--cli-binary-format', 'hex'));
    if (v === 'no-auto-prompt') place(s, ['--no-cli-auto-prompt']);
    if (v === 'no-verify') place(s, ['--no-verify-ssl']);
    if (v === 'unknown-opt') place(s, chance(0.5) ? ['--bogus'] : ['--bogus', 'value']);
    if (v === 'extra-pos') s.post.push(['extra']);
    if (v === 'ca-missing') place(s, flag('--ca-bundle', '{{HOME}}/missing.pem'));
  },
  repeated(s) {
    const v = pick(['output', 'region', 'profile', 'endpoint', 'query', 'color', 'errfmt', 'username', 'pool', 'binfmt']);
    s.tags.push(`dup:${v}`);
    if (v === 'output') place(s, [...flag('--output', pick(OUTPUTS)), ...flag('--output', pick(OUTPUTS))]);
    if (v === 'region') place(s, ['--region', 'eu-west-1', '--region', pick(['us-west-2', ''])]);
    if (v === 'profile') { s.creds.dev = { aws_access_key_id: 'AKIDDEV', aws_secret_access_key: 's1' }; place(s, [...flag('--profile', pick(['nope', 'dev'])), ...flag('--profile', pick(['nope', 'dev']))]); }
    if (v === 'endpoint') { s.endpoint = false; place(s, ['--endpoint-url', pick(['not-a-url', 'http://127.0.0.1:{{CLOSED_PORT}}']), '--endpoint-url', '{{ENDPOINT}}']); }
    if (v === 'query') place(s, [...flag('--query', pick(QUERIES)), ...flag('--query', pick(QUERIES))]);
    if (v === 'color') place(s, ['--color', pick(COLORS), '--color', pick(COLORS)]);
    if (v === 'errfmt') place(s, ['--cli-error-format', pick(ERRFMTS), '--cli-error-format', pick(ERRFMTS)]);
    if (v === 'username') s.post.push(['--username', pick(USERS)]);
    if (v === 'pool') s.post.push(flag('--user-pool-id', pick([POOL, '', 'bad pool!'])));
    if (v === 'binfmt') place(s, ['--cli-binary-format', 'base64', '--cli-binary-format', pick(['hex', 'raw-in-base64-out'])]);
  },
  globalAbbr(s) {
    const v = pick(['--reg', '--prof', '--end', '--no-sign', '--no', '--cli', '--col', '--cli-error', '--qu', '--no-pag', '--out', '--ver']);
    s.tags.push(`ga:${v}`);
    const value = { '--reg': 'eu-west-1', '--prof': 'nope', '--end': '{{ENDPOINT}}', '--col': pick(COLORS), '--cli-error': pick(ERRFMTS), '--qu': pick(QUERIES), '--out': pick(OUTPUTS), '--cli': 'x' }[v];
    if (v === '--end') s.endpoint = false;
    place(s, value === undefined ? [v] : flag(v, value));
  },
  pager(s) {
    const v = pick(['cat', 'nonexistentpager', 'cfg-cat', 'cfg-missing', 'empty-cfg']);
    s.tags.push(`pg:${v}`);
    if (v === 'cat') s.env.AWS_PAGER = 'cat';
    if (v === 'nonexistentpager') s.env.AWS_PAGER = 'nonexistentpager';
    if (v === 'cfg-cat') { s.env.AWS_PAGER = null; s.env.PAGER = null; s.cfg.cli_pager = 'cat'; }
    if (v === 'cfg-missing') { s.env.AWS_PAGER = null; s.cfg.cli_pager = 'nonexistentpager'; }
    if (v === 'empty-cfg') { s.env.AWS_PAGER = null; s.env.PAGER = 'nonexistentpager'; s.cfg.cli_pager = ''; }
  },
  paramfile(s) {
    const v = pick(['user-file', 'user-fileb', 'pool-file', 'missing-file', 'user-file-nl', 'pool-file-empty']);
    s.tags.push(`pf:${v}`);
    const u = s.userSet && s.user !== null ? s.user : 'alice';
    if (v === 'user-file') { s.files['name.txt'] = u; s.user = 'file://{{HOME}}/name.txt'; }
    if (v === 'user-file-nl') { s.files['name.txt'] = `${u}\n`; s.user = 'file://{{HOME}}/name.txt'; }
    if (v === 'user-fileb') { s.files['name.txt'] = u; s.user = 'fileb://{{HOME}}/name.txt'; }
    if (v === 'pool-file') { s.files['pool.txt'] = POOL; s.pool = 'file://{{HOME}}/pool.txt'; }
    if (v === 'pool-file-empty') { s.files['pool.txt'] = ''; s.pool = 'file://{{HOME}}/pool.txt'; }
    if (v === 'missing-file') s.user = 'file://{{HOME}}/missing.txt';
  },
  prompt(s) {
    // Only what runs without a terminal the same way in both: cogsignout never prompts without one
    // (README, Differences), where the AWS CLI opens its prompt anyway.
    const v = pick(['both', 'env-bogus', 'env-off', 'no-flag']);
    s.tags.push(`ap:${v}`);
    if (v === 'both') place(s, ['--cli-auto-prompt', '--no-cli-auto-prompt']);
    if (v === 'env-off') s.env.AWS_CLI_AUTO_PROMPT = 'off';
    if (v === 'no-flag') place(s, ['--no-cli-auto-prompt']);
    if (v === 'env-partial') s.env.AWS_CLI_AUTO_PROMPT = 'on-partial';
    if (v === 'env-bogus') s.env.AWS_CLI_AUTO_PROMPT = 'bogus';
  },
  profileConfig(s) {
    // A profile of several settings at once, chosen by the flag or the environment.
    const keys = {};
    const n = 1 + Math.floor(rnd() * 4);
    const all = {
      output: () => pick(OUTPUTS), region: () => pick(['eu-west-1', 'us-west-2', '']), cli_error_format: () => pick(ERRFMTS),
      max_attempts: () => pick(['1', '2', 'x']), retry_mode: () => pick(['legacy', 'standard', 'adaptive', 'bogus']),
      endpoint_url: () => '{{ENDPOINT}}', cli_pager: () => pick(['cat', '']), parameter_validation: () => pick(['false', 'true', 'no']),
      cli_binary_format: () => pick(['base64', 'raw-in-base64-out', 'hex']),
    };
    while (Object.keys(keys).length < n) { const k = pick(Object.keys(all)); keys[k] = all[k](); }
    if ('endpoint_url' in keys) { s.endpoint = false; s.network = 'isolated-only'; }
    const name = pick(['default', 'dev', 'dev']);
    const how = name === 'default' ? 'default' : pick(['flag', 'env']);
    s.tags.push(`pc:${how}:${Object.entries(keys).map(([k, v]) => `${k}=${v}`).join(',')}`);
    if (name === 'default') Object.assign(s.cfg, keys);
    else {
      s.cfgProfiles.dev = { ...(s.cfgProfiles.dev ?? {}), ...keys };
      if (how === 'flag') place(s, flag('--profile', 'dev')); else s.env.AWS_PROFILE = 'dev';
    }
  },
  configFiles(s) {
    const v = pick(['config-elsewhere', 'creds-elsewhere', 'config-parse', 'creds-parse', 'config-missing-file', 'creds-token', 'creds-elsewhere-profile', 'config-bom']);
    s.tags.push(`cf:${v}`);
    if (v === 'config-elsewhere') { s.env.AWS_CONFIG_FILE = '{{TMP}}/custom-config'; s.files['../custom-config'] = `[default]\nregion = ca-central-1\noutput = ${pick(OUTPUTS)}\n`; s.env.AWS_REGION = null; }
    if (v === 'creds-elsewhere') { s.env.AWS_SHARED_CREDENTIALS_FILE = '{{TMP}}/custom-creds'; s.files['../custom-creds'] = '[default]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s2\n'; s.env.AWS_ACCESS_KEY_ID = null; s.env.AWS_SECRET_ACCESS_KEY = null; }
    if (v === 'creds-elsewhere-profile') { s.env.AWS_SHARED_CREDENTIALS_FILE = '{{TMP}}/custom-creds'; s.files['../custom-creds'] = '[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s1\n'; place(s, flag('--profile', 'dev')); }
    if (v === 'config-parse') s.files['.aws/config'] = 'this is not an ini file\n[default\nregion\n';
    if (v === 'creds-parse') s.files['.aws/credentials'] = 'garbage without section\n';
    if (v === 'config-missing-file') s.env.AWS_CONFIG_FILE = '{{TMP}}/nowhere/config';
    if (v === 'creds-token') { s.creds.default = { aws_access_key_id: 'AKIDOTHER', aws_secret_access_key: 's2', aws_session_token: 'tok-from-file' }; s.env.AWS_ACCESS_KEY_ID = null; s.env.AWS_SECRET_ACCESS_KEY = null; }
    if (v === 'config-bom') { s.env.AWS_REGION = null; s.files['.aws/config'] = '\ufeff[default]\nregion = eu-west-1\n'; }
  },
  ca(s) {
    const v = pick(['flag-missing', 'env-missing', 'cfg-missing', 'flag-empty', 'no-verify-and-ca']);
    s.tags.push(`ca:${v}`);
    if (v === 'flag-missing') place(s, flag('--ca-bundle', '{{HOME}}/missing.pem'));
    if (v === 'env-missing') s.env.AWS_CA_BUNDLE = '{{HOME}}/missing.pem';
    if (v === 'cfg-missing') s.cfg.ca_bundle = '{{HOME}}/missing.pem';
    if (v === 'flag-empty') place(s, ['--ca-bundle', '']);
    if (v === 'no-verify-and-ca') { place(s, ['--no-verify-ssl']); place(s, flag('--ca-bundle', '{{HOME}}/missing.pem')); }
  },
  timeouts(s) {
    const opt = pick(['--cli-read-timeout', '--cli-connect-timeout']);
    const v = pick(['0', '-1', 'abc', '1.5', '', '30', ' 5', '1e3']);
    s.tags.push(`to:${opt}=${v}`);
    place(s, opt === '--cli-connect-timeout' && v.startsWith('-') ? [`${opt}=${v}`] : flag(opt, v));
  },
  encoding(s) {
    const v = pick(['lang-c', 'lc-all-c', 'out-ascii', 'out-latin1', 'out-utf16', 'out-bogus', 'lang-latin1']);
    s.tags.push(`enc:${v}`);
    if (v === 'lang-c') s.env.LANG = 'C';
    if (v === 'lc-all-c') s.env.LC_ALL = 'C';
    if (v === 'out-ascii') s.env.AWS_CLI_OUTPUT_ENCODING = 'ascii';
    if (v === 'out-latin1') s.env.AWS_CLI_OUTPUT_ENCODING = 'latin-1';
    if (v === 'out-utf16') s.env.AWS_CLI_OUTPUT_ENCODING = 'utf-16';
    if (v === 'out-bogus') s.env.AWS_CLI_OUTPUT_ENCODING = 'bogus-enc';
    if (v === 'lang-latin1') s.env.LANG = 'en_US.ISO-8859-1';
    if (chance(0.5)) { s.user = pick(['ünïcødé-用户', 'Ω', 'é']); s.userSet = true; }
  },
  version(s) { s.tags.push('version'); place(s, ['--version']); },
  help(s) { s.tags.push('help'); s[pick(['mid', 'post', 'post'])].push(['help']); },
};

function yamlOf(doc) {
  if (doc === null || typeof doc !== 'object') return `${JSON.stringify(doc)}\n`;
  if (Array.isArray(doc)) return doc.map((x) => `- ${JSON.stringify(x)}`).join('\n') + '\n';
  return Object.entries(doc).map(([k, v]) => `${k}: ${typeof v === 'string' && /^[\w.-]+$/.test(v) ? v : JSON.stringify(v)}`).join('\n') + '\n';
}

function paramTokens(s) {
  if (s.params !== null) return s.params;
  const pool = s.pool === null ? [] : ['--user-pool-id', s.pool];
  const user = s.user === null ? [] : ['--username', s.user];
  switch (s.form) {
    case 'eq': return [...(s.pool === null ? [] : [`--user-pool-id=${s.pool}`]), ...(s.user === null ? [] : [`--username=${s.user}`])];
    case 'abbr': return [...(s.pool === null ? [] : [pick(['--user-pool', '--user-pool-i', '--user-p']), s.pool]), ...(s.user === null ? [] : [pick(['--usern', '--userna', '--username']), s.user])];
    case 'abbr-ambiguous': return [...(s.pool === null ? [] : ['--user', s.pool]), ...user];
    case 'repeat': return [...pool, '--username', 'first', ...user, ...(chance(0.5) ? pool : [])];
    case 'reorder': return [...user, ...pool];
    case 'dd-end': return [...pool, ...user, '--'];
    case 'dd-mid': return [...pool, '--', ...user];
    case 'eq-empty': return [...pool, ...(s.user === null ? [] : ['--username='])];
    default: return [...pool, ...user];
  }
}

function ini(sections) {
  return Object.entries(sections).filter(([, kv]) => Object.keys(kv).length > 0)
    .map(([name, kv]) => `[${name}]\n${Object.entries(kv).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`).join('');
}

function build(id) {
  const s = fresh();
  const names = Object.keys(INGREDIENTS);
  const n = Number(values.min) + Math.floor(rnd() * (Number(values.max) - Number(values.min) + 1));
  const chosen = new Set(values.with ? values.with.split(',') : []);
  // The service answer is the ingredient most others meet: drawn often.
  if (chance(0.5)) chosen.add('user');
  while (chosen.size < n) chosen.add(pick(names));
  // version and help together say little; keep one.
  if (chosen.has('version') && chosen.has('help')) chosen.delete(pick(['version', 'help']));
  // Input documents pick up the user: apply user/validation first.
  const order = [...chosen].sort((a, b) => (['user', 'validation', 'form'].includes(b) ? 1 : 0) - (['user', 'validation', 'form'].includes(a) ? 1 : 0));
  for (const name of order) INGREDIENTS[name](s);
  const params = paramTokens(s);
  const mid = s.mid.flat();
  const half = Math.floor(params.length / 2 / 2) * 2;
  const args = [...s.pre.flat(), s.op, ...params.slice(0, half), ...mid, ...params.slice(half), ...s.post.flat()];
  const files = { ...s.files };
  const cfg = ini({ default: s.cfg, ...Object.fromEntries(Object.entries(s.cfgProfiles).map(([k, v]) => [`profile ${k}`, v])) });
  if (cfg) files['.aws/config'] = cfg;
  const creds = ini(s.creds);
  if (creds) files['.aws/credentials'] = creds;
  const c = { id, description: [...chosen].join('+') + ' ' + s.tags.join(' '), args };
  if (Object.keys(s.env).length) c.env = s.env;
  if (Object.keys(files).length) c.files = files;
  if (!s.endpoint) c.endpoint = false;
  if (s.network) c.network = s.network;
  if (chosen.has('version') || (chosen.has('help') && !chosen.has('misc'))) { c.env = { ...(c.env ?? {}), PAGER: 'cat' }; }
  return c;
}

const count = Number(values.count);
const cases = [];
for (let i = 0; i < count; i++) cases.push(build(`${values.prefix}-${String(i).padStart(3, '0')}`));
process.stdout.write(JSON.stringify({
  description: `cross-family sweep, seed ${values.seed}`,
  defaults: { env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'test-secret-access-key', AWS_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true' } },
  cases,
}, null, 1) + '\n');
