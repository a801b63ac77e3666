import { z } from 'zod';

const id = z.string().max(1000);
const shortText = z.string().max(1000);

/** A user, bot or conversation member, as channels send it. */
const ChannelAccount = z.looseObject({
  id,
  name: shortText.nullish(),
  role: shortText.nullish(),
  aadObjectId: shortText.nullish(),
});

const Conversation = z.looseObject({
  id: id.min(1),
  name: shortText.nullish(),
  isGroup: z.boolean().nullish(),
  conversationType: shortText.nullish(),
  tenantId: shortText.nullish(),
});

/** When a timestamp is sent, it must be one: the adapter turns it into a Date. */
const Timestamp = z.string().max(100).refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date');

/**
 * What the bot relies on in an incoming activity, checked at the HTTP edge so that a
 * malformed post gets a 400 with a reason instead of failing inside a turn: the fields every
 * activity has, the fields a reply copies back to the channel (which the connector
 * serializer checks), and the shapes of the fields the handlers read. Other fields pass
 * through untouched (`looseObject`): channels add their own.
 */
export const IncomingActivity = z
  .looseObject({
    type: z.string().min(1).max(100),
    id: id.nullish(),
    channelId: z.string().min(1).max(200),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
    conversation: Conversation,
    from: ChannelAccount,
    recipient: ChannelAccount,
    locale: z.string().max(50).nullish(),
    timestamp: Timestamp.nullish(),
    localTimestamp: Timestamp.nullish(),
    replyToId: id.nullish(),
    text: z.string().max(200_000).nullish(),
    textFormat: shortText.nullish(),
    name: shortText.nullish(),
    action: shortText.nullish(),
    value: z.unknown().optional(),
    channelData: z.looseObject({}).nullish(),
    membersAdded: z.array(ChannelAccount).max(1000).nullish(),
    membersRemoved: z.array(ChannelAccount).max(1000).nullish(),
    reactionsAdded: z.array(z.looseObject({ type: shortText })).max(100).nullish(),
    reactionsRemoved: z.array(z.looseObject({ type: shortText })).max(100).nullish(),
    attachments: z.array(z.looseObject({ contentType: shortText })).max(100).nullish(),
    entities: z.array(z.looseObject({ type: shortText })).max(100).nullish(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).nullish(),
  })
  .superRefine((activity, ctx) => {
    // An invoke names what it invokes and carries its arguments: the Teams handlers read them from an object value.
    if (activity.type === 'invoke') {
      if (!activity.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required for an invoke' });
      if (typeof activity.value !== 'object' || activity.value === null || Array.isArray(activity.value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an object for an invoke' });
      }
    }
  });
export type IncomingActivity = z.infer<typeof IncomingActivity>;

export function describeInvalidActivity(issues: z.core.$ZodIssue[]): string {
  return `Not a valid Bot Framework activity: ${issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}`;
}
