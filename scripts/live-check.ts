/**
 * npm run live-check: the probe suite (probes/) in real Apps Script and in the local runtime,
 * probe by probe, printing where Google and the local runtime differ (and where Google is
 * not what the probe records as live behaviour).
 *
 * It builds the probe bundle, pushes it to a throw-away script project of its own (created on
 * the first run; its ID is kept in the git-ignored .clasp.probes.json), makes a version and an
 * API-executable deployment of it (once), and runs `runProbes` through the Apps Script API
 * (scripts.run, devMode: the code just pushed). Requests, in order: [script.projects.create],
 * script.projects.updateContent, script.projects.deployments.list, [versions.create,
 * deployments.create], then scripts.run once per batch of 16 probes.
 *
 * scripts.run only runs a script whose Cloud project is the one of the OAuth client you
 * logged in with, so this needs, once: a user-managed Cloud project, clasp logged in with its
 * OAuth client, and the probe project switched to it (README "Live check" says how).
 *
 * Usage: npm run live-check [-- --only name,name] [--auth <clasprc>] [--user <name>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchesExpected, show } from '../probes/compare';
import { PROBES } from '../probes/index';
import { runProbesLocally } from '../probes/local';
import type { Outcome } from '../probes/main';
import { buildProbes } from './build-probes';
import {
  claspAuth,
  clients,
  consoleIo,
  explain,
  failure,
  flag,
  HOW_TO_LOGIN,
  type Io,
  projectFilesIn,
  readState,
} from './google-api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEPLOYMENT = 'Outreach Desk probes (npm run live-check)';
const BATCH = 16;

/** The scopes the probe project asks for: clasp must be logged in with them for scripts.run. */
export function probeScopes(): string[] {
  return JSON.parse(readFileSync(join(root, 'probes', 'appsscript.json'), 'utf8')).oauthScopes as string[];
}

export const HOW_TO_RUN = (
  scriptId: string,
) => `scripts.run refused: the probe project is not in the Cloud project of your login.

Once per developer:
  1. In https://console.cloud.google.com make (or pick) a project; enable "Apps Script API" in it;
     create an OAuth client ID of type "Desktop app" and download it as client_secret.json.
  2. npx clasp login --creds client_secret.json --extra-scopes ${probeScopes().join(',')}
  3. Open https://script.google.com/d/${scriptId}/edit > Project Settings > Google Cloud Platform (GCP)
     Project > Change project, and enter that project's number.
  4. Run npm run live-check again.`;

export interface LiveCheckOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  io?: Io;
  /** Where .clasp.probes.json is (the repository root unless a test says otherwise). */
  stateDir?: string;
  /** Where the probe bundle is built (out/probes unless given). */
  outDir?: string;
}

