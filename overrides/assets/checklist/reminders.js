/**
 * "Add to calendar": the engine makes the follow-up dates into one iCalendar
 * file (checklist.reminders) on this device, and the page downloads it. The
 * file never leaves the device; without the engine, the button says it cannot.
 */

/**
 * @param {{root: HTMLElement, settings: import("./settings.js").Settings,
 *   session: import("./session.js").Session, engine: import("./engine.js").Engine,
 *   download: (text: string, type: string, name: string) => void}} parts
 */
export function setUpCalendar({ root, settings, session, engine, download }) {
  const button = root.querySelector('[data-action="calendar"]');
  const status = root.querySelector("[data-calendar-status]");
  if (!button || !status) return;
  const strings = settings.strings;
  button.addEventListener("click", async () => {
    /** @type {import("../../../types/engine.js").Reminders} */
    let file;
    try {
      await engine.ready;
      file = await engine.call(
        "reminders",
        session.state,
        settings.lang,
        new URL(settings.languageURL).href,
        new Date().toISOString(),
      );
    } catch (error) {
      console.warn("Checklist: the calendar file could not be made.", error);
      status.textContent = strings.engine_failed_unsaved;
      return;
    }
    if (!file.events) {
      status.textContent = strings.calendar_none;
      return;
    }
    download(file.text, "text/calendar", file.filename);
    status.textContent = strings.calendar_done;
  });
}
