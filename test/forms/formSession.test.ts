import { join } from 'node:path';
import { expect } from 'chai';
import type { FormDefinition } from '../../src/forms/formDefinition';
import { FormSession, stepOf, type FormAction, type FormOutput, type FormState, type FormStep } from '../../src/forms/formSession';
import { loadForms } from '../../src/forms/loadForms';
import { realEngine } from '../helpers';
import { VOCABULARY } from './fields/vocabularyFixture';

const forms = loadForms(join(__dirname, '..', '..', 'dialogs'));
const form = (id: string): FormDefinition => forms.form(id)!;

function session(id: string): FormSession {
  return new FormSession(form(id), {
    today: () => new Date('2026-11-24T12:00:00Z'),
    commands: realEngine().knowledge.messages.forms.commands,
    vocabulary: VOCABULARY,
  });
}

const INSTANCE = 'form-1';
/** A button of the current step, as the form renders it. */
const press = (step: FormStep, command: FormAction['command'], more: Partial<FormAction> = {}): { action: FormAction } => ({
  action: { action: 'form', form: step.state.instance, step: stepOf(step.state.stage), command, ...more },
});

/** The id of the field a step asks, or "summary". */
function asked(step: FormStep): string | undefined {
  const last = step.outputs.at(-1);
  return last?.kind === 'ask' ? last.field.id : last?.kind;
}

/** Feeds the answers in turn, failing on the first one that is not accepted. */
function answerAll(s: FormSession, start: FormStep, answers: string[]): FormStep {
  let step = start;
  for (const answer of answers) {
    const before = asked(step);
    step = s.handle(step.state, { text: answer });
    expect(asked(step), `"${answer}" for ${before} was not accepted`).to.not.equal(before);
  }
  return step;
}

const kinds = (outputs: FormOutput[]) => outputs.map((o) => o.kind);

