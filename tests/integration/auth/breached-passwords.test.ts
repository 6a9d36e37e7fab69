// The Pwned Passwords range check over real HTTP: only a 5-digit SHA-1 prefix leaves the server,
// listed passwords are found, padding (count 0) is not a hit, and any failure is fail-open.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { isBreachedPassword } from "@/lib/auth/breached-passwords";

const BREACHED = "Bouwbedrijf2026!";
const PADDED = "Padding-Only-Entry-2026";
const requests: IncomingMessage[] = [];
let server: Server;
let baseUrl: string;
let mode: "answer" | "fail" | "hang" = "answer";

function sha1(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex").toUpperCase();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request);
    if (mode === "hang") return; // never answers
    if (mode === "fail") {
      response.writeHead(503).end();
      return;
    }
    const prefix = request.url?.split("/").pop() ?? "";
    const lines = [
      // Another suffix of the same prefix, then the one asked for (mixed case, as the API is case-insensitive).
      `${"0".repeat(35)}:3`,
      ...[BREACHED, PADDED]
        .filter((password) => sha1(password).startsWith(prefix))
        .map((password) => (password === PADDED ? `${sha1(password).slice(5)}:0` : `${sha1(password).slice(5).toLowerCase()}:52`)),
    ];
    response.writeHead(200, { "content-type": "text/plain" }).end(lines.join("\r\n"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("a listed password is found; only the first five hex digits of its SHA-1 are sent, with padding asked for", async () => {
  mode = "answer";
  requests.length = 0;
  expect(await isBreachedPassword(BREACHED, { baseUrl })).toBe(true);
  expect(requests).toHaveLength(1);
  expect(requests[0]!.url).toBe(`/range/${sha1(BREACHED).slice(0, 5)}`);
  expect(requests[0]!.headers["add-padding"]).toBe("true");
  expect(JSON.stringify(requests[0]!.headers)).not.toContain(sha1(BREACHED).slice(5));
});

test("an unlisted password, or a padding entry with count 0, is not breached", async () => {
  mode = "answer";
  expect(await isBreachedPassword("an unlisted passphrase of mine", { baseUrl })).toBe(false);
  expect(await isBreachedPassword(PADDED, { baseUrl })).toBe(false);
});

test("fail-open: an error answer or no answer in time accepts the password", async () => {
  mode = "fail";
  expect(await isBreachedPassword(BREACHED, { baseUrl })).toBe(false);
  mode = "hang";
  const started = Date.now();
  expect(await isBreachedPassword(BREACHED, { baseUrl, timeoutMs: 300 })).toBe(false);
  expect(Date.now() - started).toBeLessThan(5000);
});

test("not asked when no service is configured", async () => {
  mode = "answer";
  requests.length = 0;
  expect(await isBreachedPassword(BREACHED, { baseUrl: "" })).toBe(false);
  expect(requests).toHaveLength(0);
});
