// Everything the client needs, resolved the way botocore resolves it when the AWS CLI creates a
// client, with its checks in its order: the profile must exist, a region is required and must be
// well-formed, the endpoint must be valid, the retry configuration and timeouts must make sense.
// It is resolved from plain values (the global options, the settings' lookups, the environment),
// not from the whole CLI context, so that each command, and each test, hands it just those.
import type { GlobalArgs } from '../cli/globals.js';
import { GeneralError, NoRegionError } from '../errors/errors.js';
import { checkRegionSyntax, resolveRegion } from '../config/region.js';
import { isTrue, type Settings } from '../config/settings.js';
import type { Env } from '../config/files.js';
import { pyBigInt, pyInt } from '../python/int.js';
import { checkCaBundleSetting, readCaBundle } from './ca-bundle.js';
import { checkEndpointVariant, legacyEndpointUrl, normalizeFipsRegion } from './legacy-endpoint.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import { botocoreRequestUrl, checkEndpointValid, configuredEndpoint, regionalEndpoint } from './endpoint.js';
import { resolveCsmSettings, type CsmSettings } from './csm-settings.js';

export interface ResolvedClientSettings {
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly useFips: boolean;
  readonly useDualstack: boolean;
  readonly maxAttempts: number;
  readonly retryMode: 'standard' | 'adaptive';
  /** AWS_NEW_RETRIES_2026 (retry.ts). */
  readonly newRetries: boolean;
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  readonly verifyTls: boolean;
  /**
   * The CA bundle's certificates, read on first call (it throws the SSL failure when the bundle
   * cannot be used). `regionalUrl`: the URL that failure names when no endpoint was given (the
   * one the rules choose for the region, which only the client can resolve).
   */
  readonly caBundle: (regionalUrl: string) => Buffer | undefined;
  readonly userAgentAppId: string | undefined;
  readonly version: string;
  /** Client-side monitoring (csm-settings.ts); undefined when off. */
  readonly csm?: CsmSettings | undefined;
}

/** The settings' lookups the client's settings read (a Settings is one). */
export type ClientSettingsLookups = Pick<Settings, 'env' | 'profile' | 'profileValue' | 'envOrProfile' | 'configFiles'>;

/** What the client's settings are resolved from. */
export interface ClientSettingsSource {
  readonly globals: Pick<GlobalArgs, 'region' | 'endpointUrl' | 'noSignRequest' | 'noVerifySsl' | 'caBundle' | 'connectTimeout' | 'readTimeout'>;
  readonly settings: ClientSettingsLookups;
  readonly env: Env;
  /** cogsignout's version (the User-Agent names it). */
  readonly version: string;
  /** --debug's log (where the configured endpoint was found). */
  readonly log?: DebugLog;
}

const DEFAULT_TIMEOUT_S = 60;


function timeoutMs(kind: 'read' | 'connect', text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_S * 1000;
  const exact = pyBigInt(text);
  const seconds = Number(exact);
  if (seconds === 0) return 0;
  if (exact < 0n) {
    throw new GeneralError(`Attempted to set ${kind} timeout to ${exact}, but the timeout cannot be set to a value less than or equal to 0.`);
  }
  return seconds * 1000;
}

/**
 * A --cli-*-timeout for the credential calls' clients, which botocore gives the same default
 * client config: milliseconds, 0 for none; undefined (the 60 s default) for no value or for one
 * the command's own client reports.
 */
export function credentialCallTimeoutMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    const ms = timeoutMs('connect', text);
    return ms >= 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `lookUpCredentials` runs where botocore looks credentials up while creating its client: after
 * the region is known (and its syntax checked), before a missing region or any other setting
 * is reported.
 */
