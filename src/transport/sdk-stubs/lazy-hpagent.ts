// Stands in for hpagent where the client imports it: hpagent subclasses https.Agent when it is
// loaded, which loads node:https and TLS (several milliseconds on Node 22 and 24), and only an
// https call through a proxy uses it. The real module (bundled, see require below) is loaded
// when the first such agent is made.
import type { HttpsProxyAgentOptions, HttpsProxyAgent as Real } from 'hpagent';

export function HttpsProxyAgent(options: HttpsProxyAgentOptions): Real {
  // A require() that esbuild bundles and runs only here, not at start-up.
  const { HttpsProxyAgent: RealAgent } = require('hpagent') as typeof import('hpagent');
  return new RealAgent(options);
}
