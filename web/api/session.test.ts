import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../common/accounts.ts";

const answers: Session[] = [];
vi.mock("./client.ts", () => ({
  fetchSession: async () => answers.shift(),
  adoptSession: (session: Session) => session,
  request: async () => undefined,
  sessionSchemaLater: () => undefined,
}));

const { readSession } = await import("./session.ts");
const { chooseSignOut, signOutWasChosen } = await import("./sign-out-choice.ts");

const agent = { user: { id: "u1", licence: "agent" } } as unknown as Session;
const nobody = { user: null } as unknown as Session;

describe("a sign-out chosen in this tab", () => {
  beforeEach(() => {
    answers.length = 0;
    chooseSignOut();
  });

  it("ends once the server says someone is signed in again (signed in in another tab)", async () => {
    expect(signOutWasChosen()).toBe(true);
    answers.push(agent);
    await readSession();
    // A session that ends after this ended under the page: the page is kept, with a banner.
    expect(signOutWasChosen()).toBe(false);
  });

  it("holds while the server says no one is signed in", async () => {
    answers.push(nobody);
    await readSession();
    expect(signOutWasChosen()).toBe(true);
  });
});
