/**
 * The site's own behaviour, wired in one place. Each feature starts only on
 * the pages that have its markup; none of them is needed to read the guide.
 */

import { siteConfig } from "./config.js";
import { keepStepOnLanguageSwitch } from "./language.js";
import { showMissingStepNotice } from "./notice.js";
import { searchOnInput } from "./search-input.js";
import { addStepCopyButtons } from "./step-copy.js";

const config = siteConfig();
const pagePath = config.page.slice((config.roots[config.lang] || "").length);

keepStepOnLanguageSwitch();
showMissingStepNotice();
searchOnInput();
if (pagePath.startsWith("guide/")) addStepCopyButtons();
if (document.getElementById("support-table")) import("./support.js").then((m) => m.start());
if (document.getElementById("go-steps")) import("./go.js").then((m) => m.start());
import("./offline.js").then((m) => m.startOffline());
