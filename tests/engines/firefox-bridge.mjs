// Drives Firefox ESR (Debian's firefox-esr) for the cross-engine tests over WebDriver
// BiDi with puppeteer-core: one JSON command per line on stdin, one JSON answer per
// line on stdout. Commands: {op: "goto", arg: url} | {op: "run", arg: expression}
// | {op: "console"} (errors and warnings the console showed since the last ask).
import { createInterface } from "node:readline";

import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  protocol: "webDriverBiDi",
  headless: true,
  extraPrefsFirefox: {
    "intl.accept_languages": "zh-CN,zh,en",
    // Firefox prefetches Material's <link rel="next">; leaving the page aborts that
    // (an error event on the link, "NS_BINDING_ABORTED"), which is not the page's fault.
    "network.prefetch-next": false,
  },
});
const page = await browser.newPage();
await page.setViewport({ width: 1024, height: 800 });
let seen = [];
page.on("console", (message) => {
  if (["error", "warn", "warning"].includes(message.type())) {
    seen.push(`${message.type()}: ${message.text()} (${message.location()?.url ?? ""})`);
  }
});
page.on("pageerror", (error) => seen.push(`page error: ${error.message} ${error.stack ?? ""}`));

const reply = (answer) => process.stdout.write(`${JSON.stringify(answer)}\n`);
reply({ ready: true, version: await browser.version() });
for await (const line of createInterface({ input: process.stdin })) {
  const { op, arg } = JSON.parse(line);
  try {
    if (op === "goto") {
      await page.goto(arg, { waitUntil: "load", timeout: 180_000 });
      reply({ value: null });
    } else if (op === "run") {
      reply({ value: (await page.evaluate(arg)) ?? null });
    } else if (op === "console") {
      reply({ value: seen });
      seen = [];
    } else if (op === "quit") {
      break;
    }
  } catch (error) {
    reply({ error: String(error?.message ?? error) });
  }
}
await browser.close();
