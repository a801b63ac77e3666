import { ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Messages } from '../content/messages';
import { fillTemplate } from '../content/templates';
import { answerButtons, errorText, type FormField } from '../forms/fields/fieldTypes';
import { summaryRows } from '../forms/requestSummary';
import type { FormDefinition } from '../forms/formDefinition';
import type { FormAction, FormOutput } from '../forms/formSession';
import { CARD_CHANNELS } from './channelAdaptation';
import { escapeMarkdown } from './markdown';
import type { AnswerChannelData } from './replies';

/** What a rendering needs besides the output: the form, this filling-in of it, and the channel. */
export interface FormView {
  definition: FormDefinition;
  /** The form instance its buttons name (FormState.instance). */
  instance: string;
  channelId: string;
}

/**
 * Renders what a form session says as activities: prompts with their buttons, the summary
 * (a card where cards render), errors and confirmations. Every sentence comes from the
 * dialog's YAML or the locale's messages.
 */
export class FormReplies {
  constructor(private readonly messages: Messages) {}

  private get forms() {
    return this.messages.forms;
  }

  render(output: Exclude<FormOutput, { kind: 'submit' }>, view: FormView): Partial<Activity> {
    switch (output.kind) {
      case 'intro':
        return { ...message(view.definition.intro.trim()), channelData: { iad: { decision: 'form', formId: view.definition.id, prefilled: output.prefilled } satisfies AnswerChannelData } };
      case 'ask':
        return this.ask(output.field, output.error, output.afterFailures ?? false, view.instance);
      case 'help':
        return message(`${this.forms.helpPrefix} ${output.field.help}`);
      case 'firstQuestion':
        return message(this.forms.firstQuestion);
      case 'staleAction':
        return message(this.forms.staleAction);
      case 'summary':
        return this.summary(output.items, view);
      case 'confirmCancel': {
        const answer = (value: string): FormAction => ({ action: 'form', form: view.instance, step: '#confirmCancel', command: 'answer', value });
        const { yes, no } = this.forms.types.yesNo;
        return message(this.forms.confirmCancel, [button(yes, answer('yes')), button(no, answer('no'))]);
      }
      case 'resumed':
        return message(this.forms.resumed);
      case 'cancelled':
        return message(this.forms.cancelled);
    }
  }

  questionResume(): Partial<Activity> {
    return message(this.forms.questionResume);
  }

  submitted(definition: FormDefinition, reference: string): Partial<Activity> {
    return message(fillTemplate(definition.submitted.trim(), { reference }));
  }

  /** A second Submit of the same form (a double click, an old card, a retry after a failure): nothing new was stored. */
  alreadySubmitted(reference: string): Partial<Activity> {
    return message(fillTemplate(this.forms.alreadySubmitted, { reference }));
  }

  /** The form's saved state no longer fits its definition (the dialog file changed since). */
  restartNeeded(definition: FormDefinition): Partial<Activity> {
    return message(fillTemplate(this.forms.restartNeeded, { title: definition.title.toLowerCase() }));
  }

  /** A "start a request" button pressed while a form is already running. */
  alreadyInForm(definition: FormDefinition): Partial<Activity> {
    return message(fillTemplate(this.forms.alreadyInForm, { title: definition.title.toLowerCase() }));
  }

  submitFailed(): Partial<Activity> {
    return message(this.forms.submitFailed);
  }

  private ask(field: FormField, error: string | undefined, afterFailures: boolean, instance: string): Partial<Activity> {
    const lines: string[] = [];
    if (error) lines.push(error === 'required' ? this.forms.errors.required : errorText(field, error, this.forms.types));
    if (afterFailures) lines.push(field.required ? this.forms.afterFailuresRequired : this.forms.afterFailuresOptional);
    lines.push(field.required ? field.prompt : `${field.prompt} ${this.forms.optionalHint}`.replace(/\s+/g, ' ').trim());
    const action = (command: FormAction['command'], value?: string): FormAction => ({ action: 'form', form: instance, step: field.id, command, ...(value === undefined ? {} : { value }) });
    const actions: CardAction[] = [];
    actions.push(...answerButtons(field, this.forms.types).map((b) => button(b.label, action('answer', b.value))));
    if (!field.required) actions.push(button(this.forms.skipLabel, action('skip')));
    return message(lines.join('\n\n'), actions);
  }

  private summary(items: { field: FormField; value: string }[], view: FormView): Partial<Activity> {
    const { definition } = view;
    // What the partner typed is escaped, so it shows as typed.
    const rows = summaryRows(items, this.forms, definition.locale).map((row) => ({ ...row, value: escapeMarkdown(row.value) }));
    const intro = fillTemplate(this.forms.summaryIntro, { title: definition.title.toLowerCase() });
    const action = (command: FormAction['command'], field?: FormField): FormAction => ({ action: 'form', form: view.instance, step: '#summary', command, ...(field ? { field: field.id } : {}) });
    const submit = action('submit');
    const cancel = action('cancel');
    const edit = (field: FormField) => action('edit', field);
    if (CARD_CHANNELS.has(view.channelId)) {
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [
          { type: 'TextBlock', text: intro, weight: 'Bolder', wrap: true },
          { type: 'FactSet', facts: rows.map((r) => ({ title: r.label, value: r.value })) },
          { type: 'TextBlock', text: this.forms.summaryHint, wrap: true, isSubtle: true },
        ],
        actions: [
          { type: 'Action.Submit', title: this.forms.submitLabel, style: 'positive', data: submit },
          {
            type: 'Action.ShowCard',
            title: this.forms.editMenuLabel,
            card: {
              type: 'AdaptiveCard',
              body: [],
              actions: items.map(({ field }) => ({ type: 'Action.Submit', title: fillTemplate(this.forms.editLabel, { field: field.label }), data: edit(field) })),
            },
          },
          { type: 'Action.Submit', title: this.forms.cancelLabel, style: 'destructive', data: cancel },
        ],
      });
      return { type: ActivityTypes.Message, attachments: [card] };
    }
    const text = [intro, ...rows.map((r) => `- **${r.label}:** ${r.value}`), this.forms.summaryHint].join('\n\n');
    return message(text, [
      button(this.forms.submitLabel, submit),
      ...items.map(({ field }) => button(fillTemplate(this.forms.editLabel, { field: field.label }), edit(field))),
      button(this.forms.cancelLabel, cancel),
    ]);
  }
}

function message(text: string, actions: CardAction[] = []): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'markdown', ...(actions.length > 0 ? { suggestedActions: { actions, to: [] } } : {}) };
}

function button(label: string, value: FormAction): CardAction {
  return { type: 'messageBack', title: label, text: label, displayText: label, value };
}
