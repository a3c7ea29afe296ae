import { Readable } from 'node:stream';
import { ConversationParams, ErrorBody, ExportQuery, WorkspaceParams } from '@aio/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceCtx } from '../../../platform/http/request-context';
import { type ExportDocument, exportConversation, exportWorkspace } from '../service/export';

const tags = ['export'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const description =
  'A download. `format=json` (default) is the versioned `ChatExport` document (`{ format: "aio-chat-export", version: 1, … }`); ' +
  '`format=html` is one standalone, script-free page. Streamed as it is produced.';

/** Checks ran before the first byte, so a refusal is a normal error response; the body then streams. */
function sendDocument(reply: FastifyReply, doc: ExportDocument) {
  const encoded = encodeURIComponent(doc.filename);
  return reply
    .header('content-type', doc.contentType)
    .header('content-disposition', `attachment; filename="${doc.filename}"; filename*=UTF-8''${encoded}`)
    .header('cache-control', 'no-store')
    .send(Readable.from(doc.chunks));
}

/** Under /workspaces/:workspaceId, behind the membership hook. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    { schema: { tags, summary: 'Export the whole workspace (owners, admins; audited)', description, params: WorkspaceParams, querystring: ExportQuery, response: errors } },
    async (req, reply) => sendDocument(reply, await exportWorkspace(workspaceCtx(req), { format: req.query.format })),
  );
  app.get(
    '/conversations/:conversationId/export',
    { schema: { tags, summary: 'Export one conversation (anyone who can read it)', description, params: ConversationParams, querystring: ExportQuery, response: errors } },
    async (req, reply) => sendDocument(reply, await exportConversation(workspaceCtx(req), req.params.conversationId, { format: req.query.format })),
  );
};
