import { z } from 'zod';

/**
 * The minimum every channel sends with an activity. The adapter assumes these exist and
 * answers 500 when they do not; checked here, a malformed post gets a 400 with a reason.
 * Other fields pass through untouched (`looseObject`): channels add their own.
 */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(100),
  channelId: z.string().min(1).max(200),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1).max(1000) }),
  from: z.looseObject({ id: z.string().max(1000) }).optional(),
  text: z.string().max(200_000).optional(),
});

export function describeInvalidActivity(body: unknown): string | undefined {
  const result = IncomingActivity.safeParse(body);
  if (result.success) return undefined;
  return `Not a valid Bot Framework activity: ${result.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}`;
}
