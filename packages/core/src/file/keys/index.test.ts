import { describe, expect, it } from "vitest";
import { permanentKey, STAGING_PREFIX, stagingKey } from "./index";

const ids = { workspaceId: "01jws", projectId: "01jpr", fileId: "01jfi" };

describe("upload keys", () => {
  it("keeps a file under its ids and stages its upload under the swept prefix", () => {
    expect(permanentKey(ids)).toBe("01jws/01jpr/01jfi");
    expect(stagingKey(ids)).toBe(`${STAGING_PREFIX}01jws/01jpr/01jfi`);
  });
});
