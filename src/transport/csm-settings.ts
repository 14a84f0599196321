// botocore's client-side monitoring settings (csm_enabled, csm_client_id, csm_host, csm_port),
// read as botocore reads them when it creates its client's monitor: after everything else the
// client's creation checks, each from the environment first (set even when empty) then the
// profile, the port converted with Python's int() (its ValueError ends the run, 255) before the
// client ID's length is checked.
import { GeneralError } from '../errors/errors.js';
import { pyBigInt } from '../python/int.js';
import { isTrue, type Settings } from '../config/settings.js';

export interface CsmSettings {
  readonly clientId: string;
  readonly host: string;
  /** As int() made it: any integer; one a socket cannot send to only loses the datagrams. */
  readonly port: bigint;
}

const MAX_CLIENT_ID_LENGTH = 255;

/** The monitor's settings, or undefined when monitoring is off (anything but `true`, in any case). */
export function resolveCsmSettings(settings: Pick<Settings, 'envOrProfile'>): CsmSettings | undefined {
  // utils.ensure_boolean: only the string "true" (any case) turns it on.
  if (!isTrue(settings.envOrProfile('AWS_CSM_ENABLED', 'csm_enabled'))) return undefined;
  const clientId = settings.envOrProfile('AWS_CSM_CLIENT_ID', 'csm_client_id') ?? '';
  const host = settings.envOrProfile('AWS_CSM_HOST', 'csm_host') ?? '127.0.0.1';
  const portText = settings.envOrProfile('AWS_CSM_PORT', 'csm_port');
  const port = portText === undefined ? 31000n : pyBigInt(portText);
  // Python's len(): code points.
  if ([...clientId].length > MAX_CLIENT_ID_LENGTH) {
    throw new GeneralError(`The value provided for csm_client_id: ${clientId} exceeds the maximum length of ${MAX_CLIENT_ID_LENGTH} characters`);
  }
  return { clientId, host, port };
}
