/** Orders agencies depth-first (parents before children; siblings by sort order, then name). */
export interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly sortOrder: number;
  readonly name: string;
}

export function sortAgenciesAsTree<T extends TreeNode>(agencies: readonly T[]): T[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<string | null, T[]>();
  for (const a of agencies) {
    // a node whose parent is not in the list is shown as a root of what is visible
    const parent = a.parentId !== null && ids.has(a.parentId) ? a.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(a);
    children.set(parent, list);
  }
  const bySiblingOrder = (x: T, y: T) => x.sortOrder - y.sortOrder || x.name.localeCompare(y.name, 'zh-CN');
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const node of (children.get(parent) ?? []).sort(bySiblingOrder)) {
      out.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return out;
}
