/**
 * Rows sorted by their key, the order every transaction writes them in. PostgreSQL locks the rows of a
 * multi-row upsert in the order of its values: two changes that add to the same counters in opposite orders
 * (tickets moved from group A to B and from B to A in the same hour) would lock (A, B) and (B, A), and one of
 * them could fail as a deadlock. Writers of shared counter rows pass their rows through here.
 */
export function inLockOrder<Row>(rows: ReadonlyMap<string, Row>): Row[] {
  return [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
