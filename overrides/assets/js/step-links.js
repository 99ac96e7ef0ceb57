/**
 * The permanent links of a step, as an agent sends them: full addresses on
 * this site's own root. Pure functions, tested in tests/js/site/.
 */

/**
 * @typedef {object} StepLinks
 * @property {string} any go/#id: opens in the reader's language
 * @property {Record<string, string>} fixed language -> a go/ link that always opens that language
 */

/**
 * @param {URL | string} root the site root (a full address ending in "/")
 * @param {Record<string, string>} roots language -> its root ("" for the default)
 * @param {string} id a step id
 * @returns {StepLinks}
 */
export function stepLinks(root, roots, id) {
  const hash = `#${encodeURIComponent(id)}`;
  /** @type {Record<string, string>} */
  const fixed = {};
  // The default language (at the root) first, then the others as listed.
  const languages = Object.entries(roots).sort(([, a], [, b]) => Number(a !== "") - Number(b !== ""));
  for (const [lang, prefix] of languages) {
    // The default language's go/ follows the reader, so it is named in the query.
    fixed[lang] = new URL(prefix ? `${prefix}go/${hash}` : `go/?lang=${lang}${hash}`, root).href;
  }
  return { any: new URL(`go/${hash}`, root).href, fixed };
}

/**
 * An address cut after each "/", "#", "?", "&", "=" and ".", where a line may
 * break without splitting a word (hyphens are break points already).
 * @param {string} address
 * @returns {string[]}
 */
export function addressParts(address) {
  return address.match(/[^/#?&=.]*(?:[/#?&=.]+|$)/g)?.filter(Boolean) ?? [];
}

/**
 * An address as text with <wbr> break points (see addressParts).
 * @param {string} address
 * @returns {DocumentFragment}
 */
export function breakableAddress(address) {
  const text = document.createDocumentFragment();
  for (const part of addressParts(address)) {
    if (text.childNodes.length) text.append(document.createElement("wbr"));
    text.append(part);
  }
  return text;
}
