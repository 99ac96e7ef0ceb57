// The site's scripts look up their own HTML by data attributes and ids:
// every such lookup finds an HTML element (never SVG or MathML), so a string
// selector gives an HTMLElement by default. Tag-name selectors keep their
// exact types (the lib's overloads for them come first).
interface ParentNode {
  querySelector<E extends Element = HTMLElement>(selectors: string): E | null;
  querySelectorAll<E extends Element = HTMLElement>(selectors: string): NodeListOf<E>;
}

interface Element {
  closest<E extends Element = HTMLElement>(selectors: string): E | null;
}

interface Navigator {
  /** Network Information API (Chromium): not in TypeScript's DOM types. */
  readonly connection?: { saveData?: boolean; effectiveType?: string };
}
