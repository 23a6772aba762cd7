// The Drain template miner: a fixed-depth prefix tree keyed by token count and leading tokens,
// whose leaves hold groups; a line joins the most similar group of its leaf or starts a new one.
// Streaming, deterministic, and serialisable so a resumed run continues exactly.
import type { DrainParams } from './params.js';

export { drainParamsSchema, DEFAULT_DRAIN_PARAMS, type DrainParams } from './params.js';

export const WILDCARD = '<*>';

interface TreeNode {
  children: Record<string, TreeNode>;
  groups: number[];
}

interface Group {
  tokens: string[];
  count: number;
}

export interface DrainState {
  readonly groups: readonly Group[];
  readonly tree: TreeNode;
  readonly cache: readonly [string, number][];
}

const HAS_DIGIT = /\d/;
const newNode = (): TreeNode => ({ children: {}, groups: [] });

export class Drain {
  private groups: Group[] = [];
  private tree: TreeNode = newNode();
  private cache = new Map<string, number>();
  private readonly split: (line: string) => string[];

  constructor(private readonly params: DrainParams) {
    const extra = params.extra_delimiters.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const delimiters = new RegExp(extra ? `\\s+|${extra}` : '\\s+');
    this.split = (line) => {
      const tokens = line.split(delimiters).filter((token) => token.length > 0);
      // An empty line is one empty token, so it has a length level and a group like any other.
      return tokens.length ? tokens : [''];
    };
  }

  /** Learns from a masked line; returns its template id (0, 1, 2... in first-seen order). */
  add(masked: string): number {
    const cached = this.cache.get(masked);
    if (cached !== undefined) {
      this.groups[cached].count++;
      return cached;
    }
    const tokens = this.split(masked);
    const leaf = this.leaf(tokens, true)!;
    let id = this.bestGroup(leaf.groups, tokens, false);
    if (id === -1) {
      id = this.groups.length;
      this.groups.push({ tokens, count: 0 });
      leaf.groups.push(id);
    } else {
      const group = this.groups[id];
      group.tokens = group.tokens.map((token, i) => (token === tokens[i] ? token : WILDCARD));
    }
    this.groups[id].count++;
    this.remember(masked, id);
    return id;
  }

  /** Match-only mode for new logs: the template id, or -1 for a line no template covers. The miner does not change. */
  match(masked: string): number {
    const cached = this.cache.get(masked);
    if (cached !== undefined) return cached;
    const tokens = this.split(masked);
    const leaf = this.leaf(tokens, false);
    return leaf ? this.bestGroup(leaf.groups, tokens, true) : -1;
  }

  templates(): { id: number; pattern: string; count: number }[] {
    return this.groups.map((group, id) => ({ id, pattern: group.tokens.join(' '), count: group.count }));
  }

  toJSON(): DrainState {
    return { groups: this.groups, tree: this.tree, cache: [...this.cache] };
  }

  static fromJSON(state: DrainState, params: DrainParams): Drain {
    const drain = new Drain(params);
    drain.groups = state.groups.map((group) => ({ tokens: [...group.tokens], count: group.count }));
    drain.tree = structuredClone(state.tree);
    drain.cache = new Map(state.cache);
    return drain;
  }

  private remember(masked: string, id: number): void {
    if (this.params.line_cache_size === 0) return;
    // Cleared when full rather than evicted one by one: cheap, and deterministic across resumes.
    if (this.cache.size >= this.params.line_cache_size) this.cache.clear();
    this.cache.set(masked, id);
  }

  /** The leaf for a token sequence: by length, then by the leading tokens; created when `grow`. */
  private leaf(tokens: string[], grow: boolean): TreeNode | null {
    let node = this.child(this.tree, String(tokens.length), grow, false);
    const levels = Math.min(this.params.depth - 2, tokens.length);
    for (let level = 0; node && level < levels; level++) {
      const token = HAS_DIGIT.test(tokens[level]) ? WILDCARD : tokens[level];
      node = this.child(node, token, grow, true);
    }
    return node;
  }

  private child(node: TreeNode, key: string, grow: boolean, limited: boolean): TreeNode | null {
    const existing = node.children[key];
    if (existing) return existing;
    if (!grow) return node.children[WILDCARD] ?? null;
    const full = limited && Object.keys(node.children).length >= this.params.max_children - (node.children[WILDCARD] ? 0 : 1);
    const target = full ? WILDCARD : key;
    return (node.children[target] ??= newNode());
  }

  /** The most similar group (ties: more wildcards, then the older group), or -1 below the threshold. */
  private bestGroup(ids: readonly number[], tokens: string[], wildcardsMatch: boolean): number {
    let best = -1;
    let bestSim = -1;
    let bestParams = -1;
    for (const id of ids) {
      const template = this.groups[id].tokens;
      let same = 0;
      let params = 0;
      for (let i = 0; i < template.length; i++) {
        if (template[i] === WILDCARD) params++;
        else if (template[i] === tokens[i]) same++;
      }
      const sim = (wildcardsMatch ? same + params : same) / template.length;
      if (sim > bestSim || (sim === bestSim && params > bestParams)) {
        best = id;
        bestSim = sim;
        bestParams = params;
      }
    }
    const threshold = wildcardsMatch ? 1 : this.params.sim_th;
    return bestSim >= threshold ? best : -1;
  }
}
