/**
 * Progress of long work (report, roster, Set up) while it runs: the menu function opens a
 * small modal dialog first — `showModalDialog` returns at once and the script goes on — then
 * records each step it reaches in the user's cache; the dialog asks `jobStatus` every
 * second (each call its own execution, beside the running one) and shows the steps done,
 * the one under way and, at the end, done or the error. What the work made (a Doc's link,
 * Set up's summary) then comes in the dialog or alert it always showed, which takes the
 * progress dialog's place.
 * https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
 * https://developers.google.com/apps-script/reference/cache/cache-service#getUserCache()
 */
import { type Lang, type MessageKey, msg, templates } from '../domain/i18n';

export const PROGRESS_DIALOG_FILE = 'Progress';
/** How long a progress record is kept (seconds): longer than any execution may run. */
const KEEP_SECONDS = 900;
const key = (token: string) => `od.job.${token}`;

/** What the dialog shows: the steps, how far the work is, and how it ended. */
export interface JobStatus {
  title: string;
  steps: string[];
  /** Index of the step under way (steps before it are done); `steps.length` when finished. */
  at: number;
  state: 'running' | 'done' | 'failed';
  /** How far within the step (`12 of 40`). */
  detail?: string;
  error?: string;
  /** The dialog's own words (`job.ui.*`) in the user's language. */
  text: Record<string, string>;
}

export class Progress {
  private readonly status: JobStatus;
  private readonly token: string;

  /**
   * Opens the progress dialog of `steps` (already in the user's language); or, given the
   * `token` of a dialog that is open already (Send reminders now, Start new term), records
   * the progress that dialog asks for.
   */
  constructor(lang: Lang, title: MessageKey, steps: string[], token?: string) {
    this.status = {
      title: msg(lang, title),
      steps,
      at: 0,
      state: 'running',
      text: templates(lang, 'job.ui.'),
    };
    this.token = token ?? Utilities.getUuid();
    this.save();
    if (token) return;
    const html = HtmlService.createHtmlOutputFromFile(PROGRESS_DIALOG_FILE)
      .append(`<script>window.OD_JOB=${JSON.stringify(this.token)};</script>`)
      .setWidth(420)
      .setHeight(120 + 26 * steps.length);
    SpreadsheetApp.getUi().showModalDialog(html, this.status.title);
  }

  /** The work has reached step `i` (those before it are done). */
  step(i: number, detail?: string): void {
    this.status.at = Math.min(i, this.status.steps.length);
    this.status.detail = detail;
    this.save();
  }

  done(): void {
    this.status.at = this.status.steps.length;
    this.status.state = 'done';
    this.save();
  }

  failed(error: string): void {
    this.status.state = 'failed';
    this.status.error = error;
    this.save();
  }

  private save(): void {
    CacheService.getUserCache().put(key(this.token), JSON.stringify(this.status), KEEP_SECONDS);
  }
}

const TOKEN = /^[\w-]{8,64}$/;
/** A token a dialog sent with its call, when it is one (a dialog that polls jobStatus). */
export const progressToken = (v: unknown): string | undefined =>
  typeof v === 'string' && TOKEN.test(v) ? v : undefined;

/** The progress dialog's call: the record of `token`, or null when there is none (expired). */
export function jobStatus(token: unknown): JobStatus | null {
  const id = progressToken(token);
  if (!id) return null;
  const v = CacheService.getUserCache().get(key(id));
  return v ? (JSON.parse(v) as JobStatus) : null;
}

/** Runs `work` with a progress dialog; an error is shown in the dialog, then thrown on. */
export function withProgress<T>(lang: Lang, title: MessageKey, steps: string[], work: (p: Progress) => T): T {
  const p = new Progress(lang, title, steps);
  try {
    const r = work(p);
    p.done();
    return r;
  } catch (e) {
    p.failed(e instanceof Error ? e.message : String(e));
    throw e;
  }
}
