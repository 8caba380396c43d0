/**
 * MailApp, emulated: an outbox and a daily recipient quota per user, as Apps Script counts
 * it (developers.google.com/apps-script/guides/services/quotas: recipients per day, and
 * "Daily quotas are refreshed at the end of a 24-hour window"). The window is the user's
 * own: it opens at their first send and the count resets 24 hours later, not at midnight.
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
export const MAIL_WINDOW_MS = 24 * 3600_000;

/** Recipients `user` has mailed in their current 24-hour window (0 once it has passed). */
function usedInWindow(google: LocalGoogle, user: string): number {
  const w = google.mailWindows.get(user);
  if (!w || google.now().getTime() >= w.start + MAIL_WINDOW_MS) return 0;
  return w.used;
}

/** Recipients `user` has left in their window (the quota is per user, counted in recipients). */
export function remainingMailQuota(google: LocalGoogle, user: string): number {
  return Math.max(0, mailQuotaOf(google, user) - usedInWindow(google, user));
}

/** When `user`'s quota is next refreshed (null when they have not mailed in the window). */
export function mailQuotaResetsAt(google: LocalGoogle, user: string): Date | null {
  const w = google.mailWindows.get(user);
  if (!w || usedInWindow(google, user) === 0) return null;
  return new Date(w.start + MAIL_WINDOW_MS);
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
    const g = this.x.google;
    const used = usedInWindow(g, this.x.user);
    if (used + to.length > mailQuotaOf(g, this.x.user)) throw new GasError(MAIL_QUOTA_MESSAGE);
    const start = used === 0 ? g.now().getTime() : g.mailWindows.get(this.x.user)!.start;
    g.mailWindows.set(this.x.user, { start, used: used + to.length });
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
