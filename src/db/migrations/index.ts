/**
 * The ordered list of migrations (static imports, so dist/ needs no directory scan).
 * Add a new dated file and one line here; never edit an existing migration.
 */
import type { Migration } from 'kysely';
import * as m20261126100000 from './2026_11_26_100000_create_settings_and_audit.js';
import * as m20261126110000 from './2026_11_26_110000_create_agencies_and_accounts.js';
import * as m20261126120000 from './2026_11_26_120000_create_calendar_days.js';
import * as m20261127100000 from './2026_11_27_100000_create_requests.js';
import * as m20261128100000 from './2026_11_28_100000_create_closed_reports.js';
import * as m20261129100000 from './2026_11_29_100000_create_publications.js';
import * as m20261130100000 from './2026_11_30_100000_request_status_index.js';
import * as m20261201100000 from './2026_12_01_100000_create_search_index.js';
import * as m20261202100000 from './2026_12_02_100000_search_facet_index.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_26_100000_create_settings_and_audit': m20261126100000,
  '2026_11_26_110000_create_agencies_and_accounts': m20261126110000,
  '2026_11_26_120000_create_calendar_days': m20261126120000,
  '2026_11_27_100000_create_requests': m20261127100000,
  '2026_11_28_100000_create_closed_reports': m20261128100000,
  '2026_11_29_100000_create_publications': m20261129100000,
  '2026_11_30_100000_request_status_index': m20261130100000,
  '2026_12_01_100000_create_search_index': m20261201100000,
  '2026_12_02_100000_search_facet_index': m20261202100000,
};
