/**
 * Conformance: PropertiesService, CacheService and LockService — what the add-on uses for
 * settings, short-lived state and mutual exclusion between executions.
 */
import { describe, expect, it } from 'vitest';
import { Execution } from '../../src/local/execution';
import { run, thrown, workbook } from './fixture';

describe('PropertiesService', () => {
  // https://developers.google.com/apps-script/guides/properties — "The Properties service
  // stores all data as strings in key-value pairs"; getProperty returns null for a missing key
  // (https://developers.google.com/apps-script/reference/properties/properties#getProperty(String)).
  it('stores strings, returns null for a missing key, deletes keys', () => {
    const { google } = workbook();
    const p = run(google).g.PropertiesService.getDocumentProperties();
    p.setProperty('count', 1);
    p.setProperty('flag', true);
    expect(p.getProperty('count')).toBe('1');
    expect(p.getProperty('flag')).toBe('true');
    expect(p.getProperty('missing')).toBeNull();
    p.deleteProperty('count');
    expect(p.getProperty('count')).toBeNull();
    expect(p.getProperties()).toEqual({ flag: 'true' });
  });

  // https://developers.google.com/apps-script/guides/properties#compare_property_stores —
  // script properties are shared by all users, user properties belong to one user, document
  // properties to one document; they are separate stores.
  it('document, user and script properties are separate stores', () => {
    const { google } = workbook();
    const a = run(google, { user: 'a@example.edu' }).g.PropertiesService;
    a.getScriptProperties().setProperty('k', 'script');
    a.getUserProperties().setProperty('k', 'user-a');
    a.getDocumentProperties().setProperty('k', 'doc');
    const b = run(google, { user: 'b@example.edu' }).g.PropertiesService;
    expect(b.getScriptProperties().getProperty('k')).toBe('script');
    expect(b.getUserProperties().getProperty('k')).toBeNull();
    expect(b.getDocumentProperties().getProperty('k')).toBe('doc');
    expect(a.getUserProperties().getProperty('k')).toBe('user-a');
    // Outside a document there is no document store: getDocumentProperties() is null.
    const none = run(google, { spreadsheetId: null }).g.PropertiesService;
    expect(none.getDocumentProperties()).toBeNull();
  });

  // https://developers.google.com/apps-script/guides/services/quotas — "Properties value size
  // 9 KB / val", "Properties total storage 500 KB / property store".
  it('a value over 9 KB and a store over 500 KB are refused', () => {
    const { google } = workbook();
    const p = run(google).g.PropertiesService.getScriptProperties();
    expect(thrown(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1)))).toBe('Argument too large: value');
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(thrown(() => p.setProperty('k56', 'x'.repeat(9000)))).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(p.getProperty('k56')).toBeNull();
  });
});

describe('CacheService', () => {
  // https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
  // "expirationInSeconds: the maximum time the value remains in the cache, in seconds. The
  // minimum is 1 second and the maximum is 21600 seconds (6 hours)."; get returns null when
  // nothing is cached (https://developers.google.com/apps-script/reference/cache/cache#get(String)).
  it('get returns null after the expiry, and the longest expiry is 6 hours', () => {
    const { google } = workbook();
    const t0 = new Date('2026-03-15T00:00:00Z');
    google.setNow(t0);
    const c = run(google).g.CacheService.getScriptCache();
    c.put('short', 'v', 60);
    c.put('long', 'v', 100_000);
    c.put('default', 'v'); // put(key, value): "expires from the cache after 600 seconds"
    google.setNow(new Date(t0.getTime() + 59_000));
    expect(c.get('short')).toBe('v');
    google.setNow(new Date(t0.getTime() + 61_000));
    expect(c.get('short')).toBeNull();
    expect(c.get('default')).toBe('v');
    google.setNow(new Date(t0.getTime() + 601_000));
    expect(c.get('default')).toBeNull();
    google.setNow(new Date(t0.getTime() + 21_599_000));
    expect(c.get('long')).toBe('v');
    google.setNow(new Date(t0.getTime() + 21_601_000));
    expect(c.get('long')).toBeNull();
    expect(c.get('never-put')).toBeNull();
  });
});

describe('LockService', () => {
  // https://developers.google.com/apps-script/reference/lock/lock#hasLock() — false "if
  // tryLock(timeoutInMillis) or waitLock(timeoutInMillis) were never called"; tryLock
  // "Returns true if the lock was acquired".
  it('hasLock is false before, tryLock is true when the lock is free', () => {
    const { google } = workbook();
    const lock = run(google).g.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  // A second execution cannot take a document lock another execution holds; waitLock
  // throws when it times out (https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
  // "timing out with an exception"; the message is the one Apps Script shows, as widely
  // quoted on Stack Overflow under [google-apps-script] "Lock timeout").
  it("a second execution's tryLock is false and waitLock throws while the lock is held", () => {
    const { google } = workbook();
    const first = run(google).g.LockService.getDocumentLock();
    first.waitLock(30_000);
    const second = run(google).g.LockService.getDocumentLock();
    expect(second.tryLock(10)).toBe(false);
    expect(second.hasLock()).toBe(false);
    expect(thrown(() => second.waitLock(10))).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  // https://developers.google.com/apps-script/reference/lock/lock#releaseLock() — "Releases
  // the lock, allowing other processes waiting on the lock to continue. The lock is
  // automatically released when the script terminates".
  it('releaseLock frees the lock, and so does the end of the execution', () => {
    const { google } = workbook();
    const a = run(google);
    const lockA = a.g.LockService.getScriptLock();
    expect(lockA.tryLock(0)).toBe(true);
    lockA.releaseLock();
    expect(lockA.hasLock()).toBe(false);
    const b = run(google);
    expect(b.g.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(run(google).g.LockService.getScriptLock().tryLock(0)).toBe(false);
    b.x.end();
    expect(run(google).g.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  // https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
  // "If this method is called outside of the context of a containing document ... null is
  // returned." User locks are per user
  // (https://developers.google.com/apps-script/reference/lock/lock-service#getUserLock()).
  it('document lock is null outside a document; user locks are per user', () => {
    const { google } = workbook();
    expect(new Execution(google).globals.LockService).toBeDefined();
    expect(
      (new Execution(google, { spreadsheetId: null }).globals as any).LockService.getDocumentLock(),
    ).toBeNull();
    const a = run(google, { user: 'a@example.edu' }).g.LockService.getUserLock();
    const b = run(google, { user: 'b@example.edu' }).g.LockService.getUserLock();
    expect(a.tryLock(0)).toBe(true);
    expect(b.tryLock(0)).toBe(true);
    expect(run(google, { user: 'a@example.edu' }).g.LockService.getUserLock().tryLock(0)).toBe(false);
  });
});
