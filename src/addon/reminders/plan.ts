/**
 * What is due on a day: reads every sheet the reminder plan needs (once each), plans the
 * day with the pure rules of src/domain/reminders.ts, and gathers what the digests link to.
 * Shared by the job (today) and the preview (any day).
 */
import type { Day } from '../../domain/dates';
import type { DigestContext } from '../../domain/digest';
import { attachGreetingMessages } from '../../domain/partners/greetings';
import { planReminders, type ReminderPlan } from '../../domain/reminders';
import type { TableName } from '../../domain/schema';
import { type AddonContext, memberLanguages } from '../context';
import { readGreetingLog } from '../partners/greeting-log';
import { greetingSources } from '../partners/sources';

export interface ReminderTables {
  ctx: AddonContext;
  plan: ReminderPlan;
  digestCtx: DigestContext;
}

const TABLES_READ: readonly TableName[] = ['Members', 'Contacts', 'Sponsors', 'Meetings', 'Events', 'Ledger'];

/** Reads every sheet the plan needs (once each) and plans `day`. */
export function loadPlan(ctx: AddonContext, day: Day): ReminderTables {
  const settings = ctx.settings();
  const t = Object.fromEntries(TABLES_READ.map((n) => [n, ctx.table(n)])) as Record<
    (typeof TABLES_READ)[number],
    ReturnType<AddonContext['table']>
  >;
  // Benefits (issue 13): read when Set up has created the sheet.
  const benefits = ctx.ss.getSheetByName('Benefits') ? ctx.table('Benefits') : null;
  const plan = planReminders({
    today: day,
    settings,
    members: t.Members.records,
    contacts: t.Contacts.records,
    sponsors: t.Sponsors.records,
    meetings: t.Meetings.records,
    events: t.Events.records,
    ledger: t.Ledger.records,
    benefits: benefits?.records,
    languageByEmail: memberLanguages(t.Members.values),
    greeted: readGreetingLog(ctx.ss),
  });
  if (plan.digests.some((d) => d.items.some((i) => i.kind === 'greeting')))
    attachGreetingMessages(plan.digests, greetingSources(ctx));
  // Sheet ids for the row links (a fixed number of calls, only when something is due).
  const sheetIds: Partial<Record<TableName, number>> = {};
  if (plan.digests.length) for (const n of TABLES_READ) sheetIds[n] = t[n].sheet.getSheetId();
  if (plan.digests.length && benefits) sheetIds.Benefits = benefits.sheet.getSheetId();
  const digestCtx: DigestContext = {
    spreadsheetId: plan.digests.length ? ctx.ss.getId() : '',
    sheetIds,
    department: settings.department,
    currency: settings.currency,
    today: day,
    failures: ctx.digestFailures,
  };
  return { ctx, plan, digestCtx };
}
