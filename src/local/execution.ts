/**
 * One execution of the add-on in the local runtime: what Apps Script starts for a menu
 * click, a sidebar call (`google.script.run`) or a trigger. It has a user, an auth mode,
 * an active spreadsheet and a call counter, and builds the Apps Script globals the bundle
 * sees. Locks it still holds are released when it ends, as in Apps Script.
 */
import type { LocalGoogle, LockState } from './backend';
import { EXECUTION_LIMIT_MS, SIMPLE_TRIGGER_LIMIT_MS } from './cost-model';
import { CallCounter, track } from './counter';
import { GasError } from './errors';
import type { AuthMode, ServiceHost } from './host';
import { documentServices } from './services/document';
import { MailAppImpl } from './services/mail';
import {
  CacheServiceImpl,
  HtmlServiceImpl,
  LockServiceImpl,
  LoggerImpl,
  PropertiesServiceImpl,
  SessionImpl,
  UtilitiesImpl,
} from './services/misc';
import { ScriptAppImpl } from './services/script';
import { LocalSpreadsheetApp } from './services/spreadsheet/app';
import { formatDate } from './services/utilities';

export type { AuthMode } from './host';

export interface ExecutionOptions {
  user?: string;
  authMode?: AuthMode;
  spreadsheetId?: string | null;
  locale?: string;
  /** True when started by a trigger (no Ui available). */
  trigger?: boolean;
  /** Files of the script project (name → content), for HtmlService.createHtmlOutputFromFile. */
  projectFiles?: Map<string, string>;
  counter?: CallCounter;
  /**
   * The manifest's `oauthScopes`: a call needing a scope not among them (or one the user has
   * not granted, `google.grantedScopes`) throws Apps Script's permission error. Null or
   * absent: not enforced (tests that drive the services directly).
   */
  scopes?: readonly string[] | null;
}

/** Extra services registered by other modules (DocumentApp, DriveApp…). */
export type ServiceFactory = (x: Execution) => Record<string, unknown>;
const extraServices: ServiceFactory[] = [];
export function registerServices(f: ServiceFactory): void {
  extraServices.push(f);
}
registerServices(documentServices);

let executionSeq = 0;

/** Largest value Sheets accepts in one cell. */
export const MAX_CELL_CHARS = 50_000;

export class Execution implements ServiceHost {
  readonly id = `exec-${++executionSeq}`;
  readonly counter: CallCounter;
  readonly user: string;
  readonly authMode: AuthMode;
  readonly spreadsheetId: string | null;
  readonly locale: string;
  readonly trigger: boolean;
  readonly projectFiles: Map<string, string>;
  readonly heldLocks = new Set<LockState>();
  readonly scopes: readonly string[] | null;
  private _globals: Record<string, unknown> | null = null;

  constructor(
    readonly google: LocalGoogle,
    opts: ExecutionOptions = {},
  ) {
    this.counter = opts.counter ?? new CallCounter();
    this.user = opts.user ?? google.defaultUser;
    this.authMode = opts.authMode ?? 'FULL';
    this.spreadsheetId = opts.spreadsheetId ?? null;
    this.locale = opts.locale ?? 'en';
    this.trigger = opts.trigger ?? false;
    this.projectFiles = opts.projectFiles ?? new Map();
    this.scopes = opts.scopes ?? null;
    // A simple trigger (LIMITED) may run 30 s, any other execution 6 minutes, on the
    // estimated clock (cost-model.ts). developers.google.com/apps-script/guides/triggers#restrictions:
    // "They cannot run for longer than 30 seconds"; .../guides/services/quotas: script
    // runtime 6 min / execution.
    if (this.counter.limitMs === null)
      this.counter.limitMs = this.authMode === 'LIMITED' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
  }

  /** Scopes the user has granted: all of the manifest's unless `google.grantedScopes` says less. */
  grantedScopes(): readonly string[] {
    const manifest = this.scopes ?? [];
    const granted = this.google.grantedScopes.get(this.user);
    return granted ? manifest.filter((s) => granted.has(s)) : manifest;
  }

  /** Wraps an emulated object so its method calls are counted as `className.method`. */
  wrap<T extends object>(obj: T, className: string): T {
    return track(obj, className, this.counter);
  }

  formatDate(d: Date, tz: string, pattern: string): string {
    return formatDate(d, tz, pattern);
  }

  checkCellSize(v: unknown): void {
    if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
      throw new GasError(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
  }

  /** The Apps Script globals, as the bundle sees them. */
  get globals(): Record<string, unknown> {
    if (this._globals) return this._globals;
    const needsAuth = (name: string, svc: object) =>
      restrictByScopes(name, restrictByAuthMode(name, svc, this.authMode, this.counter), this);
    const g: Record<string, unknown> = {
      SpreadsheetApp: needsAuth('SpreadsheetApp', this.wrap(new LocalSpreadsheetApp(this), 'SpreadsheetApp')),
      LockService: needsAuth('LockService', this.wrap(new LockServiceImpl(this), 'LockService')),
      PropertiesService: needsAuth(
        'PropertiesService',
        this.wrap(new PropertiesServiceImpl(this), 'PropertiesService'),
      ),
      CacheService: this.wrap(new CacheServiceImpl(this), 'CacheService'),
      Session: restrictByScopes('Session', this.wrap(new SessionImpl(this), 'Session'), this),
      Utilities: this.wrap(new UtilitiesImpl(this), 'Utilities'),
      HtmlService: this.wrap(new HtmlServiceImpl(this), 'HtmlService'),
      Logger: this.wrap(new LoggerImpl(this), 'Logger'),
      MailApp: needsAuth('MailApp', this.wrap(new MailAppImpl(this), 'MailApp')),
      ScriptApp: needsAuth('ScriptApp', this.wrap(new ScriptAppImpl(this), 'ScriptApp')),
    };
    for (const f of extraServices) {
      for (const [name, svc] of Object.entries(f(this))) {
        g[name] = svc !== null && typeof svc === 'object' ? needsAuth(name, svc) : svc;
      }
    }
    this._globals = g;
    return g;
  }

  /** Ends the execution: locks it holds are released. */
  end(): void {
    for (const l of this.heldLocks) if (l.owner === this.id) l.owner = null;
    this.heldLocks.clear();
  }
}

/** OAuth scope each service needs, as the "Required permissions" of Apps Script's message. */
const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  DocumentApp: 'https://www.googleapis.com/auth/documents',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  UrlFetchApp: 'https://www.googleapis.com/auth/script.external_request',
  GmailApp: 'https://mail.google.com/',
};

