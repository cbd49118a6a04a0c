import { describe, expect, it } from "vitest";
import { otherMethods } from "@/lib/api/other-methods";

describe("otherMethods", () => {
  it("answers the API's JSON 405 with the methods the path serves", async () => {
    const { DELETE } = otherMethods("GET", "PUT");
    const response = DELETE();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PUT");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: "This path serves GET, PUT only" } });
  });
});
