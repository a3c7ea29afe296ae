import { describe, expect, it } from 'vitest';
import { hostileStrings } from '../../../../test/hostile';
import { AppError } from '../../../platform/errors';
import { parseSearchQuery } from './search-query';
import { buildSnippet } from './search-snippet';

function refusal(q: string): string {
  try {
    parseSearchQuery(q);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION_FAILED');
    return (err as AppError).message;
  }
  throw new Error(`expected ${q} to be refused`);
}

describe('search query parser', () => {
  it('reads free words, quoted phrases and every filter', () => {
    const p = parseSearchQuery('deploy "release notes" from:@ada from:me in:#ops in:@bob before:2024-03-01 after:2024-01-31 has:link is:thread');
    expect(p).toEqual({
      words: ['deploy'],
      phrases: ['release notes'],
      from: ['ada', 'me'],
      in: [
        { kind: 'channel', name: 'ops' },
        { kind: 'person', name: 'bob' },
      ],
      before: '2024-03-01',
      after: '2024-01-31',
      hasLink: true,
      isThread: true,
    });
  });

  it('keeps unknown key:value tokens, bare colons and empty filters as plain words', () => {
    expect(parseSearchQuery('foo:bar http://x.io from: :x').words).toEqual(['foo:bar', 'http://x.io', 'from:', ':x']);
  });

  it('takes quoted filter values whole and reads an unclosed quote to the end', () => {
    expect(parseSearchQuery('from:"Ada Lovelace" in:"#ops"').from).toEqual(['Ada Lovelace']);
    expect(parseSearchQuery('from:"Ada Lovelace" in:"#ops"').in).toEqual([{ kind: 'channel', name: 'ops' }]);
    expect(parseSearchQuery('"half open phrase').phrases).toEqual(['half open phrase']);
  });

  it('accepts a query made of filters only, and is case-insensitive about keys', () => {
    expect(parseSearchQuery('HAS:link').hasLink).toBe(true);
    expect(parseSearchQuery('in:general').in).toEqual([{ kind: 'channel', name: 'general' }]);
  });

  it('refuses bad filter values, naming the filter and the value', () => {
    expect(refusal('before:yesterday')).toBe('before: expects a date as YYYY-MM-DD, got "yesterday"');
    expect(refusal('after:2024-02-30')).toContain('after: expects a date');
    expect(refusal('has:file')).toBe('has: only "has:link" is supported, got "has:file"');
    expect(refusal('is:pinned')).toContain('is: only "is:thread"');
  });

  it('parses every hostile string, or refuses it as bad input, and its snippet keeps the text as it is', () => {
    for (const s of hostileStrings()) {
      try {
        const parsed = parseSearchQuery(s);
        const parts = buildSnippet(s, [...parsed.words, ...parsed.phrases], 10_000);
        expect(parts.map((p) => p.text).join(''), JSON.stringify(s)).toBe(s);
      } catch (err) {
        expect((err as AppError).code, JSON.stringify(s)).toBe('VALIDATION_FAILED');
      }
    }
  });

  it('refuses a query with nothing to search for, or too many terms', () => {
    expect(refusal('""  ')).toContain('Nothing to search for');
    expect(refusal(Array.from({ length: 21 }, (_, i) => `w${i}`).join(' '))).toContain('at most 20');
  });
});

describe('search snippets', () => {
  it('splits the body into highlighted and plain parts, case-insensitively and inside words', () => {
    expect(buildSnippet('The Deployment went fine; deploy again?', ['deploy'])).toEqual([
      { text: 'The ', highlight: false },
      { text: 'Deploy', highlight: true },
      { text: 'ment went fine; ', highlight: false },
      { text: 'deploy', highlight: true },
      { text: ' again?', highlight: false },
    ]);
  });

  it('returns markup as text, never interpreting it', () => {
    const parts = buildSnippet('<script>alert(1)</script> deploy', ['script']);
    expect(parts.map((p) => p.text).join('')).toBe('<script>alert(1)</script> deploy');
    expect(parts.filter((p) => p.highlight).map((p) => p.text)).toEqual(['script', 'script']);
  });

  it('cuts long bodies around the first match with ellipses, never inside a surrogate pair', () => {
    const body = `${'😀'.repeat(150)} needle ${'x'.repeat(500)}`;
    const parts = buildSnippet(body, ['needle'], 100);
    const text = parts.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.isWellFormed()).toBe(true);
    expect(parts.find((p) => p.highlight)?.text).toBe('needle');
  });

  it('takes terms literally, whatever characters they hold', () => {
    const parts = buildSnippet('a -1 b /x/ c (d) e [f]', ['-1', '/x/', '(d)', '[f]', '.*']);
    expect(parts.filter((p) => p.highlight).map((p) => p.text)).toEqual(['-1', '/x/', '(d)', '[f]']);
  });

  it('shows the start of the body when only filters matched', () => {
    expect(buildSnippet('hello there', [])).toEqual([{ text: 'hello there', highlight: false }]);
  });
});
