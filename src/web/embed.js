// The partner-portal snippet: <script src="https://<assistant host>/embed.js" defer></script>
// adds a floating button that opens the assistant in a panel (an iframe of this server's page).
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var label = script.getAttribute('data-label') || 'Ask IAD';

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'iad-assistant-panel');
  button.style.cssText = 'position:fixed;right:1.25rem;bottom:1.25rem;z-index:2147483646;padding:0.75rem 1.1rem;border:0;border-radius:2rem;background:#0b2545;color:#fff;font:600 1rem system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer';

  var panel = document.createElement('iframe');
  panel.id = 'iad-assistant-panel';
  panel.title = 'IAD Partner Assistant';
  panel.hidden = true;
  panel.style.cssText = 'position:fixed;right:1.25rem;bottom:5rem;z-index:2147483647;width:min(26rem,calc(100vw - 2.5rem));height:min(40rem,calc(100vh - 7rem));border:1px solid #c8d1da;border-radius:0.75rem;background:#fff;box-shadow:0 8px 28px rgba(0,0,0,.3)';

  button.addEventListener('click', function () {
    if (!panel.src) panel.src = origin + '/?embedded=1';
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
  });
  document.body.appendChild(panel);
  document.body.appendChild(button);
})();
