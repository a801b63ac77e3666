import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { AnswerEngine } from '../engine/answerEngine';
import type { FormDefinition } from '../forms/formDefinition';
import type { Logger } from '../logger';
import type { FeedbackLog } from '../storage/feedbackLog';
import type { RequestStore } from '../storage/requestStore';
import { MainDialog } from './dialogs/mainDialog';
import { FormReplies } from './formReplies';
import { IadBot } from './iadBot';
import { Replies } from './replies';

export interface BotParts {
  engine: AnswerEngine;
  forms: FormDefinition[];
  store: RequestStore;
  storage: Storage;
  feedback: FeedbackLog;
  logger: Logger;
  today: () => Date;
}

/** The bot and its dialogs over the given parts: what the server, the tests and the evaluation all run. */
export function createBot(parts: BotParts): IadBot {
  const { engine, storage, forms } = parts;
  const conversationState = new ConversationState(storage);
  const replies = new Replies(engine.knowledge, forms);
  const dialog = new MainDialog({ ...parts, replies, formReplies: new FormReplies(engine.knowledge.messages), memory: conversationState.createProperty('memory') });
  return new IadBot(conversationState, new UserState(storage), dialog, replies);
}
