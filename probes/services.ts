/**
 * Probes of the script services: locks, caches, properties, blobs, dates and the user — the
 * live-behaviours rows (gas-fakes, commit dedcae38) and the facts of
 * test/conformance/services.test.ts and utilities.test.ts.
 */
import { matches, type Probe } from './types';

const GF = 'https://github.com/brucemcpherson/gas-fakes/blob/dedcae38/';
const REF = 'https://developers.google.com/apps-script/reference/';
/** 2026-03-15 06:30:05.042 UTC, a Sunday. */
const AT = Date.UTC(2026, 2, 15, 6, 30, 5, 42);

export const SERVICES: Probe[] = [
  {
    name: 'tryLockNegativeTimeout',
    fact: 'tryLock(-100) is false and leaves hasLock() false, even on a free lock.',
    source: `${GF}test/testlock.js:64-70`,
    expected: [false, false],
    run: () => {
      const lock = LockService.getScriptLock();
      return [lock.tryLock(-100), lock.hasLock()];
    },
  },
  {
    name: 'waitLockNegativeTimeout',
    fact: 'waitLock(-100) throws Lock timeout, even on a free lock.',
    source: `${GF}test/testlock.js:72-76`,
    expected: [matches('Lock timeout'), false],
    run: (t) => {
      const lock = LockService.getScriptLock();
      return [t.thrown(() => lock.waitLock(-100)), lock.hasLock()];
    },
  },
  {
    name: 'lockFreeTryLock',
    fact: 'hasLock is false before; tryLock is true on a free lock; releaseLock frees it.',
    source: `${REF}lock/lock#tryLock(Integer)`,
    expected: [false, true, true, false],
    run: () => {
      const lock = LockService.getScriptLock();
      const before = lock.hasLock();
      const got = lock.tryLock(1000);
      const held = lock.hasLock();
      lock.releaseLock();
      return [before, got, held, lock.hasLock()];
    },
  },
  {
    name: 'cachePutAndRemoveReturnNull',
    fact: 'CacheService put (with and without expiry) and remove return null.',
    source: `${GF}test/teststores.js:74-77`,
    unconfirmed: 'the peer marks these as unverified by its own tester',
    // Compared in the script: JSON (and so scripts.run) turns undefined into null.
    expected: [true, 'v', true, true],
    run: () => {
      const cache = CacheService.getScriptCache();
      const put = (cache.put('probe_k', 'v') as unknown) === null;
      const got = cache.get('probe_k');
      const removed = (cache.remove('probe_k') as unknown) === null;
      const put2 = (cache.put('probe_k', 'w', 2) as unknown) === null;
      cache.remove('probe_k');
      return [put, got, removed, put2];
    },
  },
  {
    name: 'newBlobFromText',
    fact: 'Utilities.newBlob(text) has no name (null) and is text/plain; name and type can be given.',
    source: `${GF}test/testutilities.js:100-101; test/testfixes.js:19`,
    expected: [true, 'text/plain', 'some text', 'a.csv', 'text/csv'],
    run: () => {
      const blob = Utilities.newBlob('some text');
      const named = Utilities.newBlob('x', 'text/csv', 'a.csv');
      return [
        blob.getName() === null, // null itself: JSON would not tell undefined from null
        blob.getContentType(),
        blob.getDataAsString(),
        named.getName(),
        named.getContentType(),
      ];
    },
  },
  {
    name: 'propertiesAreStrings',
    fact: 'Properties store strings: a number comes back as text, a missing key as null.',
    source: `${REF}properties/properties#setProperty(String,String)`,
    expected: ['1', 'true', null, null],
    run: () => {
      const p = PropertiesService.getScriptProperties();
      p.setProperty('probe_count', 1 as unknown as string);
      p.setProperty('probe_flag', true as unknown as string);
      const out = [p.getProperty('probe_count'), p.getProperty('probe_flag'), p.getProperty('probe_missing')];
      p.deleteProperty('probe_count');
      p.deleteProperty('probe_flag');
      return [...out, p.getProperty('probe_count')];
    },
  },
  {
    name: 'propertyValueTooLarge',
    fact: 'A property value over 9 KB is refused.',
    source: 'https://developers.google.com/apps-script/guides/services/quotas (Properties value size 9 KB)',
    expected: 'Argument too large: value',
    run: (t) =>
      t.thrown(() =>
        PropertiesService.getScriptProperties().setProperty('probe_big', 'x'.repeat(9 * 1024 + 1)),
      ),
  },
  {
    name: 'formatDateInTwoZones',
    fact: 'Utilities.formatDate uses Java SimpleDateFormat letters in the zone given.',
    source: `${REF}utilities/utilities#formatDate(Date,String,String)`,
    expected: ['2026-03-15 14:30', '2026-03-15 02:30', '26/3/15 14:30:5.042'],
    run: () => [
      Utilities.formatDate(new Date(AT), 'Asia/Shanghai', 'yyyy-MM-dd HH:mm'),
      Utilities.formatDate(new Date(AT), 'America/New_York', 'yyyy-MM-dd HH:mm'),
      Utilities.formatDate(new Date(AT), 'Asia/Shanghai', 'yy/M/d H:m:s.SSS'),
    ],
  },
  {
    name: 'formatDateNamesAndOffsets',
    fact: 'formatDate: day and month names, the 12-hour clock, Z and XXX offsets, quoted text.',
    source: 'https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html',
    expected: ['Sun, 15 Mar 2026', 'Sunday 15 March', '2:30 PM', '+0800 +08:00', '+0000 Z', "2 o'clock PM"],
    run: () => {
      const d = new Date(AT);
      return [
        Utilities.formatDate(d, 'Asia/Shanghai', 'EEE, d MMM yyyy'),
        Utilities.formatDate(d, 'Asia/Shanghai', 'EEEE d MMMM'),
        Utilities.formatDate(d, 'Asia/Shanghai', 'h:mm a'),
        Utilities.formatDate(d, 'Asia/Shanghai', 'Z XXX'),
        Utilities.formatDate(d, 'UTC', 'Z XXX'),
        Utilities.formatDate(d, 'Asia/Shanghai', "h 'o''clock' a"),
      ];
    },
  },
  {
    name: 'formatDateGmtOffsetZones',
    fact: 'formatDate accepts GMT+8-style zones.',
    source: 'https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html (custom time zone IDs)',
    expected: ['14:30 +08:00', '01:00 -0530'],
    run: () => [
      Utilities.formatDate(new Date(AT), 'GMT+8', 'HH:mm XXX'),
      Utilities.formatDate(new Date(AT), 'GMT-05:30', 'HH:mm Z'),
    ],
  },
  {
    name: 'stringOfTheUser',
    fact: 'String(Session.getEffectiveUser()) is the email.',
    source: `${GF}test/testsession.js:21`,
    expected: true,
    run: () => String(Session.getEffectiveUser()) === Session.getEffectiveUser().getEmail(),
  },
  {
    name: 'documentLockOutsideADocument',
    fact: 'A standalone script has no document lock (null) and no document properties (null).',
    source: `${REF}lock/lock-service#getDocumentLock(); ${REF}properties/properties-service#getDocumentProperties()`,
    expected: [null, null],
    run: () => [
      LockService.getDocumentLock() as unknown as null,
      PropertiesService.getDocumentProperties() as unknown as null,
    ],
  },
];
