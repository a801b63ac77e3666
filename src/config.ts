import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isLoopbackAddress } from './server/clientAddress';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const metadataUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

/**
 * Every environment variable the service reads, parsed once at start-up. `.env.example`
 * documents each one; a value that does not fit stops start-up with one line per problem.
 */
const ConfigFields = z.strictObject({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Default: 127.0.0.1 without app credentials (local use), 0.0.0.0 with them. */
  HOST: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  DATA_DIR: z.string().trim().min(1).default('data'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DIALOGS_DIR: z.string().trim().min(1).default('dialogs'),
  STAFF_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  REQUEST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  DIRECT_LINE_SECRET: optionalText,
  DIRECT_LINE_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://directline.botframework.com'),
  /** Without app credentials, other machines may reach the bot (the web page, the local Direct Line): a demo on a trusted network. */
  ALLOW_REMOTE_WITHOUT_AUTH: flag,
  /** One reverse proxy in front (Azure App Service): the client address is the last X-Forwarded-For entry. */
  TRUST_PROXY: flag,
  CONVERSATION_RATE_BURST: count(30, 10_000),
  CONVERSATION_RATE_PER_MINUTE: count(60, 600_000),
  CLIENT_RATE_BURST: count(60, 10_000),
  CLIENT_RATE_PER_MINUTE: count(60, 600_000),
  STATE_RETENTION_DAYS: count(30, 3650),
  /** The Bot Framework cloud: empty for public Azure, https://botframework.azure.us for Azure Government. */
  ChannelService: optionalText.pipe(z.literal('https://botframework.azure.us', 'must be empty (public Azure) or https://botframework.azure.us (Azure Government)').optional()),
  ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
  TEAMS_APP_ID: optionalText.pipe(z.uuid('must be a GUID').optional()),
  TEAMS_DEVELOPER_NAME: optionalText,
  TEAMS_WEBSITE_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
  TEAMS_PRIVACY_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
  TEAMS_TERMS_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
  WEB_FRAME_ANCESTORS: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9'*:/.\- ]+$/, "must be CSP source expressions separated by spaces, e.g. 'self' https://portal.example.org")
    .default("'self'"),
});

export const Config = ConfigFields.superRefine((config, ctx) => {
  if (!config.MicrosoftAppId && !config.ALLOW_REMOTE_WITHOUT_AUTH && config.HOST && !isLoopbackAddress(config.HOST) && config.HOST !== 'localhost') {
    ctx.addIssue({
      code: 'custom',
      path: ['HOST'],
      message: 'would let other machines reach a bot whose authentication is off: set MicrosoftAppId, or ALLOW_REMOTE_WITHOUT_AUTH=true for a trusted network',
    });
  }
  if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
  }
  if (config.MicrosoftAppType === 'SingleTenant' && !config.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
  }
}).transform((config) => ({
  ...config,
  HOST: config.HOST ?? (config.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
  /** Bot Framework authentication is on: every request to /api/messages needs a channel's token. */
  authenticated: Boolean(config.MicrosoftAppId),
}));
export type Config = z.output<typeof Config>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads `.env` (when present) into the process environment without overriding variables
 * already set, so a deployment's real settings always win over the file.
 */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** The names of every variable the service reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigFields.shape);

/** The variables the schema knows, taken from `env`; anything else in the environment is ignored. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const known = Object.fromEntries(CONFIG_VARIABLES.map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const result = Config.safeParse(known);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues
        .map((issue) => `Configuration error: ${issue.path.join('.') || '(environment)'} ${issue.message}${valueHint(known, issue.path)}`)
        .join('\n'),
    );
  }
  return Object.freeze(result.data);
}

function valueHint(known: Record<string, string | undefined>, path: PropertyKey[]): string {
  const key = String(path[0] ?? '');
  const secret = /password|secret/i.test(key);
  return key in known && known[key] !== undefined && !secret ? ` (got "${known[key]}")` : '';
}
