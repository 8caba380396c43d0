/**
 * The server API the sidebar pages call through google.script.run: function names with
 * the arguments the pages send and the replies they get. Both sides use these types — the
 * page through `serverApi<RecordSidebarApi>()` (src/sidebar/shared/page.ts), the server by
 * checking its functions against the interface — so a renamed function or a changed reply
 * fails the type check. Types only: nothing here reaches the bundle.
 */

import type { Lang } from '../domain/i18n';
import type { Greeting } from '../domain/partners/greetings';
import type { FieldDef, TableName } from '../domain/schema';
import type { SendConfirmView, SendResult } from './reminders/confirm';
import type { PreviewResponse } from './reminders/preview';
import type { GeneratedDocument } from './render';
import type { TermDialogText, TermPlanResponse, TermRunInput, TermRunResponse } from './term/plan';

export interface FormField {
  key: string;
  header: string;
  type: FieldDef['type'];
  options: string[];
  strictOptions: boolean;
  required: boolean;
  maxLength: number | null;
  /** What a new record's form starts with (the value a blank field is saved as). */
  defaultValue: string | number | boolean | null;
  /** The field's label in the member's language (`阶段 (Stage)`); the sheet keeps `header`. */
  label: string;
  /**
   * What the field links to, for a picker: `member` (a member's Email, picked by name) or the
   * tables whose record IDs it holds (picked by name); choices come from `sidebarChoices`.
   */
  link: 'member' | TableName[] | null;
  /** Several values, comma-separated (With, Attendees…). */
  multiple: boolean;
  /** How each option is shown (the option itself is what is saved). */
  optionLabels: string[];
}

export interface FormSpec {
  table: TableName;
  fields: FormField[];
  /** The tables the sheet picker offers, with what they are called in the member's language. */
  tables: { name: TableName; many: string }[];
  /** What one record and many of this table are called (`sponsor`, `sponsors`). */
  noun: string;
  many: string;
  /** The sidebar offers "Archive" for this table's records (they are never deleted). */
  archivable: boolean;
  lang: Lang;
  /** The member using the form (a new record's Owner defaults to them). */
  me: string;
  /** The department's active members, for the attendance checklist (Meetings) and member pickers. */
  members: Choice[];
  /** Message templates the page fills in (`ui.*`, `field.*`; `{name}` placeholders). */
  text: Record<string, string>;
}

/** One choice of a picker: what is stored, and what the member reads. */
export interface Choice {
  value: string;
  label: string;
}

export interface ListItem {
  id: string;
  title: string;
  subtitle: string;
  row: number;
}

/** A record as the form loads it. */
export interface RecordValues {
  id: string;
  row: number;
  /** Each field as text (`formText`): what the form shows, and sends back as `base`. */
  values: Record<string, string>;
  /** Fields whose cell does not hold a valid value: shown as typed, with this note. */
  problems: Record<string, string>;
  /** Other rows with the same ID (typed twice by hand), or [] — such a row is saved with a new ID. */
  sameIdRows: number[];
}

/** What the form sends: every field for a new record; for an existing one what it loaded and what changed. */
export interface SaveInput {
  id?: string;
  row?: number;
  base?: Record<string, string>;
  changes: Record<string, string | boolean>;
  newId?: boolean;
  /**
   * A new record from the form is first compared with existing ones (`checkDuplicates`); the
   * member who saw the look-alikes saves again with `allowDuplicate`. Calls without
   * `checkDuplicates` (scripts, imports) create the record as asked.
   */
  checkDuplicates?: boolean;
  allowDuplicate?: boolean;
  /** A new department meeting: plan one every two weeks until this day (`YYYY-MM-DD`). */
  repeatUntil?: string;
}

/** An existing record a new one looks like (same name, phone or email, ignoring case and spacing). */
export interface Duplicate {
  id: string;
  row: number;
  title: string;
  /** The field that matched (`name`, `phone`, `email`, `organization`). */
  field: string;
}

export type SaveResponse =
  | {
      ok: true;
      id: string;
      row: number;
      created: boolean;
      written: string[];
      /** Every meeting a series created, the first included. */
      series?: string[];
    }
  | {
      ok: false;
      errors: { field: string; message: string }[];
      /** Set when someone else changed a field the member changed: reopen to see it. */
      conflict?: boolean;
      /** A new sponsor or contact looks like these: shown, and saved only with `allowDuplicate`. */
      duplicates?: Duplicate[];
    };

/** The record sidebar's server functions. */
export interface RecordSidebarApi {
  sidebarForm(table: TableName): FormSpec;
  sidebarSearch(table: TableName, query: string, limit: number): ListItem[];
  /**
   * Like sidebarSearch, with how many records match in all (`50 of 1,100`); `atLeast` when
   * that is a lower bound (a union-size sheet searched by TextFinder, search.ts).
   */
  sidebarSearchPage(
    table: TableName,
    query: string,
    limit: number,
  ): { items: ListItem[]; total: number; atLeast?: boolean };
  /** Selects the record's row in its sheet; the row, or 0 when the record is gone. */
  sidebarShowRow(table: TableName, id: string, row?: number): number;
  /** Choices for a picker of `field`, matching `query` (name, email or ID), at most 20. */
  sidebarChoices(table: TableName, field: string, query: string): Choice[];
  sidebarGet(table: TableName, id: string, row?: number): RecordValues | null;
  sidebarSave(table: TableName, input: SaveInput): SaveResponse;
  /** Archives the record the form loaded (what it loaded is checked as for a save). */
  sidebarArchive(table: TableName, input: Omit<SaveInput, 'changes'>): SaveResponse;
}

