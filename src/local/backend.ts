/**
 * The shared state of the local "Google": what outlives one execution and is seen by all
 * of them — spreadsheets, documents and Drive files, properties, caches, triggers, the
 * mail outbox and quota, locks, the clock. Each execution (a menu click, a sidebar call, a
 * trigger run) is an `Execution` over this state with its own user, auth mode and counter.
 */
import type { SpreadsheetModel } from './model/spreadsheet-model';

export interface SentMail {
  from: string;
  senderName: string;
  to: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  replyTo?: string;
  at: Date;
}

export interface TriggerModel {
  id: string;
  handler: string;
  owner: string;
  kind: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT';
  sourceId?: string;
  everyDays?: number;
  /** everyHours(n): fires every n hours instead of every `everyDays` days. */
  everyHours?: number;
  atHour?: number;
  timeZone?: string;
  createdAt: Date;
}

export interface DriveFileModel {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  createdAt: Date;
  /** Bytes for blobs written to Drive (images, exports). */
  bytes?: Uint8Array;
  trashed?: boolean;
}

export interface UiEvent {
  /** 'consent': ScriptApp.requireScopes asked the user for the scopes in `message`. */
  kind: 'menu' | 'alert' | 'prompt' | 'sidebar' | 'dialog' | 'toast' | 'consent';
  spreadsheetId: string;
  title?: string;
  message?: string;
  html?: string;
  /** An alert's ButtonSet (`YES_NO`…) and the button the script got back. */
  buttons?: string;
  answer?: string;
  at: Date;
}

export interface MenuModel {
  caption: string;
  addon: boolean;
  items: MenuItemModel[];
}
export type MenuItemModel =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuModel };

export class LockState {
  owner: string | null = null;
}

export class LocalGoogle {
  /** Time shift (ms) applied to the real clock, or a fixed instant. */
  private clockOffset = 0;
  private fixedNow: number | null = null;
  private seq = 0;

  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  /** Documents created with DocumentApp, by id (the DocumentApp emulation owns the type). */
  readonly documents = new Map<string, unknown>();
  readonly files = new Map<string, DriveFileModel>();
  readonly scriptProperties = new Map<string, string>();
  readonly documentProperties = new Map<string, Map<string, string>>();
  readonly userProperties = new Map<string, Map<string, string>>();
  readonly caches = new Map<string, Map<string, { value: string; expires: number }>>();
  readonly triggers: TriggerModel[] = [];
  readonly outbox: SentMail[] = [];
  /**
   * Recipients mailed per user in their current quota window: the window opens at the
   * user's first send and the count resets 24 h later (services/mail.ts).
   */
  readonly mailWindows = new Map<string, { start: number; used: number }>();
  /** Daily recipient quota: 100 for consumer accounts, 1,500 for Workspace. */
  mailDailyQuota = 100;
  readonly scriptLock = new LockState();
  readonly documentLocks = new Map<string, LockState>();
  readonly userLocks = new Map<string, LockState>();
  readonly ui: UiEvent[] = [];
  readonly menus = new Map<string, MenuModel[]>();
  /** What the next alert/prompt answers (tests and the workbench set it). */
  nextUiResponses: { button: string; text?: string }[] = [];
  /** Default user of executions that name none. */
  defaultUser = 'minister@example.edu';
  /** Time zone of the script project (appsscript.json). */
  scriptTimeZone = 'Asia/Shanghai';
  /** True when the project runs as an installed add-on rather than a bound script. */
  installedAsAddon = false;
  logs: string[] = [];
  /**
   * Accounts whose email Apps Script withholds from `Session.getActiveUser()` (consumer
   * accounts outside the script owner's domain): their active user is '' in every mode.
   */
  readonly withheldIdentities = new Set<string>();
  /**
   * Domain of the script's developer, when set (a published add-on): a simple trigger
   * (AuthMode.LIMITED) of a user outside it sees a blank active user.
   */
  developerDomain: string | null = null;
  /**
   * Scopes each user has granted (granular consent); a user not listed has granted every
   * scope of the manifest.
   */
  readonly grantedScopes = new Map<string, Set<string>>();

  now(): Date {
    return new Date(this.fixedNow ?? Date.now() + this.clockOffset);
  }
  /** Fix the clock at an instant (tests), or pass null to follow real time again. */
  setNow(d: Date | null): void {
    this.fixedNow = d ? d.getTime() : null;
  }
  /** Shift the clock so that now() is `d`, then let it run. */
  shiftClockTo(d: Date): void {
    this.fixedNow = null;
    this.clockOffset = d.getTime() - Date.now();
  }

  newId(prefix = ''): string {
    this.seq++;
    const rnd = Math.random().toString(36).slice(2, 10);
    return `${prefix}${this.seq.toString(36)}${rnd}`.padEnd(24, '0');
  }

  documentLock(id: string): LockState {
    let l = this.documentLocks.get(id);
    if (!l) this.documentLocks.set(id, (l = new LockState()));
    return l;
  }
  userLock(email: string): LockState {
    let l = this.userLocks.get(email);
    if (!l) this.userLocks.set(email, (l = new LockState()));
    return l;
  }
}
