// Whether this machine can be an EC2 instance. Off EC2, asking the instance metadata service for
// credentials or a region only costs time (the AWS CLI waits up to a second); on Linux the DMI
// tables answer the question instantly, as the AWS CDK's EC2 detection does.
import { readFileSync } from 'node:fs';

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
  if ((env.AWS_EC2_METADATA_DISABLED ?? '').toLowerCase() === 'true') return false;
  return env.AWS_EC2_METADATA_SERVICE_ENDPOINT !== undefined || mightBeEc2();
}
