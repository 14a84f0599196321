// Stands in for tunnel-agent.ts where the client and the credential calls import it: its agent
// subclasses https.Agent when the module is loaded, which loads node:https and TLS (several
// milliseconds on Node 22 and 24), and only an https call through a proxy uses it. The real module (bundled, see require
// below) is loaded when the first such agent is made.
import type { Agent as HttpsAgent } from 'node:https';
import type { TunnelAgentOptions } from '../tunnel-agent.js';

export function tunnelAgent(options: TunnelAgentOptions): HttpsAgent {
  // A require() that esbuild bundles and runs only here, not at start-up.
  const real = require('../tunnel-agent.ts') as typeof import('../tunnel-agent.js');
  return real.tunnelAgent(options);
}
