// Whether this machine can be an EC2 instance. Off EC2, asking the instance metadata service for
// credentials or a region only costs time (the AWS CLI waits up to a second); on Linux the DMI
// tables answer the question instantly, as the AWS CDK's EC2 detection does.
import { readFileSync } from 'node:fs';
import { isTrue } from '../config/settings.js';

const DMI_FILES = ['/sys/class/dmi/id/sys_vendor', '/sys/class/dmi/id/board_vendor', '/sys/class/dmi/id/product_uuid', '/sys/class/dmi/id/board_asset_tag'];

export function mightBeEc2(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return true;
  let readAny = false;
  for (const file of DMI_FILES) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim().toLowerCase();
    } catch {
      continue;
    }
    readAny = true;
    if (text.includes('amazon') || text.startsWith('ec2') || text.startsWith('i-')) return true;
  }
  // Without DMI (containers often hide it) the answer is unknown: ask, with the short timeout.
  return !readAny;
}

/** Whether to ask the instance metadata service: not when disabled; yes when its endpoint is set explicitly. */
export function shouldAskInstanceMetadata(env: Readonly<Record<string, string | undefined>>): boolean {
  if (imdsDisabled(env)) return false;
  return env.AWS_EC2_METADATA_SERVICE_ENDPOINT !== undefined || mightBeEc2();
}

type Lookups = { readonly env: Readonly<Record<string, string | undefined>>; quietEnvOrProfile(envName: string, key: string): string | undefined };

/** Whether the configuration turns the instance metadata service off (botocore lower-cases it). */
export function imdsDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return isTrue(env.AWS_EC2_METADATA_DISABLED);
}

/** The endpoint botocore's IMDS fetchers log as they are made (utils.py _select_base_url); `warning`: both a custom one and IPv6 are set. */
export function imdsEndpointForLog(settings: Lookups): { endpoint: string; warning: boolean } {
  const custom = settings.quietEnvOrProfile('AWS_EC2_METADATA_SERVICE_ENDPOINT', 'ec2_metadata_service_endpoint');
  const ipv6 = settings.quietEnvOrProfile('AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'ec2_metadata_service_endpoint_mode')?.toLowerCase() === 'ipv6';
  return { endpoint: custom || (ipv6 ? 'http://[fd00:ec2::254]/' : 'http://169.254.169.254/'), warning: ipv6 && Boolean(custom) };
}

/** What a disabled fetcher logs when asked: it refuses at once, as if every attempt had failed. */
export function imdsDisabledLines(settings: Lookups): [string, string] {
  const attempts = Number.parseInt(settings.quietEnvOrProfile('AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts') ?? '1', 10);
  return ['Access to EC2 metadata has been disabled.', `Max number of attempts exceeded (${Number.isNaN(attempts) ? 1 : attempts}) when attempting to retrieve data from metadata service.`];
}