/** The reminder preview sidebar's server function. */
export interface RemindersSidebarApi {
  /** The digests of `day` (`YYYY-MM-DD`; '' for tomorrow), without sending anything. */
  remindersPreview(day: string): PreviewResponse;
}

/** The Send reminders now dialog's server functions. */
export interface SendDialogApi {
  /** What Send would do today (who gets a digest, who is skipped and why, the quota left); sends nothing. */
  remindersConfirm(): SendConfirmView;
  /** Sends today's digests (the reminder job, as the member who clicks); what it did. */
  /** `token`: the dialog's progress record, which it polls with jobStatus while it waits. */
  remindersSend(token?: string): SendResult;
}

/** The Start new term dialog's server functions. */
export interface TermDialogApi {
  /** The dialog's texts in the user's language. */
  termDialog(): TermDialogText;
  /** The dry run: what the new term would archive, remove, carry, clear and re-own. */
  termPlan(input: TermRunInput): TermPlanResponse;
  /** Starts the new term (archive first, checked); the result says what was done. */
  /** `token`: the dialog's progress record, which it polls with jobStatus while it waits. */
  termRun(input: TermRunInput, token?: string): TermRunResponse;
}

/** The progress dialog's server function (src/addon/progress.ts). */
export interface JobDialogApi {
  /** How far the work of `token` is; null when there is no such record. */
  jobStatus(token: string): import('./progress').JobStatus | null;
}

export interface SponsorGlance {
  lines: string[];
  /** The benefits still owed, each as `Benefit (due)`. */
  owed: string[];
}

export interface FeedbackEvent {
  id: string;
  name: string;
  date: string;
  /** Feedback Sent as the sheet shows it ('' = not yet): what a confirm checks it still holds. */
  feedbackSent: string;
  givers: { id: string; name: string }[];
  /** The user may make and confirm this event's pack (head, or its Lead). */
  mayMake: boolean;
  lead: string;
}

export interface FeedbackDialogView {
  lang: Lang;
  /** The dialog's templates (`feedback.ui.*`) in the user's language. */
  text: Record<string, string>;
  events: FeedbackEvent[];
}

export interface FeedbackDoc extends GeneratedDocument {
  sponsorId: string;
  sponsor: string;
}

/** The record sidebar's partner panel (issue 13): a sponsor at a glance, benefits, lent goods. */
export interface PartnersSidebarApi {
  /** One sponsor's pledged against received this term and the benefits still owed; null when gone. */
  partnerSponsor(id: string): SponsorGlance | null;
  /** Marks the benefit the form loaded Done with its evidence link (refused without one). */
  partnerBenefitDone(input: Omit<SaveInput, 'changes'>, evidence: string): SaveResponse;
  /** Sets Returned = today on the Ledger entry the form loaded. */
  partnerReturned(input: Omit<SaveInput, 'changes'>): SaveResponse;
}

/** The Generate sponsor feedback dialog's server functions. */
export interface FeedbackDialogApi {
  /** Done events with the sponsors that gave to each, and the dialog's texts. */
  feedbackDialog(): FeedbackDialogView;
  /** Makes one sponsor's Doc for the event (one call per sponsor, for progress). */
  feedbackMake(eventId: string, sponsorId: string): FeedbackDoc;
  /** Sets the event's Feedback Sent to today, if it still holds `loaded`. */
  feedbackConfirm(eventId: string, loaded: string): { ok: true; date: string };
}

/** One greeting of the Greetings sidebar (src/addon/partners/greetings.ts). */
export interface GreetingItem extends Greeting {
  /** Key of the item in the page (contact and holiday day). */
  readonly key: string;
}

export interface GreetingsView {
  today: string;
  lang: Lang;
  me: string;
  /** Recipients the member may still email today. */
  quota: number;
  items: GreetingItem[];
  /** The page's words (`greet.ui.*`, `{name}` placeholders). */
  text: Record<string, string>;
}

export interface GreetingResult {
  ok: boolean;
  message: string;
  /** The Meetings row logged for an email. */
  meetingId?: string;
}

/** The Greetings sidebar's server functions (src/addon/partners/greetings.ts). */
export interface GreetingsSidebarApi {
  /** The member's greetings to send today, filled in. */
  greetingsList(): GreetingsView;
  /** Last Greeted = today for the item's contact (`key` from the list). */
  greetingsMarkSent(key: string): GreetingResult;
  /** Emails the item's message from the member's account (confirmed in the page first), logs it. */
  greetingsEmail(key: string): GreetingResult;
}

/** The record sidebar's template preview (src/addon/partners/templates.ts). */
export interface TemplatePreviewData {
  /** Contacts and sponsors a template can be previewed with, and their placeholder values. */
  records: { id: string; label: string; values: Record<string, string> }[];
}
export interface TemplatePreviewApi {
  templatePreviewData(): TemplatePreviewData;
}
