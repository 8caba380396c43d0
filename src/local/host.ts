/**
 * What an emulated service sees of the execution it runs in. `Execution` (execution.ts)
 * implements it; the services depend on this interface, never on execution.ts, which
 * builds them.
 */
import type { LocalGoogle, LockState } from './backend';
import type { CallCounter } from './counter';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface ServiceHost {
  readonly id: string;
  readonly google: LocalGoogle;
  readonly counter: CallCounter;
  readonly user: string;
  readonly authMode: AuthMode;
  readonly spreadsheetId: string | null;
  readonly locale: string;
  /** True when started by a trigger (no Ui available). */
  readonly trigger: boolean;
  /** Files of the script project (name → content), for HtmlService.createHtmlOutputFromFile. */
  readonly projectFiles: Map<string, string>;
  /** Locks this execution holds, released when it ends. */
  readonly heldLocks: Set<LockState>;
  /** Wraps an emulated object so its method calls are counted as `className.method`. */
  wrap<T extends object>(obj: T, className: string): T;
  formatDate(d: Date, tz: string, pattern: string): string;
  /** The manifest's oauthScopes, or null when they are not enforced. */
  readonly scopes: readonly string[] | null;
  /** The manifest's scopes this user has granted (granular consent). */
  grantedScopes(): readonly string[];
  /** Throws as Apps Script does for a value longer than a cell holds. */
  checkCellSize(v: unknown): void;
}
