import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { errorMessage, isApiError } from '../../lib/api';
import { Alert } from '../../ui/alert';
import { Spinner } from '../../ui/feedback';
import { useConversation } from './api/conversations-api';
import { ChatProvider } from './chat-provider';
import { ConversationPane } from './conversation-pane';
import { ThreadPanel } from './thread/thread-panel';

interface ChatParams {
  workspaceId: string;
  conversationId: string;
  threadRootId?: string;
}

/** /w/:workspaceId/c/:conversationId[/t/:threadRootId]: a conversation, with a thread beside it when one is open. */
export function ChatPage() {
  const { workspaceId, conversationId, threadRootId } = useParams({ strict: false }) as ChatParams;
  const { at } = useSearch({ strict: false }) as { at?: number };
  const navigate = useNavigate();
  const { data: conversation, error } = useConversation(workspaceId, conversationId);

  const clearJump = useCallback(
    () => void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, at: undefined }), replace: true }),
    [navigate],
  );

  if (error) {
    const gone = isApiError(error, 'NOT_FOUND');
    return (
      <Alert tone={gone ? 'info' : 'danger'} className="m-6" title={gone ? 'Conversation not found' : 'Could not open the conversation'}>
        {gone ? 'It may have been deleted, or it is private and you are not in it.' : errorMessage(error)}
      </Alert>
    );
  }
  if (!conversation) return <Spinner label="Opening conversation" />;
  return (
    <ChatProvider workspaceId={workspaceId}>
      <div className="flex h-full min-h-0">
        <ConversationPane key={conversation.id} conversation={conversation} jumpSeq={at} onJumpDone={clearJump} threadOpen={!!threadRootId} />
        {threadRootId && <ThreadPanel key={threadRootId} conversation={conversation} rootId={threadRootId} />}
      </div>
    </ChatProvider>
  );
}
