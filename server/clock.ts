/**
 * The one source of "now" for commands and jobs. Tests hand commands and
 * runners their own clock; the browser suite moves this one forward through
 * a test-only route (server/sla/test-clock-routes.ts) to watch a ticket turn
 * overdue without waiting an hour. Nothing moves it in production.
 */
export type Clock = () => Date;

let offsetMs = 0;

export const systemClock: Clock = () => new Date(Date.now() + offsetMs);

export function advanceSystemClock(ms: number): void {
  offsetMs += ms;
}
