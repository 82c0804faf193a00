import { SaxesParser } from "saxes";

/**
 * A strict XML parser for tests (saxes, a well-formedness-checking parser that exceljs already
 * brings): throws on any malformed document; returns a small element tree with namespace URIs.
 */
export type XmlElement = { name: string; uri: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attrs[k] = typeof a === "string" ? a : a.value;
    const el: XmlElement = { name: tag.local ?? tag.name, uri: tag.uri ?? "", attrs, children: [], text: "" };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

export const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
