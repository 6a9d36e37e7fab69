// The dictionaries' texts read as ICU messages, by the parser next-intl formats them with
// (@formatjs/icu-messageformat-parser, through use-intl's intl-messageformat).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type MessageTree = { [key: string]: string | MessageTree };

/** Every text by its dotted key, e.g. "common.greeting". */
export function flattenMessages(tree: MessageTree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [nested, text] of flattenMessages(value, path)) entries.set(nested, text);
  }
  return entries;
}

/**
 * A message's arguments and tags, sorted: e.g. ["<strong>", "companyName", "days (plural)"].
 * Throws on a message next-intl could not format (unbalanced braces or tags).
 */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(element.value);
      else if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
        found.add(`${element.value} (${TYPE[element.type]})`);
      } else if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value} (${TYPE[element.type]})`);
        for (const option of Object.values(element.options)) visit(option.value);
      } else if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        visit(element.children);
      }
    }
  };
  visit(parse(message));
  return [...found].sort();
}
