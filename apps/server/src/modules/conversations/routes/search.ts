import { ErrorBody, SearchQuery, SearchResults, WorkspaceParams } from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceCtx } from '../../../platform/http/request-context';
import { SEARCH_TOTAL_CAP, searchMessages } from '../service/search';

const description = [
  'Free words must all match, as words or parts of words ("ploym" finds "deployment"); "quoted phrases" match as written.',
  'Filters: `from:@name` (display name or e-mail local part; `from:me`), `in:#channel`, `in:@person` (your direct messages with them),',
  '`before:YYYY-MM-DD`, `after:YYYY-MM-DD` (UTC days), `has:link`, `is:thread`. Other `x:y` tokens are plain words.',
  `Best matches first, newest first among equals. \`total\` counts up to ${SEARCH_TOTAL_CAP}.`,
  'Snippets are plain-text parts: render `highlight` parts with your own element, never as HTML.',
].join(' ');

/** Under /workspaces/:workspaceId, behind the membership hook. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search the messages I can read',
        description,
        params: WorkspaceParams,
        querystring: SearchQuery,
        response: { 200: SearchResults, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => searchMessages(workspaceCtx(req), req.query),
  );
};
