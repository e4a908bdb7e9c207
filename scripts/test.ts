// `npm test`: every check and every workspace's tests against real servers.
// Finds or starts MySQL/MariaDB and Redis (and embedded S3/SMTP when not configured), then runs
// the architecture check and `turbo run lint typecheck test`, and prints one closing line.
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingServiceError } from '@pluma/devstack';
import { ROOT, startLocalStack } from './lib/local-stack.ts';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function workspaceDirs(): Promise<string[]> {
  const dirs: string[] = [];
  for (const group of ['apps', 'packages']) {
    for (const name of await readdir(join(ROOT, group))) dirs.push(join(ROOT, group, name));
  }
  for (const extra of ['bench', 'infra', 'observability']) dirs.push(join(ROOT, extra));
  return dirs;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

async function main() {
  for (const dir of await workspaceDirs())
    await rm(join(dir, 'test-results'), { recursive: true, force: true });

  let stack;
  try {
    stack = await startLocalStack({ forTests: true });
  } catch (error) {
    process.stderr.write(
      `pluma test: ${error instanceof MissingServiceError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  for (const line of stack.describe()) process.stdout.write(`• ${line}\n`);
  const env = { ...process.env, ...stack.env, LOG_LEVEL: process.env.LOG_LEVEL || 'warn' };

  // npm puts node_modules/.bin first on PATH, so the pinned tools are found by name.
  let code = await run(
    'depcruise',
    [
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
      'apps',
      'packages',
      'bench',
      'scripts',
    ],
    env,
  );
  // One formatting for the whole tree (Prettier), checked before anything slower.
  if (code === 0) code = await run('prettier', ['--check', '--log-level=warn', '.'], env);
  // The root's own scripts are no workspace: lint and typecheck them here.
  if (code === 0) code = await run('eslint', ['scripts', 'vitest.shared.ts'], env);
  if (code === 0) code = await run('tsc', ['-p', 'tsconfig.json'], env);
  if (code === 0) {
    const extra = process.argv.slice(2);
    code = await run(
      'turbo',
      [
        'run',
        'lint',
        'typecheck',
        'test',
        '--concurrency=2',
        '--output-logs=new-only',
        '--continue',
        ...extra,
      ],
      env,
    );
  }
  await stack.stop();

  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const dir of await workspaceDirs()) {
    try {
      const report = JSON.parse(
        await readFile(join(dir, 'test-results/vitest.json'), 'utf8'),
      ) as VitestJson;
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      totals.skipped += report.numPendingTests + report.numTodoTests;
    } catch {
      // no tests ran in this workspace
    }
  }
  process.stdout.write(
    `\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
  );
  if (totals.passed === 0 && code === 0) code = 1;
  process.exit(code !== 0 || totals.failed > 0 ? 1 : 0);
}

void main();
