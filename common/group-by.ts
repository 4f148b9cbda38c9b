/**
 * Items by key, each key's items in their order, in linear time. Copying a key's list into a new array for
 * every item (spreading the map's list and the item into `map.set`) is quadratic: the agents report, grouping a
 * year's solved tickets by assignee that way, ran for minutes at a million tickets.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
