/**
 * Where someone goes back to once they have signed in: the page that sent them to sign in. Every page that
 * sends someone to sign in says where it is with `cameFrom`, and both sign-in pages read it with `returnPath`,
 * so a deep link (a mail's link to a request, a bookmarked admin page or filtered queue) survives signing in,
 * query included.
 */
type Here = { pathname: string; search: string; hash: string };

/** The router state to send along to a sign-in page. */
export const cameFrom = (location: Here) => ({ from: `${location.pathname}${location.search}${location.hash}` });

/** The page to return to, if the state names one on this site (never another site's address, "//host/…"). */
export function returnPath(state: unknown): string | undefined {
  if (typeof state === "object" && state !== null && "from" in state && typeof state.from === "string") {
    if (state.from.startsWith("/") && !state.from.startsWith("//") && !state.from.startsWith("/\\")) return state.from;
  }
  return undefined;
}
