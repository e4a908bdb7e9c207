// A small reader for the Terraform (HCL2) files of infra/terraform, for tests only.
//
// It returns the same shape as `@cdktf/hcl2json`: blocks become nested objects keyed by type and
// labels with a list of bodies at the end (`resource.kubernetes_ingress_v1.pluma[0]`, `locals[0]`),
// literal strings, numbers, booleans, lists and objects become JSON values, and every other
// expression (references, function calls, conditionals, `for`) becomes the string `${<source>}`,
// as hcl2json writes it. Written here because no HCL parser is installed in the workspace; it
// reads the subset of HCL that Terraform files use and throws, naming the line, on anything else.

export type HclValue = string | number | boolean | null | HclValue[] | HclBody;
export interface HclBody {
  [key: string]: HclValue;
}

const IDENT = /[A-Za-z0-9_-]/;

class Reader {
  pos = 0;
  readonly src: string;
  readonly file: string;

  constructor(src: string, file: string) {
    this.src = src;
    this.file = file;
  }

  fail(message: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new Error(`${this.file}:${line}: ${message}`);
  }

  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  /** Skips spaces and comments; newlines too when `newlines` is set. */
  skip(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || this.startsWith('//')) {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      } else if (this.startsWith('/*')) {
        const end = this.src.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
      } else return;
    }
  }

  ident(): string {
    const start = this.pos;
    while (IDENT.test(this.peek())) this.pos++;
    if (start === this.pos) this.fail(`expected a name, found ${JSON.stringify(this.peek())}`);
    return this.src.slice(start, this.pos);
  }

  /** A quoted string's raw content (escapes resolved, `${...}` kept as written). */
  quoted(): string {
    if (this.peek() !== '"') this.fail('expected a string');
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '\n') this.fail('unterminated string');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const next = this.peek(1);
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        out += escapes[next] ?? `\\${next}`;
        this.pos += 2;
      } else if ((c === '$' || c === '%') && this.peek(1) === '{') {
        const start = this.pos;
        this.pos += 2;
        this.skipBalanced('}');
        out += this.src.slice(start, this.pos);
      } else {
        out += c;
        this.pos++;
      }
    }
  }

  /** Moves past the bracket that closes an already opened one, minding strings inside. */
  skipBalanced(close: string): void {
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
    for (;;) {
      const c = this.peek();
      if (c === '') this.fail(`missing ${close}`);
      if (c === close) {
        this.pos++;
        return;
      }
      if (c === '"') this.quoted();
      else if (this.startsWith('<<')) this.heredoc();
      else if (c === '#' || this.startsWith('//') || this.startsWith('/*')) this.skip(false);
      else if (pairs[c]) {
        this.pos++;
        this.skipBalanced(pairs[c]);
      } else this.pos++;
    }
  }

  heredoc(): string {
    const match = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.src.slice(this.pos));
    if (!match) this.fail('malformed heredoc');
    const [whole, indent, marker] = match;
    const bodyStart = this.pos + whole.length;
    const end = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'm');
    const rest = this.src.slice(bodyStart);
    const found = end.exec(rest);
    if (!found) this.fail(`heredoc ${marker} never ends`);
    let lines = rest.slice(0, found.index).split('\n');
    lines.pop(); // the text before the end marker's line
    if (indent) {
      const widths = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
      const cut = widths.length ? Math.min(...widths) : 0;
      lines = lines.map((l) => l.slice(cut));
    }
    this.pos = bodyStart + found.index + found[0].length;
    return lines.map((l) => `${l}\n`).join('');
  }

  /** True when the expression ends here (end of line, of a collection item, or of the file). */
  atExpressionEnd(inCollection: boolean): boolean {
    this.skip(false);
    const c = this.peek();
    if (c === '' || c === '\n' || c === '#' || this.startsWith('//')) return true;
    return inCollection && (c === ',' || c === ']' || c === '}');
  }

  /** Any expression as its source text, up to the end of line or of the collection item. */
  rawExpression(inCollection: boolean): string {
    const start = this.pos;
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '\n' || c === '#' || this.startsWith('//')) break;
      if (inCollection && (c === ',' || c === ']' || c === '}')) break;
      if (c === '"') this.quoted();
      else if (this.startsWith('<<') && /^<<-?[A-Za-z_]/.test(this.src.slice(this.pos))) {
        this.heredoc();
        break;
      } else if (pairs[c]) {
        this.pos++;
        this.skipBalanced(pairs[c]);
      } else this.pos++;
    }
    const text = this.src.slice(start, this.pos).trim();
    if (!text) this.fail('expected an expression');
    return `\${${text}}`;
  }

  expression(inCollection: boolean): HclValue {
    this.skip(false);
    const start = this.pos;
    const literal = this.literal();
    if (literal !== undefined && this.atExpressionEnd(inCollection)) return literal.value;
    this.pos = start;
    return this.rawExpression(inCollection);
  }

  /** A value written literally, or undefined when the expression is more than a literal. */
  literal(): { value: HclValue } | undefined {
    const c = this.peek();
    if (c === '"') return { value: this.quoted() };
    if (this.startsWith('<<') && /^<<-?[A-Za-z_]/.test(this.src.slice(this.pos)))
      return { value: this.heredoc() };
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![A-Za-z0-9_.])/.exec(this.src.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { value: Number(number[0]) };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.startsWith(word) && !IDENT.test(this.peek(word.length))) {
        this.pos += word.length;
        return { value };
      }
    }
    if (c === '[') return this.list();
    if (c === '{') return this.object();
    return undefined;
  }

  list(): { value: HclValue[] } | undefined {
    this.pos++; // [
    this.skip(true);
    if (/^for\s/.test(this.src.slice(this.pos))) return undefined;
    const items: HclValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === ']') {
        this.pos++;
        return { value: items };
      }
      items.push(this.expression(true));
      this.skip(true);
      if (this.peek() === ',') this.pos++;
    }
  }

  object(): { value: HclBody } | undefined {
    this.pos++; // {
    this.skip(true);
    if (/^for\s/.test(this.src.slice(this.pos))) return undefined;
    const out: HclBody = {};
    for (;;) {
      this.skip(true);
      if (this.peek() === '}') {
        this.pos++;
        return { value: out };
      }
      let key: string;
      if (this.peek() === '"') key = this.quoted();
      else if (this.peek() === '(') {
        const start = this.pos;
        this.pos++;
        this.skipBalanced(')');
        key = `\${${this.src.slice(start + 1, this.pos - 1).trim()}}`;
      } else key = this.ident();
      this.skip(false);
      if (this.peek() !== '=' && this.peek() !== ':') this.fail(`expected = after ${key}`);
      this.pos++;
      out[key] = this.expression(true);
      this.skip(true);
      if (this.peek() === ',') this.pos++;
    }
  }

  /** Attributes and blocks up to `}` (or the end of the file at the top level). */
  body(topLevel: boolean): HclBody {
    const out: HclBody = {};
    for (;;) {
      this.skip(true);
      if (this.peek() === '') {
        if (!topLevel) this.fail('missing }');
        return out;
      }
      if (this.peek() === '}') {
        if (topLevel) this.fail('unexpected }');
        this.pos++;
        return out;
      }
      const name = this.ident();
      this.skip(false);
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        if (name in out) this.fail(`attribute ${name} set twice`);
        out[name] = this.expression(false);
        continue;
      }
      const labels: string[] = [];
      while (this.peek() !== '{') {
        labels.push(this.peek() === '"' ? this.quoted() : this.ident());
        this.skip(false);
      }
      this.pos++;
      const block = this.body(false);
      let holder: HclBody = out;
      let key = name;
      for (const label of labels) {
        const next = (holder[key] ??= {});
        if (typeof next !== 'object' || next === null || Array.isArray(next))
          this.fail(`${name} is both an attribute and a block`);
        holder = next;
        key = label;
      }
      const list = (holder[key] ??= []);
      if (!Array.isArray(list)) this.fail(`${name} ${labels.join(' ')} declared twice`);
      list.push(block);
    }
  }
}

/** Parses one Terraform file into the hcl2json shape. */
export function parseHcl(src: string, file = '<hcl>'): HclBody {
  return new Reader(src, file).body(true);
}
