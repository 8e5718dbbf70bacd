/**
 * Generated applicants and requests for the demo and the simulations: plausible Chinese names,
 * valid (checksummed, FICTITIOUS) 身份证 numbers and 统一社会信用代码, and requests about the things
 * people ask a district for. Deterministic from a random source.
 */
import type { IntakeFields } from '../../core/requests/intake.js';
import { applicantKinds, type ApplicantKind } from '../../core/requests/request.js';
import { creditCodeCheckChar } from '../../core/people/credit-code.js';
import { idCardCheckChar } from '../../core/people/id-card.js';

export type Random = () => number;

export const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
export const between = (rand: Random, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

/** Applicant kinds weighted roughly as in published district reports (most are 自然人). */
const kindWeights: Readonly<Record<ApplicantKind, number>> = { naturalPerson: 70, commercial: 12, research: 3, nonprofit: 3, legalService: 7, other: 5 };

export function pickApplicantKind(rand: Random): ApplicantKind {
  let r = rand() * 100;
  for (const k of applicantKinds) {
    r -= kindWeights[k];
    if (r < 0) return k;
  }
  return 'naturalPerson';
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '谭', '冉', '向', '欧阳'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '小红', '德华', '春梅', '志强', '雪'];
const orgNames: Readonly<Record<Exclude<ApplicantKind, 'naturalPerson'>, readonly string[]>> = {
  commercial: ['重庆梁平某某建材有限公司', '重庆市某某房地产开发有限公司', '梁平区某某农业专业合作社', '重庆某某物流有限公司', '重庆某某餐饮管理有限公司'],
  research: ['某某大学公共管理学院', '重庆某某研究院', '某某社会科学研究中心'],
  nonprofit: ['梁平区某某公益服务中心', '重庆某某环保志愿者协会', '某某基金会'],
  legalService: ['重庆某某律师事务所', '重庆某某法律服务所', '梁平区某某律师事务所'],
  other: ['某某村村民委员会', '某某小区业主委员会', '梁平区某某商会'],
};

const digits = (rand: Random, n: number) => Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');

/** A valid (fictitious) 居民身份证 number of someone born 1950–2004 in 梁平 (address code 500155). */
export function fakeIdCard(rand: Random): string {
  const y = between(rand, 1950, 2004);
  const m = String(between(rand, 1, 12)).padStart(2, '0');
  const d = String(between(rand, 1, 28)).padStart(2, '0');
  const first17 = `500155${y}${m}${d}${digits(rand, 3)}`;
  return first17 + idCardCheckChar(first17);
}

/** A valid (fictitious) 统一社会信用代码 registered in 梁平. */
export function fakeCreditCode(rand: Random): string {
  const first17 = `91500155${digits(rand, 9)}`;
  return first17 + creditCodeCheckChar(first17);
}

const topics = [
  '本区2025年度城区老旧小区改造项目计划及资金安排',
  '某路段道路拓宽工程的征收补偿方案及批准文件',
  '本镇农村危房改造补助对象名单及补助标准',
  '某小区规划许可证及总平面图',
  '本区义务教育阶段学校招生划片范围',
  '某企业环境影响评价批复文件',
  '本区最低生活保障资金发放情况',
  '某建设项目的施工许可证及竣工验收备案信息',
  '本区政府投资项目年度计划',
  '某食品经营单位的行政处罚决定书',
  '本区政务服务事项办事指南及收费依据',
  '某集体土地征收的批准文件及安置方案',
  '本单位上年度部门预算和决算',
  '某河道整治工程的招标公告及中标结果',
  '本区“民呼我为”诉求办理情况统计',
];

/** Submitted fields of a generated applicant of the given kind. */
export function fakeRequestFields(rand: Random, kind: ApplicantKind): IntakeFields {
  const person = kind === 'naturalPerson';
  const personName = pick(rand, surnames) + pick(rand, given);
  const electronic = rand() < 0.7;
  const delivery = electronic ? pick(rand, ['email', 'online'] as const) : pick(rand, ['mail', 'pickup'] as const);
  return {
    applicantKind: kind,
    name: person ? personName : pick(rand, orgNames[kind]),
    idType: person ? 'residentId' : 'creditCode',
    idNumber: person ? fakeIdCard(rand) : fakeCreditCode(rand),
    contactPerson: person ? '' : personName,
    phone: `138${digits(rand, 8)}`,
    email: `demo${digits(rand, 6)}@example.cn`,
    address: `重庆市梁平区${pick(rand, ['梁山街道', '双桂街道', '礼让镇', '屏锦镇'])}演示路${between(rand, 1, 300)}号`,
    postalCode: '405200',
    description: `申请公开${pick(rand, topics)}`,
    documentNumber: rand() < 0.2 ? `梁平府发〔${between(rand, 2019, 2025)}〕${between(rand, 1, 80)}号` : '',
    wantedForm: electronic ? 'electronic' : 'paper',
    wantedDelivery: delivery,
  };
}
