/** UTC days and months as "YYYY-MM-DD" strings, the cube's periods. */

const DAY = 86_400_000;

export const dayOf = (at: string | Date): string => new Date(at).toISOString().slice(0, 10);
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
export const startOfDay = (day: string): string => `${day}T00:00:00.000Z`;
export const nextDay = (day: string): string => new Date(Date.parse(startOfDay(day)) + DAY).toISOString().slice(0, 10);

export function nextMonth(month: string): string {
  const [year = 1970, m = 1] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10);
}

/** The days from `from` up to (not including) `to`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = nextDay(day)) days.push(day);
  return days;
}

/** The first whole day that begins at or after an instant. */
export function dayAtOrAfter(at: string): string {
  const day = dayOf(at);
  return startOfDay(day) === new Date(at).toISOString() ? day : nextDay(day);
}
