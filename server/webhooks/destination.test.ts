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

  it("judges an IPv4 address carried inside IPv6 (NAT64, 6to4, IPv4-compatible) as the address it leads to", async () => {
    const refused: [string, string][] = [
      // NAT64: the network's gateway connects to 127.0.0.1 / 10.0.0.5 / the metadata service for us.
      ["64:ff9b::7f00:1", "loopback, via NAT64"],
      ["64:ff9b::10.0.0.5", "private network, via NAT64"],
      ["64:ff9b::a9fe:a9fe", "cloud metadata, via NAT64"],
      ["64:ff9b:1::a00:5", "private network"],
      // 6to4 and the old IPv4-compatible form.
      ["2002:a00:5::1", "private network, via 6to4"],
      ["2002:c0a8:101::", "private network, via 6to4"],
      ["::7f00:1", "loopback, via IPv4-compatible"],
      ["::10.1.2.3", "private network, via IPv4-compatible"],
    ];
    expect(refused.map(([address]) => [address, refusalFor(address, none)])).toEqual(refused);
    // A public receiver reached through NAT64 (DNS64 answers so on an IPv6-only network) is fine.
    expect(refusalFor("64:ff9b::5db8:d822", none)).toBeNull();
    expect(refusalFor("2002:5db8:d822::1", none)).toBeNull();
    // The allow-list names the IPv4 address, and that covers its NAT64 form.
    expect(refusalFor("64:ff9b::a00:5", parseAllowList(["10.0.0.0/8"]))).toBeNull();

    expect(urlProblem("http://[64:ff9b::127.0.0.1]:8080/hook", none)).toMatch(
      /^Refused: 64:ff9b::7f00:1 \(loopback, via NAT64\)/,
    );
    await expect(resolveDestination(new URL("http://[2002:a00:5::1]/hook"), none)).rejects.toThrow(
      /private network, via 6to4/,
    );
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