/** Trigger management needs authorization even where the rest of ScriptApp does not. */
const SCRIPTAPP_AUTH = new Set(['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger']);

/**
 * What an auth mode withholds (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 * and developers.google.com/apps-script/guides/triggers#restrictions):
 * - NONE (onOpen of an add-on not yet used in this document): only the Ui; every other
 *   call on the document, properties, locks, mail, triggers, documents or Drive throws.
 * - LIMITED (simple triggers onOpen/onEdit): the bound document, properties, locks and the
 *   Ui work; services that need authorization (mail, trigger management, other files,
 *   documents, Drive, fetch) throw.
 */
function needsAuthorization(mode: AuthMode, name: string, prop: string): boolean {
  if (mode === 'FULL') return false;
  if (name === 'ScriptApp') return SCRIPTAPP_AUTH.has(prop);
  if (mode === 'NONE') return !(name === 'SpreadsheetApp' && prop === 'getUi');
  if (name === 'SpreadsheetApp') return prop === 'openById' || prop === 'openByUrl' || prop === 'create';
  return name in SCOPES;
}

function restrictByAuthMode(name: string, svc: object, mode: AuthMode, counter: CallCounter): object {
  if (mode === 'FULL') return svc;
  return new Proxy(svc, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || typeof prop === 'symbol') return v;
      if (!needsAuthorization(mode, name, prop)) return v;
      return () => {
        const scope = SCOPES[name];
        counter.rethrow(
          new GasError(
            `You do not have permission to call ${name}.${prop}. Required permissions: ${scope ?? `not granted in AuthMode.${mode}`}`,
          ),
        );
      };
    },
  });
}

const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
/**
 * The scopes a method needs (any one of them), after the "Authorization" section of each
 * method's reference page (developers.google.com/apps-script/reference/…): `*` is every
 * method of the service not listed; a service or method not here needs none.
 */
export const METHOD_SCOPES: Record<string, Record<string, readonly string[]>> = {
  SpreadsheetApp: {
    openById: [SPREADSHEETS],
    openByUrl: [SPREADSHEETS],
    create: [SPREADSHEETS],
    getActiveSpreadsheet: [CURRENT_ONLY, SPREADSHEETS],
    getActive: [CURRENT_ONLY, SPREADSHEETS],
    getActiveSheet: [CURRENT_ONLY, SPREADSHEETS],
    getActiveRange: [CURRENT_ONLY, SPREADSHEETS],
  },
  DocumentApp: { '*': ['https://www.googleapis.com/auth/documents'] },
  DriveApp: { '*': ['https://www.googleapis.com/auth/drive'] },
  MailApp: { '*': ['https://www.googleapis.com/auth/script.send_mail'] },
  ScriptApp: Object.fromEntries(
    [...SCRIPTAPP_AUTH].map((m) => [m, ['https://www.googleapis.com/auth/script.scriptapp']]),
  ),
  // Ui.showSidebar / showModalDialog / showModelessDialog: "require authorization with
  // https://www.googleapis.com/auth/script.container.ui"
  // (developers.google.com/apps-script/reference/base/ui#showSidebar(Object)).
  Ui: Object.fromEntries(
    ['showSidebar', 'showModalDialog', 'showModelessDialog'].map((m) => [
      m,
      ['https://www.googleapis.com/auth/script.container.ui'],
    ]),
  ),
  Session: {
    getActiveUser: ['https://www.googleapis.com/auth/userinfo.email'],
    getEffectiveUser: ['https://www.googleapis.com/auth/userinfo.email'],
  },
};

/**
 * A call needing a scope the manifest lacks, or one the user did not grant, throws what
 * Apps Script throws then: "You do not have permission to call ScriptApp.newTrigger.
 * Required permissions: https://www.googleapis.com/auth/script.scriptapp" (an add-on whose
 * manifest lacked the scope: github.com/ttsukagoshi/mail-merge-for-gmail/issues/129; fixed
 * by adding it to oauthScopes: github.com/googleworkspace/apps-script-oauth2/issues/98).
 */
function restrictByScopes(name: string, svc: object, x: Execution): object {
  const table = METHOD_SCOPES[name];
  if (!table || x.scopes === null) return svc;
  return new Proxy(svc, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || typeof prop === 'symbol' || prop.startsWith('_')) return v;
      const need = table[prop] ?? table['*'];
      if (name === 'SpreadsheetApp' && prop === 'getUi')
        return (...a: unknown[]) =>
          restrictByScopes('Ui', (v as (...b: unknown[]) => object).apply(target, a), x);
      if (!need) return v;
      const granted = x.grantedScopes();
      if (need.some((s) => granted.includes(s))) return v;
      return () =>
        x.counter.rethrow(
          new GasError(
            `You do not have permission to call ${name}.${prop}. Required permissions: ${need.at(-1)}`,
          ),
        );
    },
  });
}
