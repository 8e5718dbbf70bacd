/** Chinese labels of proactive disclosure (主动公开), from the core catalogs (pure data). */
export {
  publicationStatusLabels, versionStatusLabels, validityLabels, validities, docTypeLabels, docTypes, reviewKindLabels, reviewKinds,
  reviewDecisionLabels, article20Items, article20ItemLabel,
} from '../../core/publications/publication.js';
export { registerKindLabels, registerKinds, registerKindFields } from '../../core/publications/registers.js';

/** Events of a publication's log (publication_event.kind) → what happened. */
export const publicationEventLabels: Readonly<Record<string, string>> = {
  created: '新建草稿',
  edited: '修改草稿',
  attachmentAdded: '添加附件',
  attachmentRemoved: '删除附件',
  submitted: '提交审查',
  recalled: '撤回审查',
  reviewed: '审查',
  published: '发布',
  changed: '发布变更后的版本',
  withdrawn: '撤回发布',
  validityChanged: '变更有效性',
  changeStarted: '开始变更（新版本）',
  discarded: '放弃',
};
