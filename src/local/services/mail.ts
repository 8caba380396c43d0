/**
 * MailApp, emulated: an outbox and a daily recipient quota per user, as Apps Script counts
 * it (developers.google.com/apps-script/guides/services/quotas).
 */
import type { LocalGoogle } from '../backend';
import { GasError } from '../errors';
import type { ServiceHost } from '../host';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

interface MailOptions {
  to?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
}

/**
 * Per-user daily recipient quota (e.g. 1,500 for a Workspace account among consumer ones);
 * users not listed get `google.mailDailyQuota`.
 */
const quotaByUser = new WeakMap<LocalGoogle, Map<string, number>>();
export function setMailQuota(google: LocalGoogle, user: string, perDay: number): void {
  let m = quotaByUser.get(google);
  if (!m) quotaByUser.set(google, (m = new Map()));
  m.set(user, perDay);
}
export function mailQuotaOf(google: LocalGoogle, user: string): number {
  return quotaByUser.get(google)?.get(user) ?? google.mailDailyQuota;
}
/** Recipients `user` has left today (the quota is per user per day, counted in recipients). */
export function remainingMailQuota(google: LocalGoogle, user: string): number {
  const used = google.mailUsed.get(google.mailKey(user, google.now())) ?? 0;
  return Math.max(0, mailQuotaOf(google, user) - used);
}

export class MailAppImpl {
  constructor(private readonly x: ServiceHost) {}
  /** Recipients the effective user may still mail today (MailApp.getRemainingDailyQuota). */
  getRemainingDailyQuota(): number {
    return remainingMailQuota(this.x.google, this.x.user);
  }
  sendEmail(
    a: string | MailOptions,
    subject?: string,
    body?: string,
    options: MailOptions = {},
  ): MailAppImpl {
    const m: MailOptions = typeof a === 'object' ? { ...a } : { ...options, to: a, subject, body };
    if (!m.to) throw new GasError('Failed to send email: no recipient');
    const to = [m.to, m.cc, m.bcc]
      .filter(Boolean)
      .flatMap((s) => String(s).split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = to.find((s) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s));
    if (bad) throw new GasError(`Invalid email: ${bad}`);
    const k = this.x.google.mailKey(this.x.user, this.x.google.now());
    const used = this.x.google.mailUsed.get(k) ?? 0;
    if (used + to.length > mailQuotaOf(this.x.google, this.x.user)) throw new GasError(MAIL_QUOTA_MESSAGE);
    this.x.google.mailUsed.set(k, used + to.length);
    this.x.google.outbox.push({
      from: this.x.user,
      senderName: m.name ?? this.x.user,
      to,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody,
      replyTo: m.replyTo,
      at: this.x.google.now(),
    });
    return this;
  }
}
