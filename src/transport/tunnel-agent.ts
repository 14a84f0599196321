// https through a proxy, as urllib3 1.26 makes the connection: a CONNECT request to the proxy
// (over TLS when the proxy's URL is https, checked as the endpoint's certificate is: same CA
// bundle, same --no-verify-ssl), then TLS to the endpoint inside the tunnel. Credentials go in
// the CONNECT request only when proxy.ts's proxyAuthorization made them. No SNI for a proxy named
// by an IP address (Node warns about one; Python sends none).
import { request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ProxyHandshakeError } from './http-send.js';
import type { ProxyRoute } from './proxy.js';

export interface TunnelAgentOptions extends AgentOptions {
  readonly route: ProxyRoute;
  /**
   * The CA bundle cannot be used: urllib3 loads it when it wraps the TLS connection to an https
   * proxy, so that connection fails with it once the TCP connection is made.
   */
  readonly caFailure?: Error | undefined;
}

/** Node's codes for a certificate that fails verification: the endpoint's SSL error in urllib3, even when the proxy shows it. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

type Callback = (err: Error | null, socket?: Duplex) => void;

class TunnelAgent extends HttpsAgent {
  readonly route: ProxyRoute;
  private readonly tls: { ca?: AgentOptions['ca']; rejectUnauthorized: boolean };
  private readonly caFailure: Error | undefined;

  constructor({ route, caFailure, ...options }: TunnelAgentOptions) {
    super(options);
    this.route = route;
    this.caFailure = caFailure;
    this.tls = { ...(options.ca === undefined ? {} : { ca: options.ca }), rejectUnauthorized: options.rejectUnauthorized !== false };
  }

  override createConnection(options: { host?: string; port?: number } & Record<string, unknown>, callback: Callback): undefined {
    const { route } = this;
    const authority = `${options.host ?? ''}:${options.port ?? 443}`;
    const headers: Record<string, string> = { host: authority, ...(route.authorization === undefined ? {} : { 'proxy-authorization': route.authorization }) };
    const common = { method: 'CONNECT', host: route.hostname, port: route.port, path: authority, setHost: false, agent: false as const, headers };
    const request = route.protocol === 'https:'
      ? httpsRequest({ ...common, ...this.tls, servername: isIP(route.hostname) === 0 ? route.hostname : '' })
      : httpRequest(common);
    const { caFailure } = this;
    if (route.protocol === 'https:' && caFailure !== undefined) {
      request.once('socket', (s: Socket) => s.once('connect', () => request.destroy(caFailure)));
    }
    request.once('connect', (response, socket: Socket) => {
      request.removeAllListeners();
      socket.removeAllListeners();
      if (response.statusCode !== 200) {
        socket.destroy();
        callback(new Error(`Bad response: ${response.statusCode}`));
        return;
      }
      // The https agent's TLS connection, over the tunnel's socket instead of a new one.
      callback(null, super.createConnection({ ...options, socket } as Parameters<HttpsAgent['createConnection']>[0]) as Duplex);
    });
    request.once('error', (err: Error & { code?: string }) => {
      request.removeAllListeners();
      // The TLS handshake with an https proxy failing for another reason than its certificate
      // (a plain-HTTP proxy behind an https URL): urllib3 reports the proxy.
      const code = err.code ?? '';
      const tlsAtProxy = route.protocol === 'https:' && err !== caFailure && !CERTIFICATE_CODES.has(code) && !code.startsWith('HPE_');
      callback(tlsAtProxy ? new ProxyHandshakeError(err) : err);
    });
    request.end();
    return undefined;
  }
}

export function tunnelAgent(options: TunnelAgentOptions): HttpsAgent {
  return new TunnelAgent(options);
}
