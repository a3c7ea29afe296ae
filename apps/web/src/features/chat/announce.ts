import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { timelineQuery } from './api/messages-api';
import { markdownToPlainText } from './markdown/render-markdown';

/**
 * Text for a polite live region: the newest message from someone else, once,
 * when it arrives. The list itself is not a live region: virtual rows mounting
 * while scrolling would all be read out.
 */
export function useNewMessageAnnouncement(workspaceId: string, conversationId: string, meId: string): string {
  const { data: timeline } = useQuery(timelineQuery(workspaceId, conversationId));
  const last = timeline?.hasMoreAfter ? undefined : timeline?.items[timeline.items.length - 1];
  const [text, setText] = useState('');
  const newestSeen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!last) return;
    const previous = newestSeen.current;
    if (previous !== undefined && last.seq <= previous) return;
    newestSeen.current = last.seq;
    // The first window loaded is history, not news.
    if (previous === undefined || last.author.id === meId || last.deletedAt) return;
    setText(`${last.author.name}: ${markdownToPlainText(last.body).slice(0, 160)}`);
  }, [last, meId]);
  return text;
}
