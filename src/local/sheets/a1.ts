/**
 * A1 notation: column letters ⇄ numbers and references such as `A1`, `B2:C5`, `A:A`,
 * `2:2`, `A2:C` and `'My Sheet'!A1:B2` (https://developers.google.com/sheets/api/guides/concepts,
 * "A1 notation"), and R1C1 references with absolute numbers (`R5C3`, `R2C2:R4C5`, reversed or
 * lower-case), which live Apps Script's getRange also reads (gas-fakes test/testsheets.js:226-250).
 */

export function columnToLetters(c: number): string {
  let s = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function lettersToColumn(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; null bounds are open (a whole column or row). */
export interface A1 {
  sheet?: string;
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

export function parseA1(a1: string): A1 | null {
  let sheet: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const rc = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(ref);
  if (rc) {
    const [ra, ca] = [Number(rc[1]), Number(rc[2])];
    const [rb, cb] = rc[3] ? [Number(rc[3]), Number(rc[4])] : [ra, ca];
    if (!ra || !ca || !rb || !cb) return null;
    const r1 = Math.min(ra, rb);
    const c1 = Math.min(ca, cb);
    return { sheet, r1, c1, r2: Math.max(ra, rb), c2: Math.max(ca, cb) };
  }
  const part = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
  const [a, b] = ref.split(':');
  const m1 = part.exec(a ?? '');
  if (!m1 || (!m1[1] && !m1[2])) return null;
  const p1 = { c: m1[1] ? lettersToColumn(m1[1]) : null, r: m1[2] ? Number(m1[2]) : null };
  let p2 = p1;
  if (b !== undefined) {
    const m2 = part.exec(b);
    if (!m2 || (!m2[1] && !m2[2])) return null;
    p2 = { c: m2[1] ? lettersToColumn(m2[1]) : null, r: m2[2] ? Number(m2[2]) : null };
  }
  if (p1.r === 0 || p2.r === 0) return null;
  return { sheet, r1: p1.r, c1: p1.c, r2: p2.r, c2: p2.c };
}
