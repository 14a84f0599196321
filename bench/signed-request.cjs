// The physical floor of one signed call from Node, for bench/startup.mjs to compare with: an
// AdminUserGlobalSignOut signed with SigV4 by hand and posted with node:http, nothing else (no
// configuration, no retries, no output formatting). Usage: node signed-request.cjs URL POOL USER
// with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION set. Exit 0 on HTTP 200.
'use strict';
const { createHash, createHmac } = require('node:crypto');
const http = require('node:http');

const [url, pool, user] = process.argv.slice(2);
const { AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret, AWS_REGION: region } = process.env;
const { host, pathname } = new URL(url);
const body = JSON.stringify({ UserPoolId: pool, Username: user });
const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
const scope = `${amzDate.slice(0, 8)}/${region}/cognito-idp/aws4_request`;
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (k, data) => createHmac('sha256', k).update(data).digest();
const headers = { 'content-type': 'application/x-amz-json-1.1', host, 'x-amz-date': amzDate, 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminUserGlobalSignOut' };
const names = Object.keys(headers).sort();
const canonical = ['POST', pathname, '', ...names.map((n) => `${n}:${headers[n]}`), '', names.join(';'), sha256(body)].join('\n');
const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
let k = `AWS4${secret}`;
for (const part of scope.split('/')) k = hmac(k, part);
const signature = createHmac('sha256', k).update(toSign).digest('hex');
headers.authorization = `AWS4-HMAC-SHA256 Credential=${key}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
  res.resume();
  res.on('end', () => { process.exitCode = res.statusCode === 200 ? 0 : 1; });
});
req.end(body);
