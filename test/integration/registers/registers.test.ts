/**
 * The table-二 registers on SQLite and PostgreSQL: entry, import (good file, bad lines reported with
 * nothing imported, the XLSX/CSV template round trip, closed years), and table 二 of the compiled
 * report from published 规章/规范性文件 and the figures — the stock rule and the drill-down.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCrossYear } from '../../../src/core/report/validate-cross-year.js';
import { specForYear } from '../../../src/core/report/spec/index.js';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Principal } from '../../../src/services/authorization.js';
import * as workflow from '../../../src/services/publications/workflow.service.js';
import { importRegisterFile, registerTemplateCsv, registerTemplateXlsx } from '../../../src/services/registers/register-import.service.js';
import { listRegisterFigures, saveRegisterFigure } from '../../../src/services/registers/registers.service.js';
import { closeYear, reopenYear } from '../../../src/services/reports/closing.service.js';
import { compileAgencyReport } from '../../../src/services/reports/compile.service.js';
import { drillDown } from '../../../src/services/reports/drill-down.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { publicationInput, publishNew } from '../../support/publication-fixture.js';
import { createPublication } from '../../../src/services/publications/editing.service.js';
import { principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';
import { outcomeCode } from '../../support/outcome.js';

const code = (p: Promise<unknown>): Promise<string> => outcomeCode(p);
const bytes = (s: string) => new TextEncoder().encode(s);

describe.each(testDatabases)('table-二 registers on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let own: string;
  const ownName = '甲区教育委员会';

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle); // today 2026-03-02
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
    own = f.agencies.ownAgency;
  });
  afterAll(async () => handle.close());

  const figuresOf = async (year: number) => (await listRegisterFigures(deps, handler, { agencyId: own, year }))
    .map((x) => [x.kind, x.decisionCount, x.amountWan, x.source]).sort();

  it('imports a good CSV in one go', async () => {
    const csv = `机关,年度,类别,处理决定数量,金额（万元）,备注\n${ownName},2025,行政许可,120,,\n${ownName},2025,行政处罚,35,,\n${ownName},2025,行政事业性收费,,12.35,含补缴\n`;
    const r = await importRegisterFile(deps, handler, { fileName: 'figures.csv', content: bytes(csv) });
    expect(r).toMatchObject({ imported: true, count: 3, findings: [] });
    expect(await figuresOf(2025)).toEqual([['fees', null, '12.35', 'import'], ['licensing', 120, null, 'import'], ['penalty', 35, null, 'import']]);
    const audit = await deps.db.selectFrom('audit_event').select('action').where('action', '=', 'register.import').execute();
    expect(audit).toHaveLength(1);
  });

  it('reports bad lines by number with a reason and imports nothing of the file', async () => {
    const before = await figuresOf(2025);
    const csv = [
      '机关,年度,类别,处理决定数量,金额（万元）',
      `${ownName},2025,行政许可,999,`, // valid, but must not be written
      '乙区教育委员会,2025,行政许可,1,', // out of the handler's reach
      `${ownName},2025,行政强制,三,`,
      `${ownName},2025,行政许可,5,`, // duplicate of line 2
    ].join('\n');
    const r = await importRegisterFile(deps, handler, { fileName: 'bad.csv', content: bytes(csv) });
    expect(r.imported).toBe(false);
    expect(r.findings.map((x) => [x.at.line, x.code])).toEqual([[3, 'REG-AGENCY'], [4, 'REG-NUMBER'], [5, 'REG-DUPLICATE']]);
    expect(await figuresOf(2025)).toEqual(before);
    // an import never touches publications: a column asking to publish is refused, nothing changes
    await createPublication(deps, handler, publicationInput(own, { title: '导入前的草稿' }));
    const publicationsBefore = await deps.db.selectFrom('publication').select(['id', 'status', 'version']).orderBy('id').execute();
    const sneaky = await importRegisterFile(deps, handler, { fileName: 's.csv', content: bytes(`机关,年度,类别,处理决定数量,状态\n${ownName},2025,行政许可,1,published\n`) });
    expect(sneaky.findings.map((x) => [x.code, x.params.problem])).toEqual([['REG-FORMAT', 'unknownColumn']]);
    expect(publicationsBefore.map((r) => r.status)).toEqual(['draft']);
    expect(await deps.db.selectFrom('publication').select(['id', 'status', 'version']).orderBy('id').execute()).toEqual(publicationsBefore);
    const notSheet = await importRegisterFile(deps, handler, { fileName: 'x.xlsx', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(notSheet.findings.map((x) => x.code)).toEqual(['REG-FORMAT']);
  });

  it('the XLSX and CSV templates round-trip through the import', async () => {
    const xlsx = await registerTemplateXlsx({ agency: ownName, year: 2024 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['登记数字', '填写说明']);
    const r = await importRegisterFile(deps, handler, { fileName: 'template.xlsx', content: xlsx });
    expect(r).toMatchObject({ imported: true, count: 4 });
    expect(await figuresOf(2024)).toEqual([['enforcement', 0, null, 'import'], ['fees', null, '12.35', 'import'], ['licensing', 120, null, 'import'], ['penalty', 35, null, 'import']]);
    const csv = await importRegisterFile(deps, handler, { fileName: 'template.csv', content: bytes(registerTemplateCsv({ agency: ownName, year: 2023 })) });
    expect(csv).toMatchObject({ imported: true, count: 4 });
    // an edited XLSX with a bad line is refused by line (the Excel row number)
    wb.worksheets[0]!.getRow(3).getCell(4).value = -1;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const bad = await importRegisterFile(deps, handler, { fileName: 'edited.xlsx', content: edited });
    expect(bad.findings.map((x) => [x.at.line, x.code])).toEqual([[3, 'REG-NUMBER']]);
  });

  it('entry by hand; a closed year is frozen for entry and import', async () => {
    const saved = await saveRegisterFigure(deps, handler, { agencyId: own, year: 2025, kind: 'enforcement', decisionCount: 4 });
    expect(saved).toMatchObject({ decisionCount: 4, source: 'entry' });
    expect(await code(saveRegisterFigure(deps, handler, { agencyId: own, year: 2025, kind: 'fees', decisionCount: 4 }))).toBe('REQUEST_INVALID');
    expect(await code(saveRegisterFigure(deps, handler, { agencyId: f.agencies.otherAgency, year: 2025, kind: 'penalty', decisionCount: 1 }))).toBe('NOT_FOUND');
    expect(await code(saveRegisterFigure(deps, await principalOfRole(deps, f, 'supervisor'), { agencyId: own, year: 2025, kind: 'penalty', decisionCount: 1 }))).toBe('FORBIDDEN');
    await closeYear(deps, head, own, 2023);
    expect(await code(saveRegisterFigure(deps, handler, { agencyId: own, year: 2023, kind: 'penalty', decisionCount: 1 }))).toBe('WRONG_STATE');
    const r = await importRegisterFile(deps, handler, { fileName: 'closed.csv', content: bytes(`机关,年度,类别,处理决定数量\n${ownName},2023,行政处罚,9\n`) });
    expect(r.findings.map((x) => x.code)).toEqual(['REG-CLOSED']);
    await reopenYear(deps, await principalOfRole(deps, f, 'admin'), own, 2023, '补录登记数字');
    expect((await importRegisterFile(deps, handler, { fileName: 'reopened.csv', content: bytes(`机关,年度,类别,处理决定数量\n${ownName},2023,行政处罚,9\n`) })).imported).toBe(true);
  });

  it('table 二 of the compiled report comes from the registers; 现行有效 follows the stock rule; cells drill down to the documents', async () => {
    const doc = (title: string, writtenOn: string, docType: 'regulation' | 'normativeDocument' = 'normativeDocument') =>
      publishNew(deps, handler, head, own, { title, docType, writtenOn, formedOn: writtenOn, documentNumber: `甲教规〔${writtenOn.slice(0, 4)}〕${title.length}号` });
    const a = await doc('规范性文件甲', '2024-03-01');
    await doc('规范性文件乙', '2025-04-01');
    const c = await doc('规范性文件丙', '2025-06-01');
    await doc('规章甲', '2025-07-01', 'regulation');
    await workflow.setValidity(deps, head, a.id, { version: a.version, validity: 'repealed', validityEndedOn: '2025-09-30' });
    await workflow.setValidity(deps, head, c.id, { version: c.version, validity: 'expired', validityEndedOn: '2026-01-31' });
    // a withdrawn document is not in the register
    const w = await doc('撤回的文件', '2025-05-05');
    await workflow.withdrawPublication(deps, head, w.id, { version: w.version, reason: '误发' });

    const y25 = await compileAgencyReport(deps, handler, own, 2025);
    const y24 = await compileAgencyReport(deps, handler, own, 2024);
    expect(y25.provenance.table2).toBe('registers');
    expect(y25.report.tables.table2).toMatchObject({
      normativeDocs: [2, 1, 2], regulations: [1, 0, 1], licensing: [120], penalty: [35], enforcement: [4], feesWan: [12.35],
    });
    expect(y24.report.tables.table2.normativeDocs).toEqual([1, 0, 1]);
    for (const row of ['regulations', 'normativeDocs']) {
      const [made, repealed, inForce] = y25.report.tables.table2[row]!;
      expect(inForce).toBe(y24.report.tables.table2[row]![2]! + made! - repealed!);
    }
    expect(validateCrossYear(specForYear(2025), y25.report, y24.report).filter((x) => x.code.startsWith('T2'))).toEqual([]);
    const y26 = await compileAgencyReport(deps, handler, own, 2026);
    expect(y26.report.tables.table2.normativeDocs).toEqual([0, 1, 1]);

    const cell = await drillDown(deps, handler, own, 2025, { table: 'table2', row: 'normativeDocs', column: 2 });
    expect(cell.total).toBe(2);
    expect(cell.documents!.map((d) => d.title).sort()).toEqual(['规范性文件丙', '规范性文件乙'].sort());
    const repealed = await drillDown(deps, handler, own, 2025, { table: 'table2', row: 'normativeDocs', column: 1 });
    expect(repealed.documents!.map((d) => d.id)).toEqual([a.id]);
    const fees = await drillDown(deps, handler, own, 2025, { table: 'table2', row: 'feesWan', column: 0 });
    expect(fees.figures!.map((x) => [x.kind, x.amountWan])).toEqual([['fees', '12.35']]);
    expect(await code(drillDown(deps, handler, own, 2025, { table: 'table2', row: 'feesWan', column: 2 }))).toBe('REQUEST_INVALID');
    // the 2019 format (report year 2020) compiles from the same registers
    const y20 = await compileAgencyReport(deps, handler, own, 2020);
    expect(y20.report.format).toBe('2019');
    expect(y20.report.tables.table2.normativeDocs).toEqual([0, 0, 0]);
  });
});
