/**
 * The smaller services: LockService, PropertiesService, CacheService, Session, Utilities,
 * HtmlService and Logger, emulated after the Apps Script reference.
 */
import type { LockState } from '../backend';
import { GasError } from '../errors';
import type { ServiceHost } from '../host';

// ---------------------------------------------------------------- LockService

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class Lock {
  constructor(
    private readonly x: ServiceHost,
    readonly _state: LockState,
  ) {}
  /** Acquires the lock if free (or already ours); never waits. Not a service call. */
  _tryAcquire(): boolean {
    if (this._state.owner === null || this._state.owner === this.x.id) {
      this._state.owner = this.x.id;
      this.x.heldLocks.add(this._state);
      return true;
    }
    return false;
  }
  tryLock(timeoutInMillis: number): boolean {
    // A negative timeout never acquires, even a free lock (gas-fakes test/testlock.js:64-76).
    if (Number(timeoutInMillis) < 0) return false;
    // In one thread nobody else can release the lock while we wait: time out at once, the
    // wait counted on the estimated clock (a simple trigger's 30 s include it).
    // Executions in worker threads wait for real (see rpc.ts).
    if (this._tryAcquire()) return true;
    this.x.counter.spend(Number(timeoutInMillis) || 0);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new GasError(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this._state.owner === this.x.id;
  }
  releaseLock(): void {
    if (this._state.owner === this.x.id) {
      this._state.owner = null;
      this.x.heldLocks.delete(this._state);
    }
  }
}

export class LockServiceImpl {
  constructor(private readonly x: ServiceHost) {}
  getDocumentLock(): Lock | null {
    const id = this.x.spreadsheetId;
    if (!id) return null;
    return this.x.wrap(new Lock(this.x, this.x.google.documentLock(id)), 'Lock');
  }
  getScriptLock(): Lock {
    return this.x.wrap(new Lock(this.x, this.x.google.scriptLock), 'Lock');
  }
  getUserLock(): Lock {
    return this.x.wrap(new Lock(this.x, this.x.google.userLock(this.x.user)), 'Lock');
  }
}

// ---------------------------------------------------------------- PropertiesService

/** Quotas (developers.google.com/apps-script/guides/services/quotas): 9 KB a value, 500 KB a store. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class Properties {
  constructor(readonly _m: Map<string, string>) {}
  getProperty(k: string): string | null {
    return this._m.get(String(k)) ?? null;
  }
  /** Writes entries after checking the quotas, so a refused write changes nothing. */
  private _write(entries: [string, string][], base: Map<string, string>): void {
    for (const [, v] of entries) {
      if (bytes(v) > PROPERTY_VALUE_MAX_BYTES) throw new GasError('Argument too large: value');
    }
    const next = new Map(base);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_MAX_BYTES) {
      throw new GasError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    if (base !== this._m) this._m.clear();
    for (const [k, v] of entries) this._m.set(k, v);
  }
  setProperty(k: string, v: unknown): Properties {
    this._write([[String(k), String(v)]], this._m);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._m);
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): Properties {
    const entries = Object.entries(props).map(([k, v]) => [k, String(v)] as [string, string]);
    this._write(entries, deleteAllOthers ? new Map() : this._m);
    return this;
  }
  getKeys(): string[] {
    return [...this._m.keys()];
  }
  deleteProperty(k: string): Properties {
    this._m.delete(String(k));
    return this;
  }
  deleteAllProperties(): Properties {
    this._m.clear();
    return this;
  }
}

export class PropertiesServiceImpl {
  constructor(private readonly x: ServiceHost) {}
  getScriptProperties(): Properties {
    return this.x.wrap(new Properties(this.x.google.scriptProperties), 'Properties');
  }
  getDocumentProperties(): Properties | null {
    const id = this.x.spreadsheetId;
    if (!id) return null;
    let m = this.x.google.documentProperties.get(id);
    if (!m) this.x.google.documentProperties.set(id, (m = new Map()));
    return this.x.wrap(new Properties(m), 'Properties');
  }
  getUserProperties(): Properties {
    let m = this.x.google.userProperties.get(this.x.user);
    if (!m) this.x.google.userProperties.set(this.x.user, (m = new Map()));
    return this.x.wrap(new Properties(m), 'Properties');
  }
}

// ---------------------------------------------------------------- CacheService

export class Cache {
  constructor(
    private readonly x: ServiceHost,
    private readonly m: Map<string, { value: string; expires: number }>,
  ) {}
  get(k: string): string | null {
    const e = this.m.get(String(k));
    if (!e) return null;
    if (e.expires <= this.x.google.now().getTime()) {
      this.m.delete(String(k));
      return null;
    }
    return e.value;
  }
  /** Returns null, as Apps Script does (gas-fakes test/teststores.js:74-77). */
  put(k: string, v: string, expirationInSeconds = 600): null {
    const s = String(v);
    if (s.length > 100 * 1024) throw new GasError('Argument too large: value');
    const ttl = Math.min(Math.max(1, expirationInSeconds), 21_600);
    this.m.set(String(k), { value: s, expires: this.x.google.now().getTime() + ttl * 1000 });
    return null;
  }
  remove(k: string): null {
    this.m.delete(String(k));
    return null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, ttl = 600): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, ttl);
  }
}

