// The regions offered for `--region` by shell completion and the prompt: first those the user's
// own configuration names (AWS_REGION, AWS_DEFAULT_REGION, the profiles' `region`), then every
// region of the SDK's partition data, which the build copies in (scripts/sdk-regions.mjs) so
// that no SDK code is loaded to list them.
import type { Env } from '../config/files.js';
import type { Profile } from '../config/files.js';

declare const __COGSIGNOUT_SDK_REGIONS__: readonly string[] | undefined;

/** The SDK's regions ([] when running from src/, where the build has not put them in). */
export const SDK_REGIONS: readonly string[] = typeof __COGSIGNOUT_SDK_REGIONS__ === 'undefined' ? [] : __COGSIGNOUT_SDK_REGIONS__;

/** Configured regions first (in the order found), then `known`, each once. */
export function regionChoices(env: Env, profiles: Iterable<Profile>, known: readonly string[] = SDK_REGIONS): string[] {
  const out = new Set<string>();
  const add = (r: unknown): void => { if (typeof r === 'string' && r.trim() !== '') out.add(r.trim()); };
  add(env.AWS_REGION);
  add(env.AWS_DEFAULT_REGION);
  for (const p of profiles) add(p.get('region'));
  for (const r of known) out.add(r);
  return [...out];
}
