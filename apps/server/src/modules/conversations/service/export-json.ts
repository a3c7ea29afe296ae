import type { ChatExport } from '@aio/contracts';
import type { ExportStep } from './export-walk';

export type ExportHead = Omit<ChatExport, 'conversations'>;

/** Writes `{ …head, "conversations": [{ …, "messages": [ … ] }] }` piece by piece, never holding the whole document. */
export async function* jsonChunks(head: ExportHead, steps: AsyncIterable<ExportStep>): AsyncGenerator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"conversations":[`;
  let conversations = 0;
  let messages = 0;
  for await (const step of steps) {
    if (step.type === 'conversation') {
      yield `${conversations++ > 0 ? ',' : ''}${JSON.stringify(step.conversation).slice(0, -1)},"messages":[`;
      messages = 0;
    } else if (step.type === 'messages') {
      const items = step.groups.flat().map((m) => JSON.stringify(m));
      yield `${messages > 0 ? ',' : ''}${items.join(',')}`;
      messages += items.length;
    } else {
      yield ']}';
    }
  }
  yield ']}\n';
}
