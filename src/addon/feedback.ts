/**
 * "Generate sponsor feedback" (issue 13): a dialog to pick a Done event; one Google Doc per
 * sponsor that gave to it (src/domain/partners/feedback.ts), made one call per sponsor so the
 * dialog shows its progress, named like the report's Docs and replacing that day's previous
 * pack for the same event and sponsor, in the Reports folder when set; "confirm they were
 * sent" sets the event's Feedback Sent (a field-level save: the Lead's reminder closes).
 *
 * Who (docs/roles.md): any active member opens the dialog and reads the list; making the
 * Docs and confirming them is for the Minister, the Vice Minister and the event's Lead.
 */
import { type Lang, msg, templates, valueName } from '../domain/i18n';
import { buildFeedback, giversOf, sponsorName } from '../domain/partners/feedback';
import { formText } from '../domain/records';
import { parseLanguage } from '../domain/reminders';
import { EVENTS } from '../domain/schema';
import { pickTemplate, type Template, templatesOf } from '../domain/templates';
import type { FeedbackDialogApi, FeedbackDialogView, FeedbackDoc } from './api';
import { AddonContext } from './context';
import { renderDocument } from './render';
import { activeUserEmail, editAction, menuAllowed, Refused, requireRole } from './roles';
import { saveRecord } from './store';
import { columnRecords, recordsWhere } from './where';

export const FEEDBACK_DIALOG_FILE = 'Feedback';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const HEADS = ['Minister', 'Vice Minister'];

/** Whether the user may make packs: a head (any event), or a member (their own events as Lead). */
function maker(ctx: AddonContext): { email: string; head: boolean } | null {
  try {
    const { email, member } = requireRole(ctx, editAction('Events'), 'en');
    return { email, head: HEADS.includes(member?.role ?? '') };
  } catch {
    return null;
  }
}

/** The dialog's list: Done events (not archived), with the sponsors that gave to each. */
export function feedbackDialog(): FeedbackDialogView {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  // Who gave to which event needs 3 of Ledger's columns, a sponsor's name 2 of Sponsors'.
  const ledger = columnRecords(ctx, 'Ledger', ['eventId', 'type', 'sponsorId']);
  const sponsors = new Map(
    columnRecords(ctx, 'Sponsors', ['id', 'organization']).map((s) => [str(s.data.id).toUpperCase(), s]),
  );
  const feedbackField = EVENTS.fields.find((f) => f.key === 'feedbackSent')!;
  const me = maker(ctx);
  const events = ctx
    .table('Events')
    .records.filter((e) => str(e.data.status) === 'Done' && !e.data.archived && str(e.data.id))
    .map((e) => {
      const id = str(e.data.id).toUpperCase();
      return {
        id,
        name: str(e.data.name) || id,
        date: str(e.data.date).slice(0, 10),
        feedbackSent: formText(feedbackField, e.data.feedbackSent ?? '', ctx.timeZone).text,
        givers: giversOf(id, ledger).map((g) => ({ id: g, name: sponsorName(sponsors.get(g) ?? null, g) })),
        mayMake: !!me && (me.head || me.email === str(e.data.lead).toLowerCase()),
        lead: str(e.data.lead).toLowerCase(),
      };
    });
  const refused = msg(lang, 'feedback.refused', { lead: '{lead}' });
  return { lang, text: { ...templates(lang, 'feedback.ui.'), 'feedback.ui.refused': refused }, events };
}

/** The Done event `eventId` when the user may make its pack; else Refused, in their language. */
function eventFor(ctx: AddonContext, eventId: unknown, lang: Lang) {
  const id = str(eventId).toUpperCase();
  const ev = ctx.table('Events').records.find((e) => str(e.data.id).toUpperCase() === id);
  if (!ev) throw new Refused(msg(lang, 'feedback.noEvent', { id }));
  const { email, member } = requireRole(ctx, editAction('Events'), lang);
  const lead = str(ev.data.lead).toLowerCase();
  if (!HEADS.includes(member?.role ?? '') && email !== lead)
    throw new Refused(msg(lang, 'feedback.refused', { lead: lead || '—' }));
  if (str(ev.data.status) !== 'Done')
    throw new Refused(
      msg(lang, 'feedback.notDone', {
        event: str(ev.data.name) || id,
        status: valueName(lang, str(ev.data.status)) || '—',
      }),
    );
  return ev;
}

