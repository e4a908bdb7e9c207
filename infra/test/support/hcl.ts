// Terraform (HCL2) files as JSON, read with `@cdktf/hcl2json` (HashiCorp's HCL parser as wasm):
// blocks become nested objects keyed by type and labels with a list of bodies at the end
// (`resource.kubernetes_ingress_v1.pluma[0]`, `locals[0]`), literals become JSON values and every
// other expression (references, calls, conditionals, `for`) the string `${<source>}`.
import { parse } from '@cdktf/hcl2json';

export type HclValue = string | number | boolean | null | HclValue[] | HclBody;
export interface HclBody {
  [key: string]: HclValue;
}

/** Parses one file; a syntax error rejects with the parser's message naming the file and line. */
export async function parseHcl(src: string, file = 'main.tf'): Promise<HclBody> {
  return (await parse(file, src)) as HclBody;
}
