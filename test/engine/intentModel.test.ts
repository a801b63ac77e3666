import { expect } from 'chai';
import { IntentModel, intentFeatures, type LabelledText } from '../../src/engine/intentModel';

const examples: LabelledText[] = [
  ...['we need your help tracing six pistols from a raid', 'can ATF trace the rifles we seized last week', 'please send experts to help with our bombing case', 'necesitamos apoyo para rastrear armas incautadas', 'our unit needs the lab to examine residue from a blast', 'help us with a trafficking investigation at the port'].map((text) => ({ text, label: 'requestAssistance' as const })),
  ...['we want to enrol ten officers in the arson course', 'sign our investigators up for post-blast training', 'could our team attend an ILEA class', 'queremos inscribir a nuestros agentes en el curso', 'book seats for our customs officers on a course', 'we would like training for our bomb technicians'].map((text) => ({ text, label: 'requestTraining' as const })),
  ...['any news on the request we sent last month', 'did you receive our application', 'was our training request approved', 'what happened to the trace we asked for'].map((text) => ({ text, label: 'status' as const })),
  ...['run this serial number now', 'look up this gun in eTrace for me', 'search BATS right now', 'tell me who bought this pistol'].map((text) => ({ text, label: 'doItNow' as const })),
  ...['what is eTrace', 'who can use the laboratory', 'what courses does ILEA offer', 'where does IAD have staff', 'how does a trafficking assessment work', 'what is the response team', 'when was the campaign launched', 'what is BATS used for'].map((text) => ({ text, label: 'question' as const })),
];

describe('IntentModel', () => {
  const model = new IntentModel(examples);
  const top = (text: string) => model.classify(text)[0]!;

  it('reads a request worded as none of its examples', () => {
    expect(top('our investigators want to attend the arson training').label).to.equal('requestTraining');
    expect(top('we need help tracing the pistols seized at the port').label).to.equal('requestAssistance');
  });

  it('keeps questions about the same services as questions', () => {
    expect(top('what does the laboratory do').label).to.equal('question');
    expect(top('what is the arson course').label).to.equal('question');
  });

  it('reads the status of a request already sent', () => {
    expect(top('any news on our application').label).to.equal('status');
  });

  it('gives a probability to every label, the likeliest first', () => {
    const guesses = model.classify('trace this serial for me now');
    expect(guesses.map((g) => g.label)).to.have.members(['question', 'requestAssistance', 'requestTraining', 'status', 'doItNow']);
    expect(guesses.reduce((sum, g) => sum + g.probability, 0)).to.be.closeTo(1, 1e-9);
    expect(guesses[0]!.probability).to.be.at.least(guesses[1]!.probability);
  });

  it('learns the same model from the same examples', () => {
    const again = new IntentModel(examples);
    expect(again.classify('can your team help with our case')).to.deep.equal(model.classify('can your team help with our case'));
  });

  it('treats Spanish words by their first letters, so a new inflection still counts', () => {
    expect(intentFeatures('solicitamos')).to.include('p:solic');
    expect(intentFeatures('12 officers?')).to.include.members(['w:#', '?']);
  });
});
