import { describe, expect, it } from 'vitest';
import { parseHcl } from './support/hcl.ts';

describe('parseHcl', () => {
  it('reads blocks, labels, literals and expressions in the hcl2json shape', () => {
    const body = parseHcl(`
      # a comment
      variable "password" {
        type      = string
        sensitive = true
      }
      locals {
        ports = { api = 3001, "web" = 3000 } // trailing comment
        list  = ["a", 2, false, null]
        sum   = 1 + var.x
        name  = "pluma-\${var.name}"
        text  = <<-EOT
          line one
            line two
        EOT
        loop  = [for p in var.ports : p * 2]
      }
      resource "kubernetes_service_v1" "app" {
        spec {
          port {
            port = var.port
          }
          port {
            port = 9464
          }
        }
        lifecycle {
          ignore_changes = [spec[0].replicas]
        }
      }
    `);
    expect(body.variable).toEqual({ password: [{ type: '${string}', sensitive: true }] });
    expect(body.locals).toEqual([
      {
        ports: { api: 3001, web: 3000 },
        list: ['a', 2, false, null],
        sum: '${1 + var.x}',
        name: 'pluma-${var.name}',
        text: 'line one\n  line two\n',
        loop: '${[for p in var.ports : p * 2]}',
      },
    ]);
    expect(body.resource).toEqual({
      kubernetes_service_v1: {
        app: [
          {
            spec: [{ port: [{ port: '${var.port}' }, { port: 9464 }] }],
            lifecycle: [{ ignore_changes: ['${spec[0].replicas}'] }],
          },
        ],
      },
    });
  });

  it('names the file and line of what it cannot read', () => {
    expect(() => parseHcl('locals {\n  a = "unterminated\n', 'bad.tf')).toThrow(/^bad\.tf:2:/);
    expect(() => parseHcl('locals {\n  a = 1\n', 'open.tf')).toThrow('open.tf:3: missing }');
  });
});
