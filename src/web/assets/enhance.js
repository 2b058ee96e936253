// Cosecha's only script, a small progressive enhancement: every page works without it.
// A <select data-autosubmit> (sort, filters) sends its form when changed.
document.addEventListener('change', (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.dataset.autosubmit !== undefined && target.form) target.form.requestSubmit();
});
