import { describe, expect, it } from "vitest";
import { hasPlainActionArguments } from "@/lib/http/server-action-reply";

const json = (body: string) =>
  new Request("http://app.invalid/", { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8" }, body });
function multipart(fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request("http://app.invalid/", { method: "POST", body: form });
}

describe("hasPlainActionArguments", () => {
  it("lets through what React's encoder sends for plain values", async () => {
    for (const body of [
      "[]",
      '[{"email":"a@b.nl"}]',
      '[{"title":"$undefined","n":"$NaN","big":"$n123","at":"$D2026-12-07T10:00:00.000Z","text":"$$5 korting"}]',
      "[1,true,null]",
    ]) {
      expect(await hasPlainActionArguments(json(body)), body).toBe(true);
    }
    expect(await hasPlainActionArguments(multipart({ "0": '["$K1"]', "1_email": "a@b.nl", "1_note": "$@0 is text here" }))).toBe(true);
  });

  it("refuses references React would wait for in vain, and bodies that are no JSON", async () => {
    for (const body of ['["$@0"]', '[{"x":"$iT|-IsKee"}]', '["$"]', '[["$Q1"]]', '["$F1"]', '["$K1"]', "not json", ""]) {
      expect(await hasPlainActionArguments(json(body)), body).toBe(false);
    }
    expect(await hasPlainActionArguments(multipart({ "0": '["$@1"]' }))).toBe(false);
    expect(await hasPlainActionArguments(multipart({ "0": "{" }))).toBe(false);
  });
});
