import { expect } from 'chai';
import { Analyzer } from '../../src/engine/analyzer';
import { IntentRecognizer } from '../../src/engine/intents';

const file = {
  status: { phrases: ['status of my request', 'we submitted a request'], anchors: ['my request', 'our request'], cues: ['approved', 'checking'] },
  doItNow: { phrases: ['trace this gun', 'run a trace'], cues: ['you', 'now'] },
  followUp: {
    pointers: ['it', 'that', 'them'],
    more: ['tell me more'],
    shift: ['and', 'what about'],
    request: ['want that', 'need them', 'get one'],
    questionWords: ['who', 'what'],
    yearAfter: ['year after', 'following year'],
    yearBefore: ['year before', 'año anterior'],
  },
  setAside: ['besides', 'other than'],
  alternatives: { only: ['only', 'solo'], or: ['or', 'o'] },
  askToAct: ['can you set', 'would like atf to'],
  conditions: ['if', 'once'],
  ownCase: ['our case', 'we seized'],
  people: { owners: ['our', 'for'], groups: ['officers', 'bomb squad', 'investigators'], strangers: ['foreign'] },
  wants: ['need', 'pls'],
  canYou: ['can atf', 'could you'],
};

const examples = [
  ...['we need help tracing pistols from a raid', 'please send experts to help with our bombing case'].map((text) => ({ text, label: 'requestAssistance' as const })),
  ...['we want to enrol ten officers in the arson course', 'sign our investigators up for training'].map((text) => ({ text, label: 'requestTraining' as const })),
  ...['what is eTrace', 'who can use the laboratory', 'what courses are offered', 'where does IAD have staff'].map((text) => ({ text, label: 'question' as const })),
];

const recognizer = new IntentRecognizer(file, new Analyzer(), examples, { confidence: 0.7, confidenceWithCase: 0.7, maxChars: 2000 });

