/**
 * Node side of the probes: does an observation match what live Apps Script returns?
 * `{ $matches: source }` in an expected value matches a string by that RegExp.
 */
import type { Expected, Json } from './types';

export function matchesExpected(expected: Expected, actual: Json | undefined): boolean {
  if (
    expected !== null &&
    typeof expected === 'object' &&
    !Array.isArray(expected) &&
    '$matches' in expected
  ) {
    return typeof actual === 'string' && new RegExp(String(expected.$matches)).test(actual);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matchesExpected(e, actual[i]))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((k) => matchesExpected((expected as Record<string, Expected>)[k]!, actual[k]))
    );
  }
  return expected === actual;
}

/** One line of JSON, cut to `max` characters, for reports. */
export function show(v: unknown, max = 160): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
