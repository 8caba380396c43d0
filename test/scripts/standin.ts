/**
 * A loopback stand-in for the Google REST endpoints `npm run deploy` and `npm run live-check`
 * call (OAuth token, Drive v3 files.create, Apps Script API projects/versions/deployments and
 * scripts.run), answering in Google's JSON shapes, recording every request in order. The
 * scripts reach it through OD_GOOGLE_ROOT_URL / OD_GOOGLE_TOKEN_URL (scripts/google-api.ts).
 * scripts.run runs the functions of the code last pushed in the local runtime, so the
 * stand-in is a Google whose Apps Script is ours.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProbesLocally } from '../../probes/local';

export interface Seen {
  method: string;
  path: string;
  body: any;
  authorization: string;
}
export interface Reply {
  status?: number;
  body: unknown;
}
type Handler = (m: RegExpExecArray, body: any) => Reply;

/** Google's error body. */
export const googleError = (code: number, status: string, message: string): Reply => ({
  status: code,
  body: { error: { code, status, message } },
});

export class StandIn {
  readonly seen: Seen[] = [];
  private readonly overrides: [string, RegExp, Handler][] = [];
  private server: Server | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'od-standin-'));
  /** Pushed content per script ID. */
  readonly content = new Map<string, { name: string; type: string; source: string }[]>();
  readonly deployments = new Map<string, { deploymentId: string; deploymentConfig: any }[]>();
  /** The spreadsheet each script is bound to. */
  readonly parents = new Map<string, string>();
  private seq = 0;
  url = '';

  /** Answer `method path` (a RegExp on the path) with `handler` instead of the default. */
  on(method: string, path: RegExp, handler: Handler): this {
    this.overrides.push([method, path, handler]);
    return this;
  }

  /** The requests as `METHOD /path`, in order (token requests included). */
  get calls(): string[] {
    return this.seen.map((s) => `${s.method} ${s.path}`);
  }

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0]!;
      this.seen.push({
        method: req.method ?? '',
        path,
        body,
        authorization: String(req.headers.authorization ?? ''),
      });
      let reply: Reply;
      try {
        reply = this.answer(req.method ?? '', path, body);
      } catch (e) {
        reply = googleError(500, 'INTERNAL', (e as Error).message);
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A script project that exists already (made in the editor, or by an earlier run). */
  project(scriptId: string, parentId?: string): this {
    this.content.set(scriptId, []);
    if (parentId) this.parents.set(scriptId, parentId);
    return this;
  }

  /** The environment that points the scripts here. */
  env(home: string): NodeJS.ProcessEnv {
    return { HOME: home, OD_GOOGLE_ROOT_URL: `${this.url}/`, OD_GOOGLE_TOKEN_URL: `${this.url}/token` };
  }

  private answer(method: string, path: string, body: any): Reply {
    for (const [m, re, h] of this.overrides) {
      const hit = m === method ? re.exec(path) : null;
      if (hit) return h(hit, body);
    }
    const route = (m: string, re: RegExp) => (m === method ? re.exec(path) : null);
    let hit: RegExpExecArray | null;
    if (route('POST', /^\/token$/))
      return { body: { access_token: 'fresh-token', expires_in: 3600, token_type: 'Bearer' } };
    if (route('POST', /^\/drive\/v3\/files$/))
      return { body: { id: `sheet-${++this.seq}`, name: body?.name } };
    if (route('POST', /^\/v1\/projects$/)) {
      const scriptId = `script-${++this.seq}`;
      this.content.set(scriptId, []);
      if (body?.parentId) this.parents.set(scriptId, body.parentId);
      return { body: { scriptId, title: body?.title, parentId: body?.parentId } };
    }
    if ((hit = route('GET', /^\/v1\/projects\/([^/]+)$/))) {
      if (!this.content.has(hit[1]!)) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
      return { body: { scriptId: hit[1], parentId: this.parents.get(hit[1]!) } };
    }
    if ((hit = route('PUT', /^\/v1\/projects\/([^/]+)\/content$/))) {
      if (!this.content.has(hit[1]!)) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
      this.content.set(hit[1]!, body.files);
      return { body: { scriptId: hit[1], files: body.files } };
    }
    if ((hit = route('POST', /^\/v1\/projects\/([^/]+)\/versions$/))) return { body: { versionNumber: 1 } };
    if ((hit = route('GET', /^\/v1\/projects\/([^/]+)\/deployments$/))) {
      return { body: { deployments: this.deployments.get(hit[1]!) ?? [] } };
    }
    if ((hit = route('POST', /^\/v1\/projects\/([^/]+)\/deployments$/))) {
      const d = { deploymentId: `dep-${++this.seq}`, deploymentConfig: { scriptId: hit[1], ...body } };
      this.deployments.set(hit[1]!, [...(this.deployments.get(hit[1]!) ?? []), d]);
      return { body: d };
    }
    if ((hit = route('POST', /^\/v1\/scripts\/([^/:]+):run$/))) return this.run(hit[1]!, body);
    return googleError(404, 'NOT_FOUND', `The stand-in has no ${method} ${path}`);
  }

  /** scripts.run of `runProbes(names)` on the code last pushed to the deployment's script. */
  private run(deploymentId: string, body: any): Reply {
    const scriptId = [...this.deployments].find(([, ds]) =>
      ds.some((d) => d.deploymentId === deploymentId),
    )?.[0];
    const files = scriptId ? this.content.get(scriptId) : undefined;
    if (!files) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
    if (body.function !== 'runProbes') {
      return {
        body: {
          done: true,
          error: {
            code: 3,
            message: 'ScriptError',
            details: [{ errorMessage: `Script function not found: ${body.function}` }],
          },
        },
      };
    }
    const dir = mkdtempSync(join(this.dir, 'run-'));
    for (const f of files)
      writeFileSync(join(dir, f.type === 'JSON' ? `${f.name}.json` : `${f.name}.js`), f.source);
    const result = runProbesLocally(dir, body.parameters[0]);
    return {
      body: {
        done: true,
        response: { '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionResponse', result },
      },
    };
  }
}

function readBody(req: IncomingMessage): Promise<any> {
  return new Promise((ok) => {
    // Chunks joined as bytes, then decoded: a character of several bytes may span two chunks.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = Buffer.concat(chunks).toString('utf8');
      try {
        ok(s ? JSON.parse(s) : null);
      } catch {
        ok(Object.fromEntries(new URLSearchParams(s))); // the token endpoint's form body
      }
    });
  });
}

/** A clasp 3 credential file (~/.clasprc.json) in `home`; `fresh` gives an unexpired access token. */
export function claspLogin(home: string, fresh = true): void {
  const token = {
    client_id: 'client-id',
    client_secret: 'client-secret',
    refresh_token: 'refresh-token',
    type: 'authorized_user',
    ...(fresh ? { access_token: 'stored-token', expiry_date: Date.now() + 3_600_000 } : {}),
  };
  writeFileSync(join(home, '.clasprc.json'), JSON.stringify({ tokens: { default: token } }));
}

/**
 * `npx tsx <script>` as a developer without a clasp login runs it: a HOME with no
 * ~/.clasprc.json, Google unreachable. What it printed and how it exited.
 */
export function runLoggedOut(script: string, home: string) {
  return spawnSync('npx', ['tsx', script], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, OD_GOOGLE_ROOT_URL: 'http://127.0.0.1:9/' },
  });
}
