/**
 * Notices above the checklist (saving problems, imports, deep links). Each has
 * a name, so showing it again replaces it instead of piling up; the container
 * is a polite live region, so screen readers hear new ones.
 */
export class Notices {
  /**
   * @param {HTMLElement} container
   * @param {Record<string, string>} strings
   */
  constructor(container, strings) {
    this.container = container;
    this.strings = strings;
  }

  /**
   * @param {string} name
   * @param {string} text
   * @param {{kind?: "info" | "warning" | "error" | "success",
   *   action?: {label: string, run: () => void}}} options
   */
  show(name, text, { kind = "info", action } = {}) {
    this.hide(name);
    const notice = document.createElement("div");
    notice.className = `checklist-notice checklist-notice--${kind}`;
    notice.dataset.notice = name;
    const message = document.createElement("p");
    message.textContent = text;
    notice.append(message);
    const buttons = document.createElement("p");
    buttons.className = "checklist-notice__buttons";
    if (action) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.dataset.noticeAction = name;
      button.textContent = action.label;
      button.addEventListener("click", action.run);
      buttons.append(button);
    }
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "md-button checklist-notice__dismiss";
    dismiss.textContent = this.strings.dismiss;
    dismiss.addEventListener("click", () => notice.remove());
    buttons.append(dismiss);
    notice.append(buttons);
    this.container.append(notice);
    return notice;
  }

  /** @param {string} name */
  hide(name) {
    this.container.querySelector(`[data-notice="${name}"]`)?.remove();
  }
}
