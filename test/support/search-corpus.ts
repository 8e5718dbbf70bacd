/**
 * A generated corpus of plausible 主动公开 documents of a district (重庆市梁平区): titles such as
 * "关于印发《梁平区城乡居民最低生活保障实施办法》的通知", 文号 such as 梁平府办发〔2024〕12号, bodies
 * made of the phrases such documents use. Deterministic (seeded), fast (the bench makes 1,000,000).
 * Every address, name and number is fictitious.
 */
import { createRandom } from '../../src/core/random.js';

export interface CorpusAgency {
  readonly key: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: 'government' | 'department' | 'town' | 'subdistrict';
  /** Key of the parent (null for the district government). */
  readonly parent: string | null;
  /** 发文字号 prefix, e.g. 梁平民发. */
  readonly prefix: string;
  /** Subjects this agency writes about (keys of `subjects`). */
  readonly subjects: readonly string[];
}

export const corpusAgencies: readonly CorpusAgency[] = [
  { key: 'gov', name: '重庆市梁平区人民政府', shortName: '梁平区政府', kind: 'government', parent: null, prefix: '梁平府发', subjects: ['dibao', 'yibao', 'grain', 'housing', 'rural', 'jobs', 'budget'] },
  { key: 'office', name: '重庆市梁平区人民政府办公室', shortName: '区政府办公室', kind: 'department', parent: 'gov', prefix: '梁平府办发', subjects: ['dibao', 'yibao', 'grain', 'safety', 'rural', 'flood'] },
  { key: 'civil', name: '重庆市梁平区民政局', shortName: '区民政局', kind: 'department', parent: 'gov', prefix: '梁平民发', subjects: ['dibao', 'elderly'] },
  { key: 'medical', name: '重庆市梁平区医疗保障局', shortName: '区医保局', kind: 'department', parent: 'gov', prefix: '梁平医保发', subjects: ['yibao'] },
  { key: 'housing', name: '重庆市梁平区住房和城乡建设委员会', shortName: '区住房城乡建委', kind: 'department', parent: 'gov', prefix: '梁平住建发', subjects: ['housing', 'safety'] },
  { key: 'market', name: '重庆市梁平区市场监督管理局', shortName: '区市场监管局', kind: 'department', parent: 'gov', prefix: '梁平市监发', subjects: ['food', 'penalty'] },
  { key: 'agri', name: '重庆市梁平区农业农村委员会', shortName: '区农业农村委', kind: 'department', parent: 'gov', prefix: '梁平农委发', subjects: ['grain', 'rural'] },
  { key: 'hr', name: '重庆市梁平区人力资源和社会保障局', shortName: '区人力社保局', kind: 'department', parent: 'gov', prefix: '梁平人社发', subjects: ['jobs'] },
  { key: 'finance', name: '重庆市梁平区财政局', shortName: '区财政局', kind: 'department', parent: 'gov', prefix: '梁平财发', subjects: ['budget'] },
  { key: 'liangshan', name: '重庆市梁平区梁山街道办事处', shortName: '梁山街道', kind: 'subdistrict', parent: 'gov', prefix: '梁山街道办发', subjects: ['dibao', 'flood', 'elderly'] },
  { key: 'lirang', name: '重庆市梁平区礼让镇人民政府', shortName: '礼让镇', kind: 'town', parent: 'gov', prefix: '礼让府发', subjects: ['rural', 'grain', 'flood'] },
];

interface Subject {
  /** 主题分类 code (vocabulary topic). */
  readonly topic: string;
  /** 第二十条 item. */
  readonly item: number | null;
  readonly titles: readonly string[];
  readonly sentences: readonly string[];
}

