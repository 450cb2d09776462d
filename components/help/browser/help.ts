// The help center's one script (docs/decisions/009). The pages are complete without it: every form
// posts or gets to the server. Loaded as an ES module after the HTML is parsed, it enhances what it
// finds by data-* hooks:
// - [data-search-suggest]: the search field becomes an ARIA 1.2 combobox with suggestions; the
//   search library and index load on first focus, not with the page;
// - [data-search-results]: arrow keys move between results on /search;
// - [data-feedback-form]: feedback is sent with fetch and answered in place, with a live count;
// - [data-message-checker]: the message check runs here, in the browser (its rules load on demand).
// Bundled by scripts/build-help-assets.ts with esbuild; nothing here may assume React.
import { enhanceFeedbackForm } from "./feedback";
import { enhanceSearchResults } from "./search-results";
import { enhanceSearchSuggest } from "./search-suggest";

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-search-suggest]"))
  enhanceSearchSuggest(form);
for (const root of document.querySelectorAll<HTMLElement>("[data-search-results]"))
  enhanceSearchResults(root);
for (const form of document.querySelectorAll<HTMLFormElement>("form[data-feedback-form]"))
  enhanceFeedbackForm(form);
const checker = document.querySelector<HTMLElement>("[data-message-checker]");
if (checker)
  void import("./message-checker").then(({ enhanceMessageChecker }) => enhanceMessageChecker(checker));
// Tells tests (and anyone curious) that the enhancements are wired up.
document.documentElement.dataset.helpScript = "ready";