export async function liveCheck(o: LiveCheckOptions): Promise<number> {
  const io = o.io ?? consoleIo;
  const stateFile = join(o.stateDir ?? root, '.clasp.probes.json');
  const auth = claspAuth(o.argv, o.env);
  if (!auth) {
    io.error(HOW_TO_LOGIN);
    io.error(
      `\nlive-check also needs scripts.run, which only runs for the OAuth client of your own Cloud project:\n  npx clasp login --creds client_secret.json --extra-scopes ${probeScopes().join(',')}\n(README, "Live check", says how to get client_secret.json.)`,
    );
    return 1;
  }
  const only = flag(o.argv, 'only')?.split(',').filter(Boolean);
  const probes = only ? PROBES.filter((p) => only.includes(p.name)) : PROBES;
  if (only && probes.length !== only.length) {
    io.error(`No probe named ${only.filter((n) => !PROBES.some((p) => p.name === n)).join(', ')}.`);
    return 2;
  }
  const bundle = await buildProbes(o.outDir);
  const files = projectFilesIn(bundle.outDir, ['appsscript.json', 'Code.js']);
  const { script } = clients(auth, o.env);
  const state = readState<{ scriptId: string }>(
    stateFile,
    io,
    'delete it (a new probe project is made) and run again.',
  );
  if (!state) return 1;
  let scriptId = String(state.scriptId ?? '');
  let step = '';
  let deploymentId = '';
  const google: Record<string, Outcome> = {};
  try {
    if (!scriptId) {
      step = 'creating the throw-away probe project';
      scriptId =
        (await script.projects.create({ requestBody: { title: 'Outreach Desk probes' } })).data.scriptId ??
        '';
      if (!scriptId) throw new Error('Google returned no script ID');
      writeFileSync(stateFile, `${JSON.stringify({ scriptId }, null, 2)}\n`);
      io.log(`Created the probe project ${scriptId} (kept in .clasp.probes.json).`);
    }
    step = 'pushing the probe bundle';
    await script.projects.updateContent({ scriptId, requestBody: { files } });
    step = 'deploying it for the Apps Script API';
    const listed = await script.projects.deployments.list({ scriptId });
    const mine = (listed.data.deployments ?? []).find((d) => d.deploymentConfig?.description === DEPLOYMENT);
    deploymentId = mine?.deploymentId ?? '';
    if (!deploymentId) {
      // Once: an API-executable deployment. Later runs use devMode (the code just pushed, run
      // by its owner), so no version is made per run (a project keeps at most 200).
      const version = await script.projects.versions.create({
        scriptId,
        requestBody: { description: 'live-check' },
      });
      const made = await script.projects.deployments.create({
        scriptId,
        requestBody: {
          versionNumber: version.data.versionNumber ?? undefined,
          manifestFileName: 'appsscript',
          description: DEPLOYMENT,
        },
      });
      deploymentId = made.data.deploymentId ?? '';
      if (!deploymentId) throw new Error('Google returned no deployment ID');
    }
    step = 'running the probes in Apps Script';
    for (let i = 0; i < probes.length; i += BATCH) {
      const names = probes.slice(i, i + BATCH).map((p) => p.name);
      const res = await script.scripts.run({
        scriptId: deploymentId,
        requestBody: { function: 'runProbes', parameters: [names], devMode: true },
      });
      if (res.data.error) {
        const detail = res.data.error.details?.[0] as { errorMessage?: string } | undefined;
        throw new Error(
          `the probe bundle failed in Apps Script: ${detail?.errorMessage ?? res.data.error.message}`,
        );
      }
      Object.assign(google, (res.data.response?.result ?? {}) as Record<string, Outcome>);
    }
  } catch (e) {
    const f = failure(e);
    if (step.startsWith('running') && f.code === 403)
      io.error(`${HOW_TO_RUN(scriptId)}\n\nGoogle said: ${f.message}`);
    else if (step.startsWith('running') && f.code === 404)
      io.error(`The deployment ${deploymentId} was not found by scripts.run.\n\n${explain(e, scriptId)}`);
    else io.error(`live-check stopped while ${step}.\n\n${explain(e, scriptId || undefined)}`);
    return 1;
  }
  return report(
    probes,
    google,
    runProbesLocally(
      bundle.outDir,
      probes.map((p) => p.name),
    ),
    io,
  );
}

const text = (o: Outcome | undefined) =>
  !o ? '(no answer)' : o.ok ? show(o.value, 300) : `threw: ${o.error}`;

/** Prints probe by probe; 0 when Google and the local runtime agree on every probe. */
export function report(
  probes: typeof PROBES,
  google: Record<string, Outcome>,
  local: Record<string, Outcome>,
  io: Io,
): number {
  let differ = 0;
  let unexpected = 0;
  for (const p of probes) {
    const [g, l] = [google[p.name], local[p.name]];
    const same = !!g && !!l && JSON.stringify(g) === JSON.stringify(l);
    const asRecorded = !!g?.ok && matchesExpected(p.expected, g.value);
    if (same && asRecorded) {
      io.log(`✓ ${p.name}`);
      continue;
    }
    if (!same) differ++;
    if (!asRecorded) unexpected++;
    io.log(`${same ? '!' : '✗'} ${p.name}: ${p.fact}`);
    io.log(`    Google:   ${text(g)}`);
    io.log(`    local:    ${text(l)}`);
    io.log(
      `    recorded: ${show(p.expected, 300)}  (${p.source})${p.unconfirmed ? ` [unconfirmed: ${p.unconfirmed}]` : ''}`,
    );
  }
  io.log(
    `\n${probes.length} probes: ${probes.length - differ} the same in Google and locally, ${differ} different; ` +
      `${unexpected} where Google is not what the probe records (fix the probe's expected value and source).`,
  );
  return differ || unexpected ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  liveCheck({ argv: process.argv.slice(2), env: process.env })
    .then((code) => process.exit(code))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    });
}
