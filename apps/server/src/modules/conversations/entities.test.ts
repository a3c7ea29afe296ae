import { describe, expect, it } from 'vitest';
import { hostileStrings } from '../../../test/hostile';
import { buildMentionDirectory, codeSpans, parseEntities } from './entities';

const directory = buildMentionDirectory([
  { userId: 'u-ada', name: 'Ada', email: 'ada.lovelace@example.com' },
  { userId: 'u-grace', name: 'Grace Hopper', email: 'grace@example.com' },
  { userId: 'u-alan1', name: 'Alan', email: 'alan.one@example.com' },
  { userId: 'u-alan2', name: 'alan', email: 'alan.two@example.com' },
  { userId: 'u-zoe', name: 'Zoë', email: 'zoe@example.com' },
]);
const inChannel = (body: string) => parseEntities(body, directory, { allowBroadcast: true });
const textAt = (body: string, e: { offset: number; length: number }) => body.slice(e.offset, e.offset + e.length);

describe('mentions', () => {
  it('resolves @name by display name (any case), @[Full Name] and the e-mail local part', () => {
    const body = 'hi @ADA and @[grace hopper], cc @ada.lovelace and @grace';
    const { mentions } = inChannel(body);
    expect(mentions.map((m) => [m.userId, textAt(body, m)])).toEqual([
      ['u-ada', '@ADA'],
      ['u-grace', '@[grace hopper]'],
      ['u-ada', '@ada.lovelace'],
      ['u-grace', '@grace'],
    ]);
  });

  it('drops trailing punctuation, and ignores e-mail addresses and unknown or ambiguous names', () => {
    const body = 'thanks @ada. mail ada@example.com; @nobody; @alan is ambiguous, @alan.two is not';
    const { mentions } = inChannel(body);
    expect(mentions.map((m) => [m.userId, textAt(body, m)])).toEqual([
      ['u-ada', '@ada'],
      ['u-alan2', '@alan.two'],
    ]);
  });

  it('knows @channel and @here only where broadcasting is allowed', () => {
    expect(inChannel('@channel and @HERE!').mentions.map((m) => m.kind)).toEqual(['channel', 'here']);
    expect(parseEntities('@channel and @here', directory, { allowBroadcast: false }).mentions).toEqual([]);
  });

  it('measures offsets in UTF-16 code units, after emoji and combining marks', () => {
    const body = '👩‍👩‍👧 e\u0301 @Zoë 🎉 https://example.com/ü';
    const { mentions, links } = inChannel(body);
    expect(textAt(body, mentions[0]!)).toBe('@Zoë');
    expect(textAt(body, links[0]!)).toBe('https://example.com/ü');
  });

  it('ignores mentions and links inside inline code and fenced blocks', () => {
    const body = 'see `@ada https://a.example` and\n```\n@grace www.b.example\n```\nbut @grace';
    const { mentions, links } = inChannel(body);
    expect(mentions.map((m) => m.userId)).toEqual(['u-grace']);
    expect(mentions[0]!.offset).toBe(body.lastIndexOf('@grace'));
    expect(links).toEqual([]);
  });
});

describe('links', () => {
  it('finds http(s) URLs and bare www. addresses, trimming punctuation and unbalanced brackets', () => {
    const body = 'Go to https://example.com/a_(b), (see www.example.org/x). Or **http://x.io/p?q=1&r=2**! Not ftp://no.example or javascript:alert(1)';
    const { links } = inChannel(body);
    expect(links.map((l) => [l.url, textAt(body, l)])).toEqual([
      ['https://example.com/a_(b)', 'https://example.com/a_(b)'],
      ['https://www.example.org/x', 'www.example.org/x'],
      ['http://x.io/p?q=1&r=2', 'http://x.io/p?q=1&r=2'],
    ]);
  });

  it('ignores scheme-only and glued URLs', () => {
    expect(inChannel('https:// and xhttps://a.example and www. alone').links).toEqual([]);
  });
});

describe('hostile input', () => {
  it('parses every hostile string without throwing, with entities that point inside the body', () => {
    for (const s of hostileStrings()) {
      const body = `${s} @ada ${s} https://example.com/${s}`;
      const { mentions, links } = inChannel(body);
      for (const e of [...mentions, ...links]) {
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset + e.length).toBeLessThanOrEqual(body.length);
      }
    }
  });

  it('stays linear on pathological bodies: many mentions, backticks and unclosed fences', () => {
    const bodies = ['@a'.repeat(20_000), '`'.repeat(40_000), '```x'.repeat(10_000), 'www.'.repeat(10_000), `https://${'('.repeat(39_000)}`];
    const started = performance.now();
    for (const body of bodies) {
      const { mentions, links } = inChannel(body);
      expect(mentions.length + links.length).toBeLessThanOrEqual(200);
    }
    expect(codeSpans('```a```b`c`').length).toBe(2);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
