/**
 * A FreedomPay message as the provider sees it: named fields in the order they came, a value
 * either text or nested fields (`pg_receipt_positions[0][name]=…` in a form, child tags in XML).
 * Order matters: the provider's signature helper numbers fields by position before sorting, and
 * same-named XML tags keep their document order. Plain objects would lose both, so this is a list.
 */
export type Field = [name: string, value: string | Fields];
export type Fields = Field[];

/** Builds fields from a flat or nested record (insertion order kept; arrays become 0, 1, 2…). */
export function fieldsOf(record: Record<string, unknown>): Fields {
  const out: Fields = [];
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) out.push([k, v.map((item, i): Field => [String(i), isRecord(item) ? fieldsOf(item) : text(item)])]);
    else if (isRecord(v)) out.push([k, fieldsOf(v)]);
    else out.push([k, text(v)]);
  }
  return out;
}

/** PHP's (string) cast, which the provider's helper applies: true → "1", false/null → "". */
function text(v: unknown): string {
  if (v === true) return "1";
  if (v === false || v === null || v === undefined) return "";
  return String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The top-level text value of a field, if present and not nested. */
export function get(fields: Fields, name: string): string | undefined {
  for (const [k, v] of fields) if (k === name && typeof v === "string") return v;
  return undefined;
}

/** A flat view of the top-level text fields (the last of a repeated name wins), for reading. */
export function flat(fields: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fields) if (typeof v === "string") out[k] = v;
  return out;
}

/** `application/x-www-form-urlencoded`, nested fields in bracket notation (`a[0][b]=c`). */
export function toForm(fields: Fields): string {
  const pairs: string[] = [];
  const walk = (prefix: string, fs: Fields) => {
    for (const [k, v] of fs) {
      const name = prefix ? `${prefix}[${k}]` : k;
      if (typeof v === "string") pairs.push(`${encode(name)}=${encode(v)}`);
      else walk(name, v);
    }
  };
  walk("", fields);
  return pairs.join("&");
}

function encode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, "+");
}

/**
 * Parses a form body the way PHP fills `$_POST`: bracket names nest (`a[b][c]`), a nested key
 * keeps the position where it first appeared, `a[]` appends. A repeated plain name keeps the last
 * value (PHP does the same), so a signature can never cover a value we do not read.
 */
export function fromForm(body: string): Fields {
  const root: Fields = [];
  for (const [rawName, value] of new URLSearchParams(body)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawName);
    const path = m ? [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])] : [rawName];
    let level = root;
    for (let i = 0; i < path.length; i++) {
      let key = path[i];
      const last = i === path.length - 1;
      if (key === "") key = String(level.length);
      const at = level.findIndex(([k]) => k === key);
      if (last) {
        if (at >= 0) level[at] = [key, value];
        else level.push([key, value]);
      } else {
        let child = at >= 0 ? level[at][1] : undefined;
        if (typeof child !== "object") {
          child = [];
          if (at >= 0) level[at] = [key, child];
          else level.push([key, child]);
        }
        level = child;
      }
    }
  }
  return root;
}
