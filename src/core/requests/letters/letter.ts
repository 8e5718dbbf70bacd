/**
 * Composing letters from the templates: the reply letter of a basis (reply-templates.ts) and the
 * notices (notice-templates.ts), with `{{placeholders}}` filled from the request's facts. The text
 * is plain: paragraphs separated by a blank line, the first one the salutation. What is not known
 * stays as a visible "〔请填写：…〕" marker (optional `{{name?}}` placeholders become empty).
 */
import { noticeTemplates, type NoticeKind } from './notice-templates.js';
import { remedyParagraph, replyParagraphs } from './reply-templates.js';

/** Letter kinds: the reply (答复告知书), a closing notice (lapse, withdrawal) and the handling notices. */
export type LetterKind = 'reply' | 'closingNotice' | NoticeKind;

export const letterKindLabels: { readonly [K in LetterKind]: string } = {
  reply: '答复告知书',
  closingNotice: '终止处理告知书',
  clarificationNotice: '补正告知书',
  extensionNotice: '延期答复告知书',
  feeNotice: '收费通知书',
  delayNotice: '延迟答复告知书',
  reasonRequest: '说明理由通知书',
  consultationLetter: '征求意见书',
};

/** Everything a template may quote; dates as 'YYYY-MM-DD' (written out in Chinese). */
export interface LetterFacts {
  readonly agencyName: string;
  readonly reference: string;
  readonly applicantName: string;
  readonly receivedOn: string | null;
  readonly description: string;
  readonly documentNumber?: string;
  /** The organ that hears a 行政复议 (default: "上一级人民政府"-style text from the service). */
  readonly reviewOrgan?: string;
  /** Free values: reason, howToObtain, responsibleAgency, clarificationItems, clarificationDueOn, … */
  readonly values?: Readonly<Record<string, string | number | null | undefined>>;
}

export interface LetterText {
  readonly title: string;
  readonly body: string;
}

const labels: Readonly<Record<string, string>> = {
  reason: '理由', howToObtain: '获取方式、途径', responsibleAgency: '负责公开的机关名称', responsibleContact: '联系方式',
  clarificationItems: '需要补正的事项', clarificationDueOn: '补正期限', clarificationSentOn: '补正通知日期',
  extensionWorkdays: '延长的工作日数', replyByText: '答复期限', feeAmount: '金额', feeDetail: '计费依据', howToPay: '缴纳方式',
  payBy: '缴费期限', feeNoticeOn: '收费通知日期', newReplyByText: '延迟答复期限', consultationReason: '征求意见的理由',
  consultationRule: '征求意见的依据', withdrawnOn: '撤回日期', reviewOrgan: '行政复议机关', applicantName: '申请人', description: '申请内容',
  receivedOnText: '收到申请日期', addressee: '收件人',
};

/** "2026年3月2日" from '2026-03-02' (other text unchanged). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export const unfilledMarker = (name: string): string => `〔请填写：${labels[name] ?? name}〕`;

/** The markers still in a text (a letter with any cannot be issued). */
export function unfilledMarkers(text: string): string[] {
  return [...text.matchAll(/〔请填写：([^〕]*)〕/g)].map((m) => m[1]!);
}

/** Sentence-ending punctuation: a value typed with its own full stop before the template's gives "。。". */
const SENTENCE_END = /[。．.；;！!？?，,、\s]+$/u;
const ENDS_SENTENCE = /^[。；！？]/u;

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)(\?)?\}\}/g, (_, name: string, optional: string | undefined, at: number, whole: string) => {
    let v = values[name];
    // the template ends the sentence after the value: the value's own ending punctuation goes
    if (v !== undefined && ENDS_SENTENCE.test(whole.slice(at + _.length))) v = v.replace(SENTENCE_END, '');
    if (v !== undefined && v !== '') return v;
    return optional ? '' : unfilledMarker(name);
  });
}

function valuesOf(f: LetterFacts): Record<string, string> {
  const out: Record<string, string> = {
    agencyName: f.agencyName,
    reference: f.reference,
    applicantName: f.applicantName,
    description: f.description + (f.documentNumber ? `（文号：${f.documentNumber}）` : ''),
    receivedOnText: f.receivedOn ? chineseDate(f.receivedOn) : '',
    reviewOrgan: f.reviewOrgan ?? '',
  };
  for (const [k, v] of Object.entries(f.values ?? {})) {
    if (v === null || v === undefined) continue;
    const s = String(v).trim();
    out[k] = /^\d{4}-\d{2}-\d{2}$/.test(s) ? chineseDate(s) : s;
  }
  return out;
}

const opening =
  `本机关于{{receivedOnText}}收到您提出的政府信息公开申请（申请编号：{{reference}}），申请获取“{{description}}”。现答复如下：`;

/** The reply letter (or closing notice) of a basis key of outcomes.ts. @returns null for an unknown key */
export function composeReplyLetter(basisKey: string, facts: LetterFacts): LetterText | null {
  const decision = replyParagraphs[basisKey];
  if (decision === undefined) return null;
  const values = valuesOf(facts);
  const closing = basisKey === '30-lapse' || basisKey === '42-lapse' || basisKey === 'withdrawal';
  const paragraphs = [`${fill('{{applicantName}}', values)}：`];
  if (!closing) paragraphs.push(fill(opening, values));
  paragraphs.push(fill(decision, values));
  if (basisKey !== 'withdrawal') paragraphs.push(fill(remedyParagraph, values));
  paragraphs.push('特此告知。');
  return { title: closing ? '政府信息公开申请终止处理告知书' : '政府信息公开申请答复告知书', body: paragraphs.join('\n\n') };
}

/** A handling notice; `addressee` heads a 征求意见书 instead of the applicant. */
export function composeNotice(kind: NoticeKind, facts: LetterFacts): LetterText {
  const t = noticeTemplates[kind];
  const values = valuesOf(facts);
  const to = t.to === 'addressee' ? fill('{{addressee}}', values) : fill('{{applicantName}}', values);
  return { title: t.title, body: [`${to}：`, ...t.paragraphs.map((p) => fill(p, values)), '特此通知。'].join('\n\n') };
}

/** The paragraphs of a letter body (blank-line separated; single newlines kept inside a paragraph). */
export const letterParagraphs = (body: string): string[] =>
  body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