describe('forms/formSession', () => {
  it('asks the fields in order, skips conditional ones, and ends with a summary then a submit', () => {
    const s = session('request-assistance');
    const start = s.start('', INSTANCE);
    expect(kinds(start.outputs)).to.deep.equal(['intro', 'ask']);
    expect(asked(start)).to.equal('assistanceType');
    const summary = answerAll(s, start, ['Firearms tracing with eTrace', 'Policía Federal', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need to know where they were bought.', 'routine', 'yes']);
    expect(asked(summary)).to.equal('summary');
    const last = summary.outputs.at(-1) as Extract<FormOutput, { kind: 'summary' }>;
    expect(last.items.map((i) => i.field.id)).to.not.include('incidentDate'); // tracing does not ask the incident
    const done = s.handle(summary.state, press(summary, 'submit'));
    expect(done.finished).to.equal(true);
    expect(done.outputs[0]).to.deep.include({ kind: 'submit' });
    expect((done.outputs[0] as Extract<FormOutput, { kind: 'submit' }>).answers).to.deep.include({ assistanceType: 'tracing', country: 'MX', email: 'ana@pf.example', phone: '', urgency: 'routine', consent: 'yes' });
  });

  it('submits when the partner types "yes" at the summary, and shows it again for anything else', () => {
    const s = session('request-assistance');
    const summary = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need tracing.', 'routine', 'yes']);
    expect(asked(s.handle(summary.state, { text: 'hmm' }))).to.equal('summary');
    const done = s.handle(summary.state, { text: 'Yes' });
    expect(done.finished).to.equal(true);
    expect(done.outputs[0]).to.deep.include({ kind: 'submit' });
  });

  it('asks the incident date and place only for arson, explosives, laboratory and BATS requests', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['International Response Team (arson or explosives)', 'Fiscalía', 'Trinidad', 'Ravi Singh', 'prosecutor', 'ravi@mp.example', '+1 868 555 0123', 'A car bomb exploded in Port of Spain and we need support.']);
    expect(asked(step)).to.equal('incidentDate');
    expect(asked(s.handle(step.state, { text: '12/11/2026' }))).to.equal('incidentPlace');
  });

  it('prefills what the opening message already says', () => {
    const s = session('request-assistance');
    const start = s.start('we need help tracing guns from a seizure', INSTANCE);
    expect(start.state.answers).to.deep.equal({ assistanceType: 'tracing' });
    expect(start.outputs[0]).to.deep.equal({ kind: 'intro', prefilled: { assistanceType: 'tracing' } });
    expect(asked(start)).to.equal('agency');
  });

  it('takes choices known from the conversation, ignoring values the form does not offer', () => {
    const s = session('request-assistance');
    expect(s.start('I want to request that', INSTANCE, { assistanceType: 'bats' }).state.answers).to.deep.equal({ assistanceType: 'bats' });
    expect(s.start('open a request', INSTANCE, { assistanceType: 'pizza', unknownField: 'x' }).state.answers).to.deep.equal({});
  });

  it('takes a long opening message as the draft of the field that drafts from it, shown in the summary', () => {
    const s = session('request-assistance');
    const opening = 'We need the response team in Bogota, a car bomb exploded this morning at the market with many victims.';
    const start = s.start(opening, INSTANCE);
    expect(start.state.answers.caseSummary).to.equal(opening);
    expect(s.start('please open a request', INSTANCE).state.answers).to.not.have.property('caseSummary');
  });

  const invalid: [string, string[], string, string][] = [
    ['an email address', ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator'], 'ana at pf', 'invalid'],
    ['a country', ['tracing', 'Policía'], 'Atlantis', 'invalid'],
    ['a phone number', ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example'], 'call me', 'invalid'],
    ['a too short case summary', ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip'], 'guns', 'tooShort'],
    ['a choice that is not offered', [], 'pizza', 'invalid'],
  ];
  for (const [name, before, answer, error] of invalid) {
    it(`re-asks with a specific error for ${name}`, () => {
      const s = session('request-assistance');
      const step = answerAll(s, s.start('', INSTANCE), before);
      const retry = s.handle(step.state, { text: answer });
      expect(retry.outputs).to.have.length(1);
      expect(retry.outputs[0]).to.deep.include({ kind: 'ask', error });
      expect(asked(retry)).to.equal(asked(step));
    });
  }

  it('after three failures offers to skip an optional field, and skipping moves on', () => {
    const s = session('request-assistance');
    let step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example']);
    for (let i = 1; i <= 3; i++) step = s.handle(step.state, { text: 'no idea' });
    expect(step.outputs[0]).to.deep.include({ kind: 'ask', afterFailures: true });
    expect((step.outputs[0] as Extract<FormOutput, { kind: 'ask' }>).field.required).to.equal(false);
    expect(asked(s.handle(step.state, { text: 'skip' }))).to.equal('caseSummary');
  });

  it('does not let a required field be skipped', () => {
    const s = session('request-assistance');
    const step = s.handle(answerAll(s, s.start('', INSTANCE), ['tracing']).state, { text: 'skip' });
    expect(step.outputs[0]).to.deep.include({ kind: 'ask', error: 'required' });
  });

  it('goes back to the previous question, and says so at the first one', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía']);
    expect(asked(s.handle(step.state, { text: 'back' }))).to.equal('agency');
    expect(kinds(s.handle(s.start('', INSTANCE).state, { text: 'go back' }).outputs)).to.deep.equal(['firstQuestion', 'ask']);
  });

  it('explains why it asks, then asks again', () => {
    const s = session('request-assistance');
    const step = s.handle(s.start('', INSTANCE).state, { text: 'why?' });
    expect(kinds(step.outputs)).to.deep.equal(['help', 'ask']);
  });

  it('asks to confirm a cancel, and resumes at the same question on "no"', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía']);
    const confirm = s.handle(step.state, { text: 'cancel' });
    expect(kinds(confirm.outputs)).to.deep.equal(['confirmCancel']);
    const resumed = s.handle(confirm.state, { text: 'no' });
    expect(kinds(resumed.outputs)).to.deep.equal(['resumed', 'ask']);
    expect(asked(resumed)).to.equal('country');
    const cancelled = s.handle(s.handle(resumed.state, { text: 'stop' }).state, { text: 'yes' });
    expect(cancelled).to.deep.include({ finished: true });
    expect(kinds(cancelled.outputs)).to.deep.equal(['cancelled']);
  });

  it('takes a bare "no" at a free-text question as wanting to stop, and "ok" as going on, never as the answer', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing']);
    expect(asked(step)).to.equal('agency');
    expect(kinds(s.handle(step.state, { text: 'no thanks' }).outputs)).to.deep.equal(['confirmCancel']);
    const again = s.handle(step.state, { text: 'ok' });
    expect(kinds(again.outputs)).to.deep.equal(['ask']);
    expect(asked(again)).to.equal('agency');
  });

  it('hands on typed text that does not fit the field, with the reprompt to use if nothing else takes it', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía']);
    const rejected = s.handle(step.state, { text: 'what is BATS?' });
    expect(rejected.rejected).to.equal('what is BATS?');
    expect(rejected.outputs[0]).to.deep.include({ kind: 'ask', error: 'invalid' });
  });

  it('takes free text as the answer unless it ends in a question mark, which it hands on first', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip']);
    const answer = s.handle(step.state, { text: 'We need eTrace results for 14 rifles seized in Sonora last week.' });
    expect(answer.rejected).to.equal(undefined);
    expect(asked(answer)).to.equal('urgency');
    const question = s.handle(step.state, { text: 'Can eTrace tell where the 14 rifles seized in Sonora were bought?' });
    expect(question.rejected).to.match(/^Can eTrace/);
    expect(asked(question)).to.equal('urgency'); // what applies if no one answers it
  });

  it('does not take a button of another step or another form as the answer', () => {
    const s = session('request-assistance');
    const start = s.start('', INSTANCE);
    const agency = s.handle(start.state, press(start, 'answer', { value: 'laboratory' }));
    expect(asked(agency)).to.equal('agency');
    // The type button again, now that the form asks for the agency: an older card's button.
    const stale = s.handle(agency.state, press(start, 'answer', { value: 'bats' }));
    expect(kinds(stale.outputs)).to.deep.equal(['staleAction', 'ask']);
    expect(stale.state.answers).to.deep.equal({ assistanceType: 'laboratory' });
    const otherForm = s.handle(agency.state, { action: { ...press(agency, 'answer', { value: 'x' }).action, form: 'another-instance' } });
    expect(kinds(otherForm.outputs)).to.deep.equal(['staleAction', 'ask']);
  });

  it('ignores an old summary card\'s Submit while a field is being edited', () => {
    const s = session('request-assistance');
    const summary = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need tracing.', 'routine', 'yes']);
    const editing = s.handle(summary.state, press(summary, 'edit', { field: 'email' }));
    const early = s.handle(editing.state, press(summary, 'submit'));
    expect(early.finished).to.equal(false);
    expect(kinds(early.outputs)).to.deep.equal(['staleAction', 'ask']);
  });

  it('edits one answer from the summary and returns to the summary', () => {
    const s = session('request-assistance');
    const summary = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need tracing.', 'routine', 'yes']);
    const editing = s.handle(summary.state, press(summary, 'edit', { field: 'email' }));
    expect(asked(editing)).to.equal('email');
    const back = s.handle(editing.state, { text: 'ana.ruiz@pf.example' });
    expect(asked(back)).to.equal('summary');
    expect(back.state.answers.email).to.equal('ana.ruiz@pf.example');
  });

  it('asks newly relevant fields and drops irrelevant ones when an edit changes the type', () => {
    const s = session('request-assistance');
    const summary = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need tracing.', 'routine', 'yes']);
    const editing = s.handle(summary.state, { text: 'edit type of assistance' });
    const changed = s.handle(editing.state, { text: 'lab' });
    expect(asked(changed)).to.equal('incidentDate');
  });

  it('requires consent: "no" explains why and asks again', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need tracing.', 'routine']);
    expect(s.handle(step.state, { text: 'no' }).outputs[0]).to.deep.include({ kind: 'ask', error: 'mustBeYes' });
  });

  it('runs the training form from its own YAML, with its condition and pattern', () => {
    const s = session('request-training');
    const other = s.handle(s.start('', INSTANCE).state, { text: 'Other' });
    expect(asked(other)).to.equal('otherTopic');
    const participants = s.handle(other.state, { text: 'cybercrime and firearms' });
    expect(s.handle(participants.state, { text: 'twelve' }).outputs[0]).to.deep.include({ kind: 'ask', error: 'pattern' });
    expect(asked(s.handle(participants.state, { text: '12' }))).to.equal('agency');
  });

  it('validates the whole record again on submit and asks again for a field at fault', () => {
    const s = session('request-assistance');
    const summary = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía', 'Mexico', 'Ana Ruiz', 'investigator', 'ana@pf.example', 'skip', 'We seized 14 rifles in Sonora and need tracing.', 'routine', 'yes']);
    // As if the state had been stored by an older version of the form, or tampered with.
    const tampered = { ...summary.state, answers: { ...summary.state.answers, email: 'not an address', extra: 'x' } };
    const step = s.handle(tampered, { text: 'submit' });
    expect(step.finished).to.equal(false);
    expect(asked(step)).to.equal('email');
    expect(asked(s.handle(step.state, { text: 'ana@pf.example' }))).to.equal('summary');
  });

  it('keeps its state as plain data that survives serialisation', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía']);
    const revived = JSON.parse(JSON.stringify(step.state)) as FormState;
    expect(asked(s.handle(revived, { text: 'Mexico' }))).to.equal('name');
  });

  it('tells a saved state that no longer fits the form from one that does', () => {
    const s = session('request-assistance');
    const step = answerAll(s, s.start('', INSTANCE), ['tracing', 'Policía']);
    expect(s.fits(step.state)).to.equal(true);
    expect(s.fits({ ...step.state, stage: { kind: 'field', fieldId: 'removedField' } })).to.equal(false);
    expect(s.fits({ ...step.state, answers: { ...step.state.answers, removedField: 'x' } })).to.equal(false);
    expect(s.fits({ ...step.state, formId: 'request-training' })).to.equal(false);
    expect(s.fits({ ...step.state, stage: { kind: 'confirmCancel', resume: { kind: 'field', fieldId: 'gone' } } })).to.equal(false);
  });
});
