// The Studio frame pages (/admin/definitions, /admin/instances …), loaded before blazor.webassembly.js.
(() => {
  const data = document.currentScript.dataset;
  // Elsa.Studio.Localization.BlazorWasm (UseElsaLocalization) reads this key once at start and sets the app's culture
  // from it: it must be written before blazor.webassembly.js runs.
  localStorage.setItem('BlazorCulture', data.culture);
  const open = url => location.assign(url);
  // Callbacks set from JS are ignored until the element is defined (upgraded).
  const bind = (tag, property, toUrl) => customElements.whenDefined(tag).then(() => {
    for (const element of document.querySelectorAll(tag)) element[property] = id => open(toUrl(id));
  });
  bind('elsa-workflow-definition-list', 'editWorkflowDefinition', id => data.definitions + '/' + encodeURIComponent(id));
  bind('elsa-workflow-instance-list', 'viewWorkflowInstance', id => data.instances + '/' + encodeURIComponent(id));
  bind('elsa-workflow-instance-viewer', 'editWorkflowDefinition', id => data.definitions + '/' + encodeURIComponent(id));
  customElements.whenDefined('elsa-backend-provider').then(() => document.body.classList.add('studio-ready'));
  // The editor's Run button only pushState-navigates to <base>workflows/instances/{id}/view (its executed callback
  // cannot be set from JS): turn that into opening the instance page.
  const runTarget = new RegExp('^' + data.base + 'workflows/instances/([^/]+)/view$');
  const pushState = history.pushState.bind(history);
  history.pushState = (state, unused, url) => {
    pushState(state, unused, url);
    const match = url && new URL(url, document.baseURI).pathname.match(runTarget);
    if (match) location.replace(data.instances + '/' + match[1]);
  };
})();
