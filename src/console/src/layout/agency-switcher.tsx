/**
 * 当前机关: the agency the screens work on, chosen among the agencies the server says the user
 * reaches (indented by depth). Users of one agency see its name only.
 */
import { Select } from 'antd';
import { useMemo } from 'react';
import type { AgencyDirectoryEntryView } from '../api/types.js';
import { useSession } from '../session.js';

/** Depth of each agency within the visible list (a parent outside the list counts as a root). */
export const agencyDepths = (agencies: readonly AgencyDirectoryEntryView[]): Map<string, number> => {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const depths = new Map<string, number>();
  const depth = (a: AgencyDirectoryEntryView): number => {
    const known = depths.get(a.id);
    if (known !== undefined) return known;
    const parent = a.parentId ? byId.get(a.parentId) : undefined;
    const d = parent ? depth(parent) + 1 : 0;
    depths.set(a.id, d);
    return d;
  };
  agencies.forEach(depth);
  return depths;
};

const allValue = '__all__';

export function AgencySwitcher() {
  const { me, agencyId, setAgencyId } = useSession();
  const role = me.user.role;
  const agencies = me.visibleAgencies;
  const options = useMemo(() => {
    const depths = agencyDepths(agencies);
    const list = agencies.map((a) => ({ value: a.id, label: `${'\u3000'.repeat(depths.get(a.id) ?? 0)}${a.shortName || a.name}`, title: a.name }));
    return role === 'admin' || role === 'supervisor' ? [{ value: allValue, label: '全部可见机关', title: '全部可见机关' }, ...list] : list;
  }, [agencies, role]);

  if (agencies.length <= 1 && role !== 'admin') {
    const only = agencies[0];
    return <span className="gk-header-user">当前机关：{only ? only.shortName || only.name : '（无）'}</span>;
  }
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <label htmlFor="gk-agency-switcher">当前机关</label>
      <Select
        id="gk-agency-switcher"
        style={{ width: 240 }}
        showSearch={{ optionFilterProp: 'title' }}
        value={agencyId ?? allValue}
        onChange={(v: string) => setAgencyId(v === allValue ? null : v)}
        options={options}
        popupMatchSelectWidth={320}
      />
    </span>
  );
}
