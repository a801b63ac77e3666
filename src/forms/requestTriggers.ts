import type { Intent } from '../engine/intents';
import type { PhraseMatch, PhraseMatcher, PhraseMode } from '../engine/phraseMatcher';
import type { FormDefinition } from './formDefinition';
import type { RequestOffer } from './serviceRequests';
import { alternation } from '../engine/phrasePattern';

export interface RequestMatch {
  formId: string;
  /** Words of the longest trigger found: the more, the surer. */
  length: number;
}

/**
 * Which guided request a message asks to start, from the dialog files: a trigger matches
 * when its words are in the message in order, a few words apart at most ("we need ATF's
 * help with a case" meets "need help"). A form whose topic words the message uses ("course")
 * takes the request, whichever trigger started it; otherwise the form whose longest trigger
 * is longest wins, and a tie goes to the form with more of its triggers in the message.
 */
export class RequestTriggers {
  private readonly matcher: PhraseMatcher<string>;
  private readonly topics: PhraseMatcher<string>;
  /** The services each form offers, by the names its choices give them. */
  private readonly services: PhraseMatcher<string>;
  /** A request word shortly before a service's name: "Solicitud de rastreo armas". */
  private readonly serviceRequests: PhraseMatcher<string>;
  /** In a note, a request word just after a service's name: "trace request firearms seized Colon". */
  private readonly serviceRequestsAfter: PhraseMatcher<string>;
  /** In a note naming services of two forms, a request word opening it right before one of them: "request IRT for post blast scene". */
  private readonly adjacentRequests: PhraseMatcher<string>;
  /** A want word shortly before a service's name, in a note: "need BATS access", "besoin tracage arme". */
  private readonly serviceWants: PhraseMatcher<string>;
  /** A form's topic words that are want words too ("inscription", "enrol"): in a note, they ask for that form. */
  private readonly topicWants: PhraseMatcher<string>;
  private readonly byIntent: ReadonlyMap<string, string>;
  /** The forms' topic idioms ("in the course of"), where a topic word names no topic nor service. */
  private readonly idioms: RegExp | undefined;

