import { describe, expect, it } from "vitest";
import { parseAllowList, refusalFor, resolveDestination, urlProblem } from "./destination.ts";

const none = parseAllowList([]);

describe("the webhook SSRF guard", () => {
  it("refuses loopback, private, link-local, metadata, CGNAT, unspecified and multicast addresses", () => {
    const refused: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["127.8.9.10", "loopback"],
      ["::1", "loopback"],
      ["10.1.2.3", "private network"],
      ["172.16.5.4", "private network"],
      ["192.168.1.1", "private network"],
      ["fd12:3456::1", "private network"],
      ["169.254.169.254", "cloud metadata"],
      ["fd00:ec2::254", "cloud metadata"],
      ["169.254.10.1", "link-local"],
      ["fe80::1", "link-local"],
      ["100.64.0.1", "carrier-grade NAT"],
      ["0.0.0.0", "unspecified"],
      ["::", "unspecified"],
      ["224.0.0.251", "multicast"],
      ["ff02::1", "multicast"],
      ["255.255.255.255", "reserved"],
      // IPv4 dressed as IPv6 is judged as the IPv4 address it is.
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:10.0.0.1", "private network"],
    ];
    expect(refused.map(([address]) => [address, refusalFor(address, none)])).toEqual(refused);
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"]) {
      expect(refusalFor(address, none), address).toBeNull();
    }
  });

  it("lets the allow-list name addresses, ranges and host names", async () => {
    const allow = parseAllowList(["10.0.0.0/8", "127.0.0.1", "[::1]", "hooks.internal"]);
    expect(refusalFor("10.200.0.1", allow)).toBeNull();
    expect(refusalFor("127.0.0.1", allow)).toBeNull();
    expect(refusalFor("::1", allow)).toBeNull();
    expect(refusalFor("127.0.0.2", allow)).toBe("loopback");
    expect(refusalFor("169.254.169.254", allow)).toBe("cloud metadata");
    expect(urlProblem("http://hooks.internal/x", allow)).toBeNull();
    expect(urlProblem("http://127.0.0.1:9000/x", allow)).toBeNull();
  });

  it("refuses a host name that resolves to loopback, checking what DNS answers", async () => {
    await expect(resolveDestination(new URL("http://localhost:9/hook"), none)).rejects.toThrow(
      /Refused: localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/,
    );
    await expect(resolveDestination(new URL("http://[::1]:9/hook"), none)).rejects.toThrow(/::1 \(loopback\)/);
    await expect(resolveDestination(new URL("http://169.254.169.254/latest"), none)).rejects.toThrow(
      /169\.254\.169\.254 \(cloud metadata\)/,
    );
    const allowed = await resolveDestination(new URL("http://localhost:9/hook"), parseAllowList(["localhost"]));
    expect(["127.0.0.1", "::1"]).toContain(allowed.address);
  });

  it("says what is wrong with a URL when it is saved", () => {
    expect(urlProblem("ftp://example.com/x", none)).toBe("Use an http:// or https:// address.");
    expect(urlProblem("https://user:pw@example.com/x", none)).toMatch(/Leave the user name and password out/);
    expect(urlProblem("http://localhost:3000/x", none)).toMatch(/loopback/);
    // A name with the root's dot is the same name.
    expect(urlProblem("http://localhost.:3000/x", none)).toMatch(/Refused: localhost \(loopback\)/);
    expect(urlProblem("http://API.Localhost./x", none)).toMatch(/loopback/);
    expect(urlProblem("http://hooks.internal./x", parseAllowList(["hooks.internal"]))).toBeNull();
    expect(urlProblem("http://10.0.0.5/x", none)).toMatch(/private network/);
    expect(urlProblem("http://[::1]:8080/x", none)).toMatch(/loopback/);
    expect(urlProblem("https://hooks.example.com/switchboard", none)).toBeNull();
  });
});
