/** The one source of "now" for services and edges; the core receives dates as arguments. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's legal date in Asia/Shanghai, YYYY-MM-DD. */
  today(): string;
}

const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The legal date (Asia/Shanghai) of an instant. */
export const legalDateOf = (instant: Date): string => shanghai.format(instant);

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => legalDateOf(new Date()),
};

/** A clock fixed at (and movable from) a given instant, for tests and simulations. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    today: () => legalDateOf(new Date(t)),
    set: (at) => { t = new Date(at).getTime(); },
    advance: (ms) => { t += ms; },
  };
}