export class CacheServiceImpl {
  constructor(private readonly x: ServiceHost) {}
  private cache(name: string): Cache {
    let m = this.x.google.caches.get(name);
    if (!m) this.x.google.caches.set(name, (m = new Map()));
    return this.x.wrap(new Cache(this.x, m), 'Cache');
  }
  getScriptCache(): Cache {
    return this.cache('script');
  }
  getDocumentCache(): Cache | null {
    return this.x.spreadsheetId ? this.cache(`doc:${this.x.spreadsheetId}`) : null;
  }
  getUserCache(): Cache {
    return this.cache(`user:${this.x.user}`);
  }
}

// ---------------------------------------------------------------- Session

/** A User; String(user) is its email (gas-fakes test/testsession.js:21). */
const user = (email: string) => ({ getEmail: () => email, toString: () => email });

/** The active user's email as Apps Script gives it to `x` ('' where it is withheld). */
export function activeUserEmail(x: ServiceHost): string {
  const g = x.google;
  if (x.authMode === 'NONE' || g.withheldIdentities.has(x.user)) return '';
  if (x.authMode === 'LIMITED' && g.developerDomain !== null) {
    const domain = x.user.slice(x.user.lastIndexOf('@') + 1).toLowerCase();
    if (domain !== g.developerDomain.toLowerCase()) return '';
  }
  return x.user;
}

export class SessionImpl {
  constructor(private readonly x: ServiceHost) {}
  /**
   * '' where Apps Script withholds the email (developers.google.com/apps-script/reference/base/session#getActiveUser():
   * "not available in any context that allows a script to run without that user's
   * authorization, like a simple onOpen(e) or onEdit(e) trigger … these restrictions
   * generally do not apply if the developer runs the script themselves or belongs to the same
   * Google Workspace domain as the user"): AuthMode.NONE; a simple trigger (LIMITED) of a
   * user outside the developer's domain; an account whose identity is withheld.
   */
  getActiveUser(): { getEmail(): string } {
    return user(activeUserEmail(this.x));
  }
  getEffectiveUser(): { getEmail(): string } {
    const email = this.x.authMode === 'NONE' ? '' : this.x.user;
    return user(email);
  }
  getScriptTimeZone(): string {
    return this.x.google.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.x.locale;
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.x.user}`;
  }
}

// ---------------------------------------------------------------- Utilities

export class UtilitiesImpl {
  constructor(private readonly x: ServiceHost) {}
  formatDate(date: Date, timeZone: string, format: string): string {
    return this.x.formatDate(date, timeZone, format);
  }
  sleep(ms: number): void {
    this.x.counter.spend(Math.min(ms, 300_000)); // on the estimated clock too
    const until = Date.now() + Math.min(ms, 300_000);
    while (Date.now() < until) {
      /* busy wait, as short as asked */
    }
  }
  getUuid(): string {
    return globalThis.crypto.randomUUID();
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%[sd]/g, () => String(args[i++]));
  }
  base64Encode(data: string | number[]): string {
    return Buffer.from(typeof data === 'string' ? data : Uint8Array.from(data)).toString('base64');
  }
  /** A blob from text is `text/plain` and has no name (gas-fakes test/testutilities.js:100-101). */
  newBlob(
    data: string | number[] | Uint8Array,
    contentType: string = typeof data === 'string' ? 'text/plain' : 'application/octet-stream',
    name: string | null = null,
  ): Blob {
    const bytes =
      typeof data === 'string'
        ? new TextEncoder().encode(data)
        : data instanceof Uint8Array
          ? data
          : Uint8Array.from(data);
    return this.x.wrap(new Blob(bytes, contentType, name), 'Blob');
  }
}

export class Blob {
  constructor(
    readonly _bytes: Uint8Array,
    private contentType: string,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return Array.from(this._bytes, (b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(): string {
    return new TextDecoder().decode(this._bytes);
  }
  getContentType(): string {
    return this.contentType;
  }
  setContentType(t: string): Blob {
    this.contentType = t;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(n: string): Blob {
    this.name = n;
    return this;
  }
  getBlob(): Blob {
    return this;
  }
}

// ---------------------------------------------------------------- HtmlService

export class HtmlOutput {
  private title = '';
  private width = 300;
  private height = 500;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(c: string): HtmlOutput {
    this.content = String(c);
    return this;
  }
  append(c: string): HtmlOutput {
    this.content += String(c);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(t: string): HtmlOutput {
    this.title = String(t);
    return this;
  }
  setWidth(w: number): HtmlOutput {
    this.width = w;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(h: number): HtmlOutput {
    this.height = h;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): HtmlOutput {
    return this;
  }
  setXFrameOptionsMode(): HtmlOutput {
    return this;
  }
  addMetaTag(): HtmlOutput {
    return this;
  }
}

export class HtmlServiceImpl {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  constructor(private readonly x: ServiceHost) {}
  createHtmlOutput(html = ''): HtmlOutput {
    return this.x.wrap(new HtmlOutput(String(html)), 'HtmlOutput');
  }
  createHtmlOutputFromFile(name: string): HtmlOutput {
    const file = this.x.projectFiles.get(`${name}.html`) ?? this.x.projectFiles.get(name);
    if (file === undefined) throw new GasError(`No HTML file named ${name} was found.`);
    return this.x.wrap(new HtmlOutput(file), 'HtmlOutput');
  }
}

// ---------------------------------------------------------------- Logger

export class LoggerImpl {
  constructor(private readonly x: ServiceHost) {}
  log(fmt: unknown, ...args: unknown[]): LoggerImpl {
    const s =
      typeof fmt === 'string' && args.length ? fmt.replace(/%s/g, () => String(args.shift())) : String(fmt);
    this.x.google.logs.push(s);
    return this;
  }
}
