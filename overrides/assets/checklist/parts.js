/**
 * A part of the checklist that the page's own templates always write
 * (partials/checklist/): found, or the template is broken. One home for the
 * cast, so modules do not each repeat it.
 * @param {ParentNode} parent the element holding the part
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function part(parent, selector) {
  return /** @type {HTMLElement} */ (parent.querySelector(selector));
}
