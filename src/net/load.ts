// How the rest of the program reaches the network module: by import(), which the build makes a
// link to the network bundle (dist/net.cjs, see scripts/build.mjs), read only by a run that is
// about to call the service.
export type NetworkModule = typeof import('./index.js');

export async function loadNetwork(): Promise<NetworkModule> {
  return import('./index.js');
}
