/**
 * What `npm run deploy` and `npm run live-check` share: clasp's login (~/.clasprc.json, as
 * scripts/smoke.ts reads it), the Google REST clients (googleapis), and one explanation per
 * failure that says what to do — never a stack trace.
 *
 * OD_GOOGLE_ROOT_URL and OD_GOOGLE_TOKEN_URL point the clients at another server instead of
 * Google (test/scripts/ run both scripts against a loopback stand-in; nothing else uses them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { google, type script_v1 } from 'googleapis';
import { claspCredentials } from './smoke';

export interface Io {
  log(line: string): void;
  error(line: string): void;
}
export const consoleIo: Io = { log: (l) => console.log(l), error: (l) => console.error(l) };

/** The argument after `--name`, if any. */
export function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export const HOW_TO_LOGIN = `You are not logged in to Google with clasp, so there is no account to work with.

  1. npx clasp login            (opens a browser; use the Google account that should own the script)
  2. Enable the Apps Script API for that account: https://script.google.com/home/usersettings
  3. Run this command again.`;

export const HOW_TO_ENABLE_API = `The Apps Script API is off for this account (or its Cloud project).

  Turn it on at https://script.google.com/home/usersettings ("Google Apps Script API": On),
  wait a minute, then run this command again. If the message names a Cloud project, also enable
  "Apps Script API" for that project in https://console.cloud.google.com/apis/library/script.googleapis.com`;

export type OAuthClient = InstanceType<typeof google.auth.OAuth2>;

/** The OAuth client of clasp's login, or null when there is none. */
export function claspAuth(argv: string[], env: NodeJS.ProcessEnv): OAuthClient | null {
  const file = resolve(
    flag(argv, 'auth') ?? env.clasp_config_auth ?? join(env.HOME ?? homedir(), '.clasprc.json'),
  );
  let creds: Record<string, unknown> | null;
  try {
    creds = claspCredentials(file, flag(argv, 'user') ?? 'default');
  } catch {
    return null; // unreadable credential file: log in again
  }
  if (!creds) return null;
  const tokenUrl = env.OD_GOOGLE_TOKEN_URL;
  const auth = new google.auth.OAuth2({
    clientId: String(creds.client_id ?? ''),
    clientSecret: String(creds.client_secret ?? ''),
    ...(tokenUrl ? { endpoints: { oauth2TokenUrl: tokenUrl } } : {}),
  });
  auth.setCredentials({
    refresh_token: String(creds.refresh_token),
    ...(creds.access_token ? { access_token: String(creds.access_token) } : {}),
    ...(typeof creds.expiry_date === 'number' ? { expiry_date: creds.expiry_date } : {}),
  });
  return auth;
}

export interface Clients {
  script: script_v1.Script;
  drive: ReturnType<typeof google.drive>;
}

export function clients(auth: OAuthClient, env: NodeJS.ProcessEnv): Clients {
  const rootUrl = env.OD_GOOGLE_ROOT_URL ? { rootUrl: env.OD_GOOGLE_ROOT_URL } : {};
  return {
    script: google.script({ version: 'v1', auth, ...rootUrl }),
    drive: google.drive({ version: 'v3', auth, ...rootUrl }),
  };
}

/** Status, Google's status word and message of a failed request (gaxios errors and others). */
export function failure(e: unknown): { code: number; status: string; message: string } {
  const err = e as {
    status?: number;
    code?: number | string;
    message?: string;
    response?: {
      status?: number;
      data?: { error?: { status?: string; message?: string } | string; error_description?: string };
    };
  };
  const data = err.response?.data;
  const body = typeof data?.error === 'object' ? data.error : undefined;
  const code = Number(err.response?.status ?? err.status ?? (typeof err.code === 'number' ? err.code : 0));
  const status = body?.status ?? (typeof data?.error === 'string' ? data.error : '');
  const message = body?.message ?? data?.error_description ?? err.message ?? String(e);
  return { code, status, message };
}

/**
 * What to do about a failed request. `what` names the thing asked for (for "not found"),
 * `scriptId` the project it was about.
 */
export function explain(e: unknown, scriptId?: string): string {
  const { code, status, message } = failure(e);
  const said = `Google said: ${code || ''} ${status} ${message}`.replace(/\s+/g, ' ').trim();
  if (
    /invalid_grant|invalid_client|unauthorized_client|invalid_rapt/i.test(`${status} ${message}`) ||
    code === 401
  ) {
    return `Your clasp login has expired or was revoked.\n\n${HOW_TO_LOGIN}\n\n${said}`;
  }
  if (
    /Apps Script API|script\.googleapis\.com|SERVICE_DISABLED|usersettings/i.test(message) &&
    code === 403
  ) {
    return `${HOW_TO_ENABLE_API}\n\n${said}`;
  }
  if (/insufficient.*scope|ACCESS_TOKEN_SCOPE_INSUFFICIENT/i.test(`${status} ${message}`)) {
    return `Your clasp login does not allow this. Log in again (npx clasp login) and run this command again.\n\n${said}`;
  }
  if ((code === 404 || code === 403) && scriptId) {
    return `The script project ${scriptId} is not there for the account you are logged in with: wrong account, or a deleted project.

  - If it belongs to another account: npx clasp logout, then npx clasp login with that account.
  - If it was deleted, or is not yours: remove the remembered ID (see above) and run again.

${said}`;
  }
  if (code === 429)
    return `Google's quota for this is used up for now: wait a few minutes and run again.\n\n${said}`;
  if (!code) return `Could not reach Google (${message}). Check the connection and run again.`;
  return said;
}

/** A project's files for projects.updateContent, from a built folder's file names and texts. */
export function projectFiles(files: { name: string; text: string }[]): script_v1.Schema$File[] {
  return files
    .filter((f) => /\.(js|html|json)$/.test(f.name))
    .map((f) => {
      const [stem, ext] = [f.name.replace(/\.[^.]+$/, ''), f.name.split('.').pop()];
      const type = ext === 'json' ? 'JSON' : ext === 'html' ? 'HTML' : 'SERVER_JS';
      return { name: stem, type, source: f.text };
    })
    .sort((a, b) => (a.type === 'JSON' ? -1 : b.type === 'JSON' ? 1 : a.name!.localeCompare(b.name!)));
}

/**
 * What a script remembered between runs (`.clasp.local.json`, `.clasp.probes.json`): {} when
 * there is none yet; null, after telling `io` the file and `fix`, when it is not JSON.
 */
export function readState<T extends object>(file: string, io: Io, fix: string): Partial<T> | null {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<T>;
  } catch {
    io.error(`${file} is not valid JSON: ${fix}`);
    return null;
  }
}

/** The named files of a built project folder, as the Apps Script API takes them. */
export function projectFilesIn(dir: string, names: readonly string[]): script_v1.Schema$File[] {
  return projectFiles(names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
}
