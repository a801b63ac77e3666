import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { Locale } from '../content/knowledgeEntry';
import type { EngineSet } from '../engine/engineSet';
import type { FormDefinition } from '../forms/formDefinition';
import type { Logger } from '../logger';
import type { FeedbackLog } from '../storage/feedbackLog';
import type { RequestStore } from '../storage/requestStore';
import { MainDialog } from './dialogs/mainDialog';
import { FormReplies } from './formReplies';
import { IadBot } from './iadBot';
import { Replies } from './replies';

export interface BotParts {
  engines: EngineSet;
  forms: FormDefinition[];
  store: RequestStore;
  storage: Storage;
  feedback: FeedbackLog;
  logger: Logger;
  today: () => Date;
}

/** The bot and its dialogs over the given parts: what the server, the tests and the evaluation all run. */
export function createBot(parts: BotParts): IadBot {
  const { engines, storage, forms } = parts;
  const { knowledge } = engines.default;
  const conversationState = new ConversationState(storage);
  const replies = new Map(engines.locales.map((locale) => [locale, new Replies(engines.for(locale).knowledge, forms)]));
  const repliesIn = (locale: Locale) => replies.get(locale) ?? replies.get(engines.defaultLocale)!;
  const dialog = new MainDialog({ ...parts, replies: repliesIn, formReplies: new FormReplies(knowledge.messages), memory: conversationState.createProperty('memory') });
  return new IadBot(conversationState, new UserState(storage), dialog, (locale) => repliesIn(engines.supported(locale) ?? engines.defaultLocale));
}
