import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("skips falsy values and flattens arrays", () => {
    expect(cn("a", false, null, undefined, "", ["b", ["c", false]])).toBe("a b c");
  });

  it.each([
    ["px-4 py-2", "px-2", "py-2 px-2"],
    ["mt-6", "mt-2", "mt-2"],
    ["bg-slate-100 text-slate-800", "bg-level-2-soft text-level-2-ink", "bg-level-2-soft text-level-2-ink"],
    ["border border-line-strong", "border-nogo", "border border-nogo"],
  ])("a later class wins its group: %s + %s", (base, override, expected) => {
    expect(cn(base, override)).toBe(expected);
  });

  it("keeps classes of different groups that share a prefix", () => {
    expect(cn("text-sm text-ink", "text-go-ink")).toBe("text-sm text-go-ink");
    expect(cn("ring-1 ring-inset", "ring-green-300")).toBe("ring-1 ring-inset ring-green-300");
  });
});
