// npm install (prepare): use the repository's hooks in .githooks (pre-commit: formatter and
// linter on staged files). Does nothing outside a git checkout (e.g. an installed package).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('.git') && existsSync('.githooks')) {
  try {
    execFileSync('git', ['config', 'core.hooksPath', '.githooks'], { stdio: 'ignore' });
  } catch {
    // git missing: nothing to install
  }
}
