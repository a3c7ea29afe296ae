/** Search params of a conversation URL: `at` is the seq of a message to bring into view. */
export function parseConversationSearch(search: Record<string, unknown>): { at?: number } {
  const at = typeof search.at === 'string' ? Number(search.at) : search.at;
  return typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 ? { at } : {};
}
