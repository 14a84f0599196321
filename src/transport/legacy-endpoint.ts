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
