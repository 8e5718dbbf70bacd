import { describe, expect, it } from 'vitest';
import { sortAgenciesAsTree } from './tree.js';

const node = (id: string, parentId: string | null, sortOrder = 0, name = id) => ({ id, parentId, sortOrder, name });

describe(sortAgenciesAsTree.name, () => {
  it('puts parents before children and orders siblings by sort order, then name', () => {
    const sorted = sortAgenciesAsTree([node('b', 'root', 2), node('a2', 'a', 0), node('a', 'root', 1), node('root', null), node('c', 'root', 1, 'c')]);
    expect(sorted.map((n) => n.id)).toEqual(['root', 'a', 'a2', 'c', 'b']);
  });

  it('treats a node whose parent is not visible as a root', () => {
    expect(sortAgenciesAsTree([node('x', 'hidden'), node('y', 'x')]).map((n) => n.id)).toEqual(['x', 'y']);
  });
});
