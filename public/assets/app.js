// Progressive enhancement only: every page works without this file.
document.addEventListener("click", (event) => {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const button = target.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm") || "")) event.preventDefault();
});
