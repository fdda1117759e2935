/**
 * FreedomPay's XML (`<response>…</response>` replies, our signed callback answers), read and
 * written with fast-xml-parser: maintained, no native code, no external entity resolution, and an
 * order-preserving mode — the signature numbers child tags by position, and same-named tags must
 * keep their document order, which a plain object mapping would lose. Values stay text exactly as
 * received (no number parsing, no trimming): they are what was signed.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import type { Field, Fields } from "./fields.ts";

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const builder = new XMLBuilder({ preserveOrder: true, format: false, suppressEmptyNode: false });

type Node = Record<string, Node[] | string>;

/** The root element's name and its children as fields. Throws on text that is not XML. */
export function parseXml(text: string): { root: string; fields: Fields } {
  const nodes = parser.parse(text) as Node[];
  const root = nodes.find((n) => !("#text" in n));
  if (!root) throw new Error("no root element");
  const name = Object.keys(root)[0];
  const value = toValue(root[name] as Node[]);
  return { root: name, fields: typeof value === "string" ? [] : value };
}

function toValue(children: Node[]): string | Fields {
  const elements = children.filter((c) => !("#text" in c));
  if (elements.length === 0) return children.map((c) => String(c["#text"] ?? "")).join("");
  return elements.map((e): Field => {
    const name = Object.keys(e).find((k) => k !== ":@")!;
    return [name, toValue(e[name] as Node[])];
  });
}

/** `<?xml …?><root>fields…</root>`, in the fields' order. */
export function buildXml(root: string, fields: Fields): string {
  const toNodes = (fs: Fields): unknown[] => fs.map(([k, v]) => ({ [k]: typeof v === "string" ? [{ "#text": v }] : toNodes(v) }));
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build([{ [root]: toNodes(fields) }])}`;
}
