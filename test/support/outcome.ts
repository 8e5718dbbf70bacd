/** What a service call ends in, for tests that compare many calls at once. */
import { AppError } from '../../src/core/errors.js';

/**
 * The code of the AppError a call fails with, or 'OK' when it succeeds; `describe` may add to the
 * code (say, the year a YEAR_CLOSED refers to). Any other error is rethrown.
 */
export async function outcomeCode(p: Promise<unknown>, describe: (e: AppError) => string = (e) => e.code): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return describe(e);
    throw e;
  }
  return 'OK';
}