/** Subjects: titles (with {y} year, {a} agency short name, {n} a name) and body sentences. */
export const subjects: Readonly<Record<string, Subject>> = {
  dibao: {
    topic: '16', item: 11,
    titles: ['关于调整{y}年城乡低保标准的通知', '关于开展城乡低保对象动态管理工作的通知', '{y}年第{q}季度城乡低保资金发放情况公示', '关于进一步做好最低生活保障边缘家庭认定工作的通知', '{a}关于特困人员救助供养工作的实施意见'],
    sentences: ['城乡低保标准按照上年度居民人均消费支出的一定比例确定。', '对符合条件的困难群众做到应保尽保、按标施保。', '各镇乡（街道）要加强低保对象动态管理，每季度开展一次入户核查。', '低保金实行社会化发放，直接打入保障对象“一卡通”账户。', '最低生活保障审核确认实行“三榜公示”制度。'],
  },
  yibao: {
    topic: '12', item: 11,
    titles: ['关于做好{y}年度城乡居民基本医疗保险参保缴费工作的通知', '关于加强医保定点医药机构协议管理的通知', '{a}关于开展医保基金使用专项检查的通知', '关于调整门诊慢特病医保待遇的通知', '关于推进医保电子凭证应用的实施方案'],
    sentences: ['城乡居民基本医疗保险个人缴费标准按照市级统一规定执行。', '参保人员可通过医保电子凭证在定点医药机构直接结算。', '严厉打击欺诈骗取医保基金行为，确保基金安全运行。', '门诊慢特病患者在定点医疗机构就医的费用按规定报销。', '医疗救助对象参保个人缴费部分由医疗救助资金给予资助。'],
  },
  grain: {
    topic: '05', item: 3,
    titles: ['关于做好{y}年地方储备粮轮换工作的通知', '关于落实粮食安全党政同责的实施意见', '{a}关于下达{y}年耕地地力保护补贴资金的通知', '关于开展粮食收购市场专项检查的通知', '关于做好秋粮收购工作的通知'],
    sentences: ['地方储备粮轮换应当遵循先进先出、推陈储新的原则。', '严格落实粮食安全责任制考核，守住耕地保护红线。', '粮食收购企业要严格执行国家收购政策，不得压级压价。', '耕地地力保护补贴资金直接发放到农户“一卡通”。', '做好粮食仓储设施安全管理，防止发生储粮事故。'],
  },
  housing: {
    topic: '09', item: 10,
    titles: ['关于{y}年公共租赁住房配租结果的公示', '关于印发《梁平区城镇老旧小区改造实施方案》的通知', '{a}关于加强建筑施工安全生产管理的通知', '关于开展农村危房改造工作的通知', '关于规范住宅专项维修资金管理的通知'],
    sentences: ['公共租赁住房面向城镇中等偏下收入住房困难家庭配租。', '老旧小区改造坚持居民自愿、政府引导、多方参与。', '施工单位要落实安全生产主体责任，严防高处坠落事故。', '农村危房改造对象应当为住房安全等级为C级或D级的困难家庭。', '住宅专项维修资金专项用于共用部位、共用设施设备的维修和更新。'],
  },
  food: {
    topic: '08', item: 13,
    titles: ['{y}年第{q}期食品安全监督抽检信息公告', '关于开展校园食品安全专项整治的通知', '{a}关于加强特种设备安全监管的通知', '关于公布{y}年度守合同重信用企业名单的公告', '关于开展计量器具专项检查的通知'],
    sentences: ['本期共抽检食品样品若干批次，不合格样品已依法处置。', '学校食堂要落实食品安全校长负责制和陪餐制度。', '特种设备使用单位应当建立安全技术档案并定期检验。', '消费者发现不合格食品可拨打12315投诉举报。', '市场主体应当按时报送年度报告并向社会公示。'],
  },
  penalty: {
    topic: '08', item: 6,
    titles: ['{a}行政处罚决定书（{n}）', '关于{n}违法案件的行政处罚信息公示', '{a}{y}年行政处罚案件信息汇总'],
    sentences: ['当事人销售不符合食品安全标准的食品，违反了《中华人民共和国食品安全法》的规定。', '依据相关法律法规，决定给予当事人警告并处罚款。', '当事人如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议。', '罚款应当自收到本决定书之日起十五日内缴纳。'],
  },
  rural: {
    topic: '05', item: 11,
    titles: ['关于印发《梁平区{y}年乡村振兴重点工作任务》的通知', '关于做好巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作的通知', '{a}关于开展农村人居环境整治提升行动的通知', '关于下达{y}年衔接推进乡村振兴补助资金的通知'],
    sentences: ['坚持农业农村优先发展，全面推进乡村振兴。', '健全防止返贫动态监测和帮扶机制，守住不发生规模性返贫底线。', '持续推进农村厕所革命和生活垃圾治理。', '衔接资金重点支持联农带农富农产业发展。'],
  },
  jobs: {
    topic: '14', item: 11,
    titles: ['关于做好{y}年高校毕业生就业创业工作的通知', '关于发放{y}年就业见习补贴的公示', '{a}关于开展职业技能培训补贴申领工作的通知', '关于公布{y}年公益性岗位招聘结果的公告'],
    sentences: ['对吸纳高校毕业生就业的企业按规定给予社会保险补贴。', '就业见习补贴按照当地最低工资标准的一定比例发放。', '职业技能培训补贴实行“先垫后补”和“信用支付”相结合。', '公益性岗位优先安置就业困难人员和零就业家庭成员。'],
  },
  budget: {
    topic: '03', item: 7,
    titles: ['{a}{y}年部门预算公开', '{a}{y}年部门决算公开', '关于{y}年区级预算执行情况和{y1}年区级预算草案的报告', '关于下达{y}年一般性转移支付资金的通知'],
    sentences: ['部门预算收入包括一般公共预算拨款收入和政府性基金预算拨款收入。', '“三公”经费支出严格控制在预算范围以内。', '坚持过紧日子，压减一般性支出。', '预算绩效管理覆盖全部项目支出。'],
  },
  safety: {
    topic: '08', item: 13,
    titles: ['关于做好{y}年汛期安全生产工作的通知', '关于开展安全生产大检查的通知', '{a}关于加强燃气安全管理的通知'],
    sentences: ['各单位要落实安全生产责任制，严防重特大事故发生。', '加强城镇燃气安全排查整治，消除安全隐患。', '重点时段实行24小时值班和领导带班制度。'],
  },
  flood: {
    topic: '05', item: 12,
    titles: ['关于做好{y}年防汛抗旱工作的通知', '{a}关于启动防汛Ⅳ级应急响应的通知', '关于开展地质灾害隐患排查的通知'],
    sentences: ['各镇乡（街道）要做好防汛物资储备和抢险队伍准备。', '加强地质灾害隐患点巡查，及时转移受威胁群众。', '水库、山坪塘要严格执行汛期调度运用计划。'],
  },
  elderly: {
    topic: '16', item: 11,
    titles: ['关于发放{y}年高龄失能老人养老服务补贴的公示', '关于加强社区养老服务设施建设的实施意见', '{a}关于开展养老机构安全隐患排查的通知'],
    sentences: ['为80周岁以上高龄老人发放高龄津贴。', '推进社区居家养老服务中心建设，提供助餐助浴服务。', '养老机构要落实消防安全主体责任。'],
  },
};

