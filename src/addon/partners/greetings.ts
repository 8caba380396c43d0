/**
 * "Greetings to send": the member's holiday greetings with the message filled in
 * (domain/partners/greetings.ts), to copy into WeChat or SMS, to email from the member's
 * own account (one recipient, confirmed in the page first, counted against their quota,
 * logged as a Meetings row of Type Greeting), and to mark sent (Contacts `Last Greeted` =
 * today). Writes go through the store: the one cell changed, the row found by ID then.
 * developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,Object)
 */
import { type Lang, msg, templates } from '../../domain/i18n';
import {
  GREETING_CONTACT_FIELDS,
  type Greeting,
  greetingsToSend,
  holidaysInWindow,
} from '../../domain/partners/greetings';
import { templatesOf } from '../../domain/templates';
import type { GreetingItem, GreetingResult, GreetingsSidebarApi, GreetingsView } from '../api';
import { AddonContext } from '../context';
import { activeUserEmail, menuAllowed, requireRole } from '../roles';
import { RecordNotFound, StaleEdit, saveRecord, ValidationFailed, WorkbookBusy } from '../store';
import { columnRecords } from '../where';
import { logGreeting, readGreetingLog } from './greeting-log';

export const GREETINGS_SIDEBAR_FILE = 'Greetings';

/** Menu item "Greetings to send": every active member, for their own contacts. */
export function menuGreetings(): void {
  if (!menuAllowed('editRecords')) return;
  const html =
    HtmlService.createHtmlOutputFromFile(GREETINGS_SIDEBAR_FILE).setTitle('Outreach Desk · Greetings');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Who is at the keyboard, as the role check sees them (active user, else effective). */
const who = (): string => activeUserEmail();

function listFor(ctx: AddonContext, me: string): GreetingItem[] {
  const st = ctx.settings();
  const today = ctx.today();
  // Most days no Holiday is near: then nothing more is read. Else only the columns a
  // greeting is made of (10 of Contacts' 16).
  if (!holidaysInWindow(st.holidays, today).length) return [];
  const member = ctx.table('Members').records.find((r) => String(r.data.email ?? '').toLowerCase() === me);
  let tpl: ReturnType<typeof templatesOf> = [];
  if (ctx.ss.getSheetByName('Templates')) tpl = templatesOf(ctx.table('Templates').records);
  return greetingsToSend({
    today,
    holidays: st.holidays,
    contacts: columnRecords(ctx, 'Contacts', GREETING_CONTACT_FIELDS),
    templates: tpl,
    member: { email: me, name: String(member?.data.name ?? me) },
    department: st.department,
    language: st.language,
    greeted: readGreetingLog(ctx.ss),
  }).map((g) => ({ ...g, key: `${g.contactId}|${g.day}` }));
}

/** The member's greetings to send today (today … 3 days before each Holiday). */
export function greetingsList(): GreetingsView {
  const ctx = new AddonContext();
  const me = who();
  const lang = ctx.languageFor(me);
  requireRole(ctx, 'editRecords', lang);
  return {
    today: ctx.today(),
    lang,
    me,
    quota: MailApp.getRemainingDailyQuota(),
    items: listFor(ctx, me),
    text: templates(lang, 'greet.ui.'),
  };
}

/** Why a save failed, in the member's language. */
function failure(e: unknown, lang: Lang): GreetingResult {
  if (e instanceof ValidationFailed)
    return { ok: false, message: e.errors.map((x) => x.localized(lang)).join(' ') };
  if (e instanceof WorkbookBusy) return { ok: false, message: msg(lang, 'ui.busy') };
  if (e instanceof RecordNotFound || e instanceof StaleEdit || e instanceof Error)
    return { ok: false, message: e.message };
  throw e;
}

function markGreeted(ctx: AddonContext, g: Greeting, me: string, lang: Lang): void {
  saveRecord(ctx, 'Contacts', { id: g.contactId, changes: { lastGreeted: ctx.today() } }, me, lang);
  logGreeting(ctx, g, me);
  ctx.invalidate('Contacts');
}

/**
 * A greeting action on the listed greeting `key`, as the member at the keyboard: their role
 * checked first, the greeting looked up again now (gone: said so), failures in their language.
 */
function onGreeting(
  key: unknown,
  act: (ctx: AddonContext, g: Greeting, me: string, lang: Lang) => GreetingResult,
): GreetingResult {
  const ctx = new AddonContext();
  const me = who();
  const lang = ctx.languageFor(me);
  try {
    requireRole(ctx, 'editRecords', lang);
    const g = listFor(ctx, me).find((x) => x.key === String(key ?? ''));
    if (!g) return { ok: false, message: msg(lang, 'greet.ui.gone') };
    return act(ctx, g, me, lang);
  } catch (e) {
    return failure(e, lang);
  }
}

/** "Mark sent": the contact's Last Greeted becomes today; they leave this holiday's list. */
export function greetingsMarkSent(key: unknown): GreetingResult {
  return onGreeting(key, (ctx, g, me, lang) => {
    markGreeted(ctx, g, me, lang);
    return { ok: true, message: msg(lang, 'greet.ui.marked', { name: g.name }) };
  });
}

/**
 * "Email it" (after the page's confirmation): one email from the member's account to the
 * contact, the message as listed; then a Meetings row (Type Greeting, Done, With the
 * contact) and Last Greeted = today.
 */
export function greetingsEmail(key: unknown): GreetingResult {
  return onGreeting(key, (ctx, g, me, lang) => {
    if (!g.email) return { ok: false, message: msg(lang, 'greet.ui.noEmail', { name: g.name }) };
    if (MailApp.getRemainingDailyQuota() < 1) return { ok: false, message: msg(lang, 'greet.ui.noQuota') };
    MailApp.sendEmail(g.email, g.subject, g.message, { name: ctx.settings().department });
    // Sent: from here a failure must not read as "not sent" (the member would send twice).
    try {
      markGreeted(ctx, g, me, lang);
      const logged = saveRecord(
        ctx,
        'Meetings',
        {
          changes: {
            date: ctx.today(),
            type: 'Greeting',
            title: msg(lang, 'greet.meeting.title', { holiday: g.holiday, name: g.name }),
            with: g.contactId,
            owner: me,
            status: 'Done',
            outcome: msg(lang, 'greet.meeting.outcome', { email: g.email, subject: g.subject }),
          },
        },
        me,
        lang,
      );
      return {
        ok: true,
        message: msg(lang, 'greet.ui.emailed', { email: g.email, id: logged.id }),
        meetingId: logged.id,
      };
    } catch (e) {
      const why = failure(e, lang).message;
      return { ok: true, message: msg(lang, 'greet.ui.sentNotLogged', { email: g.email, why }) };
    }
  });
}

/** The sidebar's server functions, checked against the API its page calls. */
export const GREETINGS_SIDEBAR: GreetingsSidebarApi = { greetingsList, greetingsMarkSent, greetingsEmail };
