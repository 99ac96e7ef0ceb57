/**
 * One engine call at a time: while a call runs, later requests wait, and only
 * one more call follows it (with whatever is newest by then), however many
 * requests came in meanwhile. Pure of the DOM: the task does the work.
 */

/**
 * @param {() => Promise<void>} task one call and its display; it reads the newest state itself
 * @returns {() => Promise<void>} request a run; settles once the runs it caused are done
 */
export function oneAtATime(task) {
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;
  return async function request() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

/**
 * A page's address without its query or fragment (printed on the summary,
 * so no test setting or deep link is printed with it).
 * @param {string} href
 */
export function pageAddress(href) {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  return url.href;
}
