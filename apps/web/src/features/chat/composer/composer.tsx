import type { Conversation } from '@aio/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type RefObject } from 'react';
import { useMembers } from '../../members/api';
import { useChat } from '../chat-context';
import { replaceShortNames } from '../emoji/emoji-data';
import { Markdown } from '../markdown/markdown';
import { ComposerToolbar } from './composer-toolbar';
import { draftKey } from './drafts';
import { insertAtCaret, wrapSelection } from './format-text';
import { MentionMenu, mentionOptionId } from './mention-menu';
import { sendMessage } from './send-message';
import { useAutosize } from './use-autosize';
import { useComposerText } from './use-composer-text';
import { useMentionAutocomplete } from './use-mention-autocomplete';

interface ComposerProps {
  conversation: Conversation;
  threadRootId: string | null;
  placeholder: string;
  /** ↑ in an empty composer: edit my last message here. */
  onEditLast?: () => void;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
}

/**
 * Message input: Enter sends, Shift+Enter adds a line, @ opens the mention
 * menu, the eye toggles a formatted preview. Sending is optimistic (see
 * send-message.ts); the draft survives switching conversations.
 */
export function Composer({ conversation, threadRootId, placeholder, onEditLast, inputRef, autoFocus }: ComposerProps) {
  const { workspaceId, connection } = useChat();
  const qc = useQueryClient();
  const { data: members = [] } = useMembers(workspaceId);
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = inputRef ?? ownRef;
  const { text, replace: replaceText, track, trackCaret } = useComposerText(draftKey(conversation.id, threadRootId), ref);
  const [preview, setPreview] = useState(false);
  const [alsoToChannel, setAlsoToChannel] = useState(false);
  const menuId = useId();
  const mention = useMentionAutocomplete(members, conversation.kind === 'channel', text);
  useAutosize(ref, text.value);

  const canSend = text.value.trim().length > 0;
  function send() {
    if (!canSend) return;
    const body = replaceShortNames(text.value).replace(/\s+$/, '');
    sendMessage(qc, { workspaceId, conversationId: conversation.id, threadRootId, body, alsoSendToChannel: alsoToChannel });
    replaceText({ value: '', caret: 0 });
    setPreview(false);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    const handled = mention.onKeyDown(e);
    if (handled && handled !== 'handled') return replaceText(handled);
    if (handled) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === 'ArrowUp' && !e.altKey && text.value === '' && onEditLast) {
      e.preventDefault();
      onEditLast();
    }
  }

  function onChange(e: React.ChangeEvent<HTMLTextAreaElement>) {
    track(e.target.value, e.target.selectionStart);
    if (e.target.value) connection?.sendTyping(conversation.id, threadRootId);
  }

  const menuOpen = mention.options.length > 0 && !preview;
  return (
    <div className="relative px-5 pb-1">
      {menuOpen && (
        <MentionMenu
          id={menuId}
          options={mention.options}
          activeIndex={mention.activeIndex}
          onHover={mention.setActive}
          onChoose={(option) => replaceText(mention.insert(option))}
        />
      )}
      <div className="rounded-xl border border-input bg-surface shadow-xs transition-colors focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30">
        {preview ? (
          <ComposerPreview text={text.value} />
        ) : (
          <textarea
            ref={ref}
            rows={1}
            data-composer={threadRootId ? 'thread' : 'conversation'}
            value={text.value}
            autoFocus={autoFocus}
            aria-label={placeholder}
            placeholder={placeholder}
            aria-autocomplete="list"
            aria-controls={menuOpen ? menuId : undefined}
            aria-activedescendant={menuOpen ? mentionOptionId(menuId, mention.activeIndex) : undefined}
            onChange={onChange}
            onSelect={(e) => trackCaret(e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            className="block max-h-60 w-full resize-none bg-transparent px-3 pt-2.5 pb-1 text-[15px] leading-relaxed placeholder:text-muted/80 focus:outline-none"
          />
        )}
        <ComposerToolbar
          preview={preview}
          onTogglePreview={() => setPreview((p) => !p)}
          onFormat={(marker) => ref.current && replaceText(wrapSelection(ref.current, marker))}
          onEmoji={(emoji) => ref.current && replaceText(insertAtCaret(ref.current, emoji))}
          canSend={canSend}
          onSend={send}
        >
          {threadRootId && conversation.kind === 'channel' && (
            <AlsoSendToChannel channelName={conversation.name ?? ''} checked={alsoToChannel} onChange={setAlsoToChannel} />
          )}
        </ComposerToolbar>
      </div>
    </div>
  );
}

function ComposerPreview({ text }: { text: string }) {
  return (
    <div className="max-h-60 min-h-[44px] overflow-y-auto px-3 py-2.5" aria-label="Preview" role="region">
      {text.trim() ? <Markdown body={text} /> : <p className="text-sm text-muted">Nothing to preview.</p>}
    </div>
  );
}

/** A thread reply can also be posted in the channel (Slack's "Also send to #channel"). */
function AlsoSendToChannel({ channelName, checked, onChange }: { channelName: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="ml-2 flex items-center gap-1.5 text-xs text-muted select-none">
      <input type="checkbox" className="size-3.5 accent-primary" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      Also send to #{channelName}
    </label>
  );
}
