// The header's menu button on narrow screens: opens and closes the menu it controls.
document.addEventListener('click', event => {
  const button = event.target.closest('[data-menu-toggle]');
  if (!button) return;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  document.getElementById(button.getAttribute('aria-controls'))?.classList.toggle('open', open);
});
