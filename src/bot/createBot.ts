import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { Locale } from '../content/knowledgeEntry';
import type { EngineSet } from '../engine/engineSet';
import type { FormCatalog } from '../forms/formCatalog';
import { FormVocabulary } from '../forms/formVocabulary';
import type { Logger } from '../logger';
import type { FeedbackLog } from '../storage/feedbackLog';
import type { RequestStore } from '../storage/requestStore';
import { MainDialog } from './dialogs/mainDialog';
import { FormReplies } from './formReplies';
import { IadBot } from './iadBot';
import { Replies } from './replies';

export interface BotParts {
  engines: EngineSet;
  forms: FormCatalog;
  store: RequestStore;
  storage: Storage;
  feedback: FeedbackLog;
  logger: Logger;
  today: () => Date;
}

/** The bot and its dialogs over the given parts: what the server, the tests and the evaluation all run. */
export function createBot(parts: BotParts): IadBot {
  const { engines, storage, forms } = parts;
  const conversationState = new ConversationState(storage);
  const inEachLocale = <T>(make: (locale: Locale) => T) => {
    const made = new Map(engines.locales.map((locale) => [locale, make(locale)]));
    return (locale: Locale) => made.get(locale) ?? made.get(engines.defaultLocale)!;
  };
  const messagesIn = (locale: Locale) => engines.for(locale).knowledge.messages;
  const repliesIn = inEachLocale((locale) => new Replies(engines.for(locale).knowledge, forms.in(locale)));
  const vocabulary = new FormVocabulary(engines.locales.map((locale) => messagesIn(locale).forms.words));
  const dialog = new MainDialog({
    ...parts,
    replies: repliesIn,
    formReplies: inEachLocale((locale) => new FormReplies(messagesIn(locale))),
    vocabulary,
    memory: conversationState.createProperty('memory'),
  });
  return new IadBot(conversationState, new UserState(storage), dialog, (locale) => repliesIn(engines.supported(locale) ?? engines.defaultLocale));
}
