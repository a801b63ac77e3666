import { z } from 'zod';

const phrases = z.array(z.string().trim().min(1)).min(1);

/**
 * What partners ask the assistant to do rather than to explain, as phrases (each matched by
 * all its words, in any order): the status of a request they made, something only IAD staff
 * can do ("trace this serial number now"), and the words that point back to the topic just
 * discussed ("who can use it?", "tell me more"). Requests for assistance or training are the
 * triggers of their dialogs (dialogs/*.yaml).
 */
export const IntentFile = z.strictObject({
  status: z.strictObject({
    phrases,
    /** Or one of these, naming the partner's own request ("our request")... */
    anchors: phrases,
    /** ...with one of these about its progress ("approved", "checking"). */
    cues: phrases,
  }),
  doItNow: z.strictObject({
    phrases,
    /**
     * Words that make a phrase an order to the assistant ("can you", "now"); without one, the
     * phrase must open the message ("run a trace on...") to count: "does ATF have to run the
     * trace for us?" asks how things work.
     */
    cues: phrases,
  }),
  followUp: z.strictObject({
    /** Words that stand for the last topic ("it", "that", "there"). */
    pointers: phrases,
    /** Asking for more of the same topic. */
    more: phrases,
    /** Opening words that move the same question to another object ("and in Mexico?", "what about BATS?"). */
    shift: phrases,
    /** Asking for the service just discussed ("we want that for our unit", "how do we ask for one?"). */
    request: phrases,
    /** Words that, opening a message, make it a question about the service, not a request for it ("who can get one?"). */
    questionWords: z.array(z.string().trim().min(1)).default([]),
    /** A year relative to the one the last answer gives ("and the year after?", "the previous year?"). */
    yearAfter: z.array(z.string().trim().min(1)).default([]),
    yearBefore: z.array(z.string().trim().min(1)).default([]),
  }),
  /**
   * Words that set a topic aside ("besides the lab", "other than eTrace"): what follows them,
   * to the end of the clause, is not what the partner asks about.
   */
  setAside: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words of an alternative a question moves away from: with "only" before "or" ("only
   * courses, or also conferences?"), the "only" part is not what the partner asks about.
   */
  alternatives: z.strictObject({ only: z.array(z.string().trim().min(1)), or: z.array(z.string().trim().min(1)) }).default({ only: [], or: [] }),
  /**
   * Asking IAD to act on a service the message names or that was just discussed ("can you
   * set that up?", "we'd like ATF to do an assessment"): the request for it starts.
   */
  askToAct: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that open a condition ("if we request the team, how fast...?"): a question asked
   * under a condition is not itself a request.
   */
  conditions: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words by which partners speak of their own case or people ("for us", "our unit", "we
   * seized"): a question about a service that also tells of a case of one's own ("we seized 14
   * pistols, can ATF help us trace them?") is a request, read with `intentConfidenceWithCase`.
   */
  ownCase: z.array(z.string().trim().min(1)).default([]),
  /**
   * The partner's own people: one of `owners` close to one of `groups` ("our bomb squad", "for
   * customs officers", "para el laboratorio de la PDI"), each word as written. They tell of the
   * partner's own need as `ownCase` does, unless one of `strangers` stands by a group ("for
   * foreign agencies", "policías extranjeras"): then the partner asks about partners in general.
   */
  people: z.strictObject({ owners: phrases, groups: phrases, strangers: phrases }).optional(),
  /**
   * Words that ask whether IAD can do something ("can ATF", "could you", "¿nos pueden",
   * "pouvez-vous"), or whether or how the partner can have it ("can our", "how do we get"):
   * asked for the partner's own case or people ("we seized four revolvers, can ATF help find
   * where they come from?"), that asks for the service answered: the answer, then its form.
   */
  canYou: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words by which partners say they need or want something ("need", "besoin", "quiero",
   * "enrol"; no courtesy words): in a terse note (IntentRecognizer.isNote) one of them makes the
   * message a request read like one that tells of a case, and just before a service's name it
   * starts that service's form ("need BATS access", "besoin traçage arme saisie").
   */
  wants: z.array(z.string().trim().min(1)).default([]),
});
export type IntentFile = z.infer<typeof IntentFile>;
