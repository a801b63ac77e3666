// Starts Web Chat against this server: its local Direct Line endpoint, or Azure Direct Line
// through a token the server exchanges (the secret never reaches the browser). The page speaks
// the browser's language when the assistant does (English, Spanish, French), and offers a
// switch; Web Chat sends the chosen locale with every message, so the assistant answers in it.
(function () {
  'use strict';
  var STRINGS = {
    en: {
      title: 'IAD Partner Assistant',
      intro: "Questions about ATF's International Affairs Division: eTrace tracing, trafficking assessments, International Response Teams, BATS, the Forensics and Fire Research Laboratory, ILEA training. Requests for assistance.",
      chatLabel: 'Chat with the IAD Partner Assistant',
      languageLabel: 'Language',
      unavailable: 'The assistant is not available right now. Please try again in a few minutes.'
    },
    es: {
      title: 'Asistente IAD para socios',
      intro: 'Preguntas sobre la División de Asuntos Internacionales de la ATF: rastreo con eTrace, evaluaciones del tráfico de armas, Equipos de Respuesta Internacional, BATS, el Laboratorio Forense y de Investigación de Incendios, la capacitación de las ILEA. Solicitudes de asistencia.',
      chatLabel: 'Conversación con el Asistente IAD para socios',
      languageLabel: 'Idioma',
      unavailable: 'El asistente no está disponible en este momento. Inténtelo de nuevo en unos minutos.'
    },
    fr: {
      title: 'Assistant IAD pour les partenaires',
      intro: "Questions sur la Division des affaires internationales de l'ATF : traçage eTrace, évaluations du trafic d'armes, équipes d'intervention internationales, BATS, le Laboratoire de criminalistique et de recherche sur les incendies, la formation des ILEA. Demandes d'assistance.",
      chatLabel: "Conversation avec l'Assistant IAD pour les partenaires",
      languageLabel: 'Langue',
      unavailable: "L'assistant n'est pas disponible pour le moment. Veuillez réessayer dans quelques minutes."
    }
  };
  var LOCALES = { en: 'en-US', es: 'es-MX', fr: 'fr-CA' };
  var status = document.getElementById('status');
  var picker = document.getElementById('language');
  if (new URLSearchParams(window.location.search).has('embedded')) document.body.classList.add('embedded');

  function browserLanguage() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (var i = 0; i < languages.length; i++) {
      var language = String(languages[i]).toLowerCase().split('-')[0];
      if (STRINGS[language]) return { language: language, locale: languages[i] };
    }
    return { language: 'en', locale: 'en-US' };
  }

  var chosen = browserLanguage();
  var language = chosen.language;
  var locale = chosen.locale;

  function showPage() {
    var strings = STRINGS[language];
    document.documentElement.lang = language;
    document.title = strings.title;
    document.getElementById('title').textContent = strings.title;
    document.getElementById('intro').textContent = strings.intro;
    document.getElementById('webchat').setAttribute('aria-label', strings.chatLabel);
    document.getElementById('language-label').textContent = strings.languageLabel;
    picker.value = language;
  }
  showPage();

  var render;
  picker.addEventListener('change', function () {
    language = STRINGS[picker.value] ? picker.value : 'en';
    locale = LOCALES[language];
    showPage();
    if (render) render();
  });

  fetch('/api/directline/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then(function (response) {
      if (!response.ok) throw new Error('session ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var options = { token: session.token, webSocket: false, pollingInterval: 500 };
      if (session.domain) options.domain = new URL(session.domain, window.location.href).toString().replace(/\/$/, '');
      var directLine = window.WebChat.createDirectLine(options);
      // One store for the page: switching language re-renders Web Chat and keeps the conversation.
      // Once connected, the page says it joined, in its language: the assistant welcomes the
      // partner in it (Direct Line's own "members added" carries no language).
      var store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              setTimeout(function () {
                store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
              }, 0);
            }
            return next(action);
          };
        };
      });
      render = function () {
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            locale: locale,
            styleOptions: { accent: '#0b2545', botAvatarInitials: 'IAD', userAvatarInitials: 'You', hideUploadButton: true, suggestedActionLayout: 'flow' }
          },
          document.getElementById('webchat')
        );
      };
      render();
      var input = document.querySelector('#webchat input, #webchat textarea');
      if (input) input.focus();
    })
    .catch(function () {
      status.textContent = STRINGS[language].unavailable;
    });
})();
