import { describe, expect, it } from "vitest";
import { cachedUntilChange } from "@/lib/db/change-token";

describe("cachedUntilChange", () => {
  it("reuses a result while the token is unchanged and recomputes when it changes", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    const key = `k-${Math.random()}`;
    expect(await cachedUntilChange(key, "t1", compute)).toBe(1);
    expect(await cachedUntilChange(key, "t1", compute)).toBe(1);
    expect(await cachedUntilChange(key, "t2", compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it("shares one computation between concurrent callers", async () => {
    let calls = 0;
    const key = `k-${Math.random()}`;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    const [a, b] = await Promise.all([cachedUntilChange(key, "t", compute), cachedUntilChange(key, "t", compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
  });

  it("does not keep a failure", async () => {
    const key = `k-${Math.random()}`;
    await expect(cachedUntilChange(key, "t", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cachedUntilChange(key, "t", async () => 42)).toBe(42);
  });
});
