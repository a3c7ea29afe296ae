import { describe, expect, it } from 'vitest';
import { convertSlackText, type SlackNames } from './import-slack-markup';
import { compareTs, type PrepareContext, prepareSlackMessage, tsToDate } from './import-slack-messages';

const names: SlackNames = {
  user: (id) => ({ U1: { userId: 'user-1', name: 'Ada' }, U2: { userId: 'user-2', name: 'Grace Hopper' } })[id],
  channel: (id) => (id === 'C1' ? 'general' : undefined),
};

describe('Slack markup conversion', () => {
  it('turns user references into mentions with entities pointing at our users', () => {
    const out = convertSlackText('hi <@U1> and <@U2|grace>!', names, { allowBroadcast: true });
    expect(out.body).toBe('hi @Ada and @[Grace Hopper]!');
    expect(out.entities.mentions).toEqual([
      { kind: 'user', userId: 'user-1', offset: 3, length: 4 },
      { kind: 'user', userId: 'user-2', offset: 12, length: 15 },
    ]);
  });

  it('converts channels, links, broadcasts and entities, and unescapes &lt; &gt; &amp;', () => {
    const out = convertSlackText('see <#C1|general>, <https://x.io/a?b=1&amp;c=2|the docs> and <https://y.io> &lt;b&gt; &amp; <!here>', names, { allowBroadcast: true });
    expect(out.body).toBe('see #general, [the docs](https://x.io/a?b=1&c=2) and https://y.io <b> & @here');
    expect(out.entities.links.map((l) => l.url)).toEqual(['https://x.io/a?b=1&c=2', 'https://y.io']);
    expect(out.entities.mentions).toEqual([{ kind: 'here', offset: out.body.indexOf('@here'), length: 5 }]);
  });

  it('keeps unknown references readable and makes labels safe for Markdown', () => {
    const out = convertSlackText('<@U9|zed> <#C9> <mailto:a@b.io|a@b.io> <https://x.io|[a] b>', names, { allowBroadcast: false });
    expect(out.body).toBe('@zed #C9 a@b.io [\\[a\\] b](https://x.io)');
    expect(out.entities.mentions).toEqual([]);
  });
});

describe('Slack message preparation', () => {
  const ctx: PrepareContext = {
    names,
    userIdOf: (id) => names.user(id)?.userId ?? undefined,
    botName: (id) => (id === 'B1' ? 'github' : undefined),
    allowBroadcast: true,
  };

  it('orders timestamps exactly and keeps milliseconds', () => {
    expect(compareTs('1452837352.000006', '1452837352.000010')).toBeLessThan(0);
    expect(compareTs('1452837353.0', '1452837352.999999')).toBeGreaterThan(0);
    expect(tsToDate('1452837352.123456').toISOString()).toBe('2016-01-15T05:55:52.123Z');
  });

  it('authors bot posts as system with the bot name and keeps attachment text', () => {
    const m = prepareSlackMessage(
      { ts: '1.0', text: '', subtype: 'bot_message', bot_id: 'B1', attachments: [{ pretext: 'New commit', text: '<https://gh.io/c|abc>: fix', fallback: 'ignored' }] },
      ctx,
    );
    expect(m).toMatchObject({ author: { type: 'system', name: 'github' }, body: 'New commit\n[abc](https://gh.io/c): fix' });
  });

  it('skips notices with a reason and reads threads, broadcasts and reactions', () => {
    expect(prepareSlackMessage({ ts: '1.0', text: '<@U1> has joined', subtype: 'channel_join', user: 'U1' }, ctx)).toEqual({ skip: 'join/leave notice' });
    expect(prepareSlackMessage({ ts: '1.0', text: 'who?', user: 'U404' }, ctx)).toEqual({ skip: 'unknown author' });
    const reply = prepareSlackMessage(
      { ts: '2.0', thread_ts: '1.0', reply_broadcast: true, text: 'yes', user: 'U1', reactions: [{ name: 'thumbsup::skin-tone-2', users: ['U2', 'U404'] }] },
      ctx,
    );
    expect(reply).toMatchObject({ threadTs: '1.0', alsoInChannel: true, reactions: [{ emoji: ':thumbsup:', userIds: ['user-2'] }] });
  });
});