  /**
   * `requestWords`: the language's words that ask for something, each a trigger before the
   * name of any service a form offers; `wants` the same for the want words (intents.yaml
   * `wants`) in a message that `isNote`: "need BATS access" wants it, "do we need BATS access
   * to see incidents?" asks how it works, and "souhaiterait connaître l'outil de traçage"
   * wants to know. `likelierRequest`: the request the intent model finds likelier
   * (IntentRecognizer.likelierRequest), which settles a trigger against a service's name.
   */
  constructor(
    forms: readonly FormDefinition[],
    matcher: <T>(entries: { phrase: string; value: T }[], mode: PhraseMode, synonyms: boolean) => PhraseMatcher<T>,
    requestWords: readonly string[] = [],
    private readonly wants: { words: readonly string[]; isNote: (text: string) => boolean } = { words: [], isNote: () => false },
    private readonly likelierRequest: (text: string) => Intent | undefined = () => undefined,
  ) {
    // Triggers are matched as written: synonyms would make "I'd like to ask" a "like to request".
    this.matcher = matcher(
      forms.flatMap((form) => form.triggers.map((phrase) => ({ phrase, value: form.id }))),
      'ordered',
      false,
    );
    // Names compared as the matcher reads them: "incendie" and "incendies" are one name.
    const reader = matcher([], 'sequence', false);
    const services = [...serviceNames(forms, (name) => reader.stemsOf(name).join(' '))].flatMap(([formId, names]) => names.map((phrase) => ({ phrase, value: formId })));
    this.services = matcher(services, 'sequence', false);
    // The small words inside a name are left out around a request word: "pedir equipo respuesta"
    // asks for the "equipo de respuesta". Those that open or close it stay: "con plazo" is no "plazo".
    const named = services.map(({ phrase, value }) => ({ phrase: withoutInnerStopWords(phrase, (word) => reader.stemsOf(word).length === 0), value }));
    const before = (words: readonly string[]) => words.flatMap((word) => named.map(({ phrase, value }) => ({ phrase: `${word} ${phrase}`, value })));
    const requestsBefore = before(requestWords);
    this.serviceRequests = matcher(requestsBefore, 'ordered', false);
    this.serviceRequestsAfter = matcher(
      requestWords.flatMap((word) => named.map(({ phrase, value }) => ({ phrase: `${phrase} ${word}`, value }))),
      'ordered',
      false,
    );
    this.serviceWants = matcher(before(wants.words), 'ordered', false);
    this.adjacentRequests = matcher(requestsBefore, 'phrase', false);
    this.topicWants = matcher(
      forms.flatMap((form) => form.topicWords.filter((word) => wants.words.includes(word)).map((phrase) => ({ phrase, value: form.id }))),
      'sequence',
      false,
    );
    // Topic words are listed in full, and matched as written: synonyms would make "en cours" (under way) a "course".
    this.topics = matcher(
      forms.flatMap((form) => form.topicWords.map((phrase) => ({ phrase, value: form.id }))),
      'sequence',
      false,
    );
    const idioms = alternation(forms.flatMap((form) => form.topicIdioms));
    this.idioms = idioms === '' ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${idioms})(?![\\p{L}\\p{N}])`, 'giu');
    this.byIntent = new Map(forms.flatMap((form) => (form.intent ? [[form.intent, form.id]] : [])));
  }

  /** Whether the message names a service one of the forms offers ("an assessment", "BATS"). */
  namesService(text: string): boolean {
    return this.services.find(this.withoutIdioms(text)).length > 0;
  }

  /** The form an intent starts ("requestTraining": the request for training), if one does. */
  formOfIntent(intent: Intent | undefined): string | undefined {
    return intent === undefined ? undefined : this.byIntent.get(intent);
  }

  find(text: string): RequestMatch | undefined {
    const matches = this.matcher.find(text);
    const request = matches.length === 0 ? (this.serviceRequest(text) ?? this.topicWant(text)) : undefined;
    const longest = matches[0] ?? request;
    if (!longest) return undefined;
    // "Queremos un training sobre análisis": a service of the assistance form ("training") in the training form's words.
    const topic = this.formOfTopic(text);
    if (topic) return { formId: topic, length: longest.length };
    if (request) return request;
    const byForm = new Map<string, { longest: number; count: number }>();
    for (const match of matches) {
      const seen = byForm.get(match.value) ?? { longest: 0, count: 0 };
      byForm.set(match.value, { longest: Math.max(seen.longest, match.length), count: seen.count + 1 });
    }
    const [formId, best] = [...byForm].sort(([, a], [, b]) => b.longest - a.longest || b.count - a.count)[0]!;
    // "How do I sign my unit up for BATS access?": a trigger of one form ("sign up"), only the
    // services of another named, and the intent model leaning to that other: the other form.
    // ("...une évaluation of firearms trafficking routes, how do we get this started?" names a
    // course's words, and the model reads the assessment the trigger asks for.)
    const named = this.formsNamed(text);
    const [service] = named;
    const other = named.size === 1 && service !== formId && this.formOfIntent(this.likelierRequest(text)) === service;
    return { formId: other ? service! : formId, length: best.longest };
  }

  /**
   * The offer, moved to the form whose topic words the message uses: "can we ask ATF for
   * this course?" about scenes after explosions is a training request, not a response team.
   */
  inFormOfTopic(text: string, offer: RequestOffer | undefined): RequestOffer | undefined {
    const topic = this.formOfTopic(text);
    return offer && topic && topic !== offer.formId ? { formId: topic, prefill: {} } : offer;
  }

  /**
   * In a note, a want word that is itself a form's topic word ("inscription cours incendie",
   * "enrol 4 officers arson"): that form.
   */
  private topicWant(text: string): RequestMatch | undefined {
    const [topic] = this.wants.isNote(text) ? this.topicWants.find(this.withoutIdioms(text)) : [];
    return topic && { formId: topic.value, length: topic.length };
  }

  /**
   * A request word before the name of a service (in a note, also a want word before it or a
   * request word after it: "trace request firearms seized"), when the message names the services
   * of one form only, each name read from the left ("solicito evaluación de tráfico de armas"
   * names the assessment): "request an assessment of the river routes, or an arson course" says
   * nothing of which it asks for; in a note, a request word right before one form's service does
   * ("request IRT for post blast scene": the blast is the case, the team the request).
   */
  private serviceRequest(text: string): RequestMatch | undefined {
    const named = this.formsNamed(text);
    const note = this.wants.isNote(text);
    if (named.size > 1 && note) return this.adjacentRequest(text);
    if (named.size !== 1) return undefined;
    const requests = [...this.serviceRequests.find(text), ...(note ? [...this.serviceWants.find(text), ...this.serviceRequestsAfter.find(text)] : [])];
    const [match] = requests.filter((m) => named.has(m.value));
    return match && { formId: match.value, length: match.length };
  }

  /** A request word right before the services of one form only: that form ("lab exam request - IED fragments" says nothing of which). */
  private adjacentRequest(text: string): RequestMatch | undefined {
    // Opening the note: "lab exam request - IED fragments" has "request IED" only across a dash.
    const matches = this.adjacentRequests.find(this.withoutIdioms(text)).filter((match) => match.position === 0);
    const forms = new Set(matches.map((match) => match.value));
    return forms.size === 1 ? { formId: matches[0]!.value, length: matches[0]!.length } : undefined;
  }

  /** The forms whose services the message names, each name read from the left. */
  private formsNamed(text: string): Set<string> {
    return new Set(leftmostLongest(this.services.find(this.withoutIdioms(text))).map((match) => match.value));
  }

  /** The form whose topic words the message uses ("course", "formation"), if any. */
  formOfTopic(text: string): string | undefined {
    return this.topics.find(this.withoutIdioms(text))[0]?.value;
  }

  private withoutIdioms(text: string): string {
    return this.idioms ? text.replace(this.idioms, ' ') : text;
  }
}

/**
 * The services each form offers: its choices' names, without those another form also uses as a
 * name or a topic word ("trafic" is an assessment on one form and a course on the other, so
 * "demande ... trafic" says nothing of which; the assistance form's "training" choice is named
 * by the training form's topic words), and its own topic words ("quiero capacitación ATF" asks
 * for a course). `key` reads a name as the matcher does: "incendie" and "incendies" are one.
 */
function serviceNames(forms: readonly FormDefinition[], key: (name: string) => string): Map<string, string[]> {
  const choiceNames = new Map(
    forms.map((form) => [form.id, form.fields.flatMap((field) => (field.type === 'choice' ? field.choices.flatMap((choice) => [choice.label, ...choice.synonyms]) : [])).map((name) => name.toLowerCase())]),
  );
  const keysOf = new Map(forms.map((form) => [form.id, new Set([...choiceNames.get(form.id)!, ...form.topicWords].map(key))]));
  const usedElsewhere = (formId: string, name: string) => forms.some((other) => other.id !== formId && keysOf.get(other.id)!.has(key(name)));
  return new Map(forms.map((form) => [form.id, [...new Set([...choiceNames.get(form.id)!.filter((name) => !usedElsewhere(form.id, name)), ...form.topicWords])]]));
}

/**
 * The matches that overlap none found before them, read from the left, the longer first where
 * two start together: in "evaluación de tráfico de armas" the assessment is named, and the
 * course on "tráfico de armas" that shares its "tráfico" is not.
 */
function leftmostLongest<T>(matches: readonly PhraseMatch<T>[]): PhraseMatch<T>[] {
  const kept: PhraseMatch<T>[] = [];
  for (const match of [...matches].sort((a, b) => a.position - b.position || b.length - a.length)) {
    if (kept.every((k) => match.position >= k.position + k.length)) kept.push(match);
  }
  return kept;
}

/** A name without the small words between its first and last: "equipo de respuesta" is "equipo respuesta". */
function withoutInnerStopWords(name: string, isStopWord: (word: string) => boolean): string {
  const words = name.split(/\s+/);
  return words.filter((word, i) => i === 0 || i === words.length - 1 || !isStopWord(word)).join(' ');
}
