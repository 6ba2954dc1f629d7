import { createHmac, timingSafeEqual } from "node:crypto";

/** True when `header` (Moneta-Signature) signs `rawBody` with `secret` within 5 minutes of `nowSeconds`. */
export function verifyMonetaSignature(rawBody: string, header: string, secret: string, nowSeconds = Date.now() / 1000): boolean {
  const parts = header.split(",").map((part) => part.split("="));
  const t = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  return parts.some(([key, value]) => {
    if (key !== "v1" || !/^[0-9a-f]{64}$/.test(value ?? "")) return false;
    return timingSafeEqual(Buffer.from(value!, "hex"), expected);
  });
}
