import type { MailMessage } from '../../platform/mail/mailer';

interface Recipient {
  email: string;
  name: string;
}

export function verificationMail(user: Recipient, url: string): MailMessage {
  return {
    to: user.email,
    subject: 'Confirm your e-mail address for AIO Chat',
    text: `Hello ${user.name},\n\nconfirm your e-mail address by opening this link:\n\n${url}\n\nThe link is valid for 24 hours. If you did not sign up, ignore this message.\n`,
  };
}

export function resetPasswordMail(user: Recipient, url: string): MailMessage {
  return {
    to: user.email,
    subject: 'Reset your AIO Chat password',
    text: `Hello ${user.name},\n\nchoose a new password by opening this link:\n\n${url}\n\nThe link is valid for one hour. If you did not ask for this, ignore this message; your password is unchanged.\n`,
  };
}
