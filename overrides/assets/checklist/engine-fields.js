// Written by scripts/engine_types.py from checklist/state.py (FIELDS): do not edit.
/**
 * The checklist's text fields: each form control's name and where its value
 * lives in the engine's state. Schema 1 kept the merchant's details at the
 * top level, under the control's name.
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const FIELDS = Object.freeze({
  merchant_id: ["merchant", "merchant_id"],
  terminal_id: ["merchant", "terminal_id"],
  merchant_name: ["merchant", "name"],
  notes: ["notes"],
});
