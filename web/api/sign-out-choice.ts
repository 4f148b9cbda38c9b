/**
 * Whether this tab signed out on purpose (and no one has signed in since). The workspace then goes to the sign-in
 * page; a session that ended under the page (expired, signed out elsewhere) keeps the page, with a banner.
 */
let signedOutHere = false;

export const signOutWasChosen = (): boolean => signedOutHere;

export function chooseSignOut(): void {
  signedOutHere = true;
}

/**
 * Someone signed in (here, or in another tab this one then asked about) means the sign-out chosen here is over: a
 * session ending after that is one that ended under the page.
 */
export function noteSignedIn(): void {
  signedOutHere = false;
}