describe('engine/intents', () => {
  const intents: [string, string | undefined][] = [
    ['what is the status of my request?', 'status'],
    ['we submitted a request last month, any news', 'status'],
    ['we want to submit a request', undefined], // as written: not a past request
    ['did my request for the lab get approved?', 'status'], // its own request, and a word of progress
    ['I want to make my request for training', undefined],
    ['please trace this gun now', 'doItNow'],
    ['can you run a trace on serial AB123', 'doItNow'],
    ['run a trace on serial AB123', 'doItNow'], // an order: the phrase opens the message
    ['does ATF have to run a trace for us first?', undefined], // how things work, not an order
    ['how does tracing work', undefined],
  ];
  for (const [text, intent] of intents) it(`"${text}" is ${intent ?? 'no intent'}`, () => expect(recognizer.intent(text)).to.equal(intent));

  it('guesses, with the intent model, a request no phrase finds, and only when sure enough', () => {
    expect(recognizer.guessedIntent('we need help tracing the pistols from our raid')).to.equal('requestAssistance');
    expect(recognizer.guessedIntent('we want to enrol our investigators in the arson course')).to.equal('requestTraining');
    expect(recognizer.guessedIntent('who can use the laboratory')).to.equal(undefined);
    // Torn between assistance (43%) and training (40%), it is still surely a request: the likelier one.
    expect(recognizer.guessedIntent('we want experts to help our arson investigators')).to.equal('requestAssistance');
    // Only questions, opening with a question word, ask how things work (74% request otherwise).
    expect(recognizer.guessedIntent('what do we need to enrol our officers in the arson course? an MOU?')).to.equal(undefined);
    expect(recognizer.guessedIntent('if we need help tracing the pistols from our raid, how long does it take?')).to.equal(undefined);
    const unsure = new IntentRecognizer(file, new Analyzer(), examples, { confidence: 0.999, confidenceWithCase: 0.999, maxChars: 2000 });
    expect(unsure.guessedIntent('we need help tracing the pistols from our raid')).to.equal(undefined);
  });

  it('takes a question about a service as a request with less certainty when it tells of the partner\'s own case', () => {
    const withCase = new IntentRecognizer(file, new Analyzer(), examples, { confidence: 0.7, confidenceWithCase: 0.5, maxChars: 2000 });
    // The model's request reading: 51% with "our case", 65% without a case of one's own.
    expect(withCase.guessedIntent('can the laboratory help with our case?')).to.equal('requestAssistance');
    expect(withCase.guessedIntent('can ATF help with tracing the pistols?')).to.equal(undefined);
    expect(recognizer.guessedIntent('can the laboratory help with our case?')).to.equal(undefined);
    // Wanting something done for one's own case is a request to IAD staff, unless it orders the assistant ("now", "you").
    const orders = ['run these serial numbers through eTrace', 'check these guns in the database'].map((text) => ({ text, label: 'doItNow' as const }));
    const withOrders = new IntentRecognizer(file, new Analyzer(), [...examples, ...orders], { confidence: 0.7, confidenceWithCase: 0.5, maxChars: 2000 });
    expect(withOrders.guessedIntent('we seized pistols, run them through eTrace')).to.equal('requestAssistance');
    expect(withOrders.guessedIntent('we seized pistols, run them through eTrace now')).to.equal(undefined);
  });

  it('takes a note that says it wants a service as a request with less certainty, but not a question about needing it', () => {
    const withCase = new IntentRecognizer(file, new Analyzer(), examples, { confidence: 0.7, confidenceWithCase: 0.5, maxChars: 2000 });
    // The model's request reading: 66% for the note, 67% for the question.
    expect(withCase.guessedIntent('tracing pistols pls')).to.equal('requestAssistance');
    expect(recognizer.guessedIntent('tracing pistols pls')).to.equal(undefined);
    expect(withCase.guessedIntent('do we need experts for the bombing?')).to.equal(undefined);
  });

  it('reads a message only as far as the engine reads a question, so a pasted report costs no more than its start', () => {
    const filler = 'the seized items were logged at the port. '.repeat(60); // 2,580 characters
    expect(recognizer.intent(`status of my request. ${filler}`)).to.equal('status');
    expect(recognizer.intent(`${filler} status of my request`)).to.equal(undefined);
  });

  it('tells a message that points back, asks for more, shifts the object or asks for the topic', () => {
    expect(recognizer.pointsBack('who can use it?')).to.equal(true);
    expect(recognizer.pointsBack('who can use eTrace?')).to.equal(false);
    expect(recognizer.asksMore('tell me more')).to.equal(true);
    expect(recognizer.withoutMore('tell me more about the courses')).to.equal('about the cours');
    expect(recognizer.shiftsObject('and in Mexico?')).to.equal(true);
    expect(recognizer.shiftsObject('guns and rifles')).to.equal(false); // only at the start
    expect(recognizer.asksForTopic('we want that for our unit')).to.equal(true);
    expect(recognizer.asksForTopic('how do we get one?')).to.equal(true);
    expect(recognizer.asksForTopic('who can get one?')).to.equal(false); // one question about it
    expect(recognizer.asksForTopic('What was the first course again? We want that for our officers.')).to.equal(true);
  });

  it('takes a want the model reads as a request as asking for the topic, and a want to know as no request', () => {
    // The model: 71% request for the first, 22% for the second, 25% against 60% question for the third.
    expect(recognizer.asksForTopic('we need experts for a bombing at the port')).to.equal(true);
    expect(recognizer.asksForTopic('need to know who can use the laboratory')).to.equal(false);
    expect(recognizer.asksForTopic('we need to know what courses are offered')).to.equal(false);
    expect(recognizer.asksForTopic('we need experts for a bombing at the port?')).to.equal(false);
  });

  it('tells a year counted from the last answer\'s ("and the year after?")', () => {
    expect(recognizer.yearOffset('and the year after?')).to.equal(1);
    expect(recognizer.yearOffset('And in the following year, what did they do?')).to.equal(1);
    expect(recognizer.yearOffset('¿y el año anterior?')).to.equal(-1);
    expect(recognizer.yearOffset('what happened after that?')).to.equal(undefined);
  });

  it('tells a message that asks IAD to act on a service', () => {
    expect(recognizer.asksToAct('we would like ATF to do an assessment, possible?')).to.equal(true);
    expect(recognizer.asksToAct('can you set that up for us')).to.equal(true);
    expect(recognizer.asksToAct('what does an assessment look like?')).to.equal(false);
  });

  it('tells a question asked under a condition from a request', () => {
    expect(recognizer.asksUnderCondition('if we request the response team, how fast can it come?')).to.equal(true);
    expect(recognizer.asksUnderCondition('if possible we request the response team.')).to.equal(false); // no question
    expect(recognizer.asksUnderCondition('we request the response team, if possible?')).to.equal(false); // the condition does not open it
  });

  it('tells a partner asking whether IAD can do something for their own case, or a few words about it, from one asking what they may do or supposing', () => {
    expect(recognizer.asksIadForOwnCase('We seized 14 pistols in a raid last week. Can ATF trace them for our case?')).to.equal(true);
    expect(recognizer.asksIadForOwnCase('tracing for our case?')).to.equal(true);
    // Without a case of one's own, a question about the service.
    expect(recognizer.asksIadForOwnCase('Can ATF trace pistols seized abroad, and with which system is that done these days?')).to.equal(false);
    // "can ... ATF" far apart is the partner's own ability, not a question to IAD.
    expect(recognizer.asksIadForOwnCase('can we use these ATF resources for our case or are they only for joint US investigations?')).to.equal(false);
    expect(recognizer.asksIadForOwnCase('We host a summit next year. If there is a bombing, can ATF send experts for our case?')).to.equal(false);
    expect(recognizer.asksIadForOwnCase('what can ATF do for our case?')).to.equal(false);
    // A place of the partner's, asked whether IAD can: their own case; without the asking, a question.
    expect(recognizer.asksIadForOwnCase('Can ATF assess how firearms are getting trafficked into Montserrat?', true)).to.equal(true);
    expect(recognizer.asksIadForOwnCase('Can ATF assess how firearms are getting trafficked into Montserrat?', false)).to.equal(false);
    expect(recognizer.asksIadForOwnCase('how are firearms trafficked into Montserrat these days?', true)).to.equal(false);
  });

  it("takes the partner's own people as their own case, not people in general", () => {
    expect(recognizer.asksIadForOwnCase('post blast course for our bomb squad, interested')).to.equal(true);
    expect(recognizer.asksIadForOwnCase('arson course for customs officers pls')).to.equal(true);
    expect(recognizer.asksIadForOwnCase('Could you train our northern district investigators on arson and explosives?')).to.equal(true);
    // Partners in general, a word that only looks like a group, or the group before "for".
    expect(recognizer.asksIadForOwnCase('arson course for foreign officers?')).to.equal(false);
    expect(recognizer.asksIadForOwnCase('can our bomb squad join the foreign course?')).to.equal(true); // the stranger is the course's
    expect(recognizer.asksIadForOwnCase('lab support for investigations abroad')).to.equal(false);
    expect(recognizer.asksIadForOwnCase('do the officers go for a week')).to.equal(false);
  });

  it('leaves out what a message sets aside, to the end of its clause', () => {
    expect(recognizer.withoutSetAside('what other resources do you share besides the lab?')).to.equal('what other resources do you share ?');
    expect(recognizer.withoutSetAside('Besides firearms, is there explosives training?')).to.equal(', is there explosives training?');
    expect(recognizer.withoutSetAside('other than eTrace')).to.equal('');
    // Without the end of a clause within a few words, nothing is set aside: the message stays whole.
    const long = 'other than eTrace what tools and systems can our unit use';
    expect(recognizer.withoutSetAside(long)).to.equal(long);
    expect(recognizer.withoutSetAside('unbesides the lab?')).to.equal('unbesides the lab?');
  });

  it('leaves out the alternative a question moves away from ("only ..., or also ...?")', () => {
    expect(recognizer.withoutSetAside('does ATF only do courses or also conferences?')).to.match(/^does ATF\s+or also conferences\?$/);
    expect(recognizer.withoutSetAside('can prosecutors attend, or only police?')).to.equal('can prosecutors attend, or only police?');
    expect(recognizer.withoutSetAside('solo cursos o también conferencias?')).to.match(/^\s*o también conferencias\?$/);
    // "Only" without an "or" restricts the question itself: kept.
    expect(recognizer.withoutSetAside('is eTrace only for US agencies?')).to.equal('is eTrace only for US agencies?');
  });
});
