/**
 * The JSON the workbench server and its page exchange (types only: the page imports them
 * too). See docs/workbench.md, "The server, for tests", for the routes.
 */
import type { MenuModel, UiEvent } from '../backend';
import type { SaveStatus } from './persistence';

export interface ExecutionReport {
  seq: number;
  fn: string;
  kind: 'menu' | 'run' | 'trigger' | 'open' | 'edit';
  user: string;
  at: string;
  ms: number;
  calls: number;
  byMethod: [string, number][];
  ok: boolean;
  error?: string;
  mails: number;
  saved: boolean;
}

/** What /api/run and /api/menu answer (the page's types too). */
export interface RunReply {
  ok: boolean;
  value?: unknown;
  error?: string;
  report: ExecutionReport;
  ui: {
    kind: UiEvent['kind'];
    title: string;
    message: string;
    html?: string;
    /** An alert with a choice (`YES_NO`…) and what the execution got (`CLOSE`: not asked yet). */
    buttons?: string;
    answer?: string;
  }[];
  /** The execution's changes are in the workbench but not in the file: "Not saved to …: …". */
  saveError?: string;
}

export interface Member {
  email: string;
  name: string;
  role: string;
  active: boolean;
}

/** GET /api/state. */
export interface State {
  spreadsheet: { id: string; name: string; timeZone: string; revision: number };
  workbookPath: string;
  save: SaveStatus;
  sheets: { name: string; hidden: boolean; rows: number }[];
  menus: MenuModel[];
  /** Whom executions run as when a request names no user (each page keeps its own choice). */
  user: string;
  users: Member[];
  now: string;
  nowLocal: string;
  outbox: number;
  documents: number;
  triggers: {
    id: string;
    handler: string;
    owner: string;
    kind: string;
    everyDays: number | null;
    atHour: number | null;
    timeZone: string | null;
    /** A one-off trigger (`after`, `at`): when it fires (ISO). */
    once: string | null;
  }[];
  executions: ExecutionReport[];
  logs: string[];
}

/** GET /api/sheet?name=&limit=. */
export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  rows: number;
  cols: number;
  letters: string[];
  display: string[][];
  formulas: string[][];
  kinds: string[];
  bold: string[];
  validations: {
    r1: number;
    c1: number;
    r2: number;
    c2: number;
    rule: { criteria: string; values: string[]; strict: boolean } | null;
  }[];
}

/** GET /api/outbox: one sent mail. */
export interface Mail {
  i: number;
  from: string;
  senderName: string;
  to: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  replyTo: string | null;
  at: string;
}
