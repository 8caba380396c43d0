/**
 * The browser code the server serves, compiled with esbuild when the workbench starts (no
 * network, nothing written): the page (page.html with its scripts and styles inlined) and
 * the google.script.run bridge (bridge.ts) put at the top of every sidebar and dialog.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The page's styles, in cascade order: the base every sidebar page has (system fonts, box
 * sizing), then the workbench's own.
 */
const STYLES = [
  join(here, '../../sidebar/shared/base.css'),
  join(here, 'page.css'),
  join(here, 'client/menus.css'),
  join(here, 'client/grid.css'),
  join(here, 'client/panels.css'),
  join(here, 'client/overlays.css'),
];

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const js = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
    define,
  });
  return js.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
}

/** The workbench page: page.html with client/ bundled and the styles inlined. */
export async function pageHtml(): Promise<string> {
  const html = readFileSync(join(here, 'page.html'), 'utf8');
  const css = STYLES.map((f) => readFileSync(f, 'utf8')).join('\n');
  const script = await bundle(join(here, 'page.ts'));
  return html
    .replace('<!-- STYLE -->', () => `<style>\n${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
}

/** The google.script.run / google.script.host shim for a bundle with these public functions. */
export async function bridgeScript(functions: string[]): Promise<string> {
  const js = await bundle(join(here, 'bridge.ts'), { __OD_FUNCTIONS__: JSON.stringify(functions) });
  return `<script>\n${js}</script>`;
}

/** Puts the bridge first in the page, so the page's own scripts find google.script.run. */
export function withBridge(html: string, shim: string): string {
  const m = /<head[^>]*>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + shim + html.slice(m.index + m[0].length);
  return shim + html;
}

/** Names of the bundle's top-level functions (what google.script.run may call). */
export function entryPoints(projectDir: string): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(projectDir)) {
    if (!f.endsWith('.js')) continue;
    for (const m of readFileSync(join(projectDir, f), 'utf8').matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm))
      names.add(m[1]!);
  }
  // Functions whose names end with an underscore are private in Apps Script.
  return [...names].filter((n) => !n.endsWith('_')).sort();
}
