/**
 * The demo district: 重庆市梁平区 — its government, the 主管部门 (区政府办公室), the seed's office
 * (区政务服务管理办公室), several departments and towns/sub-districts. The names follow the real
 * administrative structure; every address, phone number, e-mail and web address is FICTITIOUS.
 */
import type { AgencyKind, DisclosureOffice } from '../../core/agencies/agency.js';

export interface DemoAgency {
  readonly name: string;
  readonly shortName: string;
  readonly kind: AgencyKind;
  /** Full name of the parent (null for the root). */
  readonly parent: string | null;
  readonly sortOrder: number;
  readonly office: DisclosureOffice;
}

/** Full names of the agencies other demo steps look up. */
export const demoAgencyNames = {
  government: '重庆市梁平区人民政府',
  supervisingOffice: '重庆市梁平区人民政府办公室',
  serviceOffice: '重庆市梁平区政务服务管理办公室',
  housing: '重庆市梁平区住房和城乡建设委员会',
  market: '重庆市梁平区市场监督管理局',
  education: '重庆市梁平区教育委员会',
  police: '重庆市公安局梁平区分局',
  planning: '重庆市梁平区规划和自然资源局',
  liangshan: '重庆市梁平区梁山街道办事处',
  shuanggui: '重庆市梁平区双桂街道办事处',
  lirang: '重庆市梁平区礼让镇人民政府',
  pingjin: '重庆市梁平区屏锦镇人民政府',
} as const;

const hours = '工作日上午9:00—12:00，下午14:00—18:00（法定节假日除外）';
const site = 'https://www.cqlp.example.cn';
const office = (o: { officeName: string; address: string; phone: string; fax?: string; email: string; path: string; postalCode?: string }): DisclosureOffice => ({
  officeName: o.officeName,
  address: o.address,
  officeHours: hours,
  phone: o.phone,
  fax: o.fax ?? o.phone,
  email: `${o.email}@cqlp.example.cn`,
  website: `${site}/${o.path}/zwgk/`,
  postalCode: o.postalCode ?? '405200',
});

const n = demoAgencyNames;
const gov = n.government;

export const demoDistrict: readonly DemoAgency[] = [
  { name: gov, shortName: '梁平区政府', kind: 'government', parent: null, sortOrder: 0,
    office: office({ officeName: '重庆市梁平区人民政府办公室（政务公开科）', address: '重庆市梁平区梁山街道演示路1号区行政中心3楼', phone: '023-53220001', fax: '023-53220002', email: 'zwgk', path: 'zf' }) },
  { name: n.supervisingOffice, shortName: '区政府办公室', kind: 'department', parent: gov, sortOrder: 1,
    office: office({ officeName: '重庆市梁平区人民政府办公室（政务公开科）', address: '重庆市梁平区梁山街道演示路1号区行政中心3楼', phone: '023-53220011', email: 'qzfb', path: 'qzfb' }) },
  { name: n.serviceOffice, shortName: '区政务服务办', kind: 'department', parent: gov, sortOrder: 2,
    office: office({ officeName: '重庆市梁平区政务服务管理办公室综合科', address: '重庆市梁平区双桂街道演示大道88号区政务服务中心2楼', phone: '023-53220021', email: 'zwfw', path: 'zwfw' }) },
  { name: n.housing, shortName: '区住房城乡建委', kind: 'department', parent: gov, sortOrder: 3,
    office: office({ officeName: '重庆市梁平区住房和城乡建设委员会办公室', address: '重庆市梁平区梁山街道演示路18号', phone: '023-53220031', email: 'zjw', path: 'zjw' }) },
  { name: n.market, shortName: '区市场监管局', kind: 'department', parent: gov, sortOrder: 4,
    office: office({ officeName: '重庆市梁平区市场监督管理局办公室', address: '重庆市梁平区梁山街道演示北路6号', phone: '023-53220041', email: 'scjg', path: 'scjg' }) },
  { name: n.education, shortName: '区教委', kind: 'department', parent: gov, sortOrder: 5,
    office: office({ officeName: '重庆市梁平区教育委员会办公室', address: '重庆市梁平区双桂街道演示街9号', phone: '023-53220051', email: 'jw', path: 'jw' }) },
  { name: n.police, shortName: '区公安分局', kind: 'department', parent: gov, sortOrder: 6,
    office: office({ officeName: '重庆市公安局梁平区分局警务支援大队（政务公开）', address: '重庆市梁平区梁山街道演示西路110号', phone: '023-53220061', email: 'gafj', path: 'gafj' }) },
  { name: n.planning, shortName: '区规划自然资源局', kind: 'department', parent: gov, sortOrder: 7,
    office: office({ officeName: '重庆市梁平区规划和自然资源局办公室', address: '重庆市梁平区梁山街道演示东路28号', phone: '023-53220071', email: 'ghzy', path: 'ghzy' }) },
  { name: n.liangshan, shortName: '梁山街道', kind: 'subdistrict', parent: gov, sortOrder: 20,
    office: office({ officeName: '梁山街道党政办公室', address: '重庆市梁平区梁山街道演示巷2号', phone: '023-53220101', email: 'lsjd', path: 'lsjd' }) },
  { name: n.shuanggui, shortName: '双桂街道', kind: 'subdistrict', parent: gov, sortOrder: 21,
    office: office({ officeName: '双桂街道党政办公室', address: '重庆市梁平区双桂街道演示路66号', phone: '023-53220111', email: 'sgjd', path: 'sgjd' }) },
  { name: n.lirang, shortName: '礼让镇', kind: 'town', parent: gov, sortOrder: 22,
    office: office({ officeName: '礼让镇党政办公室', address: '重庆市梁平区礼让镇演示街1号', phone: '023-53220121', email: 'lrz', path: 'lrz', postalCode: '405201' }) },
  { name: n.pingjin, shortName: '屏锦镇', kind: 'town', parent: gov, sortOrder: 23,
    office: office({ officeName: '屏锦镇党政办公室', address: '重庆市梁平区屏锦镇演示路3号', phone: '023-53220131', email: 'pjz', path: 'pjz', postalCode: '405202' }) },
];
