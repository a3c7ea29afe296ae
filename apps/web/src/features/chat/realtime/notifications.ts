import type { Conversation, Message } from '@aio/contracts';
import { useState } from 'react';
import { markdownToPlainText } from '../markdown/render-markdown';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * A desktop notification for a mention or a DM, only while the tab is hidden
 * (when it is visible the unread badge says enough) and only once the person
 * granted permission from the button in the sidebar.
 */
export function notifyMessage(conversation: Conversation, message: Message, open: () => void): void {
  if (!supported() || Notification.permission !== 'granted' || !document.hidden) return;
  const where = conversation.kind === 'direct' ? '' : ` in #${conversation.name ?? ''}`;
  const notification = new Notification(`${message.author.name}${where}`, {
    body: markdownToPlainText(message.body).slice(0, 200),
    tag: message.id,
  });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}

/** Permission state and a request function; the request must come from a click, never on load. */
export function useNotificationPermission() {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    supported() ? Notification.permission : 'unsupported',
  );
  const request = async () => {
    if (!supported()) return;
    setPermission(await Notification.requestPermission());
  };
  return { permission, request };
}
