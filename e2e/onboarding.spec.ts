import { expect, type Page, test } from '@playwright/test';
import { waitForMail } from '../apps/server/test/outbox';

const dataDir = () => process.env.E2E_DATA_DIR!;
const shot = (page: Page, name: string) => page.screenshot({ path: `artifacts/e2e/${name}.png`, fullPage: true });
const stamp = Date.now().toString(36);

async function signUpAndVerify(page: Page, name: string, email: string, from = '/sign-up') {
  await page.goto(from);
  await page.getByLabel('Full name').fill(name);
  const emailField = page.getByLabel('E-mail');
  if (await emailField.isEditable()) await emailField.fill(email);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/verify-email**');
  const mail = await waitForMail(dataDir(), email, { subject: /confirm/i });
  await page.goto(mail.links[0]!);
}

test('a new user signs up, verifies, creates a workspace and invites a second user who joins', async ({ browser }) => {
  const owner = await browser.newPage();
  const errors: string[] = [];
  owner.on('pageerror', (e) => errors.push(e.message));

  const ownerEmail = `olivia-${stamp}@example.com`;
  await signUpAndVerify(owner, 'Olivia Owner', ownerEmail);
  await owner.waitForURL('**/new-workspace');
  await shot(owner, '01-new-workspace');

  await owner.getByLabel(/Workspace name/i).fill('Northwind Support');
  await owner.getByRole('button', { name: /Create workspace/i }).click();
  await owner.waitForURL(/\/w\/[^/]+$/);
  await expect(owner.getByText('Northwind Support').first()).toBeVisible();
  await shot(owner, '02-workspace-home');

  await owner.getByRole('link', { name: 'Members' }).first().click();
  const guestEmail = `gus-${stamp}@example.com`;
  await owner.getByLabel('E-mail address').fill(guestEmail);
  await owner.getByLabel('Role', { exact: true }).selectOption('member');
  await owner.getByRole('button', { name: 'Send invite' }).click();
  await expect(owner.getByText(`Invitation sent to ${guestEmail}`)).toBeVisible();
  await shot(owner, '03-invite-sent');

  const invite = await waitForMail(dataDir(), guestEmail, { subject: /invited you/ });
  const inviteUrl = invite.links[0]!;

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  guest.on('pageerror', (e) => errors.push(e.message));
  await guest.goto(inviteUrl);
  await expect(guest.getByText('Northwind Support').first()).toBeVisible();
  await shot(guest, '04-invite-preview');
  await guest.getByRole('link', { name: 'Create an account' }).click();
  await signUpAndVerify(guest, 'Gus Guest', guestEmail, guest.url());
  await guest.getByRole('button', { name: 'Accept invite' }).click();
  await guest.waitForURL(/\/w\/[^/]+$/);
  await shot(guest, '05-guest-joined');

  await owner.reload();
  await expect(owner.getByText('Gus Guest')).toBeVisible();
  await shot(owner, '06-members-after-join');

  await owner.getByRole('link', { name: 'Audit log' }).first().click();
  await expect(owner.getByText('member.joined').first()).toBeVisible();
  await shot(owner, '07-audit-log');
  expect(errors).toEqual([]);
  await guestContext.close();
});
