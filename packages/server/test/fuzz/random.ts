/** A seeded generator (mulberry32): the same seed gives the same requests on every run and engine. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed per name (FNV-1a), so adding a route does not change what another route is sent. */
export function seedOf(name: string, base: number): number {
  let hash = 0x811c9dc5 ^ base;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

type PatternNode =
  | { kind: 'sequence'; items: PatternNode[] }
  | { kind: 'choice'; options: PatternNode[] }
  | { kind: 'characters'; characters: string }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number };

/** What a negated class or `.` draws from: characters safe in any field (no separators, no quotes). */
const SAFE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._';

function range(from: string, to: string): string {
  let out = '';
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) out += String.fromCharCode(code);
  return out;
}

function escaped(letter: string): string {
  if (letter === 'd') return range('0', '9');
  if (letter === 's') return ' \t\n\r';
  if (letter === 'w') return `${range('a', 'z')}${range('A', 'Z')}${range('0', '9')}_`;
  return letter;
}

/** Parses the regular expressions our schemas use (classes, groups, alternation, quantifiers) to draw from them. */
class PatternParser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): PatternNode {
    const node = this.choice();
    if (this.at < this.source.length) throw new Error(`pattern not understood at ${this.at}: ${this.source}`);
    return node;
  }

  private choice(): PatternNode {
    const options = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'choice', options };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    return { kind: 'sequence', items };
  }

  private atom(): PatternNode | null {
    const char = this.source[this.at++]!;
    if (char === '^' || char === '$') return null;
    if (char === '(') {
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      const inner = this.choice();
      this.at++;
      return inner;
    }
    if (char === '[') return { kind: 'characters', characters: this.characterClass() };
    if (char === '\\') return { kind: 'characters', characters: escaped(this.source[this.at++]!) };
    if (char === '.') return { kind: 'characters', characters: SAFE };
    return { kind: 'characters', characters: char };
  }

  private characterClass(): string {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    let listed = '';
    while (this.source[this.at] !== ']') {
      let char = this.source[this.at++]!;
      if (char === '\\') {
        listed += escaped(this.source[this.at++]!);
        continue;
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']') {
        this.at++;
        let to = this.source[this.at++]!;
        if (to === '\\') to = this.source[this.at++]!;
        listed += range(char, to);
        char = '';
      }
      listed += char;
    }
    this.at++;
    return negated ? [...SAFE].filter((c) => !listed.includes(c)).join('') : listed;
  }

  private quantified(node: PatternNode): PatternNode {
    const char = this.source[this.at];
    if (char === '?') return this.repeat(node, 0, 1, 1);
    if (char === '*') return this.repeat(node, 0, 6, 1);
    if (char === '+') return this.repeat(node, 1, 6, 1);
    if (char === '{') {
      const close = this.source.indexOf('}', this.at);
      const [min, max] = this.source.slice(this.at + 1, close).split(',');
      const low = Number(min);
      const high = max === undefined ? low : max === '' ? low + 6 : Number(max);
      return this.repeat(node, low, high, close - this.at + 1);
    }
    return node;
  }

  private repeat(node: PatternNode, min: number, max: number, length: number): PatternNode {
    this.at += length;
    return { kind: 'repeat', node, min, max };
  }
}

function draw(node: PatternNode, random: Random): string {
  switch (node.kind) {
    case 'sequence':
      return node.items.map((item) => draw(item, random)).join('');
    case 'choice':
      return draw(pick(random, node.options), random);
    case 'characters':
      return pick(random, [...node.characters]);
    case 'repeat': {
      // Short strings mostly: a 100-character code is as valid as a 3-character one, and slower to send.
      const count = between(random, node.min, Math.min(node.max, node.min + 4));
      return Array.from({ length: count }, () => draw(node.node, random)).join('');
    }
  }
}

const parsed = new Map<string, PatternNode>();

/** A string the pattern matches. */
export function matching(pattern: string, random: Random): string {
  let node = parsed.get(pattern);
  if (!node) {
    node = new PatternParser(pattern).parse();
    parsed.set(pattern, node);
  }
  return draw(node, random);
}
