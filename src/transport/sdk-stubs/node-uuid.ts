// Stands in for the SDK's uuid/v4 (its invocation-id header and idempotency tokens): the SDK
// reaches for `globalThis.crypto.randomUUID`, and the first read of `globalThis.crypto` loads
// Node's Web Crypto (internal/crypto/webcrypto and its key classes) in every call. node:crypto's
// randomUUID is the same random v4 UUID without that load.
import { randomUUID } from 'node:crypto';

export function bindV4(): () => string {
  return () => randomUUID();
}
