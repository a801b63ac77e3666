import { expect } from 'chai';
import { Analyzer } from '../../src/engine/analyzer';
import { PhraseMatcher } from '../../src/engine/phraseMatcher';
import { FormDefinition } from '../../src/forms/formDefinition';
import { RequestTriggers } from '../../src/forms/requestTriggers';
import { ServiceRequests } from '../../src/forms/serviceRequests';

const field = { id: 'name', type: 'text', label: 'Name', prompt: 'Name?', help: 'Why.' };
const forms = [
  FormDefinition.parse({
    id: 'request-assistance',
    locale: 'en',
    title: 'Request for assistance',
    triggers: ['open a request', 'need help with a case', 'want to request'],
    intro: 'Hi.',
    fields: [{ id: 'type', type: 'choice', label: 'Type', prompt: 'Which?', help: 'Why.', choices: [{ value: 'tracing', label: 'Tracing' }, { value: 'lab', label: 'Lab' }] }, field],
    submitted: 'Done: {reference}',
  }),
  FormDefinition.parse({
    id: 'request-training',
    locale: 'en',
    title: 'Request for training',
    triggers: ['request training', 'sign up'],
    topicWords: ['course', 'training'],
    intro: 'Hi.',
    fields: [field],
    submitted: 'Done: {reference}',
  }),
];
const analyzer = new Analyzer();
const triggers = new RequestTriggers(forms, (entries, mode) => new PhraseMatcher(entries, analyzer, mode));

describe('forms/requestTriggers', () => {
  const table: [string, string | undefined][] = [
    ['please open a request for me', 'request-assistance'],
    ['we need your help with a murder case', 'request-assistance'], // all its words, in any order, close together
    ['we need help', undefined], // not all of them
    ['we need help with a smuggling case', 'request-assistance'],
    ['I want to request a course for my unit', 'request-training'], // a training word makes it the training request
    ['can you sign up my team', 'request-training'],
    ['what is eTrace', undefined],
  ];
  for (const [text, formId] of table) it(`"${text}" starts ${formId ?? 'no request'}`, () => expect(triggers.find(text)?.formId).to.equal(formId));
});

describe('forms/serviceRequests', () => {
  it('resolves a dialog id or one of its choices to the request to start', () => {
    const requests = new ServiceRequests(forms);
    expect(requests.offerFor('request-training')).to.deep.equal({ formId: 'request-training', prefill: {} });
    expect(requests.offerFor('lab')).to.deep.equal({ formId: 'request-assistance', prefill: { type: 'lab' } });
    expect(requests.offerFor('nothing')).to.equal(undefined);
    expect(requests.offerFor(undefined)).to.equal(undefined);
  });
});
