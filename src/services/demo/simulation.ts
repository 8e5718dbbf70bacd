/**
 * A tiny discrete-time scheduler for simulated histories: scripts wait simulated days with
 * `after(n)`; `runDay(day)` resumes the scripts due that day one at a time (each runs until it
 * waits again or ends), so service calls never interleave and the clock can be set per day.
 */
import { AppError } from '../../core/errors.js';

/** Runs scripts day by day, one at a time; a script waits with `after(days)`. */
export class Simulation {
  private readonly waiting = new Map<number, (() => void)[]>();
  private release: (() => void) | null = null;
  failure: unknown = null;
  day = 0;

  private yieldTurn(): void {
    const r = this.release;
    this.release = null;
    r?.();
  }

  /** Resumes the calling script `days` simulated days later (now, for days ≤ 0). */
  after(days: number): Promise<void> {
    if (days <= 0) return Promise.resolve();
    const at = this.day + days;
    const p = new Promise<void>((resolve) => {
      const list = this.waiting.get(at) ?? [];
      list.push(resolve);
      this.waiting.set(at, list);
    });
    this.yieldTurn();
    return p;
  }

  /** Starts a script on a later day. */
  startOn(day: number, script: () => Promise<void>): void {
    const list = this.waiting.get(day) ?? [];
    list.push(() => {
      script().catch((e: unknown) => { this.failure ??= e; }).finally(() => this.yieldTurn());
    });
    this.waiting.set(day, list);
  }

  /** Runs everything due on `day`. */
  async runDay(day: number): Promise<void> {
    this.day = day;
    const due = this.waiting.get(day) ?? [];
    this.waiting.delete(day);
    for (const resume of due) {
      await new Promise<void>((turnDone) => {
        this.release = turnDone;
        resume();
      });
      if (this.failure) throw this.failure;
    }
  }
}

/** A wrapper for retrying an action that is refused until a date has passed (lapses, expiries). */
export async function untilAllowed<T>(sim: Simulation, attempt: () => Promise<T>, opts: { every: number; tries: number }): Promise<T | null> {
  for (let i = 0; i < opts.tries; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'WRONG_STATE') throw err;
      await sim.after(opts.every);
    }
  }
  return null;
}
