import { workspaceApiBase } from '../../workspaces/api';

const enc = encodeURIComponent;

/** REST paths of team chat (routes under /api/v1/workspaces/:workspaceId). */
export const chatPaths = {
  conversations: (ws: string) => `${workspaceApiBase(ws)}/conversations`,
  conversation: (ws: string, cid: string) => `${chatPaths.conversations(ws)}/${enc(cid)}`,
  messages: (ws: string, cid: string) => `${chatPaths.conversation(ws, cid)}/messages`,
  message: (ws: string, mid: string) => `${workspaceApiBase(ws)}/messages/${enc(mid)}`,
  bookmarks: (ws: string) => `${workspaceApiBase(ws)}/bookmarks`,
  readState: (ws: string) => `${workspaceApiBase(ws)}/read-state`,
  presence: (ws: string) => `${workspaceApiBase(ws)}/presence`,
  status: (ws: string) => `${workspaceApiBase(ws)}/status`,
  search: (ws: string) => `${workspaceApiBase(ws)}/search`,
};