/**
 * The Templates sheet's `Thank-you` template written in `lang` (the sponsor's language), or
 * null — then the pack uses the catalog's thank-you in that language (`feedback.defaultThanks`)
 * rather than a template in another language.
 */
export function thankYouFromTemplates(ctx: AddonContext, lang: Lang): Template | null {
  if (!ctx.ss.getSheetByName('Templates')) return null;
  const t = pickTemplate(templatesOf(ctx.table('Templates').records), 'Thank-you', lang);
  return t && parseLanguage(t.language) === lang ? t : null;
}

/** Makes the pack's Doc for one sponsor of the event (one call per sponsor: the dialog shows progress). */
export function feedbackMake(eventId: unknown, sponsorId: unknown): FeedbackDoc {
  const ctx = new AddonContext();
  const ev = eventFor(ctx, eventId, ctx.userLanguage());
  const settings = ctx.settings();
  // The sponsor's own Ledger rows whole (found by TextFinder), the other sponsors' gifts to
  // the event only as far as the event's figures need them (4 of Ledger's columns).
  const evId = str(ev.data.id).toUpperCase();
  const sid = str(sponsorId).toUpperCase();
  const others = columnRecords(ctx, 'Ledger', ['eventId', 'type', 'sponsorId', 'amount']).filter(
    (l) => str(l.data.eventId).toUpperCase() === evId && str(l.data.sponsorId).toUpperCase() !== sid,
  );
  const ledger = [...recordsWhere(ctx, 'Ledger', 'sponsorId', [sid]), ...others];
  if (!giversOf(evId, ledger).includes(sid)) throw new Error(msg(ctx.userLanguage(), 'feedback.ui.noGivers'));
  const sponsor =
    recordsWhere(ctx, 'Sponsors', 'id', [sid]).find((s) => str(s.data.id).toUpperCase() === sid) ?? null;
  const lang = parseLanguage(sponsor?.data.language) ?? settings.language;
  const name = sponsorName(sponsor, sid);
  const today = ctx.today();
  const thanks = thankYouFromTemplates(ctx, lang);
  const me = activeUserEmail().toLowerCase();
  const member = ctx.table('Members').records.find((m) => str(m.data.email).toLowerCase() === me);
  const pack = buildFeedback({
    event: ev,
    sponsor,
    sponsorId: sid,
    ledger,
    benefits: recordsWhere(ctx, 'Benefits', 'sponsorId', [sid], { optional: true }),
    department: settings.department,
    currency: settings.currency,
    lang,
    thanks,
    member: str(member?.data.name) || me,
    today,
  });
  const out = renderDocument(pack.doc, settings.reportsFolderId, { replaceSameName: true });
  return { ...out, sponsorId: sid, sponsor: name };
}

/**
 * "I sent them": sets the event's Feedback Sent to today — a save of that one field, refused
 * when it no longer holds what the dialog loaded (someone else filled it meanwhile).
 */
export function feedbackConfirm(eventId: unknown, loaded: unknown): { ok: true; date: string } {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  const ev = eventFor(ctx, eventId, lang);
  const date = ctx.today();
  const who = activeUserEmail() || Session.getEffectiveUser().getEmail();
  saveRecord(
    ctx,
    'Events',
    { id: str(ev.data.id), base: { feedbackSent: str(loaded) }, changes: { feedbackSent: date } },
    who,
    lang,
  );
  return { ok: true, date };
}

/** Menu: Generate sponsor feedback (any active member opens it; see feedbackMake for who makes). */
export function menuGenerateFeedback(): void {
  if (!menuAllowed('editRecords')) return;
  const ctx = new AddonContext();
  const html = HtmlService.createHtmlOutputFromFile(FEEDBACK_DIALOG_FILE).setWidth(560).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, msg(ctx.userLanguage(), 'feedback.ui.title'));
}

/** The dialog's functions, checked against the API the page calls. */
export const FEEDBACK_DIALOG: FeedbackDialogApi = { feedbackDialog, feedbackMake, feedbackConfirm };
