import { serializeTagged, type TaggedToken } from '../tagged-text.js';
import type { Group, Range, Unit, UnitKind } from './unit.js';

/**
 * Finds the spans of a line of prose that must not be translated, as [start, end) pairs in order;
 * `offset` is where the line starts in the source.
 */
export type Protector = (text: string, offset: number) => ReadonlyArray<readonly [number, number]>;

const lineEnding = /\r?\n/g;
// What may stand at the start of a continuation line before its text: indentation and `>` markers.
const containerPrefix = /^[ \t>]*/;

/**
 * Builds one unit's tagged tokens from source ranges. Text ranges that touch are merged first, so a
 * line ending and the container prefix after it are always seen together.
 */
export class UnitBuilder {
  private readonly tokens: TaggedToken[] = [];
  private readonly xs = new Map<number, Range>();
  private readonly opens = new Map<number, { open: Range; type: string; reference?: Group['reference'] }>();
  private readonly groups = new Map<number, Group>();
  private readonly breaks: string[] = [];
  readonly nested: Unit[] = [];
  /** Labels of the reference links and images added (see `Unit.references`). */
  readonly references: string[] = [];
  private nextId = 1;
  private pending: { start: number; end: number } | undefined;

  constructor(
    private readonly source: string,
    private readonly protect: Protector,
  ) {}

  addText(start: number, end: number): void {
    if (end <= start) return;
    if (this.pending && this.pending.end === start) this.pending = { start: this.pending.start, end };
    else {
      this.flush();
      this.pending = { start, end };
    }
  }

  addVerbatim(start: number, end: number): number {
    this.flush();
    const id = this.nextId++;
    this.xs.set(id, { start, end });
    this.tokens.push({ type: 'x', id });
    return id;
  }

  open(start: number, end: number, type: string, reference?: Group['reference']): number {
    this.flush();
    const id = this.nextId++;
    if (reference) this.references.push(reference.label);
    this.opens.set(
      id,
      reference ? { open: { start, end }, type, reference } : { open: { start, end }, type },
    );
    this.tokens.push({ type: 'open', id });
    return id;
  }

  close(id: number, start: number, end: number): void {
    this.flush();
    const opened = this.opens.get(id);
    if (!opened) throw new Error(`close of a group that was never opened: ${id}`);
    this.groups.set(id, { ...opened, close: { start, end } });
    this.tokens.push({ type: 'close', id });
  }

  /** Whether the unit has any letter to translate outside its placeholders. */
  hasProse(): boolean {
    this.flush();
    return this.tokens.some((token) => token.type === 'text' && /\p{L}/u.test(token.text));
  }

  finish(kind: UnitKind, range: Range, line: number): Unit {
    this.flush();
    const tokens = [...this.tokens];
    let source = '';
    for (const token of tokens) {
      if (token.type === 'text') source += token.text;
      else if (token.type === 'x') source += this.slice(this.xs.get(token.id));
      else if (token.type === 'open') source += this.slice(this.groups.get(token.id)?.open);
      else source += this.slice(this.groups.get(token.id)?.close);
    }
    return {
      kind,
      range,
      line,
      tokens,
      tagged: serializeTagged(tokens),
      source,
      xs: new Map(this.xs),
      groups: new Map(this.groups),
      breaks: [...this.breaks],
      references: [...this.references],
      nested: [...this.nested],
      prose: this.hasProse(),
    };
  }

  private slice(range: Range | undefined): string {
    return range ? this.source.slice(range.start, range.end) : '';
  }

  private flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const raw = this.source.slice(pending.start, pending.end);
    let lineStart = 0;
    for (const match of raw.matchAll(lineEnding)) {
      this.addLine(pending.start + lineStart, pending.start + match.index);
      const after = match.index + match[0].length;
      const prefix = containerPrefix.exec(raw.slice(after))?.[0] ?? '';
      this.breaks.push(match[0] + prefix);
      this.pushText('\n');
      lineStart = after + prefix.length;
    }
    this.addLine(pending.start + lineStart, pending.end);
  }

  /** One line of prose: protected spans become placeholders, the rest text. */
  private addLine(start: number, end: number): void {
    if (end <= start) return;
    const line = this.source.slice(start, end);
    let last = 0;
    for (const [from, to] of this.protect(line, start)) {
      if (from > last) this.pushText(line.slice(last, from));
      const id = this.nextId++;
      this.xs.set(id, { start: start + from, end: start + to });
      this.tokens.push({ type: 'x', id });
      last = to;
    }
    if (last < line.length) this.pushText(line.slice(last));
  }

  private pushText(text: string): void {
    const previous = this.tokens.at(-1);
    if (previous?.type === 'text')
      this.tokens[this.tokens.length - 1] = { type: 'text', text: previous.text + text };
    else this.tokens.push({ type: 'text', text });
  }
}
