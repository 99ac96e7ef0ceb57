/**
 * Whether the merchant's browser asks the site to use little data: "save
 * data" turned on, or a 2G link (the Network Information API; Chromium only,
 * so elsewhere this is never true). One rule for two choices: the checker then
 * starts the way that downloads least (checklist/startup-plan.js), and the
 * offline copy does not keep the Python runtime (offline.js).
 * @param {{saveData?: boolean, effectiveType?: string} | undefined} link
 * @returns {boolean}
 */
export function savesData(link) {
  if (!link) return false;
  return Boolean(link.saveData) || /(^|-)2g$/.test(link.effectiveType ?? "");
}
