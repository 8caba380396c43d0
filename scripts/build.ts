/**
 * Build: TypeScript → what clasp pushes (appsscript/).
 *
 *  - src/addon/main.ts is bundled by esbuild into one IIFE (`var __app = …`), then one
 *    top-level delegating stub per exported function is appended, because Apps Script
 *    only sees top-level function declarations (menus, triggers, google.script.run).
 *  - The build fails when a menu item or trigger names a function that is not exported.
 *  - Each src/sidebar/<page>.html (the page's body) becomes a self-contained
 *    appsscript/<Page>.html: put in the skeleton every page shares (shared/page.html), its
 *    <page>.ts bundled and inlined (it may import src/sidebar/shared/), shared/base.css
 *    and <page>.css inlined. Nothing is loaded from the web.
 *
 * Usage: tsx scripts/build.ts [--out DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildResult {
  outDir: string;
  files: { name: string; bytes: number }[];
  entryPoints: string[];
}

/**
 * One TypeScript entry bundled for Apps Script: an IIFE assigned to `globalName`, ES2020,
 * nothing left to load (the add-on and the probe project are built so alike).
 */
export async function bundleScript(entry: string, globalName: string): Promise<string> {
  const res = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return res.outputFiles[0]!.text;
}

export async function build(outDir = join(root, 'appsscript')): Promise<BuildResult> {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir))
    if (f !== 'appsscript.json') rmSync(join(outDir, f), { recursive: true });
  if (outDir !== join(root, 'appsscript')) {
    writeFileSync(join(outDir, 'appsscript.json'), readFileSync(join(root, 'appsscript', 'appsscript.json')));
  }

  const bundle = await bundleScript(join(root, 'src/addon/main.ts'), '__app');

  // Learn the exports by evaluating the bundle: top-level code defines, it calls no service.
  const ctx: Record<string, unknown> = {};
  vm.runInNewContext(`${bundle}\n;this.__exports = __app;`, ctx);
  const app = ctx.__exports as Record<string, unknown>;
  // Entry points: the exported functions, and the generated editors (one per record table).
  const editors = (app.__editors ?? {}) as Record<string, unknown>;
  const target = (n: string) => (n in editors ? `__app.__editors.${n}` : `__app.${n}`);
  const fnNames = [
    ...Object.keys(app).filter((k) => typeof app[k] === 'function' && !k.startsWith('__')),
    ...Object.keys(editors).filter((k) => typeof editors[k] === 'function'),
  ].sort();
  const menuItems = (app.__menuItems ?? []) as { functionName: string }[];
  const triggerFns = (app.__triggerFunctions ?? []) as string[];
  const missing = [...menuItems.map((m) => m.functionName), ...triggerFns].filter(
    (n) => !fnNames.includes(n),
  );
  if (missing.length) {
    throw new Error(
      `Build failed: menu items or triggers name functions that main.ts does not export: ${missing.join(', ')}`,
    );
  }

  const stubs = fnNames
    .map((n) => `function ${n}() { return ${target(n)}.apply(this, arguments); }`)
    .join('\n');
  const code = `// Outreach Desk — built by scripts/build.ts from src/addon. Do not edit.\n${bundle}\n// Entry points (Apps Script calls top-level functions only)\n${stubs}\n`;
  writeFileSync(join(outDir, 'Code.js'), code);

  // Sidebar pages.
  const sidebarDir = join(root, 'src/sidebar');
  const pages = existsSync(sidebarDir) ? readdirSync(sidebarDir).filter((f) => f.endsWith('.html')) : [];
  for (const page of pages) {
    const stem = basename(page, '.html');
    // The page's body in the one skeleton every page shares (shared/page.html).
    const body = readFileSync(join(sidebarDir, page), 'utf8').replace(/\n$/, '');
    let html = readFileSync(join(sidebarDir, 'shared', 'page.html'), 'utf8').replace(
      '<!-- BODY -->',
      () => body,
    );
    const ts = join(sidebarDir, `${stem}.ts`);
    if (existsSync(ts)) {
      const js = await esbuild.build({
        entryPoints: [ts],
        bundle: true,
        format: 'iife',
        target: 'es2019',
        platform: 'browser',
        write: false,
        minify: true,
        charset: 'utf8',
        logLevel: 'silent',
      });
      const script = js.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
      html = html.replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
    }
    // shared/base.css first, then the page's own CSS.
    const css = [join(sidebarDir, 'shared', 'base.css'), join(sidebarDir, `${stem}.css`)].filter((f) =>
      existsSync(f),
    );
    const styles = css.map((f) => readFileSync(f, 'utf8')).join('\n');
    if (styles) html = html.replace('<!-- STYLE -->', () => `<style>\n${styles}</style>`);
    if (/<(script|link)[^>]+(src|href)=["']?https?:/i.test(html)) {
      throw new Error(`Build failed: ${page} loads something from the web; sidebars must be self-contained.`);
    }
    const name = stem.charAt(0).toUpperCase() + stem.slice(1);
    writeFileSync(join(outDir, `${name}.html`), html);
  }

  const files = readdirSync(outDir).map((name) => ({
    name,
    bytes: Buffer.byteLength(readFileSync(join(outDir, name))),
  }));
  return { outDir, files, entryPoints: fnNames };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  build(i > 0 ? resolve(process.argv[i + 1]!) : undefined)
    .then((r) => {
      for (const f of r.files)
        console.log(`${f.name.padEnd(22)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KiB`);
      console.log(`${r.entryPoints.length} entry points: ${r.entryPoints.join(', ')}`);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
