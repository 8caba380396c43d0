/**
 * One build per test run: the add-on is built from src/ into a temp folder before any test
 * starts, and every bundle and browser test loads that folder (`bundleDir()`), so a test
 * can never run against a stale appsscript/ left by an earlier build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the add-on was built into for this test run. */
    bundleDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'od-test-bundle-'));
  const dir = join(root, 'appsscript');
  await build(dir);
  project.provide('bundleDir', dir);
  return () => rmSync(root, { recursive: true, force: true });
}
