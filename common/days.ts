/**
 * The years a help desk's dates fall in. Past 9999 a day's successor is written "+010000-01-01", which PostgreSQL
 * cannot read and which sorts before every date; year 0 is outside PostgreSQL's calendar. Dates people and
 * integrations send (filters, report periods, export starts) are kept to these years, refused with one sentence.
 */
export const firstServiceDay = "1970-01-01";
export const lastServiceDay = "2999-12-31";
export const outsideServiceYears = "Choose a date between 1970 and 2999.";

/** Whether a date ("YYYY-MM-DD") or an instant (ISO 8601, any offset) falls in those years. */
export function inServiceYears(value: string): boolean {
  const day = value.slice(0, 10);
  return day >= firstServiceDay && day <= lastServiceDay;
}
