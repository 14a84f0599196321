// Stands in for node:https where the SDK's HTTP handler and the client import it at start-up
// (the build's lean-builtins plugin): node:https
// brings TLS, which Node 22 and 24 take several milliseconds to load (Node 20 pays it at its own
// start), and a call to a plain-http endpoint never uses it. Loaded on first use instead.
import { createRequire } from 'node:module';

type Https = typeof import('node:https');
let real: Https | undefined;
const load = (): Https => (real ??= createRequire(__filename)('node:https') as Https);

/** Makes the real Agent; `instanceof` never loads node:https (no real agent exists before it is). */
function Agent(this: unknown, ...args: ConstructorParameters<Https['Agent']>): InstanceType<Https['Agent']> {
  return new (load().Agent)(...args);
}
export { Agent };
Object.defineProperty(Agent, Symbol.hasInstance, { value: (x: unknown) => real !== undefined && x instanceof real.Agent });

export const node_https = {
  Agent,
  get request(): Https['request'] { return load().request; },
};
