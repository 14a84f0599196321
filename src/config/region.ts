// The region: --region → AWS_REGION → AWS_DEFAULT_REGION → the profile's region → the instance
// metadata service (EC2 only, one attempt, one second), as the AWS CLI resolves it. The SDK
// alone reads neither AWS_DEFAULT_REGION nor, reliably, the selected profile's region.
import { request } from 'node:http';
import { GeneralError } from '../errors/errors.js';
import { imdsDisabled, imdsDisabledLines, imdsEndpointForLog, shouldAskInstanceMetadata } from '../credentials/ec2.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import type { Settings } from './settings.js';

// Python's `$` also matches before a final newline: `us-east-1\n` passes botocore's check.
const REGION_SYNTAX = /^(?![0-9]+\n?$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)\n?$/;

/** botocore's validate_region_name. */
export function checkRegionSyntax(region: string): void {
  if (!REGION_SYNTAX.test(region)) throw new GeneralError(`Provided region_name '${region}' doesn't match a supported format.`);
}

export async function resolveRegion(flag: string | undefined, settings: Pick<Settings, 'env' | 'profileValue'>, log?: DebugLog): Promise<string | undefined> {
  if (flag !== undefined) return flag;
  const configured = settings.env.AWS_REGION ?? settings.env.AWS_DEFAULT_REGION ?? settings.profileValue('region');
  if (configured !== undefined) return configured;
  if (log?.enabled && imdsDisabled(settings.env)) {
    // The AWS CLI's region provider makes its fetcher, which is off.
    const quietEnvOrProfile = (envName: string, key: string): string | undefined => {
      try {
        return settings.env[envName] ?? settings.profileValue(key);
      } catch {
        return undefined;
      }
    };
    const lookups = { env: settings.env, quietEnvOrProfile };
    log.log('botocore.utils', `IMDS ENDPOINT: ${imdsEndpointForLog(lookups).endpoint}`);
    const [disabled, exceeded] = imdsDisabledLines(lookups);
    log.log('botocore.utils', disabled);
    log.log('awscli.utils', exceeded);
  }
  if (!shouldAskInstanceMetadata(settings.env)) return undefined;
  return regionFromInstanceMetadata(settings.env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? 'http://169.254.169.254/');
}

function imdsCall(base: string, method: string, path: string, headers: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request(new URL(path, base), { method, headers, timeout: 1000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve(res.statusCode === 200 ? body : undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

async function regionFromInstanceMetadata(base: string): Promise<string | undefined> {
  const token = await imdsCall(base, 'PUT', '/latest/api/token', { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' });
  const zone = await imdsCall(base, 'GET', '/latest/meta-data/placement/availability-zone',
    token === undefined ? {} : { 'x-aws-ec2-metadata-token': token });
  return zone ? zone.slice(0, -1) : undefined;
}
