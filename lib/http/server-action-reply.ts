// In React's reply encoding a "$…" string is a reference, and one React cannot resolve fails the request with
// a 500. The app's actions take plain values only, so the proxy refuses any other encoding as a 400.

/** Escaped text ("$$…"), the values JSON has no word for, dates, big integers. */
const PLAIN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4}-|n-?\d+$)/;
/** A FormData argument's entries (multipart bodies only). */
const FORM_DATA = /^\$K[0-9a-f]+$/;

function isPlain(value: unknown, allowFormData: boolean): boolean {
  if (typeof value === "string") return !value.startsWith("$") || PLAIN.test(value) || (allowFormData && FORM_DATA.test(value));
  if (Array.isArray(value)) return value.every((item) => isPlain(item, allowFormData));
  if (value !== null && typeof value === "object") return Object.values(value).every((item) => isPlain(item, allowFormData));
  return true;
}

function isPlainJson(text: string, allowFormData: boolean): boolean {
  try {
    return isPlain(JSON.parse(text), allowFormData);
  } catch {
    return false;
  }
}

/** A JSON body (text/plain), or a multipart body whose numbered JSON parts are plain, FormData entries text. */
export async function hasPlainActionArguments(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return false;
    }
    for (const [name, value] of form.entries()) {
      if (/^\d+$/.test(name) && (typeof value !== "string" || !isPlainJson(value, true))) return false;
    }
    return true;
  }
  return isPlainJson(await request.text(), false);
}
