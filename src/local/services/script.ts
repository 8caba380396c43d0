/**
 * ScriptApp, emulated: installable triggers owned by the user who created them, auth modes
 * and installation source.
 */
import type { TriggerModel } from '../backend';
import { GasError } from '../errors';
import type { ServiceHost } from '../host';

/**
 * A time-driven trigger. `sourceId` keeps the spreadsheet the script is bound to (the
 * local runtime runs the handler with it as the active spreadsheet, as Apps Script does
 * for a bound script); the API does not expose it (getTriggerSourceId is null for CLOCK).
 */
export interface ClockTriggerModel extends TriggerModel {
  nearMinute?: number;
  /** A one-off trigger (`after`, `at`): the instant (ms) it fires, once. */
  once?: number;
}

/**
 * What creating a second trigger of a type in the same document throws for an add-on. The
 * reference states the limit but not the message: an assumption (docs/local-runtime.md).
 */
export const ADDON_TRIGGER_LIMIT_MESSAGE =
  'This add-on already has a trigger of this type for this document and user.';

/** What requireScopes throws to end the execution when the user has not granted a scope. */
export const CONSENT_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

/** ScriptApp.getAuthorizationInfo's answer (developers.google.com/apps-script/reference/script/authorization-info). */
export class AuthorizationInfo {
  constructor(
    private readonly missing: readonly string[],
    private readonly authorized: readonly string[],
  ) {}
  getAuthorizationStatus(): string {
    return this.missing.length ? 'REQUIRED' : 'NOT_REQUIRED';
  }
  /** The consent URL, or null when nothing is to be authorized. */
  getAuthorizationUrl(): string | null {
    return this.missing.length ? 'https://script.google.com/macros/d/local-script/authorize' : null;
  }
  getAuthorizedScopes(): string[] {
    return [...this.authorized];
  }
}

export class Trigger {
  constructor(readonly _t: TriggerModel) {}
  getUniqueId(): string {
    return this._t.id;
  }
  getHandlerFunction(): string {
    return this._t.handler;
  }
  getEventType(): string {
    return this._t.kind;
  }
  getTriggerSource(): string {
    return this._t.kind === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }
  /** The source's id (a spreadsheet's id); null for time-driven triggers, which have no source document. */
  getTriggerSourceId(): string | null {
    return this._t.kind === 'CLOCK' ? null : (this._t.sourceId ?? null);
  }
}

export class ClockTriggerBuilder {
  constructor(
    private readonly x: ServiceHost,
    private readonly t: Partial<TriggerModel>,
  ) {}
  everyDays(n: number): ClockTriggerBuilder {
    this.t.everyDays = n;
    return this;
  }
  /** Every `n` hours (1, 2, 4, 6, 8 or 12: the reference's list). */
  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw new GasError('The number of hours must be 1, 2, 4, 6, 8 or 12.');
    this.t.everyHours = n;
    return this;
  }
  atHour(h: number): ClockTriggerBuilder {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new GasError('Hour must be an integer from 0 to 23.');
    this.t.atHour = h;
    return this;
  }
  nearMinute(minute: number): ClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw new GasError('Minute must be an integer from 0 to 59.');
    (this.t as ClockTriggerModel).nearMinute = minute;
    return this;
  }
  /** A one-off trigger at least `ms` from now (developers.google.com/apps-script/reference/script/clock-trigger-builder#afterdurationmilliseconds). */
  after(ms: number): ClockTriggerBuilder {
    if (!Number.isInteger(ms) || ms < 0) throw new GasError('The duration must be a non-negative integer.');
    (this.t as ClockTriggerModel).once = this.x.google.now().getTime() + ms;
    return this;
  }
  /** A one-off trigger at an instant (…/clock-trigger-builder#atdate). */
  at(date: Date): ClockTriggerBuilder {
    (this.t as ClockTriggerModel).once = new Date(date).getTime();
    return this;
  }
  inTimezone(tz: string): ClockTriggerBuilder {
    this.t.timeZone = tz;
    return this;
  }
  create(): Trigger {
    const g = this.x.google;
    const mine = g.triggers.filter((t) => t.owner === this.x.user);
    if (mine.length >= 20)
      throw new GasError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    // An add-on has at most one trigger of each type per user per document
    // (developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions:
    // "Each add-on can only have one trigger of each type, per user, per document").
    const source = this.x.spreadsheetId ?? undefined;
    if (g.installedAsAddon && mine.some((t) => t.kind === 'CLOCK' && t.sourceId === source))
      throw new GasError(ADDON_TRIGGER_LIMIT_MESSAGE);
    const t: ClockTriggerModel = {
      nearMinute: (this.t as ClockTriggerModel).nearMinute,
      once: (this.t as ClockTriggerModel).once,
      id: g.newId('tr'),
      handler: this.t.handler!,
      owner: this.x.user,
      kind: 'CLOCK',
      sourceId: this.x.spreadsheetId ?? undefined,
      everyDays: this.t.everyDays ?? 1,
      everyHours: this.t.everyHours,
      atHour: this.t.atHour,
      timeZone: this.t.timeZone ?? g.scriptTimeZone,
      createdAt: g.now(),
    };
    g.triggers.push(t);
    return this.x.wrap(new Trigger(t), 'Trigger');
  }
}

