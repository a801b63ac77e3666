import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

export const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');
/** The schema version the manifest declares, read from the copy that @microsoft/app-manifest ships (no network). */
const SCHEMA_FILE = join(require.resolve('@microsoft/app-manifest'), '..', 'json-schemas', 'teams', 'v1.24', 'MicrosoftTeams.schema.json');
const LOCALIZATION_SCHEMA_FILE = join(SCHEMA_FILE, '..', 'MicrosoftTeams.Localization.schema.json');

export type ManifestValues = Record<'TEAMS_APP_ID' | 'MicrosoftAppId' | 'TEAMS_DEVELOPER_NAME' | 'TEAMS_WEBSITE_URL' | 'TEAMS_PRIVACY_URL' | 'TEAMS_TERMS_URL', string>;

/** appPackage/manifest.json with its {{placeholders}} filled; a missing value is an error, never a guess. */
export function buildManifest(values: ManifestValues): object {
  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name as keyof ManifestValues];
    if (!value) throw new Error(`appPackage/manifest.json needs ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as object;
}

/**
 * Errors of the manifest against the Teams JSON schema it declares, and of each language file
 * its `localizationInfo` names against the Teams localization schema; empty when valid.
 */
export async function manifestErrors(manifest: object): Promise<string[]> {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  const localizationSchema = withUsablePatterns(JSON.parse(readFileSync(LOCALIZATION_SCHEMA_FILE, 'utf8')) as JsonSchema);
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest as never, schema);
  for (const file of languageFiles(manifest)) {
    const strings = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, file), 'utf8')) as object;
    errors.push(...(await ManifestUtil.validateManifestAgainstSchema(strings as never, localizationSchema as never)).map((error) => `${file}: ${error}`));
  }
  return errors;
}

type JsonSchema = { patternProperties?: Record<string, unknown> } & Record<string, unknown>;

/**
 * The localization schema without the key patterns a Unicode-mode validator cannot compile
 * (those of Teams activity feeds, `activities.activityTypes[..]`, which this app does not
 * use): the validator would otherwise refuse the whole schema.
 */
function withUsablePatterns(schema: JsonSchema): JsonSchema {
  const usable = Object.entries(schema.patternProperties ?? {}).filter(([pattern]) => {
    try {
      new RegExp(pattern, 'u');
      return true;
    } catch {
      return false;
    }
  });
  return { ...schema, patternProperties: Object.fromEntries(usable) };
}

/** The language files (es.json, fr.json) the manifest's `localizationInfo` names. */
function languageFiles(manifest: object): string[] {
  const info = (manifest as { localizationInfo?: { additionalLanguages?: { file: string }[] } }).localizationInfo;
  return (info?.additionalLanguages ?? []).map((language) => language.file);
}

/** The zip Teams accepts for sideloading: manifest.json, its language files and the two icons at its root. */
export function packageZip(manifest: object): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    ...Object.fromEntries(languageFiles(manifest).map((file) => [file, readFileSync(join(APP_PACKAGE_DIR, file))])),
    'color.png': readFileSync(join(APP_PACKAGE_DIR, 'color.png')),
    'outline.png': readFileSync(join(APP_PACKAGE_DIR, 'outline.png')),
  });
}
