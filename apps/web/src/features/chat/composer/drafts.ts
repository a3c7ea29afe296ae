/** Unsent text per conversation / thread, kept while moving around the app (not across reloads). */
const drafts = new Map<string, string>();

export const draftKey = (conversationId: string, threadRootId: string | null) => `${conversationId}:${threadRootId ?? ''}`;

export function readDraft(key: string): string {
  return drafts.get(key) ?? '';
}

export function saveDraft(key: string, text: string): void {
  if (text) drafts.set(key, text);
  else drafts.delete(key);
}
