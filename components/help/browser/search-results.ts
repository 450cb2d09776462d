// /search: ArrowDown from the field (or a result) moves to the next result link, ArrowUp back up
// and finally into the field. Tab works as usual.
//
// It also tells the content team about searches that found nothing, and searches whose results the
// reader left without opening one (POST /api/help/search-misses): the query only, no identifier,
// counted per day on the server, and never when the browser sends Global Privacy Control or Do Not
// Track.
const BEACON_URL = "/api/help/search-misses";

function trackingAllowed(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.globalPrivacyControl !== true && nav.doNotTrack !== "1";
}

function sendMiss(query: string, outcome: "no-results" | "no-click") {
  const body = JSON.stringify({ query, outcome });
  if (!navigator.sendBeacon?.(BEACON_URL, body))
    void fetch(BEACON_URL, { method: "POST", body, keepalive: true }).catch(() => undefined);
}

export function enhanceSearchResults(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement>("input[name=q]");
  root.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>("a[data-result]"));
    if (!links.length) return;
    event.preventDefault();
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next =
      event.key === "ArrowDown" ? Math.min(links.length - 1, current + 1) : current <= 0 ? -1 : current - 1;
    if (next === -1) input?.focus();
    else links[next]?.focus();
  });

  const query = root.dataset.query ?? "";
  if (!query || !trackingAllowed()) return;
  if (Number(root.dataset.resultCount ?? 0) === 0) {
    sendMiss(query, "no-results");
    return;
  }
  let opened = false;
  root.addEventListener("click", (event) => {
    if ((event.target as Element).closest("a[data-result]")) opened = true;
  });
  window.addEventListener(
    "pagehide",
    () => {
      if (!opened) sendMiss(query, "no-click");
    },
    { once: true },
  );
}
