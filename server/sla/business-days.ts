/**
 * Business days, Monday to Friday in UTC. The service-levels issue brings
 * calendars (time zones, hours, holidays); until then this is the calendar.
 */
export function addBusinessDays(from: Date, days: number): Date {
  const result = new Date(from.getTime());
  let added = 0;
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added += 1;
  }
  return result;
}
