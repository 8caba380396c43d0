/** The TextFinder pattern that tells whether any ID in a column is above the ID mark. */
import { describe, expect, it } from 'vitest';
import { formatId, idsAboveRegex } from '../../src/domain/records';

describe('idsAboveRegex', () => {
  it('matches exactly the IDs numbered above n, padded or not, with spaces, any case', () => {
    for (const n of [0, 1, 9, 10, 19, 99, 100, 109, 110, 199, 909, 999, 1000, 1234, 9999]) {
      const re = new RegExp(`^${idsAboveRegex('C', n)}$`, 'i');
      for (let k = 0; k <= 12_000; k += k < 2_100 ? 1 : 97) {
        for (const text of [formatId('C', k), `C-${k}`, ` c-${String(k).padStart(6, '0')} `]) {
          if (re.test(text) !== k > n)
            throw new Error(`n=${n}: "${text}" ${k > n ? 'not matched' : 'matched'}`);
        }
      }
      expect(re.test('S-9999')).toBe(false); // another table's prefix
      expect(re.test('C-12a')).toBe(false);
    }
  });
});
