/**
 * Where the shared reference material is: `../shared/` beside the checkout (the seed report, the
 * corpus of real reports with their verified figures) when it is there, else the project's copy of
 * it in `test/fixtures/shared/` (taken from ../shared on 2026-11-26), so a clean checkout alone runs
 * every test. Ends with a slash.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const beside = fileURLToPath(new URL('../../../shared/', import.meta.url));
/** The project's copy: tests about one named file of the corpus read it here (it is always there). */
export const sharedCopy = fileURLToPath(new URL('../fixtures/shared/', import.meta.url));

export const shared = existsSync(`${beside}seed/liangping-zwfwb-2024.txt`) && existsSync(`${beside}corpus/truth/`) ? beside : sharedCopy;

/** The seed: the 2024 annual report of 梁平区政务服务管理办公室, in its flattened-table text form. */
export const seedFile = `${shared}seed/liangping-zwfwb-2024.txt`;
