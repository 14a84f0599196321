// A zone ID that names no interface of this machine gets no connection (getaddrinfo(3) fails
// for it under the AWS CLI); Node 22 and 24 would send one out of some interface and wait out
// the connect timeout (the replayed zone cases of leftovers-sweep-recorded hung so on Node 22).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneNamesAnInterface } from '../../src/transport/scoped-endpoint.js';

describe('zoneNamesAnInterface', () => {
  it.runIf(existsSync('/sys/class/net/lo'))('knows the interfaces by name and by index', () => {
    expect(zoneNamesAnInterface('fe80::1%lo')).toBe(true);
    expect(zoneNamesAnInterface('fe80::1%1')).toBe(true);
    expect(zoneNamesAnInterface('fe80::1%cogso9')).toBe(false);
    expect(zoneNamesAnInterface('fe80::1%99999')).toBe(false);
    expect(zoneNamesAnInterface('fe80::1%')).toBe(false);
  });

  it('does not say where the system does not', () => {
    expect(zoneNamesAnInterface('fe80::1%lo', '/nonexistent/class/net')).toBeUndefined();
  });
});