export class TriggerBuilder {
  constructor(
    private readonly x: ServiceHost,
    private readonly handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    return this.x.wrap(new ClockTriggerBuilder(this.x, { handler: this.handler }), 'ClockTriggerBuilder');
  }
}

export class ScriptAppImpl {
  readonly AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  readonly TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' };
  readonly EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT' };
  readonly InstallationSource = {
    APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
    NONE: 'NONE',
    WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
  };
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
  constructor(private readonly x: ServiceHost) {}

  private missing(scopes: readonly string[]): string[] {
    const granted = this.x.grantedScopes();
    return scopes.filter((s) => !granted.includes(s));
  }
  /**
   * Whether the user has granted `scopes` (all of the manifest's when none are given), which
   * of them they granted, and the consent URL. developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
   */
  getAuthorizationInfo(_authMode: unknown, scopes?: string[]): AuthorizationInfo {
    const asked = scopes ?? this.x.scopes ?? [];
    const missing = this.missing(asked);
    const authorized = asked.filter((s) => !missing.includes(s));
    return this.x.wrap(new AuthorizationInfo(missing, authorized), 'AuthorizationInfo');
  }
  /**
   * Ends the execution with a consent prompt when the user has not granted every scope given
   * (developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)):
   * here it throws CONSENT_REQUIRED_MESSAGE and records a 'consent' Ui event naming them.
   */
  requireScopes(_authMode: unknown, scopes: string[]): void {
    const missing = this.missing(scopes);
    if (!missing.length) return;
    this.x.google.ui.push({
      kind: 'consent',
      spreadsheetId: this.x.spreadsheetId ?? '',
      message: missing.join(' '),
      at: this.x.google.now(),
    });
    throw new GasError(CONSENT_REQUIRED_MESSAGE);
  }
  /** requireScopes for every scope of the manifest. */
  requireAllScopes(authMode: unknown): void {
    this.requireScopes(authMode, [...(this.x.scopes ?? [])]);
  }
  newTrigger(handler: string): TriggerBuilder {
    return this.x.wrap(new TriggerBuilder(this.x, String(handler)), 'TriggerBuilder');
  }
  /** Installable triggers of this project owned by the current user (others' are invisible). */
  getProjectTriggers(): Trigger[] {
    return this.x.google.triggers
      .filter((t) => t.owner === this.x.user)
      .map((t) => this.x.wrap(new Trigger(t), 'Trigger'));
  }
  getUserTriggers(ss: { getId(): string }): Trigger[] {
    const id = ss.getId();
    return this.x.google.triggers
      .filter((t) => t.owner === this.x.user && t.sourceId === id)
      .map((t) => this.x.wrap(new Trigger(t), 'Trigger'));
  }
  deleteTrigger(trigger: Trigger): void {
    const g = this.x.google;
    const i = g.triggers.findIndex((t) => t.id === trigger.getUniqueId());
    if (i < 0) return;
    if (g.triggers[i]!.owner !== this.x.user)
      throw new GasError('You do not have permission to delete this trigger.');
    g.triggers.splice(i, 1);
  }
  /** NONE for a bound script; an add-on install source when the runtime runs as an add-on. */
  getInstallationSource(): string {
    return this.x.google.installedAsAddon ? 'WEB_STORE_ADD_ON' : 'NONE';
  }
  getOAuthToken(): string {
    return 'local-token';
  }
  getScriptId(): string {
    return 'local-script';
  }
}
