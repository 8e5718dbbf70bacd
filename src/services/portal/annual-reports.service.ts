/**
 * 政府信息公开年报 on the portal: an agency's published annual reports are its closed report years
 * (the frozen figures and text of closed_report, in force — a reopened year is not published until
 * it is closed again). Each is a page rendered by the report engine and a download (DOCX, PDF, JSON).
 */
import { AppError } from '../../core/errors.js';
import { reportFromJson } from '../../core/report/json.js';
import { renderReportBody } from '../../core/report/render/index.js';
import type { ReportValues } from '../../core/report/values.js';
import { findClosure, listClosures } from '../../db/report-closure.repository.js';
import { reportFileName } from '../check.service.js';
import type { ServiceDeps } from '../deps.js';
import { renderReportFile, type RenderedFile } from '../render/index.js';
import { portalVersion } from '../search/data-version.js';
import { loadPortalContext } from '../search/public-context.js';
import { columnAgencyOf } from './column.service.js';

export interface PublishedReport {
  readonly year: number;
  readonly title: string;
  /** The day the year was closed (YYYY-MM-DD, UTC date of the instant). */
  readonly publishedOn: string;
}

const titleOf = (agencyName: string, year: number) => `${agencyName}${year}年政府信息公开工作年度报告`;

async function agencyOf(deps: ServiceDeps, agencyId: string) {
  const version = (await portalVersion(deps)).key;
  return columnAgencyOf(await loadPortalContext(deps, version), agencyId);
}

/** The agency's published reports, newest year first. @throws AppError(NOT_FOUND) */
export async function listPublishedReports(deps: ServiceDeps, agencyId: string): Promise<{ agency: { id: string; name: string }; reports: PublishedReport[] }> {
  const agency = await agencyOf(deps, agencyId);
  const closures = (await listClosures(deps.db, agency.id)).filter((c) => c.reopenedAt === null);
  return {
    agency: { id: agency.id, name: agency.name },
    reports: closures.map((c) => ({ year: c.year, title: titleOf(agency.name, c.year), publishedOn: c.closedAt.slice(0, 10) })),
  };
}

export interface PublishedReportPage extends PublishedReport {
  readonly agency: { readonly id: string; readonly name: string };
  readonly report: ReportValues;
  /** The report engine's HTML fragment. */
  readonly bodyHtml: string;
}

/** One published report. @throws AppError(NOT_FOUND) when the year is not closed (or was reopened) */
export async function loadPublishedReport(deps: ServiceDeps, agencyId: string, year: number): Promise<PublishedReportPage> {
  const agency = await agencyOf(deps, agencyId);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('NOT_FOUND', { what: '该年度报告' });
  const closure = await findClosure(deps.db, agency.id, year);
  if (!closure) throw new AppError('NOT_FOUND', { what: `${year}年度报告` });
  const report = reportFromJson(closure.report);
  return {
    agency: { id: agency.id, name: agency.name }, year, title: titleOf(agency.name, year), publishedOn: closure.closedAt.slice(0, 10),
    report, bodyHtml: renderReportBody(report),
  };
}

export type ReportDownload = 'docx' | 'pdf' | 'json';
export const isReportDownload = (v: string): v is ReportDownload => v === 'docx' || v === 'pdf' || v === 'json';

/** A published report as a file. @throws AppError(NOT_FOUND | RENDER_FAILED) */
export async function renderPublishedReport(
  deps: ServiceDeps, agencyId: string, year: number, to: ReportDownload, opts: { chromiumPath?: string } = {},
): Promise<RenderedFile & { fileName: string }> {
  const page = await loadPublishedReport(deps, agencyId, year);
  const file = await renderReportFile(page.report, to, opts);
  return { ...file, fileName: reportFileName({ agency: page.report.agency ?? page.agency.name, year }, file.extension) };
}
