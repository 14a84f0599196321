// A port of the parts of Python's difflib that argparse-style "Maybe you meant" suggestions use
// (get_close_matches with SequenceMatcher.ratio). Suggestions must match the AWS CLI's, so the
// matching-blocks algorithm (longest matching block, recursively on both sides) is reproduced,
// including the "junk" heuristic for long sequences (autojunk applies only when len(b) >= 200,
// which never happens for option names, so it is left out on purpose).

function findLongestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number,
  b2j: Map<string, number[]>): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let j2len = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const newj2len = new Map<number, number>();
    for (const j of b2j.get(a[i] as string) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (j2len.get(j - 1) ?? 0) + 1;
      newj2len.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    j2len = newj2len;
  }
  return [besti, bestj, bestsize];
}

function matchingCharacters(a: string, b: string): number {
  const b2j = new Map<string, number[]>();
  for (let j = 0; j < b.length; j++) {
    const ch = b[j] as string;
    const list = b2j.get(ch);
    if (list) list.push(j); else b2j.set(ch, [j]);
  }
  let matched = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    const [i, j, k] = findLongestMatch(a, b, alo, ahi, blo, bhi, b2j);
    if (k > 0) {
      matched += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  return matched;
}

/** SequenceMatcher(None, a, b).ratio() */
export function ratio(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matchingCharacters(a, b)) / total;
}

/** difflib.get_close_matches(word, possibilities, n, cutoff): best first, ties in reverse input order as heapq.nlargest gives. */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.8): string[] {
  const scored: Array<{ score: number; value: string; index: number }> = [];
  possibilities.forEach((x, index) => {
    // Python checks the cheap upper bounds first; the result is the same as checking ratio() alone.
    const score = ratio(x, word);
    if (score >= cutoff) scored.push({ score, value: x, index });
  });
  // heapq.nlargest on (score, x) tuples: ties broken by the string itself, larger first.
  scored.sort((p, q) => (q.score - p.score) || (q.value < p.value ? -1 : q.value > p.value ? 1 : 0));
  return scored.slice(0, n).map((s) => s.value);
}
