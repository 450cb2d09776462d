// /search: ArrowDown from the field (or a result) moves to the next result link, ArrowUp back up
// and finally into the field. Tab works as usual.
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
}
