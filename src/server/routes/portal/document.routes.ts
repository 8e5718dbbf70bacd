/**
 * GET /zwgk/doc/:itemId — a published item (metadata block, text, attachments); cached, max-age
 * longer than lists. GET /zwgk/doc/:itemId/files/:attachmentId — an attachment of the version in
 * force (ETag = its SHA-256).
 */
import type { FastifyPluginAsync } from 'fastify';
import { renderDocumentPage } from '../../../portal/pages/disclosure-document.js';
import { loadPublishedAttachment, loadPublishedDocument } from '../../../services/portal/document.service.js';
import { isFresh, maxAge, sendCached } from './disclosure-cache.js';

/** Content-Disposition with the UTF-8 name (RFC 6266/5987) and an ASCII fallback. */
export const attachmentDisposition = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const documentRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { itemId: string } }>('/zwgk/doc/:itemId', async (request, reply) =>
    sendCached(app, request, reply, maxAge.document, async () => {
      const d = await loadPublishedDocument(app.serviceDeps, request.params.itemId);
      const i = d.item;
      return {
        body: renderDocumentPage({
          itemId: i.id, agency: d.agency, title: i.title, indexNumber: i.indexNumber, publisher: i.publisher, writtenOn: i.writtenOn,
          publishedOn: i.publishedOn, firstPublishedOn: i.firstPublishedOn, documentNumber: i.documentNumber, topicLabel: d.topicLabel,
          genreLabel: d.genreLabel, article20Label: d.article20Label, validity: i.validity, validityLabel: d.validityLabel, effectiveOn: i.effectiveOn,
          validityEndedOn: i.validityEndedOn, validityNote: i.validityNote, summary: i.summary, bodyHtml: i.bodyHtml, versionNumber: i.versionNumber,
          changeNote: i.changeNote,
          attachments: i.attachments.map((a) => ({ ...a, href: `/zwgk/doc/${encodeURIComponent(i.id)}/files/${encodeURIComponent(a.id)}` })),
        }),
      };
    }));

  app.get<{ Params: { itemId: string; attachmentId: string } }>('/zwgk/doc/:itemId/files/:attachmentId', async (request, reply) => {
    const file = await loadPublishedAttachment(app.serviceDeps, request.params.itemId, request.params.attachmentId);
    const etag = `"${file.sha256.slice(0, 32)}"`;
    reply.header('etag', etag).header('cache-control', `public, max-age=${maxAge.document}`);
    if (isFresh(request, etag, new Date(0).toUTCString())) return reply.code(304).send();
    return reply
      .type(file.mediaType || 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.content));
  });
};
