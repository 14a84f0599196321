// Stands in for node:https where the SDK's HTTP handler and the client import it at start-up
// (the build's lean-builtins plugin): node:https
// brings TLS, which Node 22 and 24 take several milliseconds to load (Node 20 pays it at its own
// start), and a call to a plain-http endpoint never uses it. Loaded on first use instead.
type Https = typeof import('node:https');
let real: Https | undefined;
// A require() the build leaves to run time (node:module's createRequire would load that module).
const load = (): Https => (real ??= require('node:https') as Https);

/** Makes the real Agent; `instanceof` never loads node:https (no real agent exists before it is). */
function Agent(this: unknown, ...args: ConstructorParameters<Https['Agent']>): InstanceType<Https['Agent']> {
  return new (load().Agent)(...args);
}
export { Agent };
Object.defineProperty(Agent, Symbol.hasInstance, { value: (x: unknown) => real !== undefined && x instanceof real.Agent });

/** node:https's request, loaded on the first https call (src/transport/http-send.ts). */
export function request(...args: Parameters<Https['request']>): ReturnType<Https['request']> {
  return load().request(...args);
}

export const node_https = {
  Agent,
  get request(): Https['request'] { return load().request; },
};
