/**
 * npm run smoke -- --spreadsheet <ID>: the live smoke test against real Google. After
 * `npm run push` and "Set up workbook" in the real spreadsheet, it reads the workbook
 * through the Sheets API (googleapis) and checks it keeps the product contract: every
 * sheet, every header, frozen header rows (src/domain/contract.ts).
 *
 * Credentials: those of `clasp login` (~/.clasprc.json, or the file in clasp_config_auth),
 * logged in once with the read-only Sheets scope added:
 *   npx clasp login --extra-scopes https://www.googleapis.com/auth/spreadsheets.readonly
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractProblems } from '../src/domain/contract';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';
export const HOW_TO_LOGIN = `No Google credentials found. Log in once with clasp, adding read-only access to Sheets:

  npx clasp login --extra-scopes ${SHEETS_SCOPE}

then run: npm run smoke -- --spreadsheet <SPREADSHEET_ID>`;

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** clasp 3's credential file: { tokens: { <user>: authorized_user JSON } }. */
export function claspCredentials(file: string, user = 'default'): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  const store = JSON.parse(readFileSync(file, 'utf8')) as {
    tokens?: Record<string, Record<string, unknown>>;
  };
  const creds = store.tokens?.[user];
  return creds?.refresh_token ? { type: 'authorized_user', ...creds } : null;
}

async function main(): Promise<number> {
  const spreadsheetId = opt('spreadsheet') ?? process.env.OD_SMOKE_SPREADSHEET;
  if (!spreadsheetId) {
    console.error(
      'Name the spreadsheet: npm run smoke -- --spreadsheet <SPREADSHEET_ID> (the long ID in its URL).',
    );
    return 2;
  }
  const authFile = resolve(opt('auth') ?? process.env.clasp_config_auth ?? join(homedir(), '.clasprc.json'));
  const creds = claspCredentials(authFile, opt('user') ?? 'default');
  if (!creds) {
    console.error(HOW_TO_LOGIN);
    return 2;
  }
  const { google } = await import('googleapis');
  const auth = google.auth.fromJSON(creds as Parameters<typeof google.auth.fromJSON>[0]);
  const sheets = google.sheets({ version: 'v4', auth: auth as never });
  try {
    const meta = await sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'properties(title,timeZone),sheets(properties(title,gridProperties(frozenRowCount)))',
    });
    const tabs = (meta.data.sheets ?? []).map((s) => ({
      title: s.properties?.title ?? '',
      frozenRows: s.properties?.gridProperties?.frozenRowCount ?? 0,
    }));
    const quoted = (t: string) => `'${t.replace(/'/g, "''")}'!1:1`;
    const values = tabs.length
      ? await sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: tabs.map((t) => quoted(t.title)) })
      : { data: { valueRanges: [] } };
    const shapes = tabs.map((t, i) => ({ ...t, header: values.data.valueRanges?.[i]?.values?.[0] ?? [] }));
    const problems = contractProblems(shapes);
    console.log(`${meta.data.properties?.title} (${meta.data.properties?.timeZone}): ${tabs.length} sheets`);
    if (problems.length) {
      for (const p of problems) console.error(`✗ ${p}`);
      console.error('Run "Set up workbook" from the Outreach Desk menu, then try again.');
      return 1;
    }
    console.log('✓ Every sheet and header of the contract is there, header rows frozen.');
    return 0;
  } catch (e) {
    const msg = (e as Error).message;
    if (/insufficient.*scope|PERMISSION_DENIED|403/i.test(msg)) console.error(`${msg}\n\n${HOW_TO_LOGIN}`);
    else console.error(msg);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code));
}
