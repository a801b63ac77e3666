import { existsSync } from 'node:fs';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * Every environment variable the service reads, parsed once at start-up. `.env.example`
 * documents each one; a value that does not fit stops start-up with one line per problem.
 */
export const Config = z.strictObject({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
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
  LOCAL_DIRECT_LINE_ALLOW_REMOTE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
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
}).superRefine((config, ctx) => {
  if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
  }
  if (config.MicrosoftAppType === 'SingleTenant' && !config.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
  }
});
export type Config = z.infer<typeof Config>;

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

/** The variables the schema knows, taken from `env`; anything else in the environment is ignored. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const known = Object.fromEntries(Object.keys(Config.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]));
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
