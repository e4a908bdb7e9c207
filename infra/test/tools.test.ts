// Checks with the real tools where this machine has them: promtool (Debian package
// `prometheus`) parses every dashboard query, and `terraform fmt` finds the files formatted.
// Each test is skipped, saying so, on a machine without the tool.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, TERRAFORM_DIR } from './support/terraform.ts';

const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'pluma-infra-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('with the real tools', () => {
  it.skipIf(!has('promtool'))('promtool parses every dashboard query', () => {
    const dir = join(REPO_ROOT, 'observability/grafana/dashboards');
    const exprs = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const dashboard = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
          panels: { targets?: { expr?: string }[] }[];
        };
        return dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));
      });
    expect(exprs.length).toBeGreaterThan(20);
    // Each query as a recording rule: `promtool check rules` parses its PromQL.
    const rules = {
      groups: [{ name: 'dashboards', rules: exprs.map((expr, i) => ({ record: `q${i}`, expr })) }],
    };
    const file = join(scratch, 'dashboard-queries.yml');
    writeFileSync(file, JSON.stringify(rules));
    const result = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toContain(`SUCCESS: ${exprs.length} rules found`);
    expect(result.status).toBe(0);
  });

  it.skipIf(!has('terraform'))('terraform fmt finds every file formatted', () => {
    const output = execFileSync('terraform', ['fmt', '-check', '-recursive', '-list=true'], {
      cwd: TERRAFORM_DIR,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
    });
    expect(output.trim()).toBe('');
  });
});
