/** Chinese labels of the request domain, straight from the core catalogs (pure data). */
export { requestStatusLabels, requestActionLabels, openStatuses } from '../../core/requests/states.js';
export { requestEventLabels } from '../../core/requests/events.js';
export { outcomeLabels, outcomeGroupLabels, outcomeKeys, replyBases, outcomeGroup, findOutcomeBasis } from '../../core/requests/outcomes.js';
export {
  applicantKindLabels, applicantKinds, requestChannelLabels, requestChannels, channelNeedsConfirmation, channelReceiptRule, wantedFormLabels,
  wantedForms, wantedDeliveryLabels, wantedDeliveries,
} from '../../core/requests/request.js';
export {
  letterStatusLabels, deliveryMethodLabels, deliveryMethods, attachmentPurposes, appealKindLabels, appealKinds, appealResultLabels, appealResults,
} from '../../core/requests/records.js';
export { letterKindLabels, unfilledMarkers } from '../../core/requests/letters/letter.js';
export { idDocumentLabels, idDocumentTypes, personDocumentTypes, organizationDocumentTypes, checkIdNumber } from '../../core/people/id-documents.js';

export const attachmentPurposeLabels = { released: '公开的信息', incoming: '申请原件', other: '其他材料' } as const;
