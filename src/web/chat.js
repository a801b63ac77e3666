// Starts Web Chat against this server: its local Direct Line endpoint, or Azure Direct Line
// through a token the server exchanges (the secret never reaches the browser).
(function () {
  'use strict';
  var status = document.getElementById('status');
  if (new URLSearchParams(window.location.search).has('embedded')) document.body.classList.add('embedded');

  fetch('/api/directline/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then(function (response) {
      if (!response.ok) throw new Error('session ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var options = { token: session.token, webSocket: false, pollingInterval: 500 };
      if (session.domain) options.domain = new URL(session.domain, window.location.href).toString().replace(/\/$/, '');
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine(options),
          locale: navigator.language || 'en-US',
          styleOptions: { accent: '#0b2545', botAvatarInitials: 'IAD', userAvatarInitials: 'You', hideUploadButton: true, suggestedActionLayout: 'flow' }
        },
        document.getElementById('webchat')
      );
      document.querySelector('#webchat input, #webchat textarea') && document.querySelector('#webchat input, #webchat textarea').focus();
    })
    .catch(function () {
      status.textContent = 'The assistant is not available right now. Please try again in a few minutes.';
    });
})();
