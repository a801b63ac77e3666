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
    intent: 'requestAssistance',
    triggers: ['open a request', 'need help with a case', 'want to request'],
    intro: 'Hi.',
    fields: [{ id: 'type', type: 'choice', label: 'Type', prompt: 'Which?', help: 'Why.', choices: [{ value: 'tracing', label: 'Tracing' }, { value: 'lab', label: 'Lab' }] }, field],
    submitted: 'Done: {reference}',
  }),
  FormDefinition.parse({
    id: 'request-training',
    locale: 'en',
    title: 'Request for training',
    intent: 'requestTraining',
    triggers: ['request training', 'sign up'],
    topicWords: ['course', 'training'],
    topicIdioms: ['in the course of'],
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
    ['In the course of a raid we seized rifles and want to request their trace', 'request-assistance'], // an idiom names no course
    ['what is eTrace', undefined],
  ];
  for (const [text, formId] of table) it(`"${text}" starts ${formId ?? 'no request'}`, () => expect(triggers.find(text)?.formId).to.equal(formId));

  it('names no service inside a topic idiom', () => {
    expect(triggers.namesService('we need it in the course of an investigation')).to.equal(false);
    expect(triggers.namesService('we need it for a course')).to.equal(true);
  });

  it("moves a trigger to the form whose service alone is named, when the intent model leans to that form", () => {
    const leaning = (intent: 'requestAssistance' | 'requestTraining') => new RequestTriggers(forms, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), [], undefined, () => intent);
    // "Sign up" is the training form's; the lab is the assistance form's.
    expect(leaning('requestAssistance').find('how do I sign up my unit for the lab')?.formId).to.equal('request-assistance');
    expect(leaning('requestTraining').find('how do I sign up my unit for the lab')?.formId).to.equal('request-training');
    expect(leaning('requestAssistance').find('sign up my unit please')?.formId).to.equal('request-training');
  });
});

describe('forms/requestTriggers: a request word before a service', () => {
  const choice = (id: string, choices: { value: string; label: string; synonyms?: string[] }[]) => ({ id, type: 'choice', label: 'Type', prompt: 'Which?', help: 'Why.', choices });
  const form = (id: string, fields: unknown[]) => FormDefinition.parse({ id, locale: 'en', title: id, triggers: ['open a request'], intro: 'Hi.', fields, submitted: 'Done: {reference}' });
  const services = [
    form('request-assistance', [choice('type', [{ value: 'tracing', label: 'Tracing', synonyms: ['trace'] }, { value: 'assessment', label: 'Trafficking assessment', synonyms: ['assessment', 'trafficking'] }])]),
    form('request-training', [choice('topic', [{ value: 'arson', label: 'Arson course', synonyms: ['arson'] }, { value: 'smuggling', label: 'Smuggling course', synonyms: ['trafficking'] }])]),
  ];
  const withWords = new RequestTriggers(services, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), ['request', 'petition']);
  const table: [string, string | undefined][] = [
    ['Request of trace for two rifles', 'request-assistance'],
    ['petition: arson, 12 officers', 'request-training'],
    ['request for trafficking', undefined], // a name both forms give: it says nothing of which
    ['request an assessment of trafficking on the river, or an arson course', undefined], // services of both forms
    ['how long does a trace take', undefined], // no request word
  ];
  for (const [text, formId] of table) it(`"${text}" starts ${formId ?? 'no request'}`, () => expect(withWords.find(text)?.formId).to.equal(formId));

  it('reads the names of services from the left when names of two forms overlap', () => {
    const overlapping = [
      form('request-assistance', [choice('type', [{ value: 'assessment', label: 'Assessment of trafficking' }, { value: 'other', label: 'Other' }])]),
      form('request-training', [choice('topic', [{ value: 'smuggling', label: 'Trafficking of arms' }, { value: 'other', label: 'Other' }])]),
    ];
    const readFromLeft = new RequestTriggers(overlapping, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), ['request']);
    expect(readFromLeft.find('request assessment of trafficking of arms')?.formId).to.equal('request-assistance');
    expect(readFromLeft.find('request trafficking of arms')?.formId).to.equal('request-training');
  });

  it("reads a request word before a service's name without the name's small words (\"request team experts\" for the \"team of experts\")", () => {
    const withStopWords = [form('request-assistance', [choice('type', [{ value: 'team', label: 'Team of experts' }, { value: 'other', label: 'Other' }])])];
    const reading = new RequestTriggers(withStopWords, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), ['request']);
    expect(reading.find('request team experts')?.formId).to.equal('request-assistance');
    expect(reading.find('request team of experts')?.formId).to.equal('request-assistance');
  });

  it('takes, in a note naming services of both forms, the one a request word opening it stands right before', () => {
    const isNote = (text: string) => !text.includes('?') && text.split(' ').length <= 6;
    const opening = new RequestTriggers(services, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), ['request'], { words: [], isNote });
    expect(opening.find('request trace for arson scene')?.formId).to.equal('request-assistance');
    expect(opening.find('arson scene, request trace')).to.equal(undefined); // the request word opens nothing
    expect(opening.find('request an assessment of trafficking on the river, or an arson course')).to.equal(undefined); // no note
  });

  it('takes a want word before a service as a request only in a note', () => {
    const isNote = (text: string) => !text.includes('?') && text.split(' ').length <= 5;
    const withWants = new RequestTriggers(services, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), [], { words: ['need'], isNote });
    expect(withWants.find('need trace on two rifles')?.formId).to.equal('request-assistance');
    expect(withWants.find('do we need a trace first?')).to.equal(undefined);
    expect(withWants.find('we need to know how long a trace usually takes for partners')).to.equal(undefined);
  });

  it('takes a request word just after a service\'s name as a request only in a note ("trace request firearms seized")', () => {
    const isNote = (text: string) => !text.includes('?') && text.split(' ').length <= 5;
    const after = new RequestTriggers(services, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), ['request'], { words: [], isNote });
    expect(after.find('trace request rifles seized Colon')?.formId).to.equal('request-assistance');
    expect(after.find('how long does a trace request usually take?')).to.equal(undefined);
  });

  it('takes a want word that is a form\'s own topic word ("enrol") as that form\'s request in a note', () => {
    const isNote = (text: string) => !text.includes('?') && text.split(' ').length <= 5;
    const topics = [...services.slice(0, 1), FormDefinition.parse({ id: 'request-training', locale: 'en', title: 'Training', triggers: ['request training'], topicWords: ['course', 'enrol'], intro: 'Hi.', fields: [field], submitted: 'Done: {reference}' })];
    const withWants = new RequestTriggers(topics, (entries, mode) => new PhraseMatcher(entries, analyzer, mode), [], { words: ['need', 'enrol'], isNote });
    expect(withWants.find('enrol 4 officers arson')?.formId).to.equal('request-training');
    expect(withWants.find('can we enrol officers from Aruba?')).to.equal(undefined);
  });
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
