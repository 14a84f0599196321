// The fuzzers' seeded random numbers (mulberry32): the same seed gives the same cases, so a
// difference a run finds can be run again with its `--seed`.
export function seededRandom(seed) {
  let state = seed >>> 0;
  const rnd = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const sample = (xs, n) => [...xs].sort(() => rnd() - 0.5).slice(0, n);
  return { rnd, int, pick, sample };
}
