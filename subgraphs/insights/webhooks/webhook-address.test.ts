import { describe, expect, it } from "vitest";

import { addressAllowed, classifyAddress, mappedIpv4 } from "./webhook-address.js";
import { parseWebhookUrl, resolveWebhookTarget } from "./webhook-url.guard.js";

const strict = { allowHttp: false, allowPrivateNetworks: false, allowLoopback: false };

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "private"],
    ["fd00::1", "private"],
    ["fe80::1", "private"],
    ["0.0.0.0", "never"],
    ["::", "never"],
    ["224.0.0.1", "never"],
    ["255.255.255.255", "never"],
    ["ff02::1", "never"],
    ["2001:db8::1", "never"],
    ["::a00:1", "never"],
    ["64:ff9b::a00:1", "never"],
    ["2002:a00:1::", "never"],
    ["not-an-ip", "never"],
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["2606:4700:4700::1111", "public"],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it("judges an IPv4-mapped IPv6 address as the IPv4 address it reaches, however it is written", () => {
    expect(mappedIpv4("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(mappedIpv4("0:0:0:0:0:ffff:a9fe:a9fe")).toBe("169.254.169.254");
    expect(mappedIpv4("::FFFF:7f00:1")).toBe("127.0.0.1");
    expect(mappedIpv4("2606:4700::1")).toBeUndefined();
    expect(classifyAddress("::ffff:169.254.169.254")).toBe("private");
    expect(classifyAddress("::ffff:7f00:1")).toBe("loopback");
    expect(classifyAddress("::ffff:8.8.8.8")).toBe("public");
  });

  it("lets the settings open loopback alone, or every private range, but never the reserved ones", () => {
    const loopbackOnly = { allowPrivateNetworks: false, allowLoopback: true };
    const everyPrivate = { allowPrivateNetworks: true, allowLoopback: false };
    expect(addressAllowed("127.0.0.1", loopbackOnly)).toBe(true);
    expect(addressAllowed("10.0.0.1", loopbackOnly)).toBe(false);
    expect(addressAllowed("10.0.0.1", everyPrivate)).toBe(true);
    expect(addressAllowed("127.0.0.1", everyPrivate)).toBe(true);
    expect(addressAllowed("0.0.0.0", everyPrivate)).toBe(false);
    expect(addressAllowed("224.0.0.1", everyPrivate)).toBe(false);
  });
});

describe("webhook URLs", () => {
  it("takes https URLs of public hosts", () => {
    expect(parseWebhookUrl("https://hooks.example.com/moneta?x=1", strict).host).toBe("hooks.example.com");
  });

  it.each([
    ["not a url", /is not a URL/],
    ["ftp://example.com/x", /https/],
    ["http://example.com/x", /https:\/\/ in production/],
    ["https://user:pw@example.com/", /credentials/],
    ["https://10.0.0.1/", /inside the network/],
    ["https://169.254.169.254/latest/meta-data", /inside the network/],
    ["https://[::ffff:10.0.0.1]/", /inside the network/],
    ["https://localhost/", /inside the network/],
    ["https://api.localhost./", /inside the network/],
    ["https://0.0.0.0/", /no webhook may reach/],
    ["https://2130706433/", /inside the network/],
    ["https://0x7f.1/", /inside the network/],
  ])("refuses %s", (url, reason) => {
    expect(() => parseWebhookUrl(url, strict)).toThrow(reason);
  });

  it("checks every address a name resolves to, and connects to the first", async () => {
    const resolve = (answers: string[]) => async () => answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    await expect(resolveWebhookTarget("https://a.example/", strict, resolve(["93.184.215.14", "10.0.0.7"]))).rejects.toThrow(
      /inside the network/,
    );
    await expect(resolveWebhookTarget("https://a.example/", strict, resolve([]))).rejects.toThrow(/does not resolve/);
    await expect(
      resolveWebhookTarget("https://a.example/", strict, async () => {
        throw new Error("ENOTFOUND");
      }),
    ).rejects.toThrow(/does not resolve/);
    const target = await resolveWebhookTarget("https://a.example/", strict, resolve(["93.184.215.14", "2606:2800::1"]));
    expect(target).toMatchObject({ address: "93.184.215.14", family: 4 });
  });
});
