// The regions the AWS SDK for JavaScript knows, from its partition data (the table its endpoint
// resolver uses), read at build time so that completion and the prompt can offer them without
// loading the SDK. The data is a JavaScript module of JSON; it is read as text, because the
// package's ES module build is not marked as such for Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PARTITIONS = 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';
/** A region name, not the partitions' pseudo-regions (`aws-global`, `aws-cn-global`, …). */
const REGION = /^[a-z]+(-[a-z]+)+-\d+$/;

/** Every region of every partition, in the SDK's order. */
export function sdkRegions() {
  const core = dirname(createRequire(import.meta.url).resolve('@aws-sdk/core/package.json'));
  const text = readFileSync(join(core, PARTITIONS), 'utf8');
  const info = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  const regions = info.partitions.flatMap((p) => Object.keys(p.regions)).filter((r) => REGION.test(r));
  if (regions.length < 10) throw new Error(`the SDK's partition data lists only ${regions.length} regions: is ${PARTITIONS} still where it was?`);
  return regions;
}
