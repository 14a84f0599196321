// How the rest of the program reaches the network module: through bin/cogsignout.js's hook,
// which loads dist/net.cjs with its code cache, else by a plain import (tests, development).
export type NetworkModule = typeof import('./index.js');

const HOOK = '__cogsignoutLoadNetwork';

export async function loadNetwork(): Promise<NetworkModule> {
  const hook = (globalThis as Record<string, unknown>)[HOOK];
  if (typeof hook === 'function') return (hook as () => NetworkModule)();
  return import('./index.js');
}
