import { createRequire } from "node:module";
import { expect, it } from "vitest";
import {
  MAX_BYTES_PER_CHANGE,
  MAX_CHANGES_PER_SAVE,
  SAVE_ENVELOPE_BYTES,
  SERVER_ACTION_BODY_LIMIT_BYTES,
} from "@/lib/assignments/change-set-limits";
import nextConfig from "@/next.config";

// Decision 014: the largest save the schema accepts must fit the server action body limit,
// measured with the encoder the browser uses (React's encodeReply), in its worst case.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};
const uuid = "ffffffff-ffff-4fff-bfff-ffffffffffff";

async function requestBytes(changeCount: number): Promise<number> {
  const changes = Array.from({ length: changeCount }, () => ({ licenseId: uuid, userId: uuid, assigned: false }));
  const body = await encodeReply([{ groupId: uuid, expectedVersion: Number.MAX_SAFE_INTEGER, changes }]);
  if (typeof body !== "string") throw new Error("expected a text body");
  return Buffer.byteLength(body);
}

it("one change costs at most MAX_BYTES_PER_CHANGE in the request", async () => {
  expect((await requestBytes(2)) - (await requestBytes(1))).toBe(MAX_BYTES_PER_CHANGE);
  expect(await requestBytes(1)).toBeLessThan(SAVE_ENVELOPE_BYTES);
});

it("the largest save fits the body limit with a margin of at least 1.5×, and next.config.ts uses that limit", async () => {
  const largest = await requestBytes(MAX_CHANGES_PER_SAVE);
  expect(largest).toBeLessThanOrEqual(MAX_CHANGES_PER_SAVE * MAX_BYTES_PER_CHANGE + SAVE_ENVELOPE_BYTES);
  expect(largest * 1.5).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
  expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
});
