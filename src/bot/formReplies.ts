import { ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import { fillTemplate, type Messages } from '../content/messages';
import type { FormDefinition, FormField } from '../forms/formDefinition';
import type { FormAction, FormOutput } from '../forms/formSession';
import { formatForDisplay } from '../forms/validators';
import { CARD_CHANNELS } from './channelAdaptation';


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

  render(output: Exclude<FormOutput, { kind: 'question' } | { kind: 'submit' }>, definition: FormDefinition, channelId: string): Partial<Activity> {
    switch (output.kind) {
      case 'intro':
        return message(definition.intro.trim());
      case 'ask':
        return this.ask(output.field, output.error, output.afterFailures ?? false);
      case 'help':
        return message(`${this.forms.helpPrefix} ${output.field.help}`);
      case 'firstQuestion':
        return message(this.forms.firstQuestion);
      case 'summary':
        return this.summary(definition, output.items, channelId);
      case 'confirmCancel':
        return message(this.forms.confirmCancel, [button(this.forms.yesLabel, { action: 'form', command: 'answer', value: 'yes' }), button(this.forms.noLabel, { action: 'form', command: 'answer', value: 'no' })]);
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

  submitFailed(): Partial<Activity> {
    return message(this.forms.submitFailed);
  }

  private ask(field: FormField, error: string | undefined, afterFailures: boolean): Partial<Activity> {
    const lines: string[] = [];
    if (error) lines.push(this.errorText(field, error));
    if (afterFailures) lines.push(field.required ? this.forms.afterFailuresRequired : this.forms.afterFailuresOptional);
    lines.push(field.required ? field.prompt : `${field.prompt} ${this.forms.optionalHint}`.replace(/\s+/g, ' ').trim());
    const actions: CardAction[] = [];
    if (field.type === 'choice') actions.push(...field.choices.map((c) => button(c.label, { action: 'form', command: 'answer', value: c.value })));
    if (field.type === 'yesNo') actions.push(button(this.forms.yesLabel, { action: 'form', command: 'answer', value: 'yes' }), button(this.forms.noLabel, { action: 'form', command: 'answer', value: 'no' }));
    if (!field.required) actions.push(button(this.forms.skipLabel, { action: 'form', command: 'skip' }));
    return message(lines.join('\n\n'), actions);
  }

  private errorText(field: FormField, error: string): string {
    const errors = this.forms.errors;
    const rules = 'minLength' in field || 'maxLength' in field ? field : undefined;
    switch (error) {
      case 'tooShort':
        return fillTemplate(errors.tooShort, { min: String(rules?.minLength ?? 1) });
      case 'tooLong':
        return fillTemplate(errors.tooLong, { max: String(rules?.maxLength ?? '') });
      case 'pattern':
        return fillTemplate(errors.pattern, { hint: ('patternHint' in field && field.patternHint) || field.label });
      default:
        return errors[error as keyof typeof errors] ?? errors.required;
    }
  }

  private summary(definition: FormDefinition, items: { field: FormField; value: string }[], channelId: string): Partial<Activity> {
    const rows = items.map(({ field, value }) => ({ label: field.label, value: this.display(field, value, definition.locale) }));
    const intro = fillTemplate(this.forms.summaryIntro, { title: definition.title.toLowerCase() });
    const submit = { action: 'form', command: 'submit' } satisfies FormAction;
    const cancel = { action: 'form', command: 'cancel' } satisfies FormAction;
    const edit = (field: FormField) => ({ action: 'form', command: 'edit', field: field.id }) satisfies FormAction;
    if (CARD_CHANNELS.has(channelId)) {
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

  private display(field: FormField, value: string, locale: string): string {
    if (value === '') return this.forms.notAnswered;
    if (field.type === 'choice') return field.choices.find((c) => c.value === value)?.label ?? value;
    if (field.type === 'longText') return value.length > 300 ? `${value.slice(0, 300)}…` : value;
    if (field.type === 'country' || field.type === 'date' || field.type === 'yesNo') return formatForDisplay(field.type, value, locale);
    return value;
  }
}

function message(text: string, actions: CardAction[] = []): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'markdown', ...(actions.length > 0 ? { suggestedActions: { actions, to: [] } } : {}) };
}

function button(label: string, value: FormAction): CardAction {
  return { type: 'messageBack', title: label, text: label, displayText: label, value };
}
