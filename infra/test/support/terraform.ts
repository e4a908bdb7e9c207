import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, type HclBody, type HclValue } from './hcl.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const TERRAFORM_DIR = join(REPO_ROOT, 'infra', 'terraform');

/** One Terraform folder (a module or an environment), its files parsed and its blocks by name. */
export interface TerraformFolder {
  dir: string;
  files: { name: string; body: HclBody }[];
  variables: Record<string, HclBody>;
  locals: HclBody;
  modules: Record<string, HclBody>;
  /** `resources[type][name]` */
  resources: Record<string, Record<string, HclBody>>;
  outputs: Record<string, HclBody>;
}

/** Every .tf file under infra/terraform, parsed once up front (the parser is asynchronous). */
const parsed = new Map<string, HclBody>();
function tfFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('.') ? [] : tfFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}
await Promise.all(
  tfFiles(TERRAFORM_DIR).map(async (path) =>
    parsed.set(path, await parseHcl(readFileSync(path, 'utf8'), path)),
  ),
);

const asBody = (value: HclValue | undefined): HclBody =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};

/** The single body of a block declared once (`variable "x" {}` parses to `[body]`). */
export function only(value: HclValue | undefined): HclBody {
  if (!Array.isArray(value) || value.length !== 1)
    throw new Error(`expected one block, found ${JSON.stringify(value)?.slice(0, 80)}`);
  return asBody(value[0]);
}

/** Follows nested blocks: `block(deployment, 'spec', 'template', 'spec', 'container')`. */
export function block(body: HclBody, ...path: string[]): HclBody {
  return path.reduce((current, key) => only(current[key]), body);
}

export function loadFolder(dir: string): TerraformFolder {
  const folder: TerraformFolder = {
    dir,
    files: [],
    variables: {},
    locals: {},
    modules: {},
    resources: {},
    outputs: {},
  };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort()) {
    const body = parsed.get(join(dir, name));
    if (!body) throw new Error(`${join(dir, name)} was not parsed`);
    folder.files.push({ name, body });
    for (const [key, value] of Object.entries(asBody(body.variable)))
      folder.variables[key] = only(value);
    for (const [key, value] of Object.entries(asBody(body.module)))
      folder.modules[key] = only(value);
    for (const [key, value] of Object.entries(asBody(body.output)))
      folder.outputs[key] = only(value);
    for (const [type, byName] of Object.entries(asBody(body.resource)))
      for (const [key, value] of Object.entries(asBody(byName)))
        (folder.resources[type] ??= {})[key] = only(value);
    for (const locals of Array.isArray(body.locals) ? body.locals : [])
      Object.assign(folder.locals, asBody(locals));
  }
  return folder;
}

/** Every module folder under modules/ and every environment under envs/. */
export function allFolders(): TerraformFolder[] {
  return ['modules', 'envs'].flatMap((group) =>
    readdirSync(join(TERRAFORM_DIR, group)).map((name) =>
      loadFolder(join(TERRAFORM_DIR, group, name)),
    ),
  );
}

/** Every string in a parsed body (attribute values, list items, object keys and values). */
export function allStrings(value: HclValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...allStrings(v)]);
  return [];
}

/** Names referenced as `<prefix>.<name>` inside the interpolations of a folder. */
export function references(folder: TerraformFolder, prefix: 'var' | 'local' | 'module'): string[] {
  const pattern = new RegExp(`(?<![\\w.])${prefix}\\.([A-Za-z_][\\w-]*)`, 'g');
  const names = new Set<string>();
  for (const text of folder.files.flatMap((f) => allStrings(f.body))) {
    for (const interpolation of text.match(/\$\{[\s\S]*\}/g) ?? [])
      for (const match of interpolation.matchAll(pattern)) names.add(match[1]!);
  }
  return [...names].sort();
}

/** `${local.ports.api}` -> 3001, following locals of the same folder; other expressions unchanged. */
export function resolveLocal(folder: TerraformFolder, value: HclValue | undefined): HclValue {
  if (typeof value !== 'string') return value ?? null;
  const match = /^\$\{local\.([\w.]+)\}$/.exec(value);
  if (!match) return value;
  let current: HclValue | undefined = folder.locals;
  for (const key of match[1]!.split('.')) current = asBody(current)[key];
  return resolveLocal(folder, current);
}

const SECRET_NAME = /password|secret|token|credential|private|(^|[_-])key$|access_?key/i;
/** Names that look secret but name a Secret object or a reference to one. */
const SECRET_NAME_EXCEPTIONS = /(name|_ref|Ref)$/i;

/** A string that looks like a credential whatever attribute it is in. */
function looksLikeCredential(text: string): boolean {
  const literal = text.replace(/\$\{[^}]*\}/g, '');
  return (
    /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i.test(literal) || // user:password@ in a URL
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(literal) ||
    /\bAKIA[0-9A-Z]{16}\b/.test(literal) ||
    // long random-looking tokens (letters and digits mixed, no words or dots)
    /(?=[A-Za-z0-9+/=_-]*\d)(?=[A-Za-z0-9+/=_-]*[A-Za-z])\b[A-Za-z0-9+/=_-]{32,}\b/.test(literal)
  );
}

/** Secret literals in a parsed file: `path: why` for each one. */
export function findSecretLiterals(body: HclBody, path = ''): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const here = path ? `${path}.${key}` : key;
    if (typeof value === 'string') {
      const literal = !value.includes('${');
      if (literal && value !== '' && SECRET_NAME.test(key) && !SECRET_NAME_EXCEPTIONS.test(key))
        found.push(`${here}: literal value for a secret-like attribute`);
      else if (looksLikeCredential(value)) found.push(`${here}: looks like a credential`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item && typeof item === 'object' && !Array.isArray(item))
          found.push(...findSecretLiterals(item, `${here}[${i}]`));
        else if (typeof item === 'string' && looksLikeCredential(item))
          found.push(`${here}[${i}]: looks like a credential`);
      });
    } else if (value && typeof value === 'object') {
      found.push(...findSecretLiterals(value, here));
    }
  }
  return found;
}

/** Variables whose name says they hold a secret. */
export function isSecretVariable(name: string): boolean {
  return SECRET_NAME.test(name) && !SECRET_NAME_EXCEPTIONS.test(name);
}
