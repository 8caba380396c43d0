/**
 * A person typing into the workbench grid meets the sheet protections Set up made, as in
 * Sheets: an Officer's edit of Ledger is refused with the message (not a server error), the
 * Treasurer's goes through.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorkbench } from '../../src/local/workbench/server';
import { bundleDir } from '../support/bundle';

const dir = mkdtempSync(join(tmpdir(), 'od-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('typing into a protected sheet', () => {
  it('is refused for an Officer and allowed for the Treasurer', async () => {
    const wb = await startWorkbench({ port: 0, workbookPath: join(dir, 'w.xlsx'), projectDir: bundleDir() });
    try {
      const post = async (body: unknown) => {
        const res = await fetch(new URL('/api/cell', wb.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const edit = { sheet: 'Ledger', row: 2, col: 12, text: 'checked' };
      const officer = await post({ ...edit, user: 'zhang.wei@example.edu' });
      expect(officer.status).toBe(422);
      expect(JSON.stringify(officer.body)).toMatch(/You are trying to edit a protected cell or object/);
      const treasurer = await post({ ...edit, user: 'wang.fang@example.edu' });
      expect(treasurer.status).toBe(200);
    } finally {
      await wb.close();
    }
  });
});
