import { expect, type Page, test } from '@playwright/test';
import { createTeam, openChannel, sendMany, shot, switchToDarkTheme, type Team } from './chat-fixtures';

/** The row of the message whose text contains `text`. */
const row = (page: Page, text: string) => page.locator('[data-message-id]').filter({ hasText: text });

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: /^Message #/ });
  await composer.fill(text);
  await composer.press('Enter');
}

test.describe('team chat', () => {
  let team: Team;
  let ada: Page;
  let max: Page;
  const errors: string[] = [];

  test.beforeAll(async ({ browser, baseURL }) => {
    team = await createTeam(browser, baseURL!, ['Ada Lovelace', 'Max Member']);
    ada = await openChannel(team.owner, team);
    max = await openChannel(team.member, team);
    for (const page of [ada, max]) page.on('pageerror', (e) => errors.push(e.message));
  });

  test.afterAll(async () => {
    await team.owner.context.close();
    await team.member.context.close();
  });

  test('two people see each other’s messages, typing and reactions live', async () => {
    await send(ada, 'Hello **team**, welcome to `#general`');
    await expect(row(max, 'Hello team')).toBeVisible();
    await expect(row(max, 'Hello team').locator('strong')).toHaveText('team');

    await max.getByRole('textbox', { name: /^Message #/ }).pressSequentially('Typing a reply', { delay: 20 });
    await expect(ada.getByTestId('typing-indicator')).toHaveText(/Max Member is typing/);
    await max.getByRole('textbox', { name: /^Message #/ }).fill('');

    const composer = max.getByRole('textbox', { name: /^Message #/ });
    await composer.pressSequentially('Thanks @Ad', { delay: 20 });
    await expect(max.getByRole('option', { name: /Ada Lovelace/ })).toBeVisible();
    await composer.press('Enter');
    await composer.pressSequentially('glad to be here');
    await composer.press('Enter');
    const reply = row(ada, 'glad to be here');
    await expect(reply).toBeVisible();
    await expect(reply.locator('[data-mention="user"]')).toHaveText('@Ada Lovelace');

    await reply.hover();
    await reply.getByRole('button', { name: 'Add reaction' }).first().click();
    await ada.getByRole('button', { name: ':tada:' }).click();
    await expect(row(max, 'glad to be here').getByRole('button', { name: /🎉 1/ })).toBeVisible();
    await shot(ada, 'conversation-light');
    await expect(errors).toEqual([]);
  });

  test('a thread reply shows in the thread and as a summary in the channel', async () => {
    const root = row(max, 'Hello team');
    await root.hover();
    await root.getByRole('button', { name: 'Reply in thread' }).click();
    const thread = max.getByRole('complementary', { name: 'Thread' });
    await expect(thread).toBeVisible();
    await thread.getByRole('textbox', { name: 'Reply…' }).fill('A reply in the thread');
    await thread.getByRole('textbox', { name: 'Reply…' }).press('Enter');
    await expect(thread.getByText('A reply in the thread')).toBeVisible();

    const summary = row(ada, 'Hello team').getByRole('button', { name: /1 reply/ });
    await expect(summary).toBeVisible();
    await summary.click();
    await expect(ada.getByRole('complementary', { name: 'Thread' }).getByText('A reply in the thread')).toBeVisible();
    await shot(ada, 'thread-light');
    await ada.getByRole('button', { name: 'Close thread' }).click();
    await expect(ada.getByRole('complementary', { name: 'Thread' })).toHaveCount(0);
  });

  test('editing and deleting reach the other person live', async () => {
    await send(ada, 'This has a typo');
    await expect(row(max, 'This has a typo')).toBeVisible();
    const composer = ada.getByRole('textbox', { name: /^Message #/ });
    await composer.press('ArrowUp');
    const editor = ada.getByRole('textbox', { name: 'Edit message' });
    await editor.fill('This is fixed');
    await editor.press('Enter');
    await expect(row(max, 'This is fixed')).toContainText('(edited)');

    const mine = row(ada, 'This is fixed');
    await mine.hover();
    await mine.getByRole('button', { name: 'More actions' }).click();
    await ada.getByRole('menuitem', { name: 'Delete message' }).click();
    await ada.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(max.getByText('This message was deleted.')).toBeVisible();
    await expect(row(max, 'This is fixed')).toHaveCount(0);
  });

  test('a message sent while offline shows at once, then goes out exactly once when back online', async () => {
    await team.owner.context.setOffline(true);
    await send(ada, 'Written on the train');
    await expect(ada.locator('[data-pending]').filter({ hasText: 'Written on the train' })).toBeVisible();
    await ada.waitForTimeout(1_500);
    await team.owner.context.setOffline(false);
    await expect(row(ada, 'Written on the train')).toBeVisible();
    await expect(ada.locator('[data-pending]')).toHaveCount(0);
    await expect(row(max, 'Written on the train')).toHaveCount(1);
  });

  test('channels and DMs: create, browse and join, live unread badges, quick switcher, pins', async () => {
    await ada.getByRole('link', { name: 'Home' }).click();
    await expect(ada.getByTestId('team-chat-area')).toContainText('#general');
    await shot(ada, 'home-light');

    await ada.getByRole('button', { name: 'Add channels' }).click();
    await ada.getByRole('menuitem', { name: 'Create a channel' }).click();
    const create = ada.getByRole('dialog', { name: 'Create a channel' });
    await create.getByLabel('Name').fill('Design Team');
    await expect(create.getByLabel('Name')).toHaveValue('design-team');
    await create.getByLabel('Topic (optional)').fill('Pixels and type');
    await shot(ada, 'create-channel-light');
    await create.getByRole('button', { name: 'Create channel' }).click();
    await expect(ada.getByRole('heading', { level: 1 })).toContainText('design-team');

    await max.getByRole('button', { name: 'Add channels' }).click();
    await max.getByRole('menuitem', { name: 'Browse channels' }).click();
    const browse = max.getByRole('dialog', { name: 'Browse channels' });
    await expect(browse.getByText('#design-team')).toBeVisible();
    await shot(max, 'browse-light');
    await browse.getByRole('button', { name: 'Join' }).click();
    await expect(max.getByRole('textbox', { name: 'Message #design-team' })).toBeVisible();
    await max.getByRole('link', { name: /^#general/ }).click();
    await expect(max.getByRole('textbox', { name: 'Message #general' })).toBeVisible();

    const composer = ada.getByRole('textbox', { name: 'Message #design-team' });
    await composer.pressSequentially('Could you review this, @Ma', { delay: 20 });
    await composer.press('Tab');
    await composer.pressSequentially('?');
    await composer.press('Enter');
    const designLink = max.getByRole('link', { name: /^#design-team, unread, 1 mention/ });
    await expect(designLink).toBeVisible();
    await shot(max, 'unread-light');

    await max.keyboard.press('Control+k');
    await max.getByRole('combobox', { name: 'Conversation name' }).fill('dsgn');
    await max.keyboard.press('Enter');
    await expect(max.getByRole('textbox', { name: 'Message #design-team' })).toBeVisible();
    await expect(max.getByRole('link', { name: /^#design-team$/ })).toBeVisible();
    await max.keyboard.press('Alt+ArrowDown');
    await expect(max.getByRole('textbox', { name: 'Message #general' })).toBeVisible();

    await ada.getByRole('button', { name: 'New direct message' }).click();
    await ada.getByRole('dialog', { name: 'New message' }).getByRole('option', { name: /Max Member/ }).click();
    await ada.getByRole('button', { name: 'Start conversation' }).click();
    const dm = ada.getByRole('textbox', { name: 'Message Max Member' });
    await dm.fill('Just between us');
    await dm.press('Enter');
    await expect(max.getByRole('link', { name: /^Ada Lovelace, unread, 1 new/ })).toBeVisible();
    await expect(max.getByRole('link', { name: /^Ada Lovelace/ }).locator('[data-presence]')).toBeVisible();

    await ada.getByRole('link', { name: /^#design-team/ }).click();
    const review = row(ada, 'Could you review this');
    await review.hover();
    await review.getByRole('button', { name: 'More actions' }).click();
    await ada.getByRole('menuitem', { name: 'Pin to channel' }).click();
    await expect(review.getByText('Pinned')).toBeVisible();
    await ada.getByRole('button', { name: 'Pinned messages' }).click();
    await expect(ada.getByRole('dialog').getByText('Could you review this')).toBeVisible();
    await shot(ada, 'pins-light');
    await ada.keyboard.press('Escape');

    await review.hover();
    await review.getByRole('button', { name: 'Save for later' }).click();
    await ada.getByRole('button', { name: 'Saved for later' }).click();
    await expect(ada.getByRole('dialog', { name: 'Saved for later' }).getByText('Could you review this')).toBeVisible();
    await ada.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  test('search finds an old message and jumps to it', async () => {
    for (const page of [ada, max]) await page.getByRole('link', { name: /^#general/ }).click();
    await send(ada, 'The launch codeword is marmalade');
    await expect(row(ada, 'marmalade')).toBeVisible();
    const filler = Array.from({ length: 150 }, (_, i) => `Filler message number ${i + 1}`);
    expect(await sendMany(ada, team.workspaceId, team.channelId, filler)).toBe(150);
    await expect(row(max, 'Filler message number 150')).toBeVisible();
    await expect(row(max, 'marmalade')).toHaveCount(0);

    await max.getByRole('button', { name: 'Search messages' }).click();
    await max.getByRole('searchbox', { name: 'Search' }).fill('marmalade');
    const result = max.getByTestId('search-result').first();
    await expect(result.locator('mark')).toHaveText(/marmalade/i);
    await shot(max, 'search-light');
    await result.click();
    await expect(row(max, 'marmalade')).toBeInViewport();
    await shot(max, 'search-jump-light');

    await switchToDarkTheme(max);
    await expect(row(max, 'Filler message number 150')).toBeVisible();
    await shot(max, 'conversation-dark');
    expect(errors).toEqual([]);
  });
});
