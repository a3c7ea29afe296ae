/**
 * Subsequence fuzzy match: every query character must appear in order.
 * Scores favour matches at the start, at word starts, and in runs, so "gen"
 * ranks "general" above "engineering". Returns null when it does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  if (!q) return 0;
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return null;
    if (at === 0) score += 8;
    else if (/[\s#@._-]/.test(t[at - 1]!)) score += 5;
    if (at === previous + 1) score += 4;
    score -= Math.min(at - from, 5) * 0.5;
    previous = at;
    from = at + 1;
  }
  // Shorter texts win ties: "dev" over "devops-alerts" for "dev".
  return score - t.length * 0.01;
}

export function fuzzyFilter<T>(items: T[], query: string, textOf: (item: T) => string): T[] {
  if (!query.trim()) return items;
  return items
    .map((item) => ({ item, score: fuzzyScore(query.trim(), textOf(item)) }))
    .filter((x): x is { item: T; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.item);
}
