// What botocore's legacy endpoint resolver (endpoints.json, still consulted when every client is
// created, whatever endpoint is given) adds to the rules-based endpoint: FIPS pseudo-regions, and
// the partitions that have no dual-stack endpoint for cognito-idp.
import { GeneralError } from '../errors/errors.js';

/**
 * botocore's ClientCreator._normalize_fips_region: every `fips-` and `-fips` is taken out of the
 * region name (Python's str.replace), and a name that changed turns FIPS on in the client's own
 * configuration, above AWS_USE_FIPS_ENDPOINT and the profile (even when they say false).
 */
export function normalizeFipsRegion(region: string): { region: string; fips: boolean } {
  const normalized = region.replaceAll('fips-', '').replaceAll('-fips', '');
  return { region: normalized, fips: normalized !== region };
}

/**
 * The partitions of endpoints.json whose defaults have no dual-stack variant and whose
 * cognito-idp entry has none either (aws-iso and aws-iso-b are skipped by the resolver instead,
 * which then falls back to the aws partition). Python's re.match: `$` also matches before a
 * final newline, `\w` and `\d` are ASCII here (the region name passed the format check).
 */
const NO_DUALSTACK = [/^eu-isoe-\w+-\d+\n?$/, /^us-isof-\w+-\d+\n?$/];

/** botocore's EndpointVariantError, raised while the client's endpoint is computed (255). */
export function checkEndpointVariant(region: string, dualstack: boolean, fips: boolean): void {
  if (!dualstack || !NO_DUALSTACK.some((re) => re.test(region))) return;
  const tags = fips ? "['dualstack', 'fips']" : "['dualstack']";
  // The message's format has no place for botocore's explanation: it ends with the colon.
  throw new GeneralError(`Unable to construct a modeled endpoint with the following variant(s) ${tags}:`);
}

/** endpoints.json's partitions: region pattern, DNS suffix, dual-stack suffix (none: skipped). */
const PARTITIONS: ReadonlyArray<readonly [RegExp, string, string | undefined]> = [
  [/^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+\n?$/, 'amazonaws.com', 'api.aws'],
  [/^cn-\w+-\d+\n?$/, 'amazonaws.com.cn', 'api.amazonwebservices.com.cn'],
  [/^us-gov-\w+-\d+\n?$/, 'amazonaws.com', 'api.aws'],
  [/^us-iso-\w+-\d+\n?$/, 'c2s.ic.gov', undefined],
  [/^us-isob-\w+-\d+\n?$/, 'sc2s.sgov.gov', undefined],
  [/^eu-isoe-\w+-\d+\n?$/, 'cloud.adc-e.uk', undefined],
  [/^us-isof-\w+-\d+\n?$/, 'csp.hci.ic.gov', undefined],
  [/^eusc-(de)-\w+-\d+\n?$/, 'amazonaws.eu', 'api.amazonwebservices.eu'],
];

/**
 * The URL the legacy resolver makes from a partition's defaults, which botocore's endpoint
 * creation checks (is_valid_endpoint_url) even though the rules choose the one used: only a
 * region that passed the format check with a final newline makes it invalid.
 */
export function legacyEndpointUrl(region: string, dualstack: boolean, fips: boolean): string {
  const partition = PARTITIONS.find(([re, , ds]) => re.test(region) && !(dualstack && ds === undefined));
  const suffix = partition === undefined ? (dualstack ? 'api.aws' : 'amazonaws.com') : dualstack ? partition[2] as string : partition[1];
  return `https://cognito-idp${fips ? '-fips' : ''}.${region}.${suffix}`;
}
