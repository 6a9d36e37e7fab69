import { expect, test } from "vitest";
import { z } from "zod";
import { apiMessage } from "@/lib/api/api-locale";
import { ApiProblem } from "@/lib/api/problem";
import { readJsonBody } from "@/lib/api/read-json-body";
import { SignInRequest } from "@/lib/licensing-api/contract";

const Body = z.strictObject({ name: z.string() });
const request = (bytes: Uint8Array<ArrayBuffer>) =>
  new Request("http://localhost/api/v1/x", { method: "POST", headers: { "Content-Type": "application/json" }, body: bytes });

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error("expected a problem");
}

test("one UTF-8 decoder serves every body: a body cut off inside a character leaves nothing behind for the next", async () => {
  const euro = new TextEncoder().encode("€");
  const cutOff = new Uint8Array([...new TextEncoder().encode('{"name":"'), euro[0]!, euro[1]!]);
  expect((await problemOf(readJsonBody(request(cutOff), Body, { locale: "en" }))).code).toBe("INVALID_REQUEST");
  await expect(readJsonBody(request(new TextEncoder().encode('{"name":"Jansen"}')), Body, { locale: "en" })).resolves.toEqual({
    name: "Jansen",
  });
  await expect(readJsonBody(request(new TextEncoder().encode('\uFEFF{"name":"Café"}')), Body, { locale: "nl" })).resolves.toEqual({
    name: "Café",
  });
});

test("field messages follow the caller's language, for the same wrong field", async () => {
  const wrong = () => request(new TextEncoder().encode('{"name":1}'));
  const [dutch, english] = [
    await problemOf(readJsonBody(wrong(), Body, { locale: "nl" })),
    await problemOf(readJsonBody(wrong(), Body, { locale: "en" })),
  ];
  expect(dutch.code).toBe("INVALID_REQUEST");
  expect(dutch.extensions.errors).toEqual([{ field: "name", message: expect.any(String) }]);
  expect(english.extensions.errors).toEqual([{ field: "name", message: expect.any(String) }]);
  expect(dutch.extensions.errors).not.toEqual(english.extensions.errors);
});

test("a control character in a contract string is a translated field error, not a database error later", async () => {
  const body = () =>
    request(
      new TextEncoder().encode(
        JSON.stringify({
          email: "a@b.example",
          password: "x",
          client: "PROFIS\u0000",
          device: { fingerprint: "fingerprint-0123456789", hostname: "pc\u202E" },
        }),
      ),
    );
  const english = await problemOf(readJsonBody(body(), SignInRequest, { locale: "en" }));
  expect(english.code).toBe("INVALID_REQUEST");
  expect(english.extensions.errors).toEqual([
    { field: "client", message: apiMessage("en", "fields.forbiddenCharacters") },
    { field: "device.hostname", message: apiMessage("en", "fields.forbiddenCharacters") },
  ]);
  const dutch = await problemOf(readJsonBody(body(), SignInRequest, { locale: "nl" }));
  expect(dutch.extensions.errors).toContainEqual({ field: "client", message: apiMessage("nl", "fields.forbiddenCharacters") });
  expect(apiMessage("nl", "fields.forbiddenCharacters")).not.toBe(apiMessage("en", "fields.forbiddenCharacters"));
});
