/**
 * The house rules of src/ (docs/architecture.md), kept true by the test run: no import
 * cycle (type-only imports and re-exports included), no import from a lower layer to a
 * higher one (domain ← addon ← local; sidebar pages may use addon and domain types), and no
 * file over 500 lines except the message catalog.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|css|html)$/.test(f) ? [p] : [];
  });
}

const sources = files(SRC).filter((f) => f.endsWith('.ts'));
const rel = (f: string) => relative(SRC, f).replaceAll('\\', '/');

/** The src files a file imports or re-exports from (relative specifiers only). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"`;]*?from\s+'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), m[1]!);
    const hit = [`${base}.ts`, join(base, 'index.ts')].find((c) => sources.includes(c));
    if (hit) out.push(hit);
  }
  return out;
}

describe('the house', () => {
  it('has no import cycle in src/', () => {
    const graph = new Map(sources.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of sources) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('imports only downwards: domain uses nothing of addon or local; addon nothing of local', () => {
    const layer = (f: string) => rel(f).split('/')[0]!;
    const bad: string[] = [];
    for (const f of sources) {
      for (const g of importsOf(f)) {
        const [from, to] = [layer(f), layer(g)];
        if (from === 'domain' && to !== 'domain') bad.push(`${rel(f)} → ${rel(g)}`);
        if (from === 'addon' && (to === 'local' || to === 'sidebar')) bad.push(`${rel(f)} → ${rel(g)}`);
        if (from === 'sidebar' && to === 'local') bad.push(`${rel(f)} → ${rel(g)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no file over 500 lines but the message catalog', () => {
    const long = files(SRC)
      .filter((f) => rel(f) !== 'domain/i18n.ts')
      .map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 500);
    expect(long).toEqual([]);
  });
});
