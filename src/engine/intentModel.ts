import { normalizedWords, stemWord } from './analyzer';

/** What a message is, for the intent model: a question to answer, or something to do. */
export const INTENT_LABELS = ['question', 'requestAssistance', 'requestTraining', 'status', 'doItNow'] as const;
/** The labels that start a guided request: each dialog says which one starts it (dialogs/*.yaml). */
export const REQUEST_INTENTS = ['requestAssistance', 'requestTraining'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];
const LABELS = INTENT_LABELS.length;

export interface LabelledText {
  text: string;
  label: IntentLabel;
}

export interface IntentGuess {
  label: IntentLabel;
  probability: number;
}

/** Passes over the examples, and the step size of the first: enough to separate the authored examples, few enough to start fast. */
const EPOCHS = 25;
const LEARNING_RATE = 0.5;
/** Keeps weights small, so that one rare word cannot decide alone. */
const L2 = 1e-4;
/** Features of a message count 1 / count^LENGTH_DAMPING each (see lengthScale). */
const LENGTH_DAMPING = 0.35;
/** Words this long or longer also count by their first letters: "solicitar", "solicitamos" and "solicitud" share "solic". */
const PREFIX_LENGTH = 5;

/**
 * The features of a message: its words (stemmed), their first letters (which carry a word
 * across languages and inflections the English stemmer does not know), pairs of neighbouring
 * words ("we need", "did you"), numbers as one word ("12 officers" is "# officer"), and
 * whether it asks ("?"). Stop words are kept: "we", "my" and "you" are what tell a request
 * from a question.
 */
export function intentFeatures(text: string): string[] {
  const words = normalizedWords(text);
  const stems = words.map((word) => (/^\d+$/.test(word) ? '#' : stemWord(word)));
  const features = new Set<string>();
  stems.forEach((stem, i) => {
    features.add(`w:${stem}`);
    const word = words[i]!;
    if (word.length > PREFIX_LENGTH && !/\d/.test(word)) features.add(`p:${word.slice(0, PREFIX_LENGTH)}`);
    if (i > 0) features.add(`b:${stems[i - 1]} ${stem}`);
  });
  if (stems.length > 0) features.add(`first:${stems[0]}`);
  if (text.includes('?')) features.add('?');
  return [...features];
}

/**
 * A softmax (multinomial logistic) regression over `intentFeatures`, trained at start-up on
 * the authored examples of knowledge/<locale>/intent-examples.yaml and the entries' own
 * questions. Unlike a phrase list it weighs every word of the message against every other,
 * so "we would love to get six of our fire investigators onto the arson course" reads as a training request
 * although no phrase of it was written. Training is deterministic: the same examples give
 * the same model. Pure: no I/O.
 */
export class IntentModel {
  /** Each feature seen in training, by its row in `weights`. */
  private readonly featureIds = new Map<string, number>();
  /** One row of a weight per label for each feature. */
  private readonly weights: Float64Array;
  private readonly bias = new Float64Array(LABELS);

  constructor(examples: readonly LabelledText[]) {
    const data = examples.map(({ text, label }) => ({ features: this.idsOf(intentFeatures(text), true), label: INTENT_LABELS.indexOf(label) }));
    this.weights = new Float64Array(this.featureIds.size * LABELS);
    // Each label weighs as much in training as any other, however many examples it has.
    const counts = INTENT_LABELS.map((_, c) => data.filter((d) => d.label === c).length);
    const labelWeight = counts.map((n) => (n === 0 ? 0 : data.length / (LABELS * n)));
    const random = seededRandom(1);
    const order = data.map((_, i) => i);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      shuffle(order, random);
      const rate = LEARNING_RATE / (1 + epoch / 5);
      for (const i of order) {
        const { features, label } = data[i]!;
        const scale = lengthScale(features.length);
        const p = this.probabilities(features, scale);
        for (let c = 0; c < LABELS; c++) {
          const gradient = (p[c]! - (c === label ? 1 : 0)) * labelWeight[label]!;
          this.bias[c]! -= rate * gradient;
          for (const feature of features) {
            const at = feature * LABELS + c;
            this.weights[at]! -= rate * (gradient * scale + L2 * this.weights[at]!);
          }
        }
      }
    }
  }

  /** Every label with its probability, the likeliest first. */
  classify(text: string): IntentGuess[] {
    // Words never seen in training weigh nothing, but they still make the message longer.
    const features = intentFeatures(text);
    const p = this.probabilities(this.idsOf(features, false), lengthScale(features.length));
    return INTENT_LABELS.map((label, c) => ({ label, probability: p[c]! })).sort((a, b) => b.probability - a.probability);
  }

  /** The rows of the features; features never seen in training count for nothing (unless `learn`ing them). */
  private idsOf(features: readonly string[], learn: boolean): number[] {
    return features.flatMap((feature) => {
      let id = this.featureIds.get(feature);
      if (id === undefined && learn) this.featureIds.set(feature, (id = this.featureIds.size));
      return id === undefined ? [] : [id];
    });
  }

  private probabilities(features: readonly number[], scale: number): number[] {
    const scores = Array.from(this.bias);
    for (const feature of features) for (let c = 0; c < LABELS; c++) scores[c]! += this.weights[feature * LABELS + c]! * scale;
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return exp.map((e) => e / sum);
  }
}

/**
 * How much each feature of a message counts, by how many it has: a long email says more, but
 * not in proportion, or its greeting and signature would decide.
 */
function lengthScale(count: number): number {
  return 1 / Math.pow(Math.max(1, count), LENGTH_DAMPING);
}

/** A small deterministic generator (mulberry32), so that training gives the same model every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