export async function resolveClientSettings(
  source: ClientSettingsSource, lookUpCredentials?: (region: string | undefined) => Promise<void>,
): Promise<ResolvedClientSettings> {
  const { settings, globals, env } = source;
  // botocore validates the region first: from --region or the environment it is known without
  // the profile, so a bad one is reported before an unknown profile (ProfileNotFound), which fails next.
  const region = await resolveRegion(globals.region, settings, source.log);
  if (region !== undefined) checkRegionSyntax(region);
  settings.profile();
  await lookUpCredentials?.(region);
  if (region === undefined) throw new NoRegionError();
  // The client is created for the region without its FIPS pseudo-region markers.
  const fipsRegion = normalizeFipsRegion(region);
  const clientRegion = fipsRegion.region;

  const endpoint = configuredEndpoint(globals.endpointUrl, settings, source.log);
  // botocore's legacy resolver sees FIPS and dual-stack whatever the endpoint.
  const fips = fipsRegion.fips || isTrue(settings.envOrProfile('AWS_USE_FIPS_ENDPOINT', 'use_fips_endpoint'));
  const dualstack = isTrue(settings.envOrProfile('AWS_USE_DUALSTACK_ENDPOINT', 'use_dualstack_endpoint'));
  checkEndpointVariant(clientRegion, dualstack, fips);

  // botocore's client arguments, in its order: max_attempts is converted, compression and
  // checksum settings and the account-id endpoint mode are checked, then the retry
  // configuration is validated (attempts first, then the mode).
  const attemptsText = settings.envOrProfile('AWS_MAX_ATTEMPTS', 'max_attempts');
  const exactAttempts = attemptsText === undefined ? 3n : pyBigInt(attemptsText);
  const maxAttempts = Number(exactAttempts);
  checkClientConfig(settings, globals.noSignRequest);
  if (exactAttempts < 1n) {
    throw new GeneralError(`Value provided to "max_attempts": ${exactAttempts} must be an integer greater than or equal to one.`);
  }
  const retryMode = settings.envOrProfile('AWS_RETRY_MODE', 'retry_mode') ?? 'standard';
  if (retryMode !== 'standard' && retryMode !== 'adaptive') {
    throw new GeneralError(`Invalid value provided to "mode": "${retryMode}" must be one of: "standard" or "adaptive"`);
  }
  // Then the endpoint is created: its host is checked, and the CA bundle setting (below).
  checkEndpointValid(endpoint ?? legacyEndpointUrl(clientRegion, dualstack, fips));

  const caPath = globals.caBundle ?? settings.envOrProfile('AWS_CA_BUNDLE', 'ca_bundle') ?? env.REQUESTS_CA_BUNDLE;
  // An empty bundle path is refused as the endpoint's HTTP session is made, whatever the scheme,
  // and only then are the timeouts checked (urllib3's Timeout, made by that session).
  if (!globals.noVerifySsl) checkCaBundleSetting(caPath);
  const connectTimeoutMs = timeoutMs('connect', globals.connectTimeout);
  const readTimeoutMs = timeoutMs('read', globals.readTimeout);

  const isHttps = (endpoint ?? 'https://').toLowerCase().startsWith('https://');
  const sslFailure = (reason: string, regionalUrl: string): GeneralError =>
    new GeneralError(`SSL validation failed for ${endpoint === undefined ? regionalUrl : botocoreRequestUrl(endpoint)} ${reason}`, 'SSLError');
  let caBundle: (regionalUrl: string) => Buffer | undefined = () => undefined;
  // The bundle file itself is read only for an https connection.
  if (caPath !== undefined && isHttps && !globals.noVerifySsl) {
    // Read when the client is built, its failure kept for each connection once made (client.ts):
    // the AWS CLI loads the bundle when it connects, after the parameters are validated and the
    // credentials found, and only once the TCP connection is up.
    let loaded: Buffer | undefined;
    caBundle = (regionalUrl) => (loaded ??= readCaBundle(caPath, env, (reason) => sslFailure(reason, regionalUrl)));
  }
  // The session makes the client's monitor last, once the client itself is made.
  const csm = resolveCsmSettings(settings);

  return {
    region: clientRegion,
    endpoint,
    // botocore gives the endpoint rules FIPS and dual-stack only without an endpoint of one's own.
    useFips: endpoint === undefined && fips,
    useDualstack: endpoint === undefined && dualstack,
    maxAttempts,
    retryMode,
    // botocore's NEW_RETRIES_ENABLED: `.lower() == 'true'` (retry.ts).
    newRetries: isTrue(env.AWS_NEW_RETRIES_2026),
    connectTimeoutMs,
    readTimeoutMs,
    verifyTls: !globals.noVerifySsl,
    caBundle,
    userAgentAppId: settings.envOrProfile('AWS_SDK_UA_APP_ID', 'sdk_ua_app_id'),
    version: source.version,
    csm,
  };
}

/** botocore's checks of the compression, checksum and account-id settings (client creation). */
function checkClientConfig(settings: ClientSettingsLookups, unsigned: boolean): void {
  const minSize = settings.envOrProfile('AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES', 'request_min_compression_size_bytes');
  if (minSize !== undefined) {
    const base = `Invalid value "${minSize}" for request_min_compression_size_bytes.`;
    let n: number;
    try {
      n = pyInt(minSize);
    } catch {
      throw new GeneralError(`${base} Value must be an integer. Received <class 'str'> instead.`);
    }
    if (n < 1 || n > 1048576) throw new GeneralError(`${base} Value must be between 1 and 1048576.`);
  }
  for (const [envName, key] of [['AWS_REQUEST_CHECKSUM_CALCULATION', 'request_checksum_calculation'], ['AWS_RESPONSE_CHECKSUM_VALIDATION', 'response_checksum_validation']] as const) {
    const value = (settings.envOrProfile(envName, key) ?? 'when_supported').toLowerCase();
    if (value !== 'when_supported' && value !== 'when_required') {
      throw new GeneralError(`Unsupported configuration value for ${key}. Expected one of ('when_supported', 'when_required') but got ${value}.`);
    }
  }
  if (unsigned) return;
  const mode = (settings.envOrProfile('AWS_ACCOUNT_ID_ENDPOINT_MODE', 'account_id_endpoint_mode') ?? 'preferred').toLowerCase();
  if (!['preferred', 'disabled', 'required'].includes(mode)) {
    throw new GeneralError(`The configured value '${mode}' for 'account_id_endpoint_mode' is invalid. Valid values are: ('preferred', 'disabled', 'required').`);
  }
}