/** 体裁 codes (the publications' vocabulary) by the word a title ends with. */
const genreByEnding: readonly [string, string][] = [['通知', 'notice'], ['公告', 'announcement'], ['意见', 'opinion'], ['报告', 'report'], ['决定书', 'decision'], ['方案', 'plan']];
const common = ['各镇乡人民政府、街道办事处，区政府各部门，有关单位：', '现将有关事项通知如下。', '请结合实际，认真贯彻落实。', '特此通知。', '本通知自印发之日起施行。', '执行中遇到的问题，请及时向主管部门反映。'];
const names = ['梁平区某某餐饮店', '梁平区某某超市', '重庆某某建设工程有限公司', '梁平区某某药房', '重庆某某食品有限公司', '梁平区某某农资经营部'];

export interface CorpusItem {
  readonly id: string;
  readonly agencyKey: string;
  readonly title: string;
  readonly documentNumber: string;
  readonly indexNumber: string;
  readonly topic: string;
  readonly genre: string;
  readonly article20Item: number | null;
  readonly writtenOn: string;
  readonly publishedOn: string;
  readonly validity: 'valid' | 'expired' | 'repealed';
  readonly summary: string;
  readonly body: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** n documents, deterministic for a seed; ids are "doc-000001" … (or the given prefix). */
export function* generateCorpus(n: number, opts: { seed?: number; idPrefix?: string; firstYear?: number; years?: number } = {}): Generator<CorpusItem> {
  const rand = createRandom(opts.seed ?? 20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const firstYear = opts.firstYear ?? 2019;
  const years = opts.years ?? 8;
  const numbers = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    const agency = pick(corpusAgencies);
    const subjectKey = pick(agency.subjects);
    const subject = subjects[subjectKey]!;
    const year = firstYear + Math.floor(rand() * years);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const writtenOn = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    const publishedDay = Math.min(28, day + Math.floor(rand() * 10));
    const publishedOn = `${year}-${pad(month, 2)}-${pad(publishedDay, 2)}`;
    const title = pick(subject.titles)
      .replaceAll('{y}', String(year)).replaceAll('{y1}', String(year + 1)).replaceAll('{q}', '一二三四'[Math.floor(rand() * 4)]!)
      .replaceAll('{a}', agency.shortName).replaceAll('{n}', pick(names));
    const seq = (numbers.get(`${agency.key}/${year}`) ?? 0) + 1;
    numbers.set(`${agency.key}/${year}`, seq);
    const hasNumber = rand() < 0.7;
    const documentNumber = hasNumber ? `${agency.prefix}〔${year}〕${seq}号` : '';
    const sentences = [pick(common)];
    const count = 3 + Math.floor(rand() * 4);
    for (let s = 0; s < count; s++) sentences.push(pick(subject.sentences));
    sentences.push(pick(common));
    const r = rand();
    const validity = r < 0.9 ? 'valid' : r < 0.96 ? 'expired' : 'repealed';
    const genre = genreByEnding.find(([end]) => title.includes(end))?.[1] ?? 'other';
    yield {
      id: `${opts.idPrefix ?? 'doc-'}${pad(i, 7)}`,
      agencyKey: agency.key,
      title,
      documentNumber,
      indexNumber: `11500155MB${pad(corpusAgencies.indexOf(agency), 4)}/${year}-${pad(seq, 5)}`,
      topic: subject.topic,
      genre,
      article20Item: subject.item,
      writtenOn,
      publishedOn,
      validity,
      summary: sentences[1]!,
      body: sentences.join(''),
    };
  }
}
