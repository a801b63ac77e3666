import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

/**
 * A gazetteer: the places partners write from, mapped to the places the program information
 * names (Canada, Mexico, the Netherlands, the Caribbean, Latin America). A question naming
 * Jamaica is then also a question about the Caribbean, and one naming Peru or Belgium is
 * answered with what the page says about where IAD works, and that it names no office there.
 */
export const PlaceFile = z.strictObject({
  places: z.array(
    z.strictObject({
      id,
      /** As the bot writes it: "the Netherlands", "Jamaica". */
      name: z.string().trim().min(1).max(60),
      /** The program information names this place itself. */
      named: z.boolean().default(false),
      /** ATF's own country: naming it tells of no partner's case ("guns bought in Texas"). */
      home: z.boolean().default(false),
      /** The named place this one lies in ("caribbean" for Jamaica). */
      in: id.optional(),
      /** How partners write it: its names, demonyms, main cities and regions, in the languages they use. */
      words: z.array(z.string().trim().min(1)).min(1),
    }),
  ),
  /**
   * Words that, beside a place and nothing else the knowledge speaks of, ask whether IAD is
   * there ("ATF in Mexico?", "any IAD office in Europe?"): the question goes to the entry that
   * provides `presence`.
   */
  presenceWords: z.array(z.string().trim().min(1)).default([]),
});
export type PlaceFile = z.infer<typeof PlaceFile>;
